import Foundation

/// The full-text index's upkeep: written a batch at a time, built in one pass after a large
/// run, merged and vacuumed.
struct FullTextIndex {
    let store: Store

    /// Merges the full-text index's segments and checkpoints the write-ahead log: smaller
    /// and faster to search after a large indexing run.
    func optimize() throws {
        try store.database.execute("INSERT INTO elements_fts(elements_fts) VALUES('optimize'); PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Writes the full-text entries of the stored elements `ids`, in one statement: FTS5
    /// writes a segment at each statement that changes it inside a transaction, so a batch's
    /// entries are written together, not document by document.
    ///
    /// ```swift
    /// try FullTextIndex.add(101...356, statement: store.statement)
    /// ```
    static func add(_ ids: ClosedRange<Int64>, statement: (String) throws(IndexError) -> Statement) throws {
        try statement("INSERT INTO elements_fts(rowid, body) SELECT id, body FROM elements WHERE id BETWEEN ?1 AND ?2")
            .run([ids.lowerBound, ids.upperBound])
    }

    /// Builds the full-text index from the stored elements and clears the pending mark, in
    /// one transaction.
    ///
    /// FTS5 gathers terms in memory and writes a segment whenever they exceed its
    /// `hashsize`. With 64 MB instead of the default 1 MB, 20 000 documents made one segment
    /// instead of dozens that would then have to be merged (1.0 s against 1.6 s plus 0.5 s
    /// of merging), but 100 000 (190 MB of text) made several, and merging them at the end
    /// of the run took 1.7 s of its 12.4–14.1 s. With 512 MB they make one: 10.7–11.6 s,
    /// the peak memory of the run 170 → 270 MB. Memory is taken only as terms are gathered,
    /// so a smaller archive takes what it did.
    func rebuild() throws {
        try store.database.execute("INSERT INTO elements_fts(elements_fts, rank) VALUES('hashsize', 536870912)")
        defer { try? store.database.execute("INSERT INTO elements_fts(elements_fts, rank) VALUES('hashsize', 1048576)") }
        try store.database.transaction {
            try store.database.execute("INSERT INTO elements_fts(elements_fts) VALUES('rebuild'); UPDATE statistics SET full_text_pending = 0 WHERE id = 1")
        }
    }

}
