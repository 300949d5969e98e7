import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuSite

@Suite("SiteWriter: only changed files written, the old site kept until the new one is whole")
struct SiteWriterTests {
    func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test("a new folder is created; an unchanged file is kept, a changed one written, a gone one removed")
    func counts() throws {
        let dir = try Repository.temporaryFolder()
        let out = dir.appendingPathComponent("site")
        var first = try SiteWriter(destination: out)
        try first.write("index.html", Data("a".utf8), isPage: true)
        try first.write("data/t/0.js", Data("b".utf8), isPage: false)
        try first.write("old.html", Data("c".utf8), isPage: true)
        let c1 = try first.commit()
        #expect(c1.pagesWritten == 2 && c1.dataWritten == 1)
        var second = try SiteWriter(destination: out)
        try second.write("index.html", Data("a".utf8), isPage: true)
        try second.write("data/t/0.js", Data("B".utf8), isPage: false)
        let c2 = try second.commit()
        #expect(c2.pagesUnchanged == 1 && c2.pagesWritten == 0 && c2.dataWritten == 1 && c2.removed == 1)
        #expect(try contents(out.appendingPathComponent("index.html")) == "a")
        #expect(try contents(out.appendingPathComponent("data/t/0.js")) == "B")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old.html").path))
        // Nothing is left beside the site.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["site"])
    }

    @Test("a run that never finishes leaves the previous site as it was; the next run clears what it left")
    func killedRun() throws {
        let dir = try Repository.temporaryFolder()
        let out = dir.appendingPathComponent("site")
        var first = try SiteWriter(destination: out)
        try first.write("index.html", Data("old".utf8), isPage: true)
        _ = try first.commit()
        var killed = try SiteWriter(destination: out)
        try killed.write("index.html", Data("new".utf8), isPage: true)
        // No commit: as if the process were killed here.
        #expect(try contents(out.appendingPathComponent("index.html")) == "old")
        #expect(FileManager.default.fileExists(atPath: killed.staging.path))
        // Another run's leftovers: one with the staging mark (removed), one without (not ours: kept).
        let fm = FileManager.default
        let leftover = dir.appendingPathComponent(".site.partial-99999"), foreign = dir.appendingPathComponent(".site.partial-88888")
        try fm.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data().write(to: leftover.appendingPathComponent(".gijiroku-partial"))
        try fm.createDirectory(at: foreign, withIntermediateDirectories: true)
        var next = try SiteWriter(destination: out)
        #expect(!fm.fileExists(atPath: leftover.path))
        #expect(fm.fileExists(atPath: foreign.path))
        #expect(!fm.fileExists(atPath: next.staging.appendingPathComponent("index.html").path), "the killed run's files are gone")
        try next.write("index.html", Data("new".utf8), isPage: true)
        _ = try next.commit()
        #expect(try contents(out.appendingPathComponent("index.html")) == "new")
    }

    @Test("a folder with files that Gijiroku did not write is refused, and left alone")
    func refusesAForeignFolder() throws {
        let dir = try Repository.temporaryFolder()
        try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        #expect {
            _ = try SiteWriter(destination: dir)
        } throws: { error in
            (error as? SiteError)?.reason == .notASite(path: dir.path)
        }
        #expect(try contents(dir.appendingPathComponent("notes.txt")) == "mine")
        let file = dir.appendingPathComponent("notes.txt")
        #expect(throws: SiteError(.notAFolder(path: file.path))) { _ = try SiteWriter(destination: file) }
        // An empty folder is fine.
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        var writer = try SiteWriter(destination: empty)
        try writer.write("index.html", Data("x".utf8), isPage: true)
        _ = try writer.commit()
        #expect(try contents(empty.appendingPathComponent("index.html")) == "x")
    }
}

@Suite("SiteWriter: files that someone else put into the site")
struct SiteWriterForeignFileTests {
    @Test("are kept in the new site, and a run that would write over one stops, naming it")
    func keptAndNeverOverwritten() throws {
        let dir = try Repository.temporaryFolder()
        let out = dir.appendingPathComponent("site")
        var first = try SiteWriter(destination: out)
        try first.write("index.html", Data("a".utf8), isPage: true)
        _ = try first.commit()
        try FileManager.default.createDirectory(at: out.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes/readme.txt"))
        try Data("theirs".utf8).write(to: out.appendingPathComponent("meetings.html"))
        var second = try SiteWriter(destination: out)
        try second.write("index.html", Data("b".utf8), isPage: true)
        #expect(throws: SiteError(.wouldOverwrite(path: out.appendingPathComponent("meetings.html").path))) {
            try second.write("meetings.html", Data("list".utf8), isPage: true)
        }
        second.discard()
        var third = try SiteWriter(destination: out)
        try third.write("index.html", Data("c".utf8), isPage: true)
        _ = try third.commit()
        #expect(try String(contentsOf: out.appendingPathComponent("notes/readme.txt"), encoding: .utf8) == "mine")
        #expect(try String(contentsOf: out.appendingPathComponent("meetings.html"), encoding: .utf8) == "theirs")
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8) == "c")
    }
}
