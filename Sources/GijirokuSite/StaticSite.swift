import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuInput

/// `gijiroku site`: the index as a static site that works opened from disk (`file://`) or
/// from any static web server, with no resource from elsewhere.
///
/// The pipeline: the index's ``ArchiveSnapshot`` and directive register → ``SiteModel``
/// (documents, elements, links and directives tied together) → the pages (``SearchPage``,
/// ``MeetingPage``, ``MeetingListPage``, ``DirectivesPage``, ``PlanPages``) and the
/// search files (``SearchFiles``) → ``SiteWriter`` (only changed files written, the old
/// site swapped out at the end).
///
/// ```swift
/// let index = try SearchIndex(path: "index.sqlite", readOnly: true)
/// let report = try StaticSite(title: "汐見川市 会議録").build(from: index, into: URL(fileURLWithPath: "site"))
/// report.counts.pagesWritten
/// ```
public struct StaticSite: Sendable {
    public var title: String
    /// The word variants the search expands words with (the index's, with a user's synonyms).
    public var words: WordVariants

    public static let defaultTitle = "議事録アーカイブ"

    public init(title: String = StaticSite.defaultTitle, words: WordVariants = .shipped) {
        self.title = title
        self.words = words
    }

    /// Writes the site of `index` into `folder`.
    /// - Throws: ``SiteError`` when the folder cannot be written or is not a site; the
    ///   index's errors when it cannot be read. Either way the previous site stays as it was.
    public func build(from index: SearchIndex, into folder: URL) throws -> SiteReport {
        let snapshot = try index.snapshot()
        let register = try index.directives()
        let model = SiteModel(snapshot: snapshot, register: register)
        let layout = Layout(siteTitle: title)
        var writer = try SiteWriter(destination: folder)
        do {
            func page(_ path: String, _ html: String) throws(SiteError) {
                try writer.write(path, Data(html.utf8), isPage: true)
            }
            for (name, text) in Assets.files {
                try writer.write("assets/" + name, Data(text.utf8), isPage: false)
            }
            try page("index.html", SearchPage(model: model, layout: layout).render())
            try page("meetings.html", MeetingListPage(model: model, layout: layout).render())
            try page("directives.html", DirectivesPage(model: model, layout: layout).render())
            let plans = PlanPages(model: model, layout: layout)
            try page("plans.html", plans.list())
            // The documents' pages, rendered on every core a few hundred at a time, written in order.
            let meeting = MeetingPage(model: model, layout: layout)
            for start in stride(from: 0, to: snapshot.documents.count, by: 256) {
                let chunk = Array(snapshot.documents[start..<min(start + 256, snapshot.documents.count)])
                let pages = chunk.concurrentMap { d in (model.page(of: d), d.kind == "plan" ? plans.render(d) : meeting.render(d)) }
                for (path, html) in pages { try page(path, html) }
            }
            for (path, content) in SearchFiles(model: model, words: words).files() {
                try writer.write(path, content, isPage: false)
            }
            let counts = try writer.commit()
            return SiteReport(path: folder.path, documents: snapshot.documents.count, elements: snapshot.elements.count,
                              bytes: writer.bytes, counts: counts)
        } catch {
            writer.discard()
            throw error
        }
    }
}

/// The site's script and style sheet, compiled in from `Assets/` (``EmbeddedAssets``).
enum Assets {
    static let files: [(String, String)] = [
        ("site.css", EmbeddedAssets.site), ("search.js", EmbeddedAssets.search), ("pages.js", EmbeddedAssets.pages),
    ]
}
