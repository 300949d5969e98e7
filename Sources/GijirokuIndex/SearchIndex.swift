import Foundation
import Gijiroku

/// The searchable index: an SQLite database of documents and their elements with a
/// Japanese bigram full-text index over the elements.
///
/// ```swift
/// let index = try SearchIndex(path: SearchIndex.defaultPath)
/// let report = index.index(files: ["Corpus/minutes/shiomigawa-kosodate-01.txt"])
/// let hits = try index.search(SearchQuery(parsing: "区局連携"))
/// ```
public final class SearchIndex {
    let database: Database
    /// Prepared once, reused for every document.
    private var statements: [String: Statement] = [:]
    private let indexedAt = Int(Date().timeIntervalSince1970)
    /// During a run that builds the full-text index at its end: element rows are written
    /// without their full-text entries (see ``index(files:prune:)``).
    var fullTextDeferred = false
    /// While the indexer writes a batch: what its documents add to `statistics` and
    /// `element_lengths`, recorded once at the end of the batch instead of once per
    /// document (`nil`: each document records its own at once).
    var pendingBatch: PendingBatch?

    struct PendingBatch {
        var elements = 0
        var characters = 0
        /// Element length codes, by the id of a run's first element.
        var lengths: [(first: Int64, codes: [UInt8])] = []
        /// The next element id, known once the batch has stored a document.
        var nextElementID: Int64?
    }

    func statement(_ sql: String) throws(IndexError) -> Statement {
        if let s = statements[sql] { return s }
        let s = try database.prepare(sql)
        statements[sql] = s
        return s
    }

    /// `$GIJIROKU_DB`, else `$XDG_DATA_HOME/gijiroku/index.sqlite`, else
    /// `~/.local/share/gijiroku/index.sqlite`.
    public static var defaultPath: String { defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// The default path as `environment` gives it.
    public static func defaultPath(environment env: [String: String]) -> String {
        if let path = env["GIJIROKU_DB"], !path.isEmpty { return path }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("gijiroku/index.sqlite")
    }

    /// Opens the index at `path`; for writing, creates it (and its folder) and brings its
    /// schema up to date. Reading never changes the file.
    /// - Throws: ``IndexError`` `.noIndex` when reading a path with no index,
    ///   `.newerSchema` when the file was made by a newer Gijiroku.
    public init(path: String, readOnly: Bool = false) throws {
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw IndexError(.noIndex(path: path))
            }
        } else {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        database = try Database(path: path, readOnly: readOnly)
        if readOnly {
            let version = try Schema.userVersion(database)
            if version > Schema.version {
                throw IndexError(.newerSchema(path: path, found: version, supported: Schema.version))
            }
            if version < Schema.version {
                throw IndexError(.outdatedIndex(path: path))
            }
        } else {
            // A new database keeps a map of its pages, so that pages freed by merging the
            // full-text index or by removing documents can be given back to the file system
            // (`PRAGMA incremental_vacuum` after a run); it must be set before any table exists.
            if try Schema.userVersion(database) == 0 { try database.execute("PRAGMA auto_vacuum = INCREMENTAL") }
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
            try Schema.migrate(database)
        }
    }

    /// The stored SHA-256 of the document at `path`, if it is indexed.
    func storedDigest(of path: String) throws -> String? {
        try statement("SELECT sha256 FROM documents WHERE path = ?1").firstRow([path]) { $0.string(0) } ?? nil
    }

    /// A parsed document with the rows it is stored as, worked out before the writing
    /// thread needs them (the indexer makes them on the reading threads).
    struct DocumentRows: Sendable {
        let document: ParsedDocument
        let elements: [IndexedElement]
        /// Each element's length in characters.
        let lengths: [Int]
        /// A minutes record's linkable units (empty for other documents).
        let units: [LinkUnit]

        init(_ document: ParsedDocument) {
            self.document = document
            switch document {
            case .minutes(let m): elements = IndexedElement.elements(of: m); units = LinkUnit.units(of: m)
            case .plan(let p): elements = IndexedElement.elements(of: p); units = []
            case .document(let d): elements = IndexedElement.elements(of: d); units = []
            }
            lengths = elements.map(\.characterCount)
        }
    }

    /// Stores a parsed document under its source path, replacing what was there: all of it
    /// or none of it (a savepoint, a transaction of its own when no batch is open).
    /// `replacing: false` when the path is known not to be indexed (it had no stored digest);
    /// `inSavepoint: false` when the caller makes the write all-or-nothing itself.
    func store(_ document: ParsedDocument, replacing: Bool = true, inSavepoint: Bool = true) throws {
        try store(DocumentRows(document), replacing: replacing, inSavepoint: inSavepoint)
    }

    /// Stores rows prepared beforehand (see ``store(_:replacing:inSavepoint:)``).
    func store(_ rows: DocumentRows, replacing: Bool = true, inSavepoint: Bool = true) throws {
        switch rows.document {
        case .minutes(let m):
            try store(kind: m.kind, title: m.title, session: m.meeting.session, date: m.date, source: m.source,
                      warnings: m.warnings.count, elements: rows.elements, lengths: rows.lengths, replacing: replacing, inSavepoint: inSavepoint) { documentID in
                let agenda = try statement("INSERT OR IGNORE INTO agenda(document_id, number, title) VALUES (?1, ?2, ?3)")
                for item in m.agenda {
                    guard let n = item.number else { continue }
                    agenda.reset()
                    try agenda.bind(1, Int(documentID)); try agenda.bind(2, n); try agenda.bind(3, item.title)
                    while try agenda.step() {}
                }
                let units = try statement("INSERT OR IGNORE INTO units(document_id, line, kind, line_count, agenda_number, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                for u in rows.units {
                    units.reset()
                    try units.bind(1, Int(documentID)); try units.bind(2, u.lines.start); try units.bind(3, u.kind.code)
                    try units.bind(4, u.lines.end - u.lines.start); try units.bind(5, u.agendaNumber)
                    try units.bind(6, u.agendaNumber == nil ? u.agendaTitle : nil)
                    while try units.step() {}
                }
            }
        case .plan(let p):
            try store(kind: p.kind, title: p.title, session: nil, date: nil, source: p.source,
                      warnings: p.warnings.count, elements: rows.elements, lengths: rows.lengths, replacing: replacing, inSavepoint: inSavepoint) { documentID in
                let items = try statement("INSERT OR IGNORE INTO plan_items(document_id, item, level, title) VALUES (?1, ?2, ?3, ?4)")
                for item in IndexedElement.items(of: p) { try items.run([documentID, item.id, item.level.rawValue, item.title]) }
            }
        case .document(let d):
            try store(kind: d.kind, title: d.title, session: nil, date: d.date, source: d.source,
                      warnings: d.warnings.count, elements: rows.elements, lengths: rows.lengths, replacing: replacing, inSavepoint: inSavepoint) { _ in }
        }
    }

    private func store(kind: String, title: String?, session: Int?, date: String?, source: SourceInfo, warnings: Int,
                       elements: [IndexedElement], lengths: [Int], replacing: Bool, inSavepoint: Bool,
                       headings: (Int64) throws -> Void) throws {
        if inSavepoint { try database.savepoint { try write() } } else { try write() }
        func write() throws {
            if replacing { try remove(path: source.path) }
            let first = try pendingBatch?.nextElementID ?? nextSequence()
            let totalLength = lengths.reduce(0, +)
            let last: Int64? = elements.isEmpty ? nil : first + Int64(elements.count - 1)
            try statement("""
                INSERT INTO documents(path, sha256, kind, title, session, date, encoding, warnings, indexed_at,
                                      first_element, last_element, total_length)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                """).run([source.path, source.sha256, kind, title, session, date, source.encoding.rawValue, warnings, indexedAt,
                          last == nil ? nil : first, last, totalLength])
            let documentID = database.lastInsertedRowID
            try headings(documentID)
            let insert = try statement("""
                INSERT INTO elements(id, document_id, style, agenda_number, item, question, issuer, marker, line_start, line_count, body)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
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
                while try insert.step() {}
            }
            if let last {
                if !fullTextDeferred {
                    try statement("INSERT INTO elements_fts(rowid, body) SELECT id, body FROM elements WHERE id BETWEEN ?1 AND ?2")
                        .run([first, last])
                }
                let codes = lengths.map(ElementLengths.code(for:))
                if pendingBatch != nil { pendingBatch!.lengths.append((first, codes)) }
                else { try ElementLengths.store(codes, from: first, statement: statement) }
            }
            if pendingBatch != nil {
                pendingBatch!.elements += elements.count
                pendingBatch!.characters += totalLength
                pendingBatch!.nextElementID = first + Int64(elements.count)
            } else {
                try statement("UPDATE statistics SET elements = elements + ?1, total_length = total_length + ?2 WHERE id = 1")
                    .run([elements.count, totalLength])
            }
        }
    }

    /// Removes the document at `path` and its elements (and their index entries).
    func remove(path: String) throws {
        guard let (id, first, last, length) = try statement("SELECT id, first_element, last_element, total_length FROM documents WHERE path = ?1")
            .firstRow([path], { ($0.int(0) ?? 0, $0.int(1) ?? 0, $0.int(2) ?? -1, $0.int(3) ?? 0) }) else { return }
        let count = first <= last ? last - first + 1 : 0
        try statement("UPDATE statistics SET elements = elements - ?1, total_length = total_length - ?2 WHERE id = 1")
            .run([count, length])
        if !fullTextDeferred {
            try statement("""
                INSERT INTO elements_fts(elements_fts, rowid, body) SELECT 'delete', id, body FROM elements WHERE id BETWEEN ?1 AND ?2
                """).run([first, last])
        }
        try statement("DELETE FROM elements WHERE id BETWEEN ?1 AND ?2").run([first, last])
        try statement("DELETE FROM agenda WHERE document_id = ?1").run([id])
        try statement("DELETE FROM units WHERE document_id = ?1").run([id])
        try statement("DELETE FROM plan_items WHERE document_id = ?1").run([id])
        try statement("DELETE FROM documents WHERE id = ?1").run([id])
    }

    /// The sequence number for the next element id.
    private func nextSequence() throws(IndexError) -> Int64 {
        guard let max = try statement("SELECT max(id) FROM elements").firstRow([], { $0.int(0) }) ?? nil else { return 1 }
        return Int64(max) + 1
    }

    /// The average element length, for ranking.
    func averageLength() throws(IndexError) -> Double {
        let row = try statement("SELECT total_length, elements FROM statistics WHERE id = 1").firstRow([]) { ($0.int(0), $0.int(1)) }
        guard let total = row?.0, let count = row?.1, count > 0 else { return 100 }
        return Double(total) / Double(count)
    }

    /// Every indexed path.
    func indexedPaths() throws -> [String] {
        let s = try database.prepare("SELECT path FROM documents ORDER BY path")
        try s.bind([])
        var paths: [String] = []
        while try s.step() { if let p = s.string(0) { paths.append(p) } }
        return paths
    }

    /// Merges the full-text index's segments and checkpoints the write-ahead log: smaller
    /// and faster to search after a large indexing run.
    public func optimize() throws {
        try database.execute("INSERT INTO elements_fts(elements_fts) VALUES('optimize'); PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Whether the full-text index waits for the end of an indexing run (one under way, or
    /// one that was stopped: the next run builds it).
    func fullTextPending() throws(IndexError) -> Bool {
        try statement("SELECT full_text_pending FROM statistics WHERE id = 1").firstRow([]) { $0.int(0) ?? 0 } == 1
    }

    /// Builds the full-text index from the stored elements and clears the pending mark, in
    /// one transaction.
    ///
    /// FTS5 gathers terms in memory and writes a segment whenever they exceed its
    /// `hashsize`; with 64 MB instead of the default 1 MB, 20 000 documents make one segment
    /// instead of dozens that would then have to be merged (1.0 s against 1.6 s plus 0.5 s
    /// of merging).
    func rebuildFullText() throws {
        try database.execute("INSERT INTO elements_fts(elements_fts, rank) VALUES('hashsize', 67108864)")
        defer { try? database.execute("INSERT INTO elements_fts(elements_fts, rank) VALUES('hashsize', 1048576)") }
        try database.transaction {
            try database.execute("INSERT INTO elements_fts(elements_fts) VALUES('rebuild'); UPDATE statistics SET full_text_pending = 0 WHERE id = 1")
        }
    }

    /// How many documents and elements the index holds.
    public func counts() throws -> (documents: Int, elements: Int) {
        try database.prepare("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM elements)")
            .firstRow([]) { ($0.int(0) ?? 0, $0.int(1) ?? 0) } ?? (0, 0)
    }
}
