import Foundation

/// The full-text index's upkeep, and that of the trigram index of the documents' meeting
/// names and titles (`document_names`, read by the meeting filter): written a batch at a
/// time, built in one pass after a large run, merged and vacuumed.
struct FullTextIndex {
    let store: Store

    /// Merges the full-text index's segments and checkpoints the write-ahead log: smaller
    /// and faster to search after a large indexing run.
    func optimize() throws {
        try store.database.execute("INSERT INTO elements_fts(elements_fts) VALUES('optimize'); PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// The external-content FTS5 tables kept beside the rows they index: the elements'
    /// bigram index, and the trigram index of the documents' meeting names and titles.
    enum Table: CaseIterable, Hashable {
        case elements, names

        var name: String { self == .elements ? "elements_fts" : "document_names" }
        /// The table whose rows (by `id`) the entries are made from, and their columns.
        var content: String { self == .elements ? "elements" : "documents" }
        var columns: String { self == .elements ? "body" : "meeting, title" }
        /// Where a batch keeps the rows whose entries it deletes at its end.
        var removed: String { self == .elements ? "removed_entries" : "removed_names" }
    }

    /// Adds the entries of the stored rows `ids` (elements, or documents for `.names`). While
    /// the indexer writes a batch they are gathered and written at its end, by
    /// ``writePending()``: FTS5 writes a segment at each statement that changes it inside a
    /// transaction, and a statement per document made a segment per document. During a run
    /// that builds the indexes at its end, nothing.
    ///
    /// ```swift
    /// try FullTextIndex(store: store).add(101...356)
    /// try FullTextIndex(store: store).add(7...7, to: .names)
    /// ```
    func add(_ ids: ClosedRange<Int64>, to table: Table = .elements) throws {
        if store.fullTextDeferred { return }
        if store.pendingBatch != nil {
            store.pendingBatch!.added[table, default: []].append((ids.lowerBound, ids.upperBound))
        } else {
            try write(ids, to: table)
        }
    }

    /// Deletes the entries of the stored rows `ids`, before the rows are deleted (an
    /// external-content entry is deleted with the values it was made from). While a batch is
    /// written, the rows' values are kept in a temporary table and the entries deleted at its
    /// end with the batch's others.
    func remove(_ ids: ClosedRange<Int64>, from table: Table = .elements) throws {
        if let k = store.pendingBatch?.added[table]?.firstIndex(where: { $0.first == ids.lowerBound && $0.last == ids.upperBound }) {
            // Added earlier in the same batch (a file given twice): gathered, never written,
            // so there is nothing to delete.
            store.pendingBatch!.added[table]!.remove(at: k)
        } else if store.fullTextDeferred {
            return
        } else if store.pendingBatch != nil {
            if store.pendingBatch!.removing.insert(table).inserted {
                try store.database.execute("CREATE TEMP TABLE IF NOT EXISTS \(table.removed)(id INTEGER PRIMARY KEY, \(table.columns))")
            }
            try store.statement("INSERT INTO temp.\(table.removed)(id, \(table.columns)) SELECT id, \(table.columns) FROM \(table.content) WHERE id BETWEEN ?1 AND ?2")
                .run([ids.lowerBound, ids.upperBound])
        } else {
            try delete(from: table, rows: "\(table.content) WHERE id BETWEEN ?1 AND ?2", [ids.lowerBound, ids.upperBound])
        }
    }

    /// Writes what the batch has gathered, table by table: the replaced rows' entries
    /// deleted in one statement, then the new ones written, one statement for each run of
    /// consecutive ids.
    func writePending() throws {
        for table in Table.allCases {
            if store.pendingBatch?.removing.remove(table) != nil {
                try delete(from: table, rows: "temp.\(table.removed)", [])
                try store.statement("DELETE FROM temp.\(table.removed)").run([])
            }
            guard let added = store.pendingBatch?.added.removeValue(forKey: table) else { continue }
            for run in Self.runs(added) { try write(run, to: table) }
        }
    }

    /// Ranges of ids, ascending, joined where one ends just before the next begins.
    private static func runs(_ ranges: [(first: Int64, last: Int64)]) -> [ClosedRange<Int64>] {
        var runs: [ClosedRange<Int64>] = []
        for (first, last) in ranges {
            if let run = runs.last, run.upperBound + 1 == first { runs[runs.count - 1] = run.lowerBound...last }
            else { runs.append(first...last) }
        }
        return runs
    }

    private func write(_ ids: ClosedRange<Int64>, to table: Table) throws {
        try store.statement("INSERT INTO \(table.name)(rowid, \(table.columns)) SELECT id, \(table.columns) FROM \(table.content) WHERE id BETWEEN ?1 AND ?2")
            .run([ids.lowerBound, ids.upperBound])
    }

    /// Deletes the entries of the rows `rows` selects (`FROM` them, with `values` bound).
    private func delete(from table: Table, rows: String, _ values: [Any?]) throws {
        try store.statement("INSERT INTO \(table.name)(\(table.name), rowid, \(table.columns)) SELECT 'delete', id, \(table.columns) FROM \(rows)")
            .run(values)
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
            for table in Table.allCases { try store.database.execute("INSERT INTO \(table.name)(\(table.name)) VALUES('rebuild')") }
            try store.database.execute("UPDATE statistics SET full_text_pending = 0 WHERE id = 1")
        }
    }

}
