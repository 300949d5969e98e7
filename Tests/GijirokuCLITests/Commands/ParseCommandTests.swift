import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuCLI
import Gijiroku

/// `gijiroku parse` run in-process: exit code, standard output and standard error.
@Suite struct ParseCommandTests {
    static let root = Repository.root
    static let corpus = root.appendingPathComponent("Corpus/minutes").path

    func run(_ arguments: [String], stdin: String = "") -> CLI.Run { CLI.run(arguments, stdin: stdin) }

    func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = Repository.scratch.appendingPathComponent("gijiroku-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func parsesOneFileToOneJSONRecord() throws {
        let r = run(["parse", "\(Self.corpus)/shiomigawa-gyokaku-01.txt"])
        #expect(r.code == 0)
        #expect(r.err == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["date"] as? String == "2018-06-12")
        #expect(r.out.hasSuffix("}\n"))
    }

    @Test func aFolderIsWalkedAndGivesAnArrayInSortedOrder() throws {
        let r = run(["parse", Self.corpus])
        #expect(r.code == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(array.count == 46)   // 41 text files, one PDF and one HTML page; three pages hold two meetings each
        let paths = array.compactMap { ($0["source"] as? [String: Any])?["path"] as? String }
        #expect(paths == paths.sorted())
        #expect(r.err.contains("shiomigawa-kosodate-04.txt:3: warning: 曜日（火）"))
    }

    @Test func terminalEscapesInATextOrAFileNameAreShownNotObeyed() throws {
        let path = try temporaryFile("esc\nname.txt", Array("第1回汐見川市\u{1B}]0;PWNED\u{07}会議 議事録\n日時 令和4年5月1日\n".utf8))
        let r = run(["parse", path, "--format", "markdown"])
        #expect(!r.out.contains("\u{1B}") && !r.out.contains("\u{07}"))
        #expect(r.out.contains("\\u{1B}"))
        // A newline in a file name would split `path:line`: the path is quoted.
        #expect(r.err.contains("esc\\nname.txt\": warning:"))
        #expect(!r.err.contains("\u{1B}"))
    }

    @Test func aPageOfSeveralMeetingsGivesOneRecordPerMeeting() throws {
        let r = run(["parse", Self.corpus + "/shiomigawa-taisakuhonbu-2022-page.txt"])
        #expect(r.code == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(array.map { $0["date"] as? String } == ["2022-10-28", "2022-09-16"])
        let parts = array.compactMap { ($0["source"] as? [String: Any])?["part"] as? [String: Any] }
        #expect(parts.map { $0["number"] as? Int } == [1, 2])
        #expect(parts.map { ($0["lines"] as? [String: Any])?["start"] as? Int } == [1, 16])
        #expect(r.err.contains("2 回分の会議"))
    }

    @Test(arguments: ["json", "jsonl", "markdown"])
    func filesAreParsedOnSeveralThreadsAndWrittenInInputOrder(format: String) {
        // The whole corpus, standard input among the files: the same bytes on one thread as on eight.
        let stdin = "【日 時】 令和元年５月２０日（月）\n"
        let one = run(["parse", Self.corpus, "-", Self.corpus + "/shiomigawa-gyokaku-01.txt", "--format", format, "--jobs", "1"], stdin: stdin)
        let eight = run(["parse", Self.corpus, "-", Self.corpus + "/shiomigawa-gyokaku-01.txt", "--format", format, "--jobs", "8"], stdin: stdin)
        #expect(one.code == 0 && eight.code == 0)
        #expect(one.out == eight.out)
        // (Warnings in the same order; the progress lines differ in their rates.)
        func diagnostics(_ err: String) -> [Substring] { err.split(separator: "\n").filter { $0.contains(": warning:") || $0.contains(": error:") } }
        #expect(!diagnostics(one.err).isEmpty)
        #expect(diagnostics(one.err) == diagnostics(eight.err))
        #expect(eight.out.contains("2019-05-20"))
    }

    @Test func jobsOutsideOneTo256IsAUsageError() {
        #expect(run(["parse", Self.corpus, "--jobs", "0"]).code == 64)
        #expect(run(["parse", Self.corpus, "--jobs", "x"]).err.contains("--jobs"))
    }

    @Test func jsonLinesGivesOneLinePerFile() {
        let r = run(["parse", "--format", "jsonl", "\(Self.corpus)/shiomigawa-gyokaku-01.txt", "\(Self.corpus)/shiomigawa-gyokaku-02.txt"])
        #expect(r.code == 0)
        #expect(r.out.split(separator: "\n").count == 2)
    }

    @Test func markdownIsReadable() {
        let r = run(["parse", "--format=markdown", "\(Self.corpus)/shiomigawa-gyokaku-03.txt"])
        #expect(r.code == 0)
        #expect(r.out.hasPrefix("# 第３回汐見川市行財政改革推進本部会議 議事概要"))
        #expect(r.out.contains("| 開催日 | 2019-03-27（水） |"))
        #expect(r.out.contains("**答**（⇒）残る事業についても"))
    }

    @Test func markdownShowsADirectivesResponsibleBodiesAndDeadline() {
        let r = run(["parse", "--format=markdown", "\(Self.corpus)/shiomigawa-sogokeikaku-04.txt"])
        #expect(r.out.contains("  - 期限：令和２年１１月３１日まで（2020年11月31日は存在しない日付です）"))
        let s = run(["parse", "--format=markdown", "\(Self.corpus)/shiomigawa-sogokeikaku-03.txt"])
        #expect(s.out.contains("  - 担当：財政局、環境局\n  - 期限：年内 → 2020-12-31"))
    }

    @Test func standardInputIsReadFromDash() {
        let r = run(["parse", "-"], stdin: "【日 時】 令和元年５月２０日（月）\n")
        #expect(r.code == 0)
        #expect(r.out.contains("\"date\" : \"2019-05-20\""))
        #expect(r.out.contains("\"path\" : \"-\""))
    }

    @Test func aBadFileIsNamedAndTheOthersStillParse() throws {
        let empty = try temporaryFile("空.txt", [])
        let good = "\(Self.corpus)/shiomigawa-gyokaku-01.txt"
        let r = run(["parse", "--format", "jsonl", empty, good])
        #expect(r.code == 1)
        #expect(r.err.contains("\(empty): error: 空のファイルです"))
        #expect(r.out.split(separator: "\n").count == 1)
    }

    @Test func aFileBeyondMaxFileSizeIsReportedAndTheOthersParse() throws {
        let big = try temporaryFile("大きい.txt", Array(repeating: UInt8(ascii: "a"), count: 1_100_000))
        let good = "\(Self.corpus)/shiomigawa-gyokaku-01.txt"
        let r = run(["parse", "--format", "jsonl", "--max-file-size", "1", big, good])
        #expect(r.code == 1)
        #expect(r.err.contains("\(big): error: 読み込みません: 1100000 バイトあり、1 ファイルの上限 1048576 バイトを超えています"))
        #expect(r.out.split(separator: "\n").count == 1)
        // Without the option the standard limit (256 MB) reads it.
        #expect(run(["parse", "--format", "jsonl", big]).err.contains("上限") == false)
        for bad in ["0", "-3", "1.5", "lots", "1048577"] {
            let usage = run(["parse", "--max-file-size", bad, good])
            #expect(usage.code == 64 && usage.err.contains("--max-file-size"), "\(bad)")
        }
    }

    @Test func whenEveryInputFailsTheExitCodeSaysBadData() throws {
        let binary = try temporaryFile("x.bin", (0..<512).map { UInt8(($0 * 131) % 256) })
        let r = run(["parse", binary])
        #expect(r.code == 65)
        #expect(r.err.contains("\(binary): error: テキストではありません"))
        #expect(run(["parse", "/nonexistent/議事概要.txt"]).err.contains("/nonexistent/議事概要.txt: error:"))
    }

    @Test func strictTurnsWarningsIntoFailures() {
        #expect(run(["parse", "--strict", "\(Self.corpus)/shiomigawa-kosodate-04.txt"]).code == 65)
        #expect(run(["parse", "--strict", "\(Self.corpus)/shiomigawa-gyokaku-01.txt"]).code == 0)
    }

    @Test(arguments: [[], ["parse"], ["parse", "--format", "xml", "a.txt"], ["parse", "--bogus", "a.txt"], ["frobnicate"]])
    func usageErrorsExitWith64(_ arguments: [String]) {
        let r = run(arguments)
        #expect(r.code == 64)
        #expect(!r.err.isEmpty)
        #expect(r.out.isEmpty)
    }

    @Test func helpAndVersion() {
        #expect(run(["--help"]).out.contains("gijiroku parse"))
        #expect(run(["--version"]).out == "gijiroku \(GijirokuCommand.version)\n")
    }
}

/// The built binary, end to end, as a user runs it.
@Suite struct BinaryTests {
    static let binary = ParseCommandTests.root.appendingPathComponent(".build/debug/gijiroku").path

    /// Output that cannot be written (a full disk: `/dev/full`) is said once on standard error,
    /// and the run ends with 74 rather than go on writing nothing.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary) && FileManager.default.fileExists(atPath: "/dev/full"),
                   "needs the gijiroku binary and /dev/full"))
    func outputThatCannotBeWrittenIsAnError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.environment = CLI.binaryEnvironment.merging(["GIJIROKU_LANG": "en"]) { _, new in new }
        process.arguments = ["parse", ParseCommandTests.corpus, "--format", "jsonl", "--quiet"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74)
        #expect(stderr == "gijiroku: error: cannot write the output: No space left on device\n")
    }

    /// `gijiroku parse … | head -c 100`: the reader goes away after a few bytes. The run ends
    /// quietly, by SIGPIPE as `cat` ends (141 in a shell), with nothing on standard error, also
    /// where SIGPIPE is ignored (`trap '' PIPE`; the write then fails with EPIPE).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "the gijiroku binary is not built"),
          arguments: ["", "trap '' PIPE;"])
    func aClosedPipeEndsTheRunQuietly(_ trap: String) throws {
        let folder = Repository.scratch.appendingPathComponent("gijiroku-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let errors = folder.appendingPathComponent("stderr").path, status = folder.appendingPathComponent("status").path
        // The corpus's records are some 500 KB: far more than one block or a pipe's buffer.
        let script = "\(trap) { \"$0\" parse \"$1\" --format jsonl --quiet 2>\"$2\"; echo $? >\"$3\"; } | head -c 100 >/dev/null"
        let run = try Subprocess.run("/bin/sh", ["-c", script, Self.binary, ParseCommandTests.corpus, errors, status])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: status, encoding: .utf8) == "141\n")
        #expect(try String(contentsOfFile: errors, encoding: .utf8).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "the gijiroku binary is not built"))
    func theBinaryParsesTheCorpusAndReportsWarningsOnStandardError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.environment = CLI.binaryEnvironment
        process.arguments = ["parse", ParseCommandTests.corpus + "/shiomigawa-kosodate-04.txt"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stderr, as: UTF8.self).contains(":3: warning:"))
        let json = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        #expect((json["source"] as? [String: Any])?["encoding"] as? String == "UTF-16LE")
    }

    /// Standard output and standard error of the binary read from one pipe, as `2>&1` shows
    /// them, without the progress line.
    static func mixedOutput(_ arguments: [String]) throws -> [String] {
        try Subprocess.run(Self.binary, arguments, environment: CLI.binaryEnvironment).output.split(separator: "\n").map(String.init)
            .filter { $0.range(of: #"^\d+/\d+ 件、"#, options: .regularExpression) == nil }
            .map(Self.described)
    }

    /// A record's line as the file it is the record of; any other line as it is.
    static func described(_ line: String) -> String {
        guard line.hasPrefix("{"), let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let path = (record["source"] as? [String: Any])?["path"] as? String else { return line }
        return "record of \((path as NSString).lastPathComponent)"
    }

    /// Records are written to a pipe in blocks, not one by one: the warnings and errors of
    /// each file must still come after the records before it and before its own.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "the gijiroku binary is not built"))
    func warningsAndErrorsStayBetweenTheRecordsOfTheirNeighbours() throws {
        let empty = try ParseCommandTests().temporaryFile("空.txt", [])
        let names = ["shiomigawa-gyokaku-01.txt", "shiomigawa-kosodate-01.txt", "shiomigawa-sogokeikaku-02.txt",
                     "shiomigawa-gyoseikeiei-2024-11-page.txt", "shiomigawa-kosodate-03.txt", "shiomigawa-honkaigi-2024-12-ranges.txt",
                     "shiomigawa-kansensho-honbu-2023-naiyo.txt"]
        var files = names.map { "\(ParseCommandTests.corpus)/\($0)" }
        files.insert(empty, at: 5)
        // Each file alone: nothing is gathered across files.
        let expected = try files.flatMap { try Self.mixedOutput(["parse", "--format", "jsonl", $0]) }
        let together = try Self.mixedOutput(["parse", "--format", "jsonl"] + files)
        #expect(together.filter { $0.contains(": warning:") }.count >= 5)
        #expect(together.contains { $0.contains("空.txt: error:") })
        #expect(together.filter { $0.hasPrefix("record of ") }.count >= names.count)
        #expect(together == expected)
    }

    static var canDropPrivileges: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && FileManager.default.isExecutableFile(atPath: binary)
    }

    /// An index in a folder the user cannot write (a read-only share) is searched all the same.
    @Test(.enabled(if: canDropPrivileges, "needs root, setpriv and the built binary"))
    func anIndexInAReadOnlyFolderIsSearched() throws {
        let dir = "/tmp/gijiroku-readonly-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { _ = try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir); try? fm.removeItem(atPath: dir) }
        #expect(CLI.run(["index", ParseCommandTests.corpus, "--db", dir + "/index.sqlite", "--quiet"]).code == 0)
        try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir + "/index.sqlite")
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.environment = CLI.binaryEnvironment
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary, "search", "保育士", "--db", dir + "/index.sqlite"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stdout.contains("保育士"))
        #expect(!fm.fileExists(atPath: dir + "/index.sqlite-shm"))
    }

    /// Two index runs on one database at once: the second waits for the first, both succeed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "the gijiroku binary is not built"))
    func twoIndexRunsOnOneDatabaseBothSucceed() throws {
        let db = Repository.scratch.appendingPathComponent("gijiroku-two-\(UUID().uuidString)/index.sqlite").path
        let runs = (0..<2).map { _ -> (Process, Pipe) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.binary)
            p.environment = CLI.binaryEnvironment
            p.arguments = ["index", ParseCommandTests.corpus, "--db", db, "--quiet"]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            return (p, err)
        }
        for (p, _) in runs { try p.run() }
        var messages = ""
        for (p, err) in runs {
            messages += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(messages)")
        }
        #expect(!messages.contains("UNIQUE") && !messages.contains("already exists"))
    }

    @Test func indexingNothingThatExistsMakesNoDatabase() throws {
        let db = Repository.scratch.appendingPathComponent("gijiroku-nodb-\(UUID().uuidString)/index.sqlite").path
        let r = CLI.run(["index", "/no/such/file.txt", "--db", db])
        #expect(r.code != 0)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A folder the user cannot list is an error, never skipped in silence. (Tests run as
    /// root, whom permissions do not stop: the binary runs as `nobody` through `setpriv`.)
    @Test(.enabled(if: canDropPrivileges, "needs root, setpriv and the built binary"))
    func aFolderThatCannotBeReadIsAnErrorNotASilentSkip() throws {
        let root = "/tmp/gijiroku-unreadable-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/ok", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/locked", withIntermediateDirectories: true)
        defer { _ = try? fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/locked"); try? fm.removeItem(atPath: root) }
        try fm.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", toPath: root + "/ok/one.txt")
        try fm.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-gyokaku-02.txt", toPath: root + "/locked/two.txt")
        for dir in [root, root + "/ok"] { try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: root + "/ok/one.txt")
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root + "/locked")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.environment = CLI.binaryEnvironment
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary, "parse", root, "--quiet"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(stderr.contains(root + "/locked: error:"))
        #expect(String(decoding: stdout, as: UTF8.self).contains("one.txt"))
    }
}

@Suite struct MarkdownTests {
    @Test func aSubheadingAfterAListItemStartsItsOwnParagraph() {
        let out = CLI.run(["parse", "--format", "markdown", ParseCommandTests.corpus + "/shiomigawa-gyokaku-02.txt"]).out
        #expect(out.contains("。\n\n**（資料２）**\n\n- 見直し対象"))
    }
}
