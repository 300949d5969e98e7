import Foundation
import Gijiroku

/// The index's store: the SQLite connection, its prepared statements (prepared once, reused),
/// the schema brought up to date, and the questions every concern asks of it. The types of
/// each concern (``Indexer``, ``Searcher``, ``LinkIndex``, ``LinkQueries``,
/// ``DirectiveStore``) work over one store.
final class Store {
    let database: Database
    /// Prepared once, reused for every document.
    private var statements: [String: Statement] = [:]
    let indexedAt = Int(Date().timeIntervalSince1970)
    /// During a run that builds the full-text index at its end: element rows are written
    /// without their full-text entries (see ``Indexer/index(files:prune:)``).
    var fullTextDeferred = false
    /// While the indexer writes a batch: what its documents add to `statistics` and
    /// `element_lengths`, recorded once at the end of the batch instead of once per
    /// document (`nil`: each document records its own at once).
    var pendingBatch: PendingBatch?
    /// Whether opening for writing rebuilt the full-text index, because it had been built
    /// with other character variants (see ``CharacterVariants/fingerprint``).
    private(set) var rebuiltForCharacterVariants = false
    /// Whether the records had been read with another parsers' revision (their files are read
    /// again as runs give them).
    private(set) var parserRevisionChanged = false
    /// Whether the links were made by another revision of the linker (``PlanLinker/revision``):
    /// the next indexing run makes them anew, whatever files it is given.
    private(set) var linkerRevisionChanged = false
    /// The word variants the links are made with: the shipped groups and the user's.
    let words: WordVariants
    /// Whether the links were made with other word variants (the user's `synonyms.txt`
    /// changed, or the shipped groups): the next indexing run makes them anew.
    private(set) var linkWordsChanged = false

    struct PendingBatch {
        var elements = 0
        var characters = 0
        /// Element length codes, by the id of a run's first element.
        var lengths: [(first: Int64, codes: [UInt8])] = []
        /// Element facets (``ElementFacets``), by the id of a run's first element.
        var facets: [(first: Int64, bytes: [UInt8])] = []
        /// The next element id, known once the batch has stored a document.
        var nextElementID: Int64?
        /// The ids whose full-text entries are still to be written, by table, in runs: written
        /// by one statement at the end of the batch. FTS5 writes what it holds as a new
        /// segment at every statement that changes it inside a transaction (a savepoint),
        /// so a statement per document made a segment per document, and the first small
        /// runs after a large one merged the whole index with them.
        var added: [FullTextIndex.Table: [(first: Int64, last: Int64)]] = [:]
        /// The tables whose replaced rows wait in a temporary table for their entries to be
        /// deleted, likewise by one statement at the end of the batch.
        var removing: Set<FullTextIndex.Table> = []
    }

    func statement(_ sql: String) throws(IndexError) -> Statement {
        if let s = statements[sql] { return s }
        let s = try database.prepare(sql)
        statements[sql] = s
        return s
    }

    /// Opens the index at `path`; for writing, creates it (and its folder) and brings its
    /// schema up to date. Reading never changes what the index holds (the last reader to
    /// close may fold the write-ahead log into the file, as SQLite does).
    /// - Throws: ``IndexError`` `.noIndex` when reading a path with no index,
    ///   `.newerSchema` when the file was made by a newer Gijiroku.
    init(path: String, readOnly: Bool, characters: CharacterVariants = .shipped, words: WordVariants = .shipped) throws {
        self.words = words
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw IndexError(.noIndex(path: path))
            }
        } else {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        database = try Database(path: path, readOnly: readOnly, characters: characters)
        if readOnly {
            let version = try Schema.userVersion(database)
            if version > Schema.version {
                throw IndexError(.newerSchema(path: path, found: version, supported: Schema.version))
            }
            if version < Schema.version {
                throw IndexError(.outdatedIndex(path: path))
            }
            if try storedCharacterVariants() != characters.fingerprint, try counts().elements > 0 {
                throw IndexError(.otherCharacterVariants(path: path))
            }
        } else {
            // A new database keeps a map of its pages, so that pages freed by merging the
            // full-text index or by removing documents can be given back to the file system
            // (`PRAGMA incremental_vacuum` after a run); it must be set before any table exists.
            if try Schema.userVersion(database) == 0 { try database.execute("PRAGMA auto_vacuum = INCREMENTAL") }
            // Migrations run with foreign keys off: one rebuilds a table others refer to.
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL")
            try Schema.migrate(database)
            try database.execute("PRAGMA foreign_keys = ON")
            try adoptCharacterVariants(characters)
            try adoptParserRevision()
            linkerRevisionChanged = try linksOutdated(made: storedLinkerRevision(), current: PlanLinker.revision, record: recordLinkerRevision)
            linkWordsChanged = try linksOutdated(made: storedLinkWords(), current: words.fingerprint, record: recordLinkWords)
        }
    }

    /// The connection's journal mode, lower case (`wal`, `delete`); `nil` when it cannot be read.
    func journalMode() -> String? {
        (try? database.prepare("PRAGMA journal_mode").firstRow([]) { $0.string(0)?.lowercased() }) ?? nil
    }

    /// The parsers' revision the stored records were read with (`nil`: not known).
    func storedParserRevision() throws(IndexError) -> Int? {
        try statement("SELECT parser_revision FROM statistics WHERE id = 1").firstRow([]) { $0.int(0) } ?? nil
    }

    /// Records the parsers' current revision; when the records were read with another, their
    /// digests are forgotten, so that every file indexed from now on is read again (a file not
    /// given to a run keeps its record, searchable as it was, until it is).
    private func adoptParserRevision() throws {
        guard try storedParserRevision() != ParsedDocument.revision else { return }
        parserRevisionChanged = try counts().documents > 0
        try database.transaction {
            try database.execute("UPDATE documents SET sha256 = '' WHERE sha256 != ''")
            try statement("UPDATE statistics SET parser_revision = ?1 WHERE id = 1").run([ParsedDocument.revision])
        }
    }

    /// The linker's revision the stored links were made with (`nil`: not known).
    func storedLinkerRevision() throws(IndexError) -> Int? {
        try statement("SELECT linker_revision FROM statistics WHERE id = 1").firstRow([]) { $0.int(0) } ?? nil
    }

    /// Whether the stored links, made with `made` (a linker's revision, a fingerprint of word
    /// variants), are to be made anew for `current`: yes in an index with documents (the next
    /// indexing run makes them, then records `current`); an empty index records `current` at once.
    private func linksOutdated<T: Equatable>(made: T?, current: T, record: () throws -> Void) throws -> Bool {
        guard made != current else { return false }
        if try counts().documents > 0 { return true }
        try record()
        return false
    }

    /// Records that the links are the current linker's, once they have been made.
    func recordLinkerRevision() throws(IndexError) {
        try statement("UPDATE statistics SET linker_revision = ?1 WHERE id = 1").run([PlanLinker.revision])
        linkerRevisionChanged = false
    }

    /// The fingerprint of the word variants the stored links were made with (`nil`: not known).
    func storedLinkWords() throws(IndexError) -> String? {
        try statement("SELECT link_words FROM statistics WHERE id = 1").firstRow([]) { $0.string(0) } ?? nil
    }

    /// Records that the links were made with ``words``, once they have been made.
    func recordLinkWords() throws(IndexError) {
        try statement("UPDATE statistics SET link_words = ?1 WHERE id = 1").run([words.fingerprint])
        linkWordsChanged = false
    }

    /// The fingerprint of the character variants the index was built with.
    func storedCharacterVariants() throws(IndexError) -> String? {
        try statement("SELECT character_variants FROM statistics WHERE id = 1").firstRow([]) { $0.string(0) } ?? nil
    }

    /// Records `characters` as the table the index is built with; when it was built with
    /// another, rebuilds the full-text index (its terms are folded by the table); the
    /// indexing run then refreshes the links.
    private func adoptCharacterVariants(_ characters: CharacterVariants) throws {
        guard try storedCharacterVariants() != characters.fingerprint else { return }
        let hasElements = try counts().elements > 0
        try database.transaction {
            if hasElements {
                try database.execute("INSERT INTO elements_fts(elements_fts) VALUES('rebuild')")
            }
            try statement("UPDATE statistics SET character_variants = ?1 WHERE id = 1").run([characters.fingerprint])
        }
        rebuiltForCharacterVariants = hasElements
    }

    /// The stored SHA-256 of the document at `path`, if it is indexed.
    func storedDigest(of path: String) throws -> String? {
        try statement("SELECT sha256 FROM documents WHERE path = ?1 LIMIT 1").firstRow([path]) { $0.string(0) } ?? nil
    }

    /// The average element length, for ranking.
    func averageLength() throws(IndexError) -> Double {
        let row = try statement("SELECT total_length, elements FROM statistics WHERE id = 1").firstRow([]) { ($0.int(0), $0.int(1)) }
        guard let total = row?.0, let count = row?.1, count > 0 else { return 100 }
        return Double(total) / Double(count)
    }

    /// Every indexed path.
    func indexedPaths() throws -> [String] {
        let s = try database.prepare("SELECT DISTINCT path FROM documents ORDER BY path")
        try s.bind([])
        var paths: [String] = []
        while try s.step() { if let p = s.string(0) { paths.append(p) } }
        return paths
    }

    /// Whether the full-text index waits for the end of an indexing run (one under way, or
    /// one that was stopped: the next run builds it).
    func fullTextPending() throws(IndexError) -> Bool {
        try statement("SELECT full_text_pending FROM statistics WHERE id = 1").firstRow([]) { $0.int(0) ?? 0 } == 1
    }

    /// How many files (a page of several meetings is one file of several records) and elements.
    func counts() throws -> (documents: Int, elements: Int) {
        try database.prepare("SELECT (SELECT count(DISTINCT path) FROM documents), (SELECT count(*) FROM elements)")
            .firstRow([]) { ($0.int(0) ?? 0, $0.int(1) ?? 0) } ?? (0, 0)
    }

    /// The sequence number for the next element id.
    func nextSequence() throws(IndexError) -> Int64 {
        guard let max = try statement("SELECT max(id) FROM elements").firstRow([], { $0.int(0) }) ?? nil else { return 1 }
        return Int64(max) + 1
    }
}
