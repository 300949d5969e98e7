import Foundation
import Gijiroku

/// How an indexing run changed the links between minutes elements and plan items.
public struct LinkChanges: Sendable, Hashable {
    public var added = 0, updated = 0, unchanged = 0, removed = 0
    /// Plan items in the index; 0 means no plan is indexed yet and no links exist.
    public var planItems = 0
}

/// Keeps the links from minutes elements to plan items: the linkable units as stored, the
/// plan catalogue, and the refresh after every indexing run.
struct LinkIndex {
    let store: Store

    /// Recomputes the links of every minutes element after documents or plans changed.
    ///
    /// Term weights are taken over the whole index, so any change can move any score; all
    /// links are recomputed, then compared with the stored ones: a (element, plan item)
    /// pair that stays keeps its row and ID, a changed score or evidence updates the row,
    /// and only new or vanished pairs are inserted or deleted. One transaction.
    /// - Parameter progress: told how many units of how many have been linked, before the
    ///   first and after each slice of 4 096.
    func refreshLinks(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> LinkChanges {
        var changes = LinkChanges()
        // With no plan indexed there is nothing to link to: the units are not even read
        // (links left from a plan that has gone are still removed below).
        let hasPlans = try store.statement("SELECT EXISTS (SELECT 1 FROM plan_items)").firstRow([]) { $0.int(0) == 1 } ?? false
        let units = hasPlans ? try storedUnits() : []
        // Every unit's terms, read once (on every core): the catalogue's background and the
        // unit's own side of its scores.
        let words = store.words
        let terms = units.concurrentMap { ContentTerms.bigrams(of: $0.unit.text, variants: words) }
        // And each agenda title's, once for all the exchanges and directives it is the context of.
        let contexts = Array(Set(units.compactMap(\.unit.context)))
        let contextTerms = Dictionary(uniqueKeysWithValues: zip(contexts, contexts.concurrentMap { ContentTerms.bigrams(of: $0, variants: words) }))
        let catalog = try loadCatalog(units: units, terms: terms)
        changes.planItems = catalog.items.count
        let linker = PlanLinker(catalog: catalog)

        struct Row: Equatable { var rank: Int; var score: Double; var reference: String?; var terms: String }
        struct Key: Hashable { var path: String; var line: Int; var kind: String; var plan: String; var item: String }
        var fresh: [Key: Row] = [:]
        if !catalog.items.isEmpty {
            // Each unit's links depend only on the unit and the catalogue: found on every core,
            // a slice at a time so that progress can be shown.
            let pairs = Array(zip(units.map(\.unit), terms))
            var found: [[PlanLink]] = []
            found.reserveCapacity(pairs.count)
            progress(0, pairs.count)
            for start in stride(from: 0, to: pairs.count, by: 4_096) {
                found += Array(pairs[start..<min(start + 4_096, pairs.count)]).concurrentMap { unit, terms in
                    linker.links(for: unit, terms: terms, contextTerms: unit.context.flatMap { contextTerms[$0] })
                }
                progress(found.count, pairs.count)
            }
            for ((path, unit), links) in zip(units, found) {
                for (rank, link) in links.enumerated() {
                    let item = catalog.items[link.item]
                    fresh[Key(path: path, line: unit.lines.start, kind: unit.kind.rawValue, plan: item.planPath, item: item.id)] =
                        Row(rank: rank + 1, score: (link.score * 1000).rounded() / 1000, reference: link.reference,
                            terms: link.terms.joined(separator: "\u{1F}"))
                }
            }
        }
        var stored: [Key: (id: Int, row: Row)] = [:]
        let read = try store.database.prepare("SELECT id, path, line, unit_kind, plan_path, item, rank, score, reference, terms FROM links")
        try read.bind([])
        while try read.step() {
            let key = Key(path: read.string(1) ?? "", line: read.int(2) ?? 0, kind: read.string(3) ?? "", plan: read.string(4) ?? "", item: read.string(5) ?? "")
            stored[key] = (read.int(0) ?? 0, Row(rank: read.int(6) ?? 0, score: read.double(7), reference: read.string(8), terms: read.string(9) ?? ""))
        }
        read.reset()
        // The links table's two indexes take rows in an order of their own: with a few MB of
        // them, a 2 MB cache reads and writes the same pages again for every row changed.
        try store.database.growCache(toKibibytes: 32_768)
        try store.database.transaction {
            let delete = try store.statement("DELETE FROM links WHERE id = ?1")
            // In the table's order: a run that changes most links deletes row after row.
            for id in stored.compactMap({ fresh[$0.key] == nil ? $0.value.id : nil }).sorted() {
                try delete.run([id])
                changes.removed += 1
            }
            let update = try store.statement("UPDATE links SET rank = ?2, score = ?3, reference = ?4, terms = ?5 WHERE id = ?1")
            let insert = try store.statement("""
                INSERT INTO links(path, line, unit_kind, plan_path, item, rank, score, reference, terms)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """)
            for (key, row) in fresh.sorted(by: { ($0.key.path, $0.key.line, $0.value.rank) < ($1.key.path, $1.key.line, $1.value.rank) }) {
                if let old = stored[key] {
                    if old.row == row { changes.unchanged += 1; continue }
                    try update.run([old.id, row.rank, row.score, row.reference, row.terms])
                    changes.updated += 1
                } else {
                    try insert.run([key.path, key.line, key.kind, key.plan, key.item, row.rank, row.score, row.reference, row.terms])
                    changes.added += 1
                }
            }
        }
        return changes
    }

    /// Every indexed plan item, with its bullets; the texts of `units` (every stored minutes
    /// unit) are the background for term weights.
    /// `terms`: the units' ``ContentTerms/bigrams(of:variants:)``, when the caller has them.
    /// Every text is read with the store's word variants (``Store/words``).
    func loadCatalog(units: [(path: String, unit: LinkUnit)], terms: [[ContentTerms.Term]]? = nil) throws -> PlanCatalog {
        var items: [PlanCatalog.Item] = []
        var position: [String: Int] = [:]
        // Through the index of a document's elements: left to itself, SQLite built an index of
        // every element with its text at each run (37 MB in temporary files for 20 000 meetings).
        let s = try store.database.prepare("""
            SELECT d.path, d.title, p.item, p.level, p.title, e.body
            FROM plan_items p JOIN documents d ON d.id = p.document_id
            LEFT JOIN elements e INDEXED BY elements_by_document ON e.document_id = p.document_id AND e.item = p.item
            ORDER BY d.path, p.item, e.id
            """)
        try s.bind([])
        while try s.step() {
            let path = s.string(0) ?? "", id = s.string(2) ?? "", title = s.string(4) ?? ""
            let key = path + "\u{1F}" + id
            if position[key] == nil {
                position[key] = items.count
                items.append(PlanCatalog.Item(planPath: path, planTitle: s.string(1), id: id, level: s.string(3) ?? "", title: title, bullets: []))
            }
            if let body = s.string(5), body != title { items[position[key]!].bullets.append(body) }
        }
        s.reset()
        guard !items.isEmpty else { return PlanCatalog(items: []) }
        // Items in plan order: by document, then by the order of their IDs' numbers.
        items.sort { a, b in a.planPath != b.planPath ? a.planPath < b.planPath : PlanCatalog.idPrecedes(a.id, b.id) }
        let words = store.words
        return PlanCatalog(items: items, background: terms ?? units.concurrentMap { ContentTerms.bigrams(of: $0.unit.text, variants: words) },
                           words: words)
    }

    /// Every stored minutes unit with its document's path.
    func storedUnits(documentID: Int64? = nil) throws -> [(path: String, unit: LinkUnit)] {
        try storedUnitsWithDocuments(documentID: documentID).map { ($0.path, $0.unit) }
    }

    /// Every stored minutes unit with its document, in document order. A unit's text is read
    /// back from the elements in its lines (an agenda item's explanation, an exchange's
    /// question and answers, a directive, an その他 item), an agenda item's title first:
    /// the same text ``LinkUnit/units(of:)`` builds, without storing it twice.
    func storedUnitsWithDocuments(documentID: Int64? = nil) throws -> [StoredUnit] {
        // Which element kinds make up each unit kind, as ",0," lists for instr().
        let codes = [LinkUnit.Kind.agenda: [IndexedElement.Kind.explanation], .exchange: [.question, .answer],
                     .directive: [.directive], .other: [.other]]
            .mapValues { "," + $0.map { String($0.code) }.joined(separator: ",") + "," }
        let s = try store.database.prepare("""
            SELECT d.path, d.title, d.date, u.kind, u.line, u.line + u.line_count, u.agenda_number, coalesce(a.title, u.title),
                   (SELECT group_concat(body, char(10)) FROM (
                        SELECT e.body FROM elements e
                        WHERE e.id BETWEEN d.first_element AND d.last_element AND e.line_start BETWEEN u.line AND u.line + u.line_count
                          AND instr(CASE u.kind WHEN 0 THEN ?2 WHEN 1 THEN ?3 WHEN 2 THEN ?4 ELSE ?5 END, ',' || (e.style & 15) || ',') > 0
                        ORDER BY e.id)),
                   CASE u.kind WHEN 2 THEN (SELECT e.issuer FROM elements e
                        WHERE e.id BETWEEN d.first_element AND d.last_element AND e.line_start = u.line AND (e.style & 15) = ?6
                        LIMIT 1) END,
                   u.deadline_text, u.deadline_basis, u.deadline_date, u.deadline_problem, u.responsible, d.meeting
            FROM units u JOIN documents d ON d.id = u.document_id
            LEFT JOIN agenda a ON a.document_id = u.document_id AND a.number = u.agenda_number
            WHERE ?1 IS NULL OR u.document_id = ?1
            """)
        try s.bind([documentID, codes[.agenda], codes[.exchange], codes[.directive], codes[.other], IndexedElement.Kind.directive.code])
        var out: [StoredUnit] = []
        while try s.step() {
            guard let kind = LinkUnit.Kind(code: s.int(3) ?? -1) else { continue }
            let title = s.string(7)
            let body = s.string(8)
            let text = kind == .agenda ? [title, body].compactMap { $0 }.joined(separator: "\n") : (body ?? "")
            var deadline: Deadline?
            if let text = s.string(10), let basis = s.string(11).flatMap(Deadline.Basis.init(rawValue:)) {
                deadline = Deadline(text: text, basis: basis, date: s.string(12), problem: s.string(13))
            }
            let responsible = s.string(14).map { $0.split(separator: "\u{1F}").map(String.init) } ?? []
            out.append(StoredUnit(path: s.string(0) ?? "", title: s.string(1), date: s.string(2), meeting: s.string(15),
                                  unit: LinkUnit(kind: kind, lines: LineRange(s.int(4) ?? 0, s.int(5) ?? 0), agendaNumber: s.int(6),
                                                 agendaTitle: title, issuer: s.string(9), text: text,
                                                 deadline: deadline, responsible: responsible)))
        }
        s.reset()
        // Each document's exchanges and directives read with the passages of the explanation
        // they quote (only the documents where one quotes anything).
        let quoting = Set(out.filter { LinkUnit.mayQuote($0.unit) }.map(\.path))
        var byPath: [String: [Int]] = [:]
        for (k, u) in out.enumerated() where quoting.contains(u.path) { byPath[u.path, default: []].append(k) }
        for positions in byPath.values {
            for (k, unit) in zip(positions, LinkUnit.readingPassages(positions.map { out[$0].unit })) { out[k].unit = unit }
        }
        // Sorted here, not by the query: SQLite sorts rows this wide (every unit's text) in
        // temporary files, 36–48 MB for 20 000 meetings, at every indexing run. The order is
        // the one the query gave: by date (none first), path and line, text compared as SQLite
        // compares it (UTF-8 bytes), rows that tie in the order they were read.
        return out.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.date != y.date {
                guard let p = x.date else { return true }
                guard let q = y.date else { return false }
                return p.utf8.lexicographicallyPrecedes(q.utf8)
            }
            if x.path != y.path { return x.path.utf8.lexicographicallyPrecedes(y.path.utf8) }
            if x.unit.lines.start != y.unit.lines.start { return x.unit.lines.start < y.unit.lines.start }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// A linkable unit as stored, with the document it belongs to.
struct StoredUnit {
    var path: String
    var title: String?
    var date: String?
    /// The meeting body the parser read (minutes).
    var meeting: String?
    var unit: LinkUnit
}
