import Foundation
internal import CSQLite
import Gijiroku

/// One SQLite connection. Owns the C handle and closes it in `deinit`; every result code
/// is checked and becomes an ``IndexError`` with the SQL that failed. The Japanese bigram
/// tokenizer is registered on every connection before the full-text table is touched.
final class Database {
    let handle: OpaquePointer
    let path: String
    /// The connection's ranking function (it keeps per-search state).
    let rank = BM25Rank()
    /// What the connection's tokenizer folds.
    let tokenizer: BigramTokenizer.Context

    /// Opens (creating when `readOnly` is false) the database at `path`; its tokenizer folds
    /// `characters`.
    init(path: String, readOnly: Bool = false, characters: CharacterVariants = .shipped) throws(IndexError) {
        tokenizer = BigramTokenizer.Context(characters: characters)
        var db: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var name = path
        // A reader where it may write opens the file for writing but queries only: the last
        // connection to close folds the log in and removes the `-wal` and `-shm` files, which
        // a read-only connection leaves beside the index after every search.
        var queryOnly = false
        if readOnly, !Self.folderIsReadOnly(of: path), access(path, W_OK) == 0 {
            flags = SQLITE_OPEN_READWRITE
            queryOnly = true
        }
        // An index on a read-only share or medium: a reader of a write-ahead-logged database
        // needs to write its shared-memory file beside it, which it cannot there. With
        // nothing left in the log (every index run folds it in at its end), the file alone
        // is the whole index: opened as immutable, no journal file is needed.
        if readOnly, Self.folderIsReadOnly(of: path), !Self.hasPendingLog(path) {
            var allowed = CharacterSet.urlPathAllowed
            allowed.remove(charactersIn: "?#")
            name = "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
            flags |= SQLITE_OPEN_URI
        }
        let code = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw IndexError(.database(code: code, operation: .open(path: path)), sqlite: message)
        }
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5_000)
        if queryOnly { try check(sqlite3_exec(db, "PRAGMA query_only = 1", nil, nil, nil), "PRAGMA query_only = 1", .execute) }
        let api = try BigramTokenizer.register(on: self, context: tokenizer)
        try FoldFunction.register(on: self, context: tokenizer)
        try rank.register(on: self, api: api)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Whether the folder that holds `path` cannot be written by this process.
    static func folderIsReadOnly(of path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) != 0
    }

    /// Whether a write-ahead log with pages not yet folded into the file lies beside it, or
    /// the rollback journal of a first large run that was stopped (whose batch in progress
    /// must be rolled back before the file can be read).
    static func hasPendingLog(_ path: String) -> Bool {
        var info = stat()
        return ["-wal", "-journal"].contains { stat(path + $0, &info) == 0 && info.st_size > 0 }
    }

    /// Starts copying the write-ahead log's committed pages into the database file on a
    /// connection and thread of its own, while this connection goes on writing: a passive
    /// checkpoint never waits for the writer, and the final checkpoint then has only the
    /// pages written since to copy. Best effort: a checkpoint that cannot run leaves the
    /// pages for the final one. Wait on the group before that final checkpoint.
    func checkpointConcurrently() -> DispatchGroup {
        let group = DispatchGroup()
        let path = self.path
        DispatchQueue.global().async(group: group) {
            var db: OpaquePointer?
            guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
                sqlite3_close(db)
                return
            }
            defer { sqlite3_close_v2(db) }
            sqlite3_exec(db, "PRAGMA synchronous = NORMAL", nil, nil, nil)
            sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        }
        return group
    }

    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// How large this connection's page cache may grow, in KiB (SQLite's default, 2 000,
    /// until ``growCache(toKibibytes:)`` raises it).
    private var cacheKibibytes = 2_000

    /// Lets this connection's page cache grow to `kibibytes` KiB, unless it may grow that far
    /// already. The cache only grows as pages are read, so a connection that reads little
    /// stays small.
    func growCache(toKibibytes kibibytes: Int) throws(IndexError) {
        guard kibibytes > cacheKibibytes else { return }
        let sql = "PRAGMA cache_size = -\(kibibytes)"
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql, .execute)
        cacheKibibytes = kibibytes
    }

    /// Lets this connection's page cache grow to 64 MB when it first searches. A frequent
    /// word's lists in a large index are larger than 2 MB and were read again from the file
    /// at every search of the same connection; an indexing run, which reads its pages once,
    /// keeps the default.
    func sizeCacheForSearching() throws(IndexError) { try growCache(toKibibytes: 65_536) }

    func check(_ code: Int32, _ sql: String, _ operation: IndexError.Operation) throws(IndexError) {
        guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
            throw IndexError(.database(code: code, operation: operation), sql: sql, sqlite: errorMessage)
        }
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(IndexError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? errorMessage
            sqlite3_free(error)
            throw IndexError(.database(code: code, operation: .execute), sql: sql, sqlite: message)
        }
    }

    func prepare(_ sql: String) throws(IndexError) -> Statement {
        try Statement(self, sql)
    }

    /// Runs `body` in one transaction: all of it is written, or none of it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body`'s reads in one read transaction: every statement sees the same snapshot of
    /// the index (a search's count, hits and snippets agree while an indexing run writes), and
    /// the file's shared lock and the log's read mark are taken once, not once per statement.
    /// Inside a transaction already, `body` simply runs in it.
    ///
    /// ```swift
    /// let result = try database.reading { try Searcher(store: store).search(query) }
    /// ```
    func reading<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Runs `body` in a savepoint: inside a transaction, all of it is kept or none of it;
    /// outside one, it is a transaction of its own.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT document")
        do {
            let value = try body()
            try execute("RELEASE document")
            return value
        } catch {
            try? execute("ROLLBACK TO document")
            try? execute("RELEASE document")
            throw error
        }
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A prepared statement; finalised in `deinit`. Values are always bound, never interpolated.
final class Statement {
    let database: Database
    let handle: OpaquePointer
    let sql: String

    init(_ database: Database, _ sql: String) throws(IndexError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw IndexError(.database(code: code, operation: .prepare), sql: sql, sqlite: database.errorMessage)
        }
        self.database = database
        self.handle = statement
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to `?1`, `?2`, …: `String`, `Int`, `Int64`, `Double`, `[UInt8]` (a
    /// blob), or `nil` for NULL.
    @discardableResult
    func bind(_ values: [Any?]) throws(IndexError) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case nil: code = sqlite3_bind_null(handle, index)
            case let s as String: code = sqlite3_bind_text(handle, index, s, -1, gijiroku_sqlite_transient())
            case let n as Int: code = sqlite3_bind_int64(handle, index, Int64(n))
            case let n as Int64: code = sqlite3_bind_int64(handle, index, n)
            case let n as Int32: code = sqlite3_bind_int64(handle, index, Int64(n))
            case let d as Double: code = sqlite3_bind_double(handle, index, d)
            case let bytes as [UInt8]:
                code = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), gijiroku_sqlite_transient()) }
            default: code = sqlite3_bind_null(handle, index)
            }
            try database.check(code, sql, .prepare)
        }
        return self
    }

    /// Binds one integer or NULL to `?index` without boxing it, for loops that insert many
    /// rows: `reset()`, bind every parameter, then `step()`.
    func bind(_ index: Int32, _ value: Int?) throws(IndexError) {
        let code = value.map { sqlite3_bind_int64(handle, index, Int64($0)) } ?? sqlite3_bind_null(handle, index)
        try database.check(code, sql, .prepare)
    }

    /// Binds one text or NULL to `?index` without boxing it (see the integer form).
    func bind(_ index: Int32, _ value: String?) throws(IndexError) {
        guard var value else { return try database.check(sqlite3_bind_null(handle, index), sql, .prepare) }
        let code = value.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), gijiroku_sqlite_transient()) }
        try database.check(code, sql, .prepare)
    }

    /// Steps once; `true` while there is a row.
    func step() throws(IndexError) -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw IndexError(.database(code: code, operation: .step), sql: sql, sqlite: database.errorMessage)
    }

    /// Binds, reads the first row with `read`, and resets, so the statement holds no lock
    /// afterwards; `nil` when there is no row.
    func firstRow<T>(_ values: [Any?], _ read: (Statement) -> T) throws(IndexError) -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        return try step() ? read(self) : nil
    }

    /// Binds, reads every row with `read`, and resets.
    func allRows<T>(_ values: [Any?], _ read: (Statement) -> T) throws(IndexError) -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var rows: [T] = []
        while try step() { rows.append(read(self)) }
        return rows
    }

    /// Runs the statement to completion.
    func run(_ values: [Any?] = []) throws(IndexError) {
        try bind(values)
        while try step() {}
    }

    func reset() { sqlite3_reset(handle) }

    func string(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }

    func int(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// A blob column's bytes (empty for NULL).
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let base = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base, count: count)
    }
}
