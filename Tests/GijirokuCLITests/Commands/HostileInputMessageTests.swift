import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuCLI

/// What a user is told about inputs that are wrong in ways a real share or a typo makes:
/// in words that say what is wrong, never a generic failure.
@Suite struct HostileInputMessageTests {
    func folder() throws -> String {
        let path = Repository.scratch.appendingPathComponent("gijiroku-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aSymlinkLoopIsCalledOneNotAMissingFile() throws {
        let dir = try folder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/a.txt", withDestinationPath: dir + "/b.txt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.txt", withDestinationPath: dir + "/a.txt")
        let r = CLI.run(["parse", dir + "/a.txt"])
        #expect(r.code != 0)
        #expect(r.err.contains("シンボリックリンク"))
    }

    @Test func aFileThatIsNoDatabaseIsCalledSo() throws {
        let path = try folder() + "/index.sqlite"
        try Data("これは索引ではありません\n".utf8).write(to: URL(fileURLWithPath: path))
        let r = CLI.run(["search", "市長", "--db", path])
        #expect(r.code != 0)
        #expect(r.err.contains("SQLite のデータベースではありません"))
    }

    @Test func anEraYearZeroIsNoDate() throws {
        let db = try folder() + "/index.sqlite"
        #expect(CLI.run(["index", ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", "--db", db, "--quiet"]).code == 0)
        let r = CLI.run(["search", "市長", "--since", "令和0年1月1日", "--db", db])
        #expect(r.code != 0)
        #expect(r.err.contains("令和0年1月1日"))
    }

    @Test func anOutputThatIsAFileIsAUsageErrorNamingIt() throws {
        let dir = try folder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/out"))
        let r = CLI.run(["convert", ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", "--out", dir + "/out"])
        #expect(r.code == ExitCode.usage)
        #expect(r.err.contains(dir + "/out") && !r.err.contains("NSCocoaErrorDomain"))
    }
}
