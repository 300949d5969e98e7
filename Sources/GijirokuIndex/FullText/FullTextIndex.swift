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

    /// Adds the entries of the stored elements `ids`. While the indexer writes a batch they are
    /// gathered and written at its end, by ``writePending()``: FTS5 writes a segment at each
    /// statement that changes it inside a transaction, and a statement per document made a
    /// segment per document. During a run that builds the index at its end, nothing.
    ///
    /// ```swift
    /// try FullTextIndex(store: store).add(101...356)
    /// ```
    func add(_ ids: ClosedRange<Int64>) throws {
        if store.fullTextDeferred { return }
        if store.pendingBatch != nil {
            store.pendingBatch!.fullText.append((ids.lowerBound, ids.upperBound))
        } else {
            try write(ids)
        }
    }

    /// Deletes the entries of the stored elements `ids`, before the elements are deleted
    /// (FTS5 needs their texts). While a batch is written, their texts are kept in
    /// `temp.removed_entries` and the entries deleted at its end with the batch's others.
    func remove(_ ids: ClosedRange<Int64>) throws {
        if let k = store.pendingBatch?.fullText.firstIndex(where: { $0.first == ids.lowerBound && $0.last == ids.upperBound }) {
            // Added earlier in the same batch (a file given twice): gathered, never written,
            // so there is nothing to delete.
            store.pendingBatch!.fullText.remove(at: k)
        } else if store.fullTextDeferred {
            return
        } else if store.pendingBatch != nil {
            if !store.pendingBatch!.removedEntries {
                try store.database.execute("CREATE TEMP TABLE IF NOT EXISTS removed_entries(id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
                store.pendingBatch!.removedEntries = true
            }
            try store.statement("INSERT INTO temp.removed_entries(id, body) SELECT id, body FROM elements WHERE id BETWEEN ?1 AND ?2")
                .run([ids.lowerBound, ids.upperBound])
        } else {
            try store.statement("""
                INSERT INTO elements_fts(elements_fts, rowid, body) SELECT 'delete', id, body FROM elements WHERE id BETWEEN ?1 AND ?2
                """).run([ids.lowerBound, ids.upperBound])
        }
    }

    /// Adds the meeting name and title of the stored document `id` to `document_names`, the
    /// trigram index the meeting filter reads; gathered like the elements' entries.
    func addNames(ofDocument id: Int64) throws {
        if store.fullTextDeferred { return }
        if store.pendingBatch != nil {
            store.pendingBatch!.names.append(id)
        } else {
            try writeNames(id...id)
        }
    }

    /// Deletes the names of the stored document `id`, before the document is deleted (the
    /// entries of an external-content table are deleted with the values they were made from).
    func removeNames(ofDocument id: Int64) throws {
        if let k = store.pendingBatch?.names.firstIndex(of: id) {
            store.pendingBatch!.names.remove(at: k)
        } else if store.fullTextDeferred {
            return
        } else if store.pendingBatch != nil {
            if !store.pendingBatch!.removedNames {
                try store.database.execute("CREATE TEMP TABLE IF NOT EXISTS removed_names(id INTEGER PRIMARY KEY, meeting TEXT, title TEXT)")
                store.pendingBatch!.removedNames = true
            }
            try store.statement("INSERT INTO temp.removed_names(id, meeting, title) SELECT id, meeting, title FROM documents WHERE id = ?1").run([id])
        } else {
            try store.statement("""
                INSERT INTO document_names(document_names, rowid, meeting, title) SELECT 'delete', id, meeting, title FROM documents WHERE id = ?1
                """).run([id])
        }
    }

    /// Writes what the batch has gathered: the replaced elements' entries deleted in one
    /// statement, then the new ones written, one statement for each run of consecutive ids;
    /// the documents' names likewise.
    func writePending() throws {
        if store.pendingBatch?.removedNames == true {
            store.pendingBatch!.removedNames = false
            try store.statement("""
                INSERT INTO document_names(document_names, rowid, meeting, title) SELECT 'delete', id, meeting, title FROM temp.removed_names
                """).run([])
            try store.statement("DELETE FROM temp.removed_names").run([])
        }
        if let names = store.pendingBatch?.names, !names.isEmpty {
            store.pendingBatch!.names = []
            for run in Self.runs(names.map { ($0, $0) }) { try writeNames(run) }
        }
        if store.pendingBatch?.removedEntries == true {
            store.pendingBatch!.removedEntries = false
            try store.statement("INSERT INTO elements_fts(elements_fts, rowid, body) SELECT 'delete', id, body FROM temp.removed_entries").run([])
            try store.statement("DELETE FROM temp.removed_entries").run([])
        }
        guard let pending = store.pendingBatch?.fullText, !pending.isEmpty else { return }
        store.pendingBatch!.fullText = []
        for run in Self.runs(pending) { try write(run) }
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

    private func writeNames(_ ids: ClosedRange<Int64>) throws {
        try store.statement("INSERT INTO document_names(rowid, meeting, title) SELECT id, meeting, title FROM documents WHERE id BETWEEN ?1 AND ?2")
            .run([ids.lowerBound, ids.upperBound])
    }

    private func write(_ ids: ClosedRange<Int64>) throws {
        try store.statement("INSERT INTO elements_fts(rowid, body) SELECT id, body FROM elements WHERE id BETWEEN ?1 AND ?2")
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
            try store.database.execute("""
                INSERT INTO elements_fts(elements_fts) VALUES('rebuild'); INSERT INTO document_names(document_names) VALUES('rebuild');
                UPDATE statistics SET full_text_pending = 0 WHERE id = 1
                """)
        }
    }

}
