import Foundation
import Testing
import Gijiroku
import GijirokuTestSupport

/// `gijiroku site` killed while it writes: the previous site is still whole (every file its
/// manifest lists is there with that content), and the next run replaces it and clears
/// what the killed run left.
@Suite struct SiteKillTests {
    /// Each file the manifest of `site` lists, with whether its content has the listed SHA-256.
    static func consistent(_ site: String) throws -> (files: Int, bad: [String]) {
        let manifest = try String(contentsOfFile: site + "/.gijiroku-site", encoding: .utf8)
        var bad: [String] = [], files = 0
        for line in manifest.split(separator: "\n") {
            let digest = String(line.prefix(64)), path = String(line.dropFirst(66))
            files += 1
            guard let data = FileManager.default.contents(atPath: site + "/" + path), SHA256.hex(of: data) == digest else {
                bad.append(path); continue
            }
        }
        return (files, bad)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CLI.binary), "the gijiroku binary is not built"))
    func aKilledRunLeavesThePreviousSiteWhole() throws {
        let fm = FileManager.default
        let base = try Repository.temporaryFolder("gijiroku-site-kill").path
        defer { try? fm.removeItem(atPath: base) }
        let archive = base + "/archive"
        _ = try ConvertCommandTests.copyCorpusMinutes(times: 30, into: archive) { "\(2000 + $0)" }
        let db = base + "/index.sqlite", site = base + "/site"
        #expect(CLI.run(["index", archive, "--db", db, "--quiet"]).code == 0)
        #expect(CLI.run(["site", "--out", site, "--db", db]).code == 0)
        let before = try String(contentsOfFile: site + "/.gijiroku-site", encoding: .utf8)

        // One more meeting, then a run killed once it has written part of the new site.
        _ = try ConvertCommandTests.copyCorpusMinutes(times: 1, into: archive) { _ in "2100" }
        #expect(CLI.run(["index", archive, "--db", db, "--quiet"]).code == 0)
        let victim = Process()
        victim.executableURL = URL(fileURLWithPath: CLI.binary)
        victim.environment = CLI.binaryEnvironment
        victim.arguments = ["site", "--out", site, "--db", db]
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        let staging = base + "/.site.partial-\(victim.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        func written() -> Int { (try? fm.contentsOfDirectory(atPath: staging + "/m").count) ?? 0 }
        while written() < 20, victim.isRunning, Date() < deadline { usleep(2_000) }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal, "the run finished before it could be killed")

        // The previous site, whole and unchanged; the killed run's folder beside it.
        #expect(try String(contentsOfFile: site + "/.gijiroku-site", encoding: .utf8) == before)
        let check = try Self.consistent(site)
        #expect(check.bad.isEmpty && check.files > 100, "\(check)")
        #expect(fm.fileExists(atPath: staging))

        // The next run writes the new site and removes what the killed one left.
        let next = CLI.run(["site", "--out", site, "--db", db])
        #expect(next.code == 0, "\(next.err)")
        #expect(!fm.fileExists(atPath: staging))
        let after = try Self.consistent(site)
        #expect(after.bad.isEmpty && after.files > check.files, "\(after)")
        #expect(try fm.contentsOfDirectory(atPath: base).filter { $0.hasPrefix(".site") } == [], "nothing is left beside the site")
    }
}
