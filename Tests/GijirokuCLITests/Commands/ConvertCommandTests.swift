import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuCLI

/// `gijiroku convert` on whole archives.
@Suite struct ConvertCommandTests {
    static let root = ParseCommandTests.root
    static let corpus = root.appendingPathComponent("Corpus").path

    /// An archive for the runs that are killed: every corpus minutes file copied `times` times,
    /// copy `n` into the folder `folder(n)` under `archive`. Returns how many files it wrote.
    @discardableResult
    static func copyCorpusMinutes(times: Int, into archive: String, folder: (Int) -> String) throws -> Int {
        let fm = FileManager.default
        let texts = try fm.contentsOfDirectory(atPath: corpus + "/minutes").filter { $0.hasSuffix(".txt") }.sorted()
        for n in 0..<times {
            let folder = archive + "/" + folder(n)
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for name in texts { try fm.copyItem(atPath: corpus + "/minutes/" + name, toPath: folder + "/" + name) }
        }
        return texts.count * times
    }

    func run(_ arguments: [String]) -> CLI.Run { CLI.run(arguments) }

    func temporary() throws -> String {
        let dir = Repository.scratch.appendingPathComponent("gijiroku-convert-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The record with `source.path` removed: outputs name the input as given.
    func normalised(_ data: Data) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var source = object["source"] as? [String: Any] ?? [:]
        source["path"] = nil
        object["source"] = source
        return object as NSDictionary
    }

    @Test(arguments: [1, 4])
    func theCorpusConvertsToItsGoldenOutputs(jobs: Int) throws {
        let out = try temporary()
        let r = run(["convert", Self.corpus, "--out", out, "--jobs", String(jobs), "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        var compared = 0
        var inputs: Set<String> = []
        for folder in ["minutes", "plans", "documents"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus + "/" + folder) where name.hasSuffix(".json") {
                let produced = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(folder)/\(name)"))
                let golden = try Data(contentsOf: URL(fileURLWithPath: "\(Self.corpus)/\(folder)/\(name)"))
                #expect(try normalised(produced) == normalised(golden), "\(folder)/\(name)")
                compared += 1
                // `name.2.json`: the second meeting of one input.
                let stem = (name as NSString).deletingPathExtension
                inputs.insert(folder + "/" + (Int((stem as NSString).pathExtension) != nil ? (stem as NSString).deletingPathExtension : stem))
            }
        }
        #expect(compared >= 29)
        #expect(FileManager.default.fileExists(atPath: out + "/minutes/shiomigawa-taisakuhonbu-2022-page.2.json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/minutes/shiomigawa-taisakuhonbu-2022-page.json"))
        // A second run finds everything fresh.
        #expect(run(["convert", Self.corpus, "--out", out, "--jobs", String(jobs), "--quiet"]).out.hasPrefix("変換 0、変更なし \(inputs.count)"))
    }

    /// Outputs are not synced one by one (one flush ends the run), so a power cut could leave
    /// a renamed output without its data: an empty output is converted again, never skipped.
    @Test func anEmptyOutputIsNeverTakenAsFresh() throws {
        let out = try temporary()
        let input = Self.corpus + "/minutes"
        #expect(run(["convert", input, "--out", out, "--quiet"]).code == 0)
        let victim = out + "/shiomigawa-kosodate-02.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: victim))
        try Data().write(to: URL(fileURLWithPath: victim))
        let again = run(["convert", input, "--out", out, "--quiet"])
        #expect(again.out.hasPrefix("変換 1、"), "\(again.out)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == original)
    }

    /// A resumed run takes a page's first meeting's output, when fresh, for the whole page,
    /// so it is written last: a run stopped before it (killed, or here unable to write it)
    /// has written the others, and the next run converts the page again. (A run killed
    /// between them once left the second meeting unwritten for good.)
    @Test func aPagesFirstMeetingIsWrittenLast() throws {
        let out = try temporary()
        let page = Self.corpus + "/minutes/shiomigawa-taisakuhonbu-2022-page.txt"
        let first = out + "/shiomigawa-taisakuhonbu-2022-page.1.json", second = out + "/shiomigawa-taisakuhonbu-2022-page.2.json"
        // A folder where the first meeting's output goes: it cannot be written.
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        let blocked = run(["convert", page, "--out", out, "--quiet"])
        #expect(blocked.code != 0)
        #expect(FileManager.default.fileExists(atPath: second), "the second meeting was to be written before the first")
        try FileManager.default.removeItem(atPath: first)
        let again = run(["convert", page, "--out", out, "--quiet"])
        #expect(again.code == 0 && again.out.hasPrefix("変換 1、"), "\(again.out)")
        #expect(FileManager.default.fileExists(atPath: first) && FileManager.default.fileExists(atPath: second))
    }

    @Test func anOutputFolderThatOverlapsAnInputIsRefusedBeforeAnythingIsWritten() throws {
        let input = try temporary()
        try FileManager.default.copyItem(atPath: Self.corpus + "/documents/shiomigawa-digital-policy-draft-2021.md", toPath: input + "/draft.md")
        let original = try Data(contentsOf: URL(fileURLWithPath: input + "/draft.md"))
        for out in [input, input + "/records", input + "/../" + (input as NSString).lastPathComponent] {
            let r = run(["convert", input, "--out", out, "--format", "markdown"])
            #expect(r.code == ExitCode.usage, "\(out)")
            #expect(r.err.contains(input) || r.err.contains((input as NSString).lastPathComponent))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input + "/draft.md")) == original)
        #expect(!FileManager.default.fileExists(atPath: input + "/records"))
        // An input inside the output folder: refused too.
        #expect(run(["convert", input + "/draft.md", "--out", input]).code == ExitCode.usage)
    }

    @Test func twoInputsThatWouldWriteOneOutputAreNeverBothWritten() throws {
        let input = try temporary(), out = try temporary()
        try FileManager.default.copyItem(atPath: Self.corpus + "/minutes/shiomigawa-gyokaku-01.txt", toPath: input + "/meeting.txt")
        try Data("<html><body><p>第1回汐見川市会議 議事録</p><p>令和3年5月1日</p></body></html>".utf8)
            .write(to: URL(fileURLWithPath: input + "/meeting.html"))
        let r = run(["convert", input, "--out", out, "--quiet"])
        #expect(r.code == 1)
        let written = try String(contentsOfFile: out + "/meeting.json", encoding: .utf8)
        #expect(written.contains("meeting.html"))   // the first in order keeps the output
        let failures = try String(contentsOfFile: out + "/failures.jsonl", encoding: .utf8)
        #expect(failures.contains("meeting.txt") && failures.contains("meeting.json"))
    }

    @Test func brokenFilesAreListedAndTheRestIsConverted() throws {
        let input = try temporary(), out = try temporary()
        let fm = FileManager.default
        try fm.copyItem(atPath: Self.corpus + "/minutes/shiomigawa-gyokaku-01.txt", toPath: input + "/good.txt")
        try Data("%PDF-1.4\nnot really\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: input + "/broken.pdf"))
        try Data((0..<400).map { UInt8(($0 * 97) % 256) }).write(to: URL(fileURLWithPath: input + "/binary.txt"))
        try Data().write(to: URL(fileURLWithPath: input + "/empty.txt"))
        // Unreadable: a link to nothing (tests run as root, where permissions do not stop reading).
        try fm.createSymbolicLink(atPath: input + "/unreadable.txt", withDestinationPath: input + "/nowhere.txt")
        let r = run(["convert", input, "--out", out, "--quiet"])
        #expect(r.code == 1)
        #expect(fm.fileExists(atPath: out + "/good.json"))
        let lines = try String(contentsOfFile: out + "/failures.jsonl", encoding: .utf8).split(separator: "\n")
        let failed = Set(try lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(!(object["reason"] as? String ?? "").isEmpty)
            return ((object["path"] as? String) ?? "" as NSString as String).components(separatedBy: "/").last ?? ""
        })
        if Repository.hasPDFText { #expect(failed == ["broken.pdf", "binary.txt", "empty.txt", "unreadable.txt"]) }
        else { #expect(failed.isSuperset(of: ["binary.txt", "empty.txt", "unreadable.txt"])) }
        #expect(r.out.contains("失敗 \(failed.count)"))
        #expect(r.err.contains("empty.txt: error:"))
    }

    @Test func aFileBeyondMaxFileSizeIsAFailureListedAndTheRestIsConverted() throws {
        let input = try temporary(), out = try temporary()
        try FileManager.default.copyItem(atPath: Self.corpus + "/minutes/shiomigawa-gyokaku-01.txt", toPath: input + "/good.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 2_200_000).write(to: URL(fileURLWithPath: input + "/big.txt"))
        let r = run(["convert", input, "--out", out, "--quiet", "--max-file-size", "2"])
        #expect(r.code == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/good.json"))
        #expect(!FileManager.default.fileExists(atPath: out + "/big.json"))
        let failures = try String(contentsOfFile: out + "/failures.jsonl", encoding: .utf8)
        #expect(failures.contains("big.txt") && failures.contains("2097152"))
        #expect(run(["convert", input, "--out", try temporary(), "--max-file-size", "none"]).code == 64)
    }

    @Test func usageErrorsExitWith64LikeEveryCommand() {
        #expect(run(["convert", Self.corpus]).code == 64)
        #expect(run(["convert", "--out", "/tmp/x"]).code == 64)
        #expect(run(["convert", Self.corpus, "--out", "/tmp/x", "--format", "xml"]).code == 64)
        #expect(run(["convert", Self.corpus, "--out", "/tmp/x", "--jobs", "0"]).code == 64)
    }

    @Test(.enabled(if: Python.available, "python3 is not installed"))
    func csvOpensInARealCSVReader() throws {
        let out = try temporary()
        #expect(run(["convert", Self.corpus + "/minutes", "--out", out, "--format", "csv", "--quiet"]).code == 0)
        let script = """
        import csv, sys
        for name, columns, least in (("exchanges", 9, 5), ("directives", 17, 5), ("speeches", 10, 5), ("decisions", 9, 3)):
            raw = open(sys.argv[1] + "/" + name + ".csv", "rb").read()
            assert raw.startswith(b"\\xef\\xbb\\xbf"), name + ": no BOM"
            rows = list(csv.reader(open(sys.argv[1] + "/" + name + ".csv", encoding="utf-8-sig", newline="")))
            assert all(len(r) == columns for r in rows), name + ": ragged rows"
            assert len(rows) > least, name + ": too few rows"
            print(name, len(rows) - 1)
        """
        let (status, text) = try Python.run(["-c", script, out])
        #expect(status == 0, "\(text)")
        #expect(text.contains("exchanges") && text.contains("directives") && text.contains("speeches") && text.contains("decisions"))
    }
}

/// The built binary, killed with SIGKILL in the middle of a conversion.
@Suite struct ConvertKillTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BinaryTests.binary), "the gijiroku binary is not built"))
    func aKilledRunLeavesOnlyCompleteFilesAndAResumedRunEqualsAnUninterruptedOne() throws {
        let fm = FileManager.default
        let base = Repository.scratch.appendingPathComponent("gijiroku-kill-\(UUID().uuidString)").path
        let archive = base + "/archive"
        let copied = try ConvertCommandTests.copyCorpusMinutes(times: 60, into: archive) { "\(2000 + $0 % 12)/\($0)" }
        func convert(_ out: String, summary: Pipe? = nil) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: BinaryTests.binary)
            p.environment = CLI.binaryEnvironment
            p.arguments = ["convert", archive, "--out", out, "--jobs", "2", "--quiet"]
            p.standardOutput = summary ?? FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        func outputs(_ out: String) -> [String] {
            (fm.enumerator(atPath: out)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".gijiroku-tmp") }.sorted()
        }
        let killed = base + "/killed"
        let victim = try convert(killed)
        // Kill once some outputs exist, well before the end.
        let deadline = Date().addingTimeInterval(30)
        while outputs(killed).count < 40, victim.isRunning, Date() < deadline { usleep(5_000) }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let partial = outputs(killed)
        #expect(partial.count < copied, "the run finished before it could be killed")
        for name in partial {
            let data = try Data(contentsOf: URL(fileURLWithPath: killed + "/" + name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is incomplete")
        }
        // Resume, and compare with a run that was never interrupted.
        let summary = Pipe()
        let resumed = try convert(killed, summary: summary)
        let report = String(decoding: summary.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        resumed.waitUntilExit()
        // The resumed run skipped what the killed one had finished.
        let skipped = Int(report.components(separatedBy: "変更なし ").dropFirst().first?.prefix(while: { $0.isNumber }) ?? "") ?? 0
        #expect(skipped >= partial.count - 2 * 64, "\(report)")
        #expect(skipped > 0, "\(report)")
        let clean = base + "/clean"
        let whole = try convert(clean); whole.waitUntilExit()
        #expect(resumed.terminationStatus == 0 && whole.terminationStatus == 0)
        #expect(outputs(killed) == outputs(clean))
        for name in outputs(clean) {
            #expect(fm.contentsEqual(atPath: killed + "/" + name, andPath: clean + "/" + name), "\(name)")
        }
        #expect(!fm.fileExists(atPath: killed + "/.gijiroku-tmp"))
        try? fm.removeItem(atPath: base)
    }
}
