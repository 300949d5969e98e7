import Foundation
import Gijiroku
import GijirokuInput
import GijirokuMessages

/// The plan items a meeting's elements are linked to (`gijiroku links DOCUMENT|ELEMENT`).
///
/// ```swift
/// let report = try index.links(from: "shiomigawa-sogokeikaku-03.txt:41")
/// report.elements[0].links.first?.reference   // "第２章第１節"
/// ```
public struct LinksReport: Sendable, Hashable, Codable {
    /// Always `"links"`.
    public var kind = "links"
    public var document: SearchHit.Document
    public var elements: [LinkedElement]
    /// Why there are no links, when that is the reason (no plan indexed yet).
    public var note: String?
}

/// A minutes element (agenda item, exchange, directive, その他 item) and its links, best first.
public struct LinkedElement: Sendable, Hashable, Codable {
    public var kind: String
    public var lines: SearchHit.Lines
    /// `path:line`, which `gijiroku links` also accepts.
    public var location: String
    public var agendaNumber: Int?
    public var agendaTitle: String?
    public var issuer: String?
    public var text: String
    public var links: [PlanLinkRecord]
}

/// One stored link to a plan item, with its evidence.
public struct PlanLinkRecord: Sendable, Hashable, Codable {
    public struct Plan: Sendable, Hashable, Codable {
        public var path: String
        public var title: String?
    }
    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var level: String
        public var title: String
    }
    /// Stable while the element stays linked to the item.
    public var id: Int
    /// 1 for the element's best link.
    public var rank: Int
    public var score: Double
    public var plan: Plan
    public var item: Item
    /// The explicit reference that names the item (`第２章第１節`), when there is one.
    public var reference: String?
    /// Shared terms, strongest first.
    public var terms: [String]
}

/// Every meeting element that discussed one plan item, newest first
/// (`gijiroku links --plan 2-1-3`).
///
/// ```swift
/// let report = try index.links(toItem: "2-1-1")
/// report.elements.first?.document.date   // the latest meeting that took it up
/// ```
public struct PlanItemLinksReport: Sendable, Hashable, Codable {
    public struct Element: Sendable, Hashable, Codable {
        public var document: SearchHit.Document
        public var kind: String
        public var lines: SearchHit.Lines
        public var location: String
        public var agendaNumber: Int?
        public var agendaTitle: String?
        public var issuer: String?
        public var text: String
        public var link: PlanLinkRecord
    }
    /// Always `"plan-links"`.
    public var kind = "plan-links"
    public var plan: PlanLinkRecord.Plan
    public var item: PlanLinkRecord.Item
    public var elements: [Element]
}

/// How much each item of a plan was discussed (`gijiroku links PLAN`): every item, in plan
/// order, with the number of meeting elements linked to it and the first and last meeting
/// dates. Items no meeting took up have a count of 0.
///
/// ```swift
/// let overview = try index.planOverview("shiomigawa-basic-plan-ch1-2.txt")
/// overview.items.filter { $0.elements == 0 }.map(\.title)   // the items nobody discussed
/// ```
public struct PlanOverviewReport: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var level: String
        public var title: String
        /// Meeting elements linked to the item or to an item under it (a chapter counts what
        /// its sections and measures were linked to; each element once).
        public var elements: Int
        /// Meeting elements linked to the item itself.
        public var ownElements: Int
        /// Distinct meetings (documents) among them.
        public var meetings: Int
        /// The earliest and latest dates of those meetings that have one.
        public var firstDate: String?
        public var lastDate: String?
        /// Those meetings whose record gives no date (a page excerpt): not in the range.
        public var undatedMeetings = 0
    }
    /// Always `"plan-overview"`.
    public var kind = "plan-overview"
    public var plan: PlanLinkRecord.Plan
    public var items: [Item]
}

/// Answers questions about links: a meeting's elements and their plan items, a plan item's
/// elements, a plan's overview.
struct LinkQueries {
    let store: Store

    /// The kind of the indexed document `spec` names (`minutes`, `plan`, `document`).
    /// - Throws: ``IndexError`` `.notFound` or `.ambiguous`.
    func kind(ofDocument spec: String) throws -> String {
        try resolveDocument(location(spec).path).kind
    }

    /// `spec` as a document and, for `path:line` (when `spec` is not itself a document's
    /// path), a line.
    func location(_ spec: String) -> (path: String, line: Int?) {
        guard let colon = spec.lastIndex(of: ":"), let line = Int(spec[spec.index(after: colon)...]),
              (try? resolveDocument(spec)) == nil else { return (spec, nil) }
        return (String(spec[..<colon]), line)
    }

    /// Every item of a plan with how often, and when, meetings discussed it.
    /// - Throws: ``IndexError`` `.notFound` when `spec` names no indexed plan.
    func planOverview(_ spec: String) throws -> PlanOverviewReport {
        let (id, path, kind, title, _) = try resolveDocument(spec)
        guard kind == "plan" else { throw IndexError(.notAPlan(path: path, kind: kind)) }
        // An item's count rolls up its descendants' (`2` holds `2-1` and `2-1-3`): an element
        // linked to a chapter's measure discussed that chapter.
        let s = try store.database.prepare("""
            SELECT p.item, p.level, p.title, count(DISTINCT l.path || char(31) || l.line || char(31) || l.unit_kind),
                   count(DISTINCT l.path), min(d.date), max(d.date), count(CASE WHEN l.item = p.item THEN 1 END),
                   count(DISTINCT CASE WHEN d.date IS NULL THEN l.path END)
            FROM plan_items p
            LEFT JOIN links l ON l.plan_path = ?2 AND (l.item = p.item OR substr(l.item, 1, length(p.item) + 1) = p.item || '-')
            LEFT JOIN documents d ON d.path = l.path AND l.line BETWEEN d.first_line AND coalesce(d.last_line, l.line)
            WHERE p.document_id = ?1
            GROUP BY p.item
            """)
        try s.bind([id, path])
        var items: [PlanOverviewReport.Item] = []
        while try s.step() {
            items.append(.init(id: s.string(0) ?? "", level: s.string(1) ?? "", title: s.string(2) ?? "", elements: s.int(3) ?? 0,
                               ownElements: s.int(7) ?? 0, meetings: s.int(4) ?? 0, firstDate: s.string(5), lastDate: s.string(6),
                               undatedMeetings: s.int(8) ?? 0))
        }
        s.reset()
        items.sort { PlanCatalog.idPrecedes($0.id, $1.id) }
        return PlanOverviewReport(plan: .init(path: path, title: title), items: items)
    }

    /// The links of a meeting's elements, or of one element: `spec` is a document's path
    /// (as indexed, or any unique ending of it such as its file name) or `path:line` for the
    /// element that starts at (or contains) that line.
    ///
    /// ```swift
    /// let report = try index.links(from: "shiomigawa-kosodate-02.txt:63")
    /// report.elements[0].links.first?.item.id
    /// ```
    /// - Throws: ``IndexError`` `.notFound` or `.ambiguous` naming the candidates.
    func links(from spec: String) throws -> LinksReport {
        let (path, line) = location(spec)
        let (id, resolved, kind, title, date) = try resolveDocument(path, line: line)
        guard kind == "minutes" else {
            throw IndexError(.notMinutes(path: resolved, kind: kind))
        }
        // A page of several meetings: the meeting at the line, or every meeting of the file.
        let ids = line == nil ? try store.database.prepare("SELECT id FROM documents WHERE path = ?1 ORDER BY part")
            .allRows([resolved]) { Int64($0.int(0) ?? 0) } : [id]
        var units = try ids.flatMap { try LinkIndex(store: store).storedUnits(documentID: $0).map(\.unit) }
        if let line {
            let containing = units.filter { $0.lines.start <= line && line <= $0.lines.end }
            guard !containing.isEmpty else {
                throw IndexError(.noElementAtLine(path: resolved, line: line))
            }
            // The innermost element: an exchange inside an agenda item's lines wins.
            units = [containing.min { ($0.lines.end - $0.lines.start) < ($1.lines.end - $1.lines.start) }!]
        }
        let stored = try storedLinks(path: resolved)
        let planCount = try store.database.prepare("SELECT count(*) FROM plan_items").firstRow([]) { $0.int(0) ?? 0 } ?? 0
        let elements = units.map { u in
            LinkedElement(kind: u.kind.rawValue, lines: .init(start: u.lines.start, end: u.lines.end), location: SourceLocation(path: resolved, line: u.lines.start).description,
                          agendaNumber: u.agendaNumber, agendaTitle: u.agendaTitle, issuer: u.issuer, text: u.text,
                          links: stored[LinkKey(line: u.lines.start, kind: u.kind.rawValue)] ?? [])
        }
        let meeting = try store.statement("SELECT meeting FROM documents WHERE id = ?1").firstRow([id]) { $0.string(0) } ?? nil
        return LinksReport(document: .init(path: resolved, title: title, meeting: meeting, date: date), elements: elements,
                           note: planCount == 0 ? Message(.linksNoPlansYet).text(in: .japanese) : nil)
    }

    /// Every element linked to a plan item, newest meeting first. `spec` is an item ID
    /// (`2-1-3`), or `PLAN#ID` when the ID exists in more than one plan (PLAN: the plan's
    /// path, a unique ending of it, or its title).
    /// - Throws: ``IndexError`` `.notFound`, or `.ambiguous` listing the plans that have the ID.
    func links(toItem spec: String) throws -> PlanItemLinksReport {
        var plan: String?
        var id = spec
        if let hash = spec.lastIndex(of: "#") {
            plan = String(spec[..<hash])
            id = String(spec[spec.index(after: hash)...])
        }
        let s = try store.database.prepare("""
            SELECT d.path, d.title, p.level, p.title FROM plan_items p JOIN documents d ON d.id = p.document_id
            WHERE p.item = ?1 ORDER BY d.path
            """)
        try s.bind([id])
        var candidates: [(path: String, title: String?, level: String, itemTitle: String)] = []
        while try s.step() { candidates.append((s.string(0) ?? "", s.string(1), s.string(2) ?? "", s.string(3) ?? "")) }
        s.reset()
        if let plan {
            candidates = candidates.filter { $0.path == plan || $0.path.hasSuffix("/" + plan) || $0.title == plan }
        }
        guard let found = candidates.first else {
            throw IndexError(.planItemNotFound(item: spec, plan: plan))
        }
        guard candidates.count == 1 else {
            throw IndexError(.planItemAmbiguous(item: id, candidates: candidates.map { "\($0.path)#\(id)（\($0.itemTitle)）" }))
        }
        let rows = try store.database.prepare("""
            SELECT l.id, l.path, l.line, l.unit_kind, l.rank, l.score, l.reference, l.terms, d.title, d.date, d.id, d.meeting
            FROM links l JOIN documents d ON d.path = l.path AND l.line BETWEEN d.first_line AND coalesce(d.last_line, l.line)
            WHERE l.plan_path = ?1 AND l.item = ?2
            ORDER BY d.date DESC, l.path, l.line
            """)
        try rows.bind([found.path, id])
        let planRef = PlanLinkRecord.Plan(path: found.path, title: found.title)
        let itemRef = PlanLinkRecord.Item(id: id, level: found.level, title: found.itemTitle)
        var matches: [(link: PlanLinkRecord, path: String, line: Int, kind: String, title: String?, date: String?, document: Int64, meeting: String?)] = []
        while try rows.step() {
            let link = PlanLinkRecord(id: rows.int(0) ?? 0, rank: rows.int(4) ?? 0, score: rows.double(5), plan: planRef, item: itemRef,
                                      reference: rows.string(6), terms: Self.terms(rows.string(7)))
            matches.append((link, rows.string(1) ?? "", rows.int(2) ?? 0, rows.string(3) ?? "", rows.string(8), rows.string(9), Int64(rows.int(10) ?? 0), rows.string(11)))
        }
        rows.reset()
        var unitsByDocument: [Int64: [LinkKey: LinkUnit]] = [:]
        var elements: [PlanItemLinksReport.Element] = []
        for r in matches {
            if unitsByDocument[r.document] == nil {
                unitsByDocument[r.document] = Dictionary(try LinkIndex(store: store).storedUnits(documentID: r.document).map { (LinkKey(line: $0.unit.lines.start, kind: $0.unit.kind.rawValue), $0.unit) },
                                                         uniquingKeysWith: { a, _ in a })
            }
            guard let u = unitsByDocument[r.document]?[LinkKey(line: r.line, kind: r.kind)] else { continue }
            elements.append(.init(document: .init(path: r.path, title: r.title, meeting: r.meeting, date: r.date),
                                  kind: r.kind, lines: .init(start: u.lines.start, end: u.lines.end), location: SourceLocation(path: r.path, line: r.line).description,
                                  agendaNumber: u.agendaNumber, agendaTitle: u.agendaTitle, issuer: u.issuer, text: u.text, link: r.link))
        }
        return PlanItemLinksReport(plan: planRef, item: itemRef, elements: elements)
    }

    struct LinkKey: Hashable { var line: Int; var kind: String }

    /// The stored links of one minutes file, by element, best first.
    func storedLinks(path: String) throws -> [LinkKey: [PlanLinkRecord]] {
        let s = try store.statement("""
            SELECT l.id, l.line, l.unit_kind, l.rank, l.score, l.plan_path, d.title, l.item, p.level, p.title, l.reference, l.terms
            FROM links l JOIN documents d ON d.path = l.plan_path
            JOIN plan_items p ON p.document_id = d.id AND p.item = l.item
            WHERE l.path = ?1 ORDER BY l.line, l.rank
            """)
        try s.bind([path])
        var out: [LinkKey: [PlanLinkRecord]] = [:]
        while try s.step() {
            let record = PlanLinkRecord(id: s.int(0) ?? 0, rank: s.int(3) ?? 0, score: s.double(4),
                                        plan: .init(path: s.string(5) ?? "", title: s.string(6)),
                                        item: .init(id: s.string(7) ?? "", level: s.string(8) ?? "", title: s.string(9) ?? ""),
                                        reference: s.string(10), terms: Self.terms(s.string(11)))
            out[LinkKey(line: s.int(1) ?? 0, kind: s.string(2) ?? ""), default: []].append(record)
        }
        s.reset()
        return out
    }

    static func terms(_ stored: String?) -> [String] {
        (stored ?? "").split(separator: "\u{1F}").map(String.init)
    }

    /// The indexed document `spec` names: its exact path, else the one path that ends with
    /// `/spec`, else, for a file that exists as typed (`../archive/a.txt`), its canonical path,
    /// which is the one the index stores.
    /// A file of several meetings is several documents: the one that holds `line`, else the first.
    func resolveDocument(_ spec: String, line: Int? = nil) throws -> (id: Int64, path: String, kind: String, title: String?, date: String?) {
        do {
            return try resolveStoredPath(spec, line: line)
        } catch let error as IndexError where error.kind == .documentNotFound(spec) {
            let canonical = FileWalker.canonical(spec)
            guard canonical != spec, FileManager.default.fileExists(atPath: canonical) else { throw error }
            guard let found = try? resolveStoredPath(canonical, line: line) else { throw error }
            return found
        }
    }

    private func resolveStoredPath(_ spec: String, line: Int?) throws -> (id: Int64, path: String, kind: String, title: String?, date: String?) {
        let s = try store.database.prepare("""
            SELECT id, path, kind, title, date FROM documents
            WHERE (path = ?1 OR substr(path, -length(?1) - 1) = '/' || ?1)
              AND (?2 IS NULL OR ?2 BETWEEN first_line AND coalesce(last_line, ?2) OR part = 0)
            ORDER BY path = ?1 DESC, path, part
            """)
        try s.bind([spec, line])
        var found: [(Int64, String, String, String?, String?)] = []
        while try s.step() { found.append((Int64(s.int(0) ?? 0), s.string(1) ?? "", s.string(2) ?? "", s.string(3), s.string(4))) }
        s.reset()
        guard let first = found.first else { throw IndexError(.documentNotFound(spec)) }
        if first.1 == spec { return first }
        let paths = found.map(\.1).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        guard paths.count == 1 else {
            throw IndexError(.documentAmbiguous(spec, paths: paths))
        }
        return first
    }
}
