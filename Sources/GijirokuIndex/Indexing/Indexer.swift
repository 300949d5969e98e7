import Foundation
import Gijiroku
import GijirokuInput

/// How far an indexing run is: files written, then minutes elements linked to plan items.
public enum IndexProgress: Sendable, Hashable {
    case files(done: Int, failed: Int)
    case links(done: Int, total: Int)
}

/// What an indexing run did, file by file.
public struct IndexReport: Sendable, Hashable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// Files that could not be indexed, and steps of the run that failed.
    public var failed: [IndexFailure] = []
    /// How the links to plan items changed, when anything was indexed.
    public var links: LinkChanges?
    /// Whether the full-text index was built in one pass at the end of the run (a large
    /// run into a small index, or a run after one that was stopped before that point).
    public var fullTextBuiltAtEnd = false
    /// Whether the index had been built with other character variants, so that its
    /// full-text index was rebuilt and its links made anew.
    public var rebuiltForCharacterVariants = false
    /// Whether the index's records had been read by another revision of the parsers, so that
    /// every file of the run was read again (``ParsedDocument/revision``).
    public var parserRevisionChanged = false
    /// Whether the index's links had been made by another revision of the linker, so that
    /// they were made anew (``PlanLinker/revision``), whatever files the run was given.
    public var linkerRevisionChanged = false
    /// Whether the index's links had been made with other word variants (the user's
    /// `synonyms.txt` changed since), so that they were made anew.
    public var linkWordsChanged = false

    public static func == (a: IndexReport, b: IndexReport) -> Bool {
        a.added == b.added && a.updated == b.updated && a.unchanged == b.unchanged && a.removed == b.removed
            && a.failed == b.failed
    }
    public func hash(into h: inout Hasher) { h.combine(added); h.combine(updated); h.combine(unchanged) }
}

/// A file that could not be indexed, or a step of an indexing run that failed.
public struct IndexFailure: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The file could not be read or parsed.
        case input(InputError)
        /// Its rows could not be written (the database's words).
        case write(String)
        /// Documents of missing files could not be removed.
        case prune(String)
        /// The full-text index could not be built at the end of the run.
        case fullText(String)
        /// The links to plan items could not be refreshed.
        case links(String)
    }

    /// The file, for a file's failure.
    public var path: String?
    public var reason: Reason

    public init(path: String?, _ reason: Reason) {
        self.path = path
        self.reason = reason
    }
}

/// Indexes files: reads and parses them through the shared ``ParsePipeline``, writes each
/// with ``DocumentWriter``, then refreshes the links to plan items.
struct Indexer {
    let store: Store
    /// How much of each file is read.
    var limits: InputLimits = .standard
    var writer: DocumentWriter { DocumentWriter(store: store) }

    /// Files are read and parsed on every core, a batch at a time, then written.
    static let batchSize = 256

    /// Indexes files: an unchanged file (same SHA-256) is skipped, a changed one replaces its
    /// old rows, a file that cannot be read or parsed is reported and the run goes on. With
    /// `prune`, documents whose files are gone are removed.
    ///
    /// Documents are committed a batch at a time (up to 256), so a run that is killed loses
    /// at most the batch in progress, which the next run indexes again. A document is all of
    /// it or none of it: if one cannot be written, its batch is written again with each
    /// document in its own savepoint, and only that one is left out. A batch's full-text
    /// changes are written together at its end (FTS5 writes a segment per statement).
    ///
    /// A large run into a small index (more than one batch of files, and at least twice as
    /// many files as indexed documents) writes the element rows first and builds the
    /// full-text index from them at its end, in one pass: about three times faster per
    /// element than adding each document's entries as it is written. A mark in the
    /// database says so from the start of the run until the full-text index is built, so
    /// that searching meanwhile, or after a run that was stopped, says the index is not
    /// complete rather than missing documents; the next run builds it.
    ///
    /// ```swift
    /// let report = index.index(files: ["Corpus/minutes/a.txt"], prune: false)
    /// print(report.added.count, report.failed.count)
    /// ```
    /// - Parameter roots: with `prune`, only documents under these paths may be removed (nil: any).
    /// - Parameter progress: told after each batch how many files were done and how many
    ///   failed, then how many minutes elements have been linked while the links are refreshed.
    func index(files: [String], prune: Bool = false, roots: [String]? = nil, progress: (IndexProgress) -> Void = { _ in }) -> IndexReport {
        var report = IndexReport()
        report.rebuiltForCharacterVariants = store.rebuiltForCharacterVariants
        report.parserRevisionChanged = store.parserRevisionChanged
        // One checkpoint at the end instead of one (with two fsyncs) every 4 MB of log.
        try? store.database.execute("PRAGMA wal_autocheckpoint = 0")
        let bulk = files.count > Self.batchSize
        let pendingBefore = (try? store.fullTextPending()) ?? false
        let indexed = (try? store.counts().documents) ?? 0
        store.fullTextDeferred = pendingBefore
        if !pendingBefore, bulk, indexed * 2 < files.count {
            do {
                try store.database.execute("UPDATE statistics SET full_text_pending = 1 WHERE id = 1")
                store.fullTextDeferred = true
            } catch {}   // then the entries are written document by document
        }
        // Large runs that write entries as they go: no incremental segment merging while
        // writing, one merge at the end.
        let merging = bulk && !store.fullTextDeferred
        if merging { try? store.database.execute("INSERT INTO elements_fts(elements_fts, rank) VALUES('automerge', 0); INSERT INTO elements_fts(elements_fts, rank) VALUES('hashsize', 67108864)") }
        // A large first run writes each page once. With the write-ahead log every page went
        // to the log, then again into the file at the checkpoint: at 100 000 documents, about
        // a gigabyte that no longer fits in the system's cache, and the run waited for the
        // disk. A rollback journal keeps only the pages a transaction changes that were there
        // before it, which in a new index are few. A run that is killed leaves the journal
        // beside the index; the next connection rolls the batch in progress back, as the log
        // would have, and the next run goes on from the batches committed. The log is taken
        // back at the end, so that readers read while later runs write. (Changing the mode
        // needs the index to itself: with a reader open, the run keeps the log.)
        let journalled = bulk && indexed == 0 && (try? store.database.execute("PRAGMA journal_mode = DELETE")) != nil
            && store.journalMode() == "delete"
        defer {
            if merging { try? store.database.execute("INSERT INTO elements_fts(elements_fts, rank) VALUES('automerge', 4); INSERT INTO elements_fts(elements_fts, rank) VALUES('hashsize', 1048576)") }
            if bulk && !(report.added.isEmpty && report.updated.isEmpty) { try? store.database.execute("INSERT INTO elements_fts(elements_fts) VALUES('optimize')") }
            // Give back the pages the merge and any removals freed (a no-op for an index made
            // before auto_vacuum was set), then fold the log into the store.database.
            try? store.database.execute("PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint = 1000")
            if journalled { try? store.database.execute("PRAGMA journal_mode = WAL") }
        }
        // Batches are read and parsed one ahead: while this thread writes batch k, the other
        // cores parse batch k + 1. Stored digests are looked up here, on the thread that owns
        // the connection, before a batch is handed over.
        let batches = stride(from: 0, to: files.count, by: Self.batchSize).map { Array(files[$0..<min(files.count, $0 + Self.batchSize)]) }
        func startParsing(_ k: Int) -> ParseInFlight? {
            guard k < batches.count else { return nil }
            // An empty index has no digests to look up.
            return ParseInFlight(batches[k], limits: limits, digests: batches[k].map { indexed == 0 ? nil : (try? store.storedDigest(of: $0)) ?? nil })
        }
        var inFlight = startParsing(0)
        var storedThisRun = Set<String>()
        var replacedThisRun = 0
        for k in batches.indices {
            let batch = batches[k]
            let read = inFlight!.wait()
            inFlight = startParsing(k + 1)
            // Many indexed documents changed (a third of them, a batch at least): deleting each
            // old element's full-text entries costs more than building the full-text index
            // again at the end, so the rest of the run defers it (marked as a large run is).
            replacedThisRun += read.filter { if case .parsed(_, isNew: false) = $0 { return true } else { return false } }.count
            if !store.fullTextDeferred, replacedThisRun >= Self.batchSize, replacedThisRun * 3 >= indexed,
               (try? store.database.execute("UPDATE statistics SET full_text_pending = 1 WHERE id = 1")) != nil {
                store.fullTextDeferred = true
            }
            // The batch in one transaction, with no savepoint per document. If a document
            // cannot be written, the batch is rolled back and written again with each
            // document in its own savepoint, so that only that document is left out.
            let written: BatchResult
            do {
                written = try write(batch, read, isolating: false, storedThisRun: storedThisRun)
            } catch {
                do { written = try write(batch, read, isolating: true, storedThisRun: storedThisRun) }
                catch {
                    written = BatchResult(failed: batch.map { IndexFailure(path: $0, .write("\(error)")) })
                }
            }
            report.unchanged += written.unchanged
            report.added += written.added
            report.updated += written.updated
            report.failed += written.failed
            storedThisRun.formUnion(written.added + written.updated)
            progress(.files(done: report.unchanged.count + report.added.count + report.updated.count + report.failed.count, failed: report.failed.count))
        }
        if prune {
            do {
                func under(_ path: String) -> Bool {
                    guard let roots else { return true }
                    return roots.contains { root in
                        let r = root.hasSuffix("/") ? String(root.dropLast()) : root
                        return path == r || path.hasPrefix(r + "/")
                    }
                }
                for path in try store.indexedPaths() where under(path) && !FileManager.default.fileExists(atPath: path) {
                    try store.database.transaction { try writer.remove(path: path) }
                    report.removed.append(path)
                }
            } catch {
                report.failed.append(IndexFailure(path: nil, .prune("\(error)")))
            }
        }
        if store.fullTextDeferred {
            store.fullTextDeferred = false
            // The other core copies the element rows into the database file meanwhile (with
            // the log: a journalled run wrote them there).
            let checkpoint = journalled ? nil : store.database.checkpointConcurrently()
            do { try FullTextIndex(store: store).rebuild(); report.fullTextBuiltAtEnd = true }
            catch { report.failed.append(IndexFailure(path: nil, .fullText("\(error)"))) }
            checkpoint?.wait()
        }
        // Links compare terms folded by the character variants: a new table links anew, and
        // so does a new linker. Its revision is recorded once its links are made.
        // So does a change of the word variants (the user's synonyms).
        report.linkerRevisionChanged = store.linkerRevisionChanged
        report.linkWordsChanged = store.linkWordsChanged && !store.linkerRevisionChanged
        if !(report.added.isEmpty && report.updated.isEmpty && report.removed.isEmpty) || store.rebuiltForCharacterVariants
            || store.linkerRevisionChanged || store.linkWordsChanged {
            do {
                report.links = try LinkIndex(store: store).refreshLinks { progress(.links(done: $0, total: $1)) }
                if store.linkerRevisionChanged { try store.recordLinkerRevision() }
                if store.linkWordsChanged { try store.recordLinkWords() }
            } catch {
                report.failed.append(IndexFailure(path: nil, .links("\(error)")))
            }
        }
        return report
    }

    /// What writing one batch did.
    struct BatchResult {
        var unchanged: [String] = []
        var added: [String] = []
        var updated: [String] = []
        var failed: [IndexFailure] = []
    }

    /// Writes a batch in one transaction. Without `isolating`, the first document that
    /// cannot be written rolls the whole batch back (the error is thrown); with it, each
    /// document is written in its own savepoint and a failure is reported for that one.
    private func write(_ batch: [String], _ read: [Outcome], isolating: Bool, storedThisRun: Set<String>) throws -> BatchResult {
        var result = BatchResult()
        store.pendingBatch = Store.PendingBatch()
        defer { store.pendingBatch = nil }
        try store.database.transaction {
            for (path, outcome) in zip(batch, read) {
                switch outcome {
                case .unchanged:
                    result.unchanged.append(path)
                case .failed(let error):
                    result.failed.append(IndexFailure(path: path, .input(error)))
                case .parsed(let document, let isNew):
                    // A path given twice in one run is stored once and then replaced.
                    let replacing = !isNew || storedThisRun.contains(path) || result.added.contains(path)
                    // What the batch had gathered before this document, restored if it is rolled back.
                    let gathered = isolating ? store.pendingBatch : nil
                    do {
                        if isolating { try store.database.savepoint { try writer.store(rows: document, replacing: replacing, inSavepoint: false) } }
                        else { try writer.store(rows: document, replacing: replacing, inSavepoint: false) }
                        if isNew { result.added.append(path) } else { result.updated.append(path) }
                    } catch {
                        guard isolating else { throw error }
                        // Its savepoint was rolled back: what it gathered goes, and its ids may
                        // be given to the next document.
                        store.pendingBatch = gathered
                        store.pendingBatch?.nextElementID = nil
                        result.failed.append(IndexFailure(path: path, .write("\(error)")))
                    }
                }
            }
            try storePending()
        }
        return result
    }

    /// Records what was gathered while writing a batch: the statistics, the lengths and the
    /// facets (consecutive documents' elements are one run of ids, written in one go).
    private func storePending() throws {
        try FullTextIndex(store: store).writePending()
        guard let pending = store.pendingBatch else { return }
        store.pendingBatch = Store.PendingBatch()
        try store.statement("UPDATE statistics SET elements = elements + ?1, total_length = total_length + ?2 WHERE id = 1")
            .run([pending.elements, pending.characters])
        var runs: [(first: Int64, codes: [UInt8])] = []
        for (first, codes) in pending.lengths {
            if let last = runs.last, last.first + Int64(last.codes.count) == first { runs[runs.count - 1].codes += codes }
            else { runs.append((first, codes)) }
        }
        for run in runs { try ElementLengths.store(run.codes, from: run.first, statement: store.statement) }
        var facetRuns: [(first: Int64, bytes: [UInt8])] = []
        for (first, bytes) in pending.facets {
            if let last = facetRuns.last, last.first + Int64(last.bytes.count / ElementFacets.width) == first { facetRuns[facetRuns.count - 1].bytes += bytes }
            else { facetRuns.append((first, bytes)) }
        }
        for run in facetRuns { try ElementFacets.table.store(run.bytes, from: run.first, statement: store.statement) }
    }

    enum Outcome: Sendable {
        case unchanged
        case parsed(DocumentWriter.Rows, isNew: Bool)
        case failed(InputError)
    }

    /// Reads, digests and parses `paths` through the shared ``ParsePipeline``, given their
    /// stored digests: an unchanged file is not parsed, a parsed one is turned into rows on
    /// the reading threads.
    static func readAndParse(_ paths: [String], stored: [String?], limits: InputLimits = .standard) -> [Outcome] {
        ParsePipeline(limits: limits).run(paths, unchanged: { i, digest in stored[i] == digest }) { i, document, _ in
            DocumentWriter.Rows(document)
        }.enumerated().map { i, outcome in
            switch outcome {
            case .skipped, .unchanged: return .unchanged
            case .done(let rows): return .parsed(rows, isNew: stored[i] == nil)
            case .failed(let error): return .failed(error)
            }
        }
    }
}

/// One batch being read and parsed in the background.
private final class ParseInFlight: @unchecked Sendable {
    private var outcomes: [Indexer.Outcome] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ paths: [String], limits: InputLimits, digests: [String?]) {
        DispatchQueue.global().async {
            self.outcomes = Indexer.readAndParse(paths, stored: digests, limits: limits)
            self.done.signal()
        }
    }

    /// Blocks until the batch is parsed.
    func wait() -> [Indexer.Outcome] {
        done.wait()
        return outcomes
    }
}
