import Gijiroku
import GijirokuIndex

/// The archive as the pages need it: each document's elements, which element each link to
/// a plan item and each directive of the register points at, and where every page lives.
///
/// ```swift
/// let model = SiteModel(snapshot: try index.snapshot(), register: try index.directives())
/// model.meetingPage(of: document)        // "m/12.html"
/// model.anchor(ofElement: 340)           // "m/12.html#e340"
/// ```
struct SiteModel {
    let snapshot: ArchiveSnapshot
    let register: DirectiveRegister
    /// Documents by id, and each document's elements (positions in `snapshot.elements`).
    let documents: [Int: ArchiveSnapshot.Document]
    let elementRange: [Int: Range<Int>]
    /// Element id → its position in `snapshot.elements`.
    let elementIndex: [Int: Int]
    /// The links made for a unit, on the element that starts it.
    let linksOfElement: [Int: [ArchiveSnapshot.Link]]
    /// The element each register entry stands for (by the entry's first source).
    let directiveOfElement: [Int: DirectiveEntry]
    /// Documents by path (a page of several meetings is several documents).
    let documentsByPath: [String: [ArchiveSnapshot.Document]]
    /// Plan documents by path (a link names its plan by path).
    let planByPath: [String: ArchiveSnapshot.Document]
    /// For each plan (path) and item: the elements linked to it, newest meeting first.
    let mentions: [String: [String: [(element: Int, link: ArchiveSnapshot.Link)]]]

    init(snapshot: ArchiveSnapshot, register: DirectiveRegister) {
        self.snapshot = snapshot
        self.register = register
        var documents: [Int: ArchiveSnapshot.Document] = [:]
        var byPath: [String: [ArchiveSnapshot.Document]] = [:]
        for d in snapshot.documents {
            documents[d.id] = d
            byPath[d.path, default: []].append(d)
        }
        self.documents = documents
        self.documentsByPath = byPath
        var ranges: [Int: Range<Int>] = [:]
        var index: [Int: Int] = [:]
        var start = 0
        for (i, e) in snapshot.elements.enumerated() {
            index[e.id] = i
            if i + 1 == snapshot.elements.count || snapshot.elements[i + 1].documentID != e.documentID {
                ranges[e.documentID] = start..<(i + 1)
                start = i + 1
            }
        }
        self.elementRange = ranges
        self.elementIndex = index
        let elements = snapshot.elements
        /// The first element of `path` whose first line is within `lines`.
        func element(path: String, lines: ClosedRange<Int>) -> Int? {
            for d in byPath[path] ?? [] {
                guard let r = ranges[d.id] else { continue }
                if let found = elements[r].first(where: { lines.contains($0.lines.start) }) { return found.id }
            }
            return nil
        }
        var linksOf: [Int: [ArchiveSnapshot.Link]] = [:]
        var mentions: [String: [String: [(Int, ArchiveSnapshot.Link)]]] = [:]
        for link in snapshot.links {
            guard let id = element(path: link.path, lines: link.line...max(link.line, link.lastLine)) else { continue }
            linksOf[id, default: []].append(link)
            mentions[link.planPath, default: [:]][link.item, default: []].append((id, link))
        }
        self.linksOfElement = linksOf
        // Newest meeting first, then the record's order.
        let date: (Int) -> String = { id in index[id].flatMap { documents[elements[$0].documentID]?.date } ?? "" }
        self.mentions = mentions.mapValues { items in
            items.mapValues { list in list.sorted { a, b in
                let (x, y) = (date(a.0), date(b.0))
                return x != y ? x > y : a.0 < b.0
            } }
        }
        var directives: [Int: DirectiveEntry] = [:]
        for entry in register.directives {
            guard let source = entry.sources.first, let id = element(path: source.path, lines: source.line...source.line) else { continue }
            directives[id] = entry
        }
        self.directiveOfElement = directives
        var plans: [String: ArchiveSnapshot.Document] = [:]
        for d in snapshot.documents where d.kind == "plan" { plans[d.path] = d }
        self.planByPath = plans
    }

    func elements(of document: ArchiveSnapshot.Document) -> ArraySlice<ArchiveSnapshot.Element> {
        snapshot.elements[elementRange[document.id] ?? 0..<0]
    }

    func element(_ id: Int) -> ArchiveSnapshot.Element? { elementIndex[id].map { snapshot.elements[$0] } }

    /// Minutes (meeting records), newest first; plans and other documents have pages of their own kind.
    var meetings: [ArchiveSnapshot.Document] {
        snapshot.documents.filter { $0.kind == "minutes" }.sorted(by: Self.newestFirst)
    }

    var plans: [ArchiveSnapshot.Document] { snapshot.documents.filter { $0.kind == "plan" }.sorted { $0.path < $1.path } }

    /// Newest first, undated last, then by path: the order `gijiroku search` lists filtered elements in.
    static func newestFirst(_ a: ArchiveSnapshot.Document, _ b: ArchiveSnapshot.Document) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.path != b.path ? a.path < b.path : a.id < b.id
        }
    }

    /// The page of a document: `m/ID.html` for minutes and other documents, `p/ID.html` for a plan.
    func page(of document: ArchiveSnapshot.Document) -> String {
        (document.kind == "plan" ? "p/" : "m/") + String(document.id) + ".html"
    }

    /// The page and anchor of an element.
    func anchor(ofElement id: Int) -> String? {
        guard let e = element(id), let d = documents[e.documentID] else { return nil }
        return page(of: d) + "#e" + String(id)
    }

    /// The anchor of a plan item on its plan's page.
    func anchor(ofItem item: String, plan path: String) -> String? {
        planByPath[path].map { page(of: $0) + "#i" + item }
    }

    /// The display title of a document: its title, else its meeting, else its file name (a
    /// plan's with its first chapter's title).
    func title(of document: ArchiveSnapshot.Document) -> String {
        let file = String(document.path.split(separator: "/").last ?? "")
        if document.title == nil, document.kind == "plan", let first = document.planItems.first {
            return text(.sitePlanTitle, ["file": file, "first": first.title])
        }
        return document.title ?? document.meeting ?? file
    }

    /// The meeting body a record belongs to: its meeting name, else its title.
    func body(of document: ArchiveSnapshot.Document) -> String {
        document.meeting ?? document.title ?? String(document.path.split(separator: "/").last ?? "")
    }

    /// `path:line`.
    static func location(_ document: ArchiveSnapshot.Document, _ element: ArchiveSnapshot.Element) -> String {
        document.path + ":" + String(element.lines.start)
    }

    /// Who an element's speaker field names first (its label as written).
    static func speakerLabel(_ element: ArchiveSnapshot.Element) -> String? {
        guard let s = element.speaker?.split(separator: "\u{1F}").first, !s.isEmpty else { return element.issuer }
        return String(s)
    }

    /// The page and anchor of the element of `path` at `line` (the first element starting
    /// there or after it, within its document).
    func target(path: String, line: Int) -> String? {
        for d in documentsByPath[path] ?? [] {
            let elements = self.elements(of: d)
            if let e = elements.first(where: { $0.lines.start >= line }) ?? elements.last, (e.lines.start >= line || e.lines.end >= line) {
                return anchor(ofElement: e.id)
            }
        }
        return nil
    }
}
