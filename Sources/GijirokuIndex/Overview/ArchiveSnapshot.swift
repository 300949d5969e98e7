import Gijiroku

/// Everything the index holds, read in one pass, for what renders the whole archive (the
/// static site): documents with their headers, agenda titles and plan items; every element
/// with what the full-text ranking knows of it (its length code); the links to plan items
/// with the units they were made for; the figures BM25 is computed with.
///
/// ```swift
/// let snapshot = try index.snapshot()
/// snapshot.documents.count   // 50
/// snapshot.elements.first?.body
/// ```
package struct ArchiveSnapshot: Sendable {
    package struct Document: Sendable {
        package var id: Int
        package var path: String
        /// Which meeting of a page of several (0: the file is one record).
        package var part: Int
        package var kind: String
        package var title: String?
        package var meeting: String?
        package var date: String?
        package var header: StoredHeader?
        /// The document's elements are the ids `elements` (empty when it has none).
        package var elements: ClosedRange<Int>?
        package var agenda: [Int: String]
        /// A plan's items in order: `1-1-3` and its title.
        package var planItems: [(item: String, title: String)]
    }

    package struct Element: Sendable, Hashable {
        package var id: Int
        package var documentID: Int
        /// `question`, `answer`, `speech` … (``SearchQuery/Kind``'s raw values).
        package var kind: String
        package var marker: String?
        package var agendaNumber: Int?
        /// A plan element's item (`1-1-3`).
        package var item: String?
        /// An answer's question: how many elements back.
        package var questionBack: Int?
        package var issuer: String?
        /// Who spoke or issued it, as `--speaker` matches it (label, name and post, separated by U+001F).
        package var speaker: String?
        package var lines: SearchHit.Lines
        package var body: String
        package var outcome: String?
        package var method: String?
        /// The element's length as the ranking reads it (``ElementLengths`` code).
        package var lengthCode: UInt8

        package init(id: Int, documentID: Int, kind: String, marker: String? = nil, agendaNumber: Int? = nil, item: String? = nil,
                     questionBack: Int? = nil, issuer: String? = nil, speaker: String? = nil, lines: SearchHit.Lines, body: String,
                     outcome: String? = nil, method: String? = nil, lengthCode: UInt8) {
            self.id = id; self.documentID = documentID; self.kind = kind; self.marker = marker; self.agendaNumber = agendaNumber
            self.item = item; self.questionBack = questionBack; self.issuer = issuer; self.speaker = speaker; self.lines = lines
            self.body = body; self.outcome = outcome; self.method = method; self.lengthCode = lengthCode
        }
    }

    /// A link from a unit of a meeting (agenda item, exchange, directive, その他 item) to a
    /// plan item; a unit's links come best first.
    package struct Link: Sendable, Hashable {
        package var path: String
        package var line: Int
        /// The unit's last line.
        package var lastLine: Int
        package var planPath: String
        package var item: String
        /// The explicit reference, when the link rests on one (`第２章第１節`).
        package var reference: String?
    }

    package var documents: [Document]
    /// In id order.
    package var elements: [Element]
    package var links: [Link]
    /// Rows of the full-text index, and their average length in characters: BM25's figures.
    package var rowCount: Int
    package var averageLength: Double

    package init(documents: [Document], elements: [Element], links: [Link], rowCount: Int, averageLength: Double) {
        self.documents = documents; self.elements = elements; self.links = links
        self.rowCount = rowCount; self.averageLength = averageLength
    }
}

extension SearchIndex {
    /// The whole archive as ``ArchiveSnapshot``, read in one (read) transaction.
    package func snapshot() throws -> ArchiveSnapshot {
        try store.database.savepoint {
            let lengths = try ElementLengths.load(from: store.database)
            var agenda: [Int: [Int: String]] = [:]
            let a = try store.statement("SELECT document_id, number, title FROM agenda")
            while try a.step() { agenda[a.int(0) ?? 0, default: [:]][a.int(1) ?? 0] = a.string(2) ?? "" }
            a.reset()
            var items: [Int: [(String, String)]] = [:]
            let p = try store.statement("SELECT document_id, item, title FROM plan_items")
            while try p.step() { items[p.int(0) ?? 0, default: []].append((p.string(1) ?? "", p.string(2) ?? "")) }
            p.reset()
            var documents: [ArchiveSnapshot.Document] = []
            let d = try store.statement("""
                SELECT id, path, part, kind, title, meeting, date, header, first_element, last_element
                FROM documents ORDER BY id
                """)
            while try d.step() {
                let id = d.int(0) ?? 0
                let range: ClosedRange<Int>? = d.int(8).flatMap { first in d.int(9).flatMap { first <= $0 ? first...$0 : nil } }
                documents.append(.init(
                    id: id, path: d.string(1) ?? "", part: d.int(2) ?? 0, kind: d.string(3) ?? "",
                    title: d.string(4), meeting: d.string(5), date: d.string(6),
                    header: StoredHeader.decode(d.string(7)), elements: range, agenda: agenda[id] ?? [:],
                    planItems: (items[id] ?? []).sorted { PlanItemOrder.precedes($0.0, $1.0) }.map { (item: $0.0, title: $0.1) }))
            }
            d.reset()
            var elements: [ArchiveSnapshot.Element] = []
            let e = try store.statement("""
                SELECT id, document_id, style, marker, agenda_number, item, question, issuer, speaker, line_start, line_count, body, outcome, method
                FROM elements ORDER BY id
                """)
            while try e.step() {
                let id = e.int(0) ?? 0
                let decoded = IndexedElement.decode(style: e.int(2) ?? 0, markerText: e.string(3))
                let start = e.int(9) ?? 0
                elements.append(.init(
                    id: id, documentID: e.int(1) ?? 0, kind: decoded.kind.rawValue, marker: decoded.marker,
                    agendaNumber: e.int(4), item: e.string(5), questionBack: e.int(6), issuer: e.string(7), speaker: e.string(8),
                    lines: .init(start: start, end: start + (e.int(10) ?? 0)), body: e.string(11) ?? "",
                    outcome: e.string(12), method: e.string(13),
                    lengthCode: id < lengths.count ? lengths[id] : ElementLengths.code(for: e.string(11)?.unicodeScalars.count ?? 0)))
            }
            e.reset()
            var links: [ArchiveSnapshot.Link] = []
            let l = try store.statement("""
                SELECT l.path, l.line, l.plan_path, l.item, l.reference,
                       (SELECT max(u.line + u.line_count) FROM units u JOIN documents d ON d.id = u.document_id
                        WHERE d.path = l.path AND u.line = l.line)
                FROM links l ORDER BY l.path, l.line, l.rank
                """)
            while try l.step() {
                let line = l.int(1) ?? 0
                links.append(.init(path: l.string(0) ?? "", line: line, lastLine: l.int(5) ?? line,
                                   planPath: l.string(2) ?? "", item: l.string(3) ?? "", reference: l.string(4)))
            }
            l.reset()
            let rows = try store.statement("SELECT count(*) FROM elements").firstRow([]) { $0.int(0) ?? 0 } ?? 0
            return ArchiveSnapshot(documents: documents, elements: elements, links: links, rowCount: rows,
                                   averageLength: try store.averageLength())
        }
    }
}

/// Plan item ids in document order: `1` < `1-1` < `1-1-2` < `1-2` < `2`.
package enum PlanItemOrder {
    package static func precedes(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "-").map { Int($0) ?? 0 }, y = b.split(separator: "-").map { Int($0) ?? 0 }
        return x.lexicographicallyPrecedes(y)
    }
}
