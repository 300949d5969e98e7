import Foundation
import Gijiroku

/// The searchable index: an SQLite database of documents and their elements with a
/// Japanese bigram full-text index over the elements.
///
/// ```swift
/// let index = try SearchIndex(path: SearchIndex.defaultPath)
/// let report = index.index(paths: ["Corpus"])
/// let hits = try index.search(SearchQuery(parsing: "区局連携"))
/// ```
public final class SearchIndex {
    let database: Database

    /// `$GIJIROKU_DB`, else `$XDG_DATA_HOME/gijiroku/index.sqlite`, else
    /// `~/.local/share/gijiroku/index.sqlite`.
    public static var defaultPath: String {
        let env = ProcessInfo.processInfo.environment
        if let path = env["GIJIROKU_DB"], !path.isEmpty { return path }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("gijiroku/index.sqlite")
    }

    /// Opens the index at `path`; for writing, creates it (and its folder) and brings its
    /// schema up to date. Reading never changes the file.
    /// - Throws: ``IndexError`` `.noIndex` when reading a path with no index,
    ///   `.newerSchema` when the file was made by a newer Gijiroku.
    public init(path: String, readOnly: Bool = false) throws {
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw IndexError(.noIndex, "索引がありません: \(path)。先に gijiroku index で文書を登録してください")
            }
        } else {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        database = try Database(path: path, readOnly: readOnly)
        if readOnly {
            let version = try Schema.userVersion(database)
            if version > Schema.version {
                throw IndexError(.newerSchema(found: version, supported: Schema.version),
                                 "この索引（\(path)）は新しい版の Gijiroku で作られています。Gijiroku を更新してください")
            }
            if version < Schema.version {
                throw IndexError(.noIndex, "索引（\(path)）が古い版か空です。gijiroku index を一度実行すると更新されます")
            }
        } else {
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL")
            try Schema.migrate(database)
        }
    }

    /// The stored SHA-256 of the document at `path`, if it is indexed.
    func storedDigest(of path: String) throws -> String? {
        let s = try database.prepare("SELECT sha256 FROM documents WHERE path = ?1")
        try s.bind([path])
        return try s.step() ? s.string(0) : nil
    }

    /// Stores `minutes` under its source path, replacing what was there, in one transaction.
    func store(_ minutes: Minutes) throws {
        try database.transaction {
            try remove(path: minutes.source.path)
            try database.prepare("""
                INSERT INTO documents(path, sha256, kind, title, meeting, session, date, encoding, warnings, indexed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """).run([minutes.source.path, minutes.source.sha256, minutes.kind, minutes.title, minutes.meeting.name,
                          minutes.meeting.session, minutes.date, minutes.source.encoding.rawValue, minutes.warnings.count,
                          ISO8601DateFormatter().string(from: Date())])
            let documentID = database.lastInsertedRowID
            let insert = try database.prepare("""
                INSERT INTO elements(document_id, ordinal, kind, agenda_number, agenda_title, parent_id, issuer, marker, line_start, line_end, body)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
            let fts = try database.prepare("INSERT INTO elements_fts(rowid, body) VALUES (?1, ?2)")
            var ids: [Int64] = []
            for (ordinal, e) in IndexedElement.elements(of: minutes).enumerated() {
                let parent: Int64? = e.parentOrdinal.map { ids[$0] }
                try insert.run([documentID, ordinal, e.kind.rawValue, e.agendaNumber, e.agendaTitle, parent, e.issuer, e.marker,
                                e.lines.start, e.lines.end, e.body])
                let id = database.lastInsertedRowID
                ids.append(id)
                try fts.run([id, e.body])
            }
        }
    }

    /// Removes the document at `path` and its elements (and their index entries).
    func remove(path: String) throws {
        let find = try database.prepare("SELECT id FROM documents WHERE path = ?1")
        try find.bind([path])
        guard try find.step(), let id = find.int(0) else { return }
        try database.prepare("""
            INSERT INTO elements_fts(elements_fts, rowid, body) SELECT 'delete', id, body FROM elements WHERE document_id = ?1
            """).run([id])
        try database.prepare("DELETE FROM elements WHERE document_id = ?1").run([id])
        try database.prepare("DELETE FROM documents WHERE id = ?1").run([id])
    }

    /// Every indexed path.
    func indexedPaths() throws -> [String] {
        let s = try database.prepare("SELECT path FROM documents ORDER BY path")
        try s.bind([])
        var paths: [String] = []
        while try s.step() { if let p = s.string(0) { paths.append(p) } }
        return paths
    }

    /// How many documents and elements the index holds.
    public func counts() throws -> (documents: Int, elements: Int) {
        let s = try database.prepare("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM elements)")
        try s.bind([])
        _ = try s.step()
        return (s.int(0) ?? 0, s.int(1) ?? 0)
    }
}
