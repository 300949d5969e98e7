import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuCLI

/// `gijiroku index` killed in the middle of a large first run (the kind that builds the
/// full-text index at its end): searching says the index is incomplete instead of
/// answering from part of it, and the next run completes it to what an uninterrupted run
/// gives.
@Suite struct IndexKillTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: BinaryTests.binary), "the gijiroku binary is not built"))
    func aKilledLargeRunLeavesAnIndexThatSaysSoAndTheNextRunCompletesIt() throws {
        let fm = FileManager.default
        let base = Repository.scratch.appendingPathComponent("gijiroku-index-kill-\(UUID().uuidString)").path
        let archive = base + "/archive"
        try ConvertCommandTests.copyCorpusMinutes(times: 40, into: archive) { "\(2000 + $0)" }
        defer { try? fm.removeItem(atPath: base) }

        func gijiroku(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: BinaryTests.binary)
            p.environment = CLI.binaryEnvironment
            p.arguments = arguments
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        func locations(_ db: String) throws -> (Int32, String) {
            let r = try gijiroku(["search", "市長", "--db", db, "--limit", "10000", "--format", "json"])
            guard r.status == 0, let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any],
                  let hits = json["hits"] as? [[String: Any]] else { return (r.status, r.err) }
            return (0, "\(json["total"] ?? "?") " + hits.compactMap { $0["location"] as? String }.sorted().joined(separator: " "))
        }

        // Kill the run once its first batches are written, well before the end (a first large
        // run writes into the file with a rollback journal, not into the log).
        let killed = base + "/killed.sqlite"
        let victim = Process()
        victim.executableURL = URL(fileURLWithPath: BinaryTests.binary)
        victim.environment = CLI.binaryEnvironment
        victim.arguments = ["index", archive, "--db", killed, "--quiet"]
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        let deadline = Date().addingTimeInterval(60)
        func size(_ path: String) -> Int { ((try? fm.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0 }
        while size(killed) + size(killed + "-wal") < 2_000_000, victim.isRunning, Date() < deadline { usleep(5_000) }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal, "the run finished before it could be killed")

        // Searching now refuses, and says what to do.
        let refused = try locations(killed)
        #expect(refused.0 == 65)
        #expect(refused.1.contains("gijiroku index"), "\(refused.1)")

        // The next run completes the index; it equals one that was never interrupted.
        let resumed = try gijiroku(["index", archive, "--db", killed])
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("全文索引"), "\(resumed.out.suffix(300))")
        let clean = base + "/clean.sqlite"
        #expect(try gijiroku(["index", archive, "--db", clean, "--quiet"]).status == 0)
        let expected = try locations(clean)
        #expect(expected.0 == 0 && expected.1.count > 100)
        #expect(try locations(killed).1 == expected.1)
    }
}
