import Foundation
import Testing
import GijirokuIndex
import GijirokuTestSupport
@testable import GijirokuSite

/// `gijiroku site` from a real index of the corpus: the pages it writes, what they hold,
/// and that a second run rewrites only what changed.
@Suite("StaticSite: the index as static pages")
struct StaticSiteTests {
    /// A fresh index of the corpus minutes and plans, and a folder for sites.
    static func corpusIndex() throws -> (SearchIndex, URL) {
        let dir = try Repository.temporaryFolder("gijiroku-site")
        let index = try SearchIndex(path: dir.appendingPathComponent("index.sqlite").path)
        let files = ["minutes", "plans", "documents"].flatMap { folder in
            Repository.corpusInputs(folder).map { Repository.corpus.appendingPathComponent(folder).appendingPathComponent($0).path }
        }
        let report = index.index(files: files)
        #expect(report.failed.isEmpty)
        return (index, dir)
    }

    static let meeting = """
        ■第２回汐見川市テスト会議 議事概要

        【日 時】 令和６年５月１０日（金）  午後２時～午後３時

        【場 所】 本庁舎４階 <庁議室>

        【出席者】 市長、総務局長

        ＜議題説明＞

        ・計画の進捗を "報告" した。<script>alert(1)</script>

        """

    @Test("every document has a page, the search page and the lists are written, the report counts them")
    func writesEveryPage() throws {
        let (index, dir) = try Self.corpusIndex()
        let out = dir.appendingPathComponent("site")
        let report = try StaticSite(title: "テスト").build(from: index, into: out)
        let snapshot = try index.snapshot()
        #expect(report.documents == snapshot.documents.count)
        for page in ["index.html", "meetings.html", "directives.html", "plans.html", "assets/search.js", "assets/site.css", "data/meta.js", "data/docs.js"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(page).path), "\(page)")
        }
        for d in snapshot.documents {
            let page = out.appendingPathComponent((d.kind == "plan" ? "p/" : "m/") + "\(d.id).html")
            #expect(FileManager.default.fileExists(atPath: page.path), "\(d.path)")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("data/d/\(d.id).js").path))
        }
        #expect(report.counts.pagesWritten == 4 + snapshot.documents.count)
        #expect(report.counts.pagesUnchanged == 0 && report.counts.removed == 0)
        // The element anchors the search links to are on the pages.
        let withElements = snapshot.documents.first { $0.kind == "minutes" && $0.elements != nil }!
        let html = try String(contentsOf: out.appendingPathComponent("m/\(withElements.id).html"), encoding: .utf8)
        #expect(html.contains("id=\"e\(withElements.elements!.lowerBound)\""))
    }

    @Test("a second run writes nothing; after one meeting is added, only what changed is written")
    func incremental() throws {
        let (index, dir) = try Self.corpusIndex()
        let out = dir.appendingPathComponent("site")
        let first = try StaticSite().build(from: index, into: out)
        let again = try StaticSite().build(from: index, into: out)
        #expect(again.counts.pagesWritten == 0 && again.counts.dataWritten == 0 && again.counts.removed == 0)
        #expect(again.counts.pagesUnchanged == first.counts.pagesWritten)
        #expect(again.counts.dataUnchanged == first.counts.dataWritten)

        let file = dir.appendingPathComponent("shiomigawa-test-2024.txt")
        try Self.meeting.write(to: file, atomically: true, encoding: .utf8)
        #expect(index.index(files: [file.path]).added == [file.path])
        let added = try StaticSite().build(from: index, into: out)
        // The new meeting's page, and the lists that show every meeting (search, meetings,
        // plans, directives at most); every other meeting's page is kept.
        #expect(added.counts.pagesWritten >= 2 && added.counts.pagesWritten <= 5)
        #expect(added.counts.pagesUnchanged >= first.counts.pagesWritten - 4)
        // Search data: its shards, the tables and the new document; most shards are kept.
        #expect(added.counts.dataWritten > 3 && added.counts.dataWritten < first.counts.dataWritten / 2)
        #expect(added.counts.removed == 0)
    }

    @Test("record text is escaped in the pages and kept whole in the search data")
    func escapesRecordText() throws {
        let (index, dir) = try Self.corpusIndex()
        let file = dir.appendingPathComponent("shiomigawa-test-2024.txt")
        try Self.meeting.write(to: file, atomically: true, encoding: .utf8)
        _ = index.index(files: [file.path])
        let out = dir.appendingPathComponent("site")
        _ = try StaticSite().build(from: index, into: out)
        let id = try index.snapshot().documents.first { $0.path == file.path }!.id
        let html = try String(contentsOf: out.appendingPathComponent("m/\(id).html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("本庁舎４階 &lt;庁議室&gt;"))
        #expect(html.contains("&quot;報告&quot;"))
        #expect(!html.contains("<script>alert"))
        let data = try String(contentsOf: out.appendingPathComponent("data/d/\(id).js"), encoding: .utf8)
        #expect(data.contains("<script>alert(1)</script>"))   // a JSON string, shown by the script as text
        #expect(data.hasPrefix("Gijiroku.receive(\"d/\(id)\","))
    }
}
