import Foundation
import Gijiroku

/// Writes documents into the store and removes them: the document row, its elements and
/// their full-text entries, agenda, plan items and linkable units, all of it or none of it.
struct DocumentWriter {
    let store: Store

    /// A parsed file with the rows it is stored as, worked out before the writing thread
    /// needs them (the indexer makes them on the reading threads): one record, or one per
    /// meeting when the file is a page of several.
    struct Rows: Sendable {
        let records: [Record]
        var path: String { records[0].document.source.path }

        init(_ document: ParsedDocument) {
            records = document.meetings.map(Record.init)
        }
    }

    /// One record with its rows.
    struct Record: Sendable {
        let document: ParsedDocument
        let elements: [IndexedElement]
        /// Each element's length in characters.
        let lengths: [Int]
        /// A minutes record's linkable units (empty for other documents).
        let units: [LinkUnit]
        /// A minutes record's header as stored (``StoredHeader``), made on the reading threads.
        let header: String?

        init(_ document: ParsedDocument) {
            self.document = document
            switch document {
            case .minutes(let m): elements = IndexedElement.elements(of: m); units = LinkUnit.units(of: m); header = StoredHeader(m).json
            case .plan(let p): elements = IndexedElement.elements(of: p); units = []; header = nil
            case .document(let d): elements = IndexedElement.elements(of: d); units = []; header = nil
            }
            lengths = elements.map(\.characterCount)
        }
    }

    /// Stores a parsed document under its source path, replacing what was there: all of it
    /// or none of it (a savepoint, a transaction of its own when no batch is open).
    /// `replacing: false` when the path is known not to be indexed (it had no stored digest);
    /// `inSavepoint: false` when the caller makes the write all-or-nothing itself.
    func store(_ document: ParsedDocument, replacing: Bool = true, inSavepoint: Bool = true) throws {
        try store(rows: Rows(document), replacing: replacing, inSavepoint: inSavepoint)
    }

    /// Stores rows prepared beforehand (see ``store(_:replacing:inSavepoint:)``): every
    /// record of the file, after what was stored for the file before.
    func store(rows: Rows, replacing: Bool = true, inSavepoint: Bool = true) throws {
        func write() throws {
            if replacing { try remove(path: rows.path) }
            for record in rows.records { try store(record: record) }
        }
        if inSavepoint { try store.database.savepoint { try write() } } else { try write() }
    }

    private func store(record rows: Record) throws {
        switch rows.document {
        case .minutes(let m):
            try store(kind: m.kind, title: m.title, meeting: m.meeting.name, session: m.meeting.session, date: m.date, source: m.source,
                      warnings: m.warnings.count, elements: rows.elements, lengths: rows.lengths, header: rows.header) { documentID in
                let agenda = try store.statement("INSERT OR IGNORE INTO agenda(document_id, number, title) VALUES (?1, ?2, ?3)")
                for item in m.agenda {
                    guard let n = item.number else { continue }
                    agenda.reset()
                    try agenda.bind(1, Int(documentID)); try agenda.bind(2, n); try agenda.bind(3, item.title)
                    while try agenda.step() {}
                }
                let units = try store.statement("""
                    INSERT OR IGNORE INTO units(document_id, line, kind, line_count, agenda_number, title,
                                                deadline_text, deadline_basis, deadline_date, deadline_problem, responsible)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    """)
                for u in rows.units {
                    units.reset()
                    try units.bind(1, Int(documentID)); try units.bind(2, u.lines.start); try units.bind(3, u.kind.code)
                    try units.bind(4, u.lines.end - u.lines.start); try units.bind(5, u.agendaNumber)
                    try units.bind(6, u.agendaNumber == nil ? u.agendaTitle : nil)
                    try units.bind(7, u.deadline?.text); try units.bind(8, u.deadline?.basis.rawValue)
                    try units.bind(9, u.deadline?.date); try units.bind(10, u.deadline?.problem)
                    try units.bind(11, u.responsible.isEmpty ? nil : u.responsible.joined(separator: "\u{1F}"))
                    while try units.step() {}
                }
            }
        case .plan(let p):
            try store(kind: p.kind, title: p.title, meeting: nil, session: nil, date: nil, source: p.source,
                      warnings: p.warnings.count, elements: rows.elements, lengths: rows.lengths) { documentID in
                let items = try store.statement("INSERT OR IGNORE INTO plan_items(document_id, item, level, title) VALUES (?1, ?2, ?3, ?4)")
                for item in IndexedElement.items(of: p) { try items.run([documentID, item.id, item.level.rawValue, item.title]) }
            }
        case .document(let d):
            try store(kind: d.kind, title: d.title, meeting: nil, session: nil, date: d.date, source: d.source,
                      warnings: d.warnings.count, elements: rows.elements, lengths: rows.lengths) { _ in }
        }
    }

    private func store(kind: String, title: String?, meeting: String?, session: Int?, date: String?, source: SourceInfo, warnings: Int,
                       elements: [IndexedElement], lengths: [Int], header: String? = nil, headings: (Int64) throws -> Void) throws {
        do {
            let first = try store.pendingBatch?.nextElementID ?? store.nextSequence()
            let totalLength = lengths.reduce(0, +)
            let last: Int64? = elements.isEmpty ? nil : first + Int64(elements.count - 1)
            try store.statement("""
                INSERT INTO documents(path, sha256, kind, title, session, date, encoding, warnings, indexed_at,
                                      first_element, last_element, total_length, meeting, part, first_line, last_line, header)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                """).run([source.path, source.sha256, kind, title, session, date, source.encoding.rawValue, warnings, store.indexedAt,
                          last == nil ? nil : first, last, totalLength, meeting,
                          source.part?.number ?? 0, source.part?.lines.start ?? 1, source.part?.lines.end, header])
            let documentID = store.database.lastInsertedRowID
            try FullTextIndex(store: store).add(documentID...documentID, to: .names)
            try headings(documentID)
            let insert = try store.statement("""
                INSERT INTO elements(id, document_id, style, agenda_number, item, question, issuer, marker, line_start, line_count, body, speaker,
                                     outcome, method)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                """)
            for (n, e) in elements.enumerated() {
                let back: Int? = e.parentOrdinal.map { n - $0 }
                let style = e.style
                // Typed binds: this loop writes every element of the archive.
                insert.reset()
                try insert.bind(1, Int(first) + n); try insert.bind(2, Int(documentID)); try insert.bind(3, style.code)
                try insert.bind(4, e.agendaNumber); try insert.bind(5, e.item); try insert.bind(6, back)
                try insert.bind(7, e.issuer); try insert.bind(8, style.markerText); try insert.bind(9, e.lines.start)
                try insert.bind(10, e.lines.end - e.lines.start); try insert.bind(11, e.body)
                try insert.bind(12, e.speaker); try insert.bind(13, e.outcome); try insert.bind(14, e.method)
                while try insert.step() {}
            }
            if let last {
                try FullTextIndex(store: store).add(first...last)
                let codes = lengths.map(ElementLengths.code(for:))
                let day = ElementFacets.day(of: date)
                var facets: [UInt8] = []
                facets.reserveCapacity(elements.count * ElementFacets.width)
                for e in elements { ElementFacets.append(kind: e.style.code & IndexedElement.kindMask, day: day, to: &facets) }
                if store.pendingBatch != nil {
                    store.pendingBatch!.lengths.append((first, codes))
                    store.pendingBatch!.facets.append((first, facets))
                } else {
                    try ElementLengths.store(codes, from: first, statement: store.statement)
                    try ElementFacets.table.store(facets, from: first, statement: store.statement)
                }
            }
            if store.pendingBatch != nil {
                store.pendingBatch!.elements += elements.count
                store.pendingBatch!.characters += totalLength
                store.pendingBatch!.nextElementID = first + Int64(elements.count)
            } else {
                try store.statement("UPDATE statistics SET elements = elements + ?1, total_length = total_length + ?2 WHERE id = 1")
                    .run([elements.count, totalLength])
            }
        }
    }

    /// Removes the records of the file at `path` (one, or one per meeting) and their
    /// elements (and their index entries).
    func remove(path: String) throws {
        let found = try store.database.prepare("SELECT id, first_element, last_element, total_length FROM documents WHERE path = ?1")
        try found.bind([path])
        var records: [(Int, Int, Int, Int)] = []
        while try found.step() { records.append((found.int(0) ?? 0, found.int(1) ?? 0, found.int(2) ?? -1, found.int(3) ?? 0)) }
        for (id, first, last, length) in records { try remove(id: id, first: first, last: last, length: length) }
    }

    private func remove(id: Int, first: Int, last: Int, length: Int) throws {
        let count = first <= last ? last - first + 1 : 0
        try store.statement("UPDATE statistics SET elements = elements - ?1, total_length = total_length - ?2 WHERE id = 1")
            .run([count, length])
        if first <= last { try FullTextIndex(store: store).remove(Int64(first)...Int64(last)) }
        try store.statement("DELETE FROM elements WHERE id BETWEEN ?1 AND ?2").run([first, last])
        try store.statement("DELETE FROM agenda WHERE document_id = ?1").run([id])
        try store.statement("DELETE FROM units WHERE document_id = ?1").run([id])
        try store.statement("DELETE FROM plan_items WHERE document_id = ?1").run([id])
        try FullTextIndex(store: store).remove(Int64(id)...Int64(id), from: .names)
        try store.statement("DELETE FROM documents WHERE id = ?1").run([id])
    }


}
