import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
@testable import GijirokuIndex

/// A large run into a small index writes the element rows first and builds the full-text
/// index at its end; the index it leaves finds exactly what one built document by
/// document finds, and a run stopped before the end leaves an index that says so.
@Suite struct BulkIndexTests {
    /// 300 files (more than one batch): the corpus's minutes copied under new names.
    static func archive() throws -> [String] {
        let dir = try TestFiles.temporaryFolder()
        let sources = TestFiles.corpusFiles
        return try (0..<300).map { n in
            let url = dir.appendingPathComponent(String(format: "copy-%03d.txt", n))
            try FileManager.default.copyItem(atPath: sources[n % sources.count], toPath: url.path)
            return url.path
        }
    }

    static let queries = ["市長", "保育士", "\"待機児童\"", "予算 OR 財源", "市", "指示 -予算"]

    static func results(_ index: SearchIndex) throws -> [String] {
        try queries.map { q in
            var query = try SearchQuery(parsing: q)
            query.limit = 1_000
            let result = try index.search(query)
            return "\(q): \(result.total) " + result.hits.map { "\($0.location) \(fmt($0.score))" }.joined(separator: ", ")
        }
    }

    static func fmt(_ x: Double) -> String { String(format: "%.6f", x) }

    /// Fails when the full-text index of the elements or the trigram index of the documents'
    /// names disagrees with the stored rows (FTS5's own check).
    static func checkFullText(_ index: SearchIndex) throws {
        try index.database.execute("""
            INSERT INTO elements_fts(elements_fts, rank) VALUES('integrity-check', 1);
            INSERT INTO document_names(document_names, rank) VALUES('integrity-check', 1)
            """)
    }

    /// Removing a changed document finds its elements through an index, never by reading
    /// them all (the foreign key's cascade did: re-indexing 1 000 changed files of 2 000
    /// took 14 times as long as indexing 1 000 new ones).
    @Test func aDocumentsElementsAreFoundThroughAnIndexWhenItIsRemoved() throws {
        let folder = try TestFiles.temporaryFolder()
        let index = try SearchIndex(path: folder.appendingPathComponent("plan.sqlite").path)
        let plan = try index.database.prepare("EXPLAIN QUERY PLAN SELECT id FROM elements WHERE document_id = 1")
        var details: [String] = []
        while try plan.step() { details.append(plan.string(3) ?? "") }
        #expect(details.contains { $0.contains("USING COVERING INDEX elements_by_document") || $0.contains("USING INDEX elements_by_document") }, "\(details)")
    }

    @Test func aLargeRunBuildsTheFullTextIndexAtTheEndAndFindsTheSame() throws {
        let files = try Self.archive()
        let folder = try TestFiles.temporaryFolder()
        let bulk = try SearchIndex(path: folder.appendingPathComponent("bulk.sqlite").path)
        // A first large run writes with a rollback journal (each page once), and leaves the
        // index with its write-ahead log, for readers to read while later runs write.
        var modes: [String?] = []
        let report = bulk.index(files: files) { _ in modes.append(bulk.store.journalMode()) }
        #expect(!modes.isEmpty && modes.allSatisfy { $0 == "delete" }, "\(modes)")
        #expect(bulk.store.journalMode() == "wal")
        #expect(report.fullTextBuiltAtEnd && report.added.count == 300 && report.failed.isEmpty)
        #expect(try !bulk.store.fullTextPending())
        // The database and its full-text index agree with the stored rows.
        #expect(try bulk.database.prepare("PRAGMA integrity_check").firstRow([]) { $0.string(0) } == "ok")
        try Self.checkFullText(bulk)

        // The same files in two runs of 150: each document's entries written as it goes.
        let gradual = try SearchIndex(path: folder.appendingPathComponent("gradual.sqlite").path)
        var gradualModes: [String?] = []
        let first = gradual.index(files: Array(files.prefix(150))) { _ in gradualModes.append(gradual.store.journalMode()) }
        let second = gradual.index(files: Array(files.suffix(150))) { _ in gradualModes.append(gradual.store.journalMode()) }
        #expect(!first.fullTextBuiltAtEnd && !second.fullTextBuiltAtEnd)
        // Small runs keep the log.
        #expect(!gradualModes.isEmpty && gradualModes.allSatisfy { $0 == "wal" }, "\(gradualModes)")

        let expected = try Self.results(gradual)
        #expect(try Self.results(bulk) == expected)
        #expect(expected.allSatisfy { !$0.hasSuffix(": 0 ") })
        // A later small run into the large index writes its entries as it goes, and they
        // are found with the rest.
        let extra = folder.appendingPathComponent("extra.txt")
        try (String(contentsOfFile: files[0], encoding: .utf8) + "\n＜その他＞\n・臨時の議題として雲雀丘図書館の移転を報告した。\n").write(to: extra, atomically: true, encoding: .utf8)
        let small = bulk.index(files: [extra.path])
        #expect(!small.fullTextBuiltAtEnd && small.added == [extra.path])
        #expect(try bulk.search(SearchQuery(parsing: "雲雀丘図書館")).hits.map(\.location) == ["\(extra.path):\(try String(contentsOf: extra, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1)"])
    }

    /// A first large run with a reader on the index keeps the write-ahead log (leaving it
    /// needs the index to itself), and builds the same index.
    @Test func aLargeRunWithAReaderOpenKeepsTheLogAndBuildsTheSame() throws {
        let files = try Self.archive()
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("read.sqlite").path
        let index = try SearchIndex(path: path)
        let reader = try SearchIndex(path: path, readOnly: true)
        #expect(try reader.counts().documents == 0)
        var modes: [String?] = []
        let report = index.index(files: files) { _ in modes.append(index.store.journalMode()) }
        #expect(!modes.isEmpty && modes.allSatisfy { $0 == "wal" }, "\(modes)")
        #expect(report.fullTextBuiltAtEnd && report.added.count == 300 && report.failed.isEmpty)
        try Self.checkFullText(index)
        let alone = try SearchIndex(path: folder.appendingPathComponent("alone.sqlite").path)
        _ = alone.index(files: files)
        #expect(try Self.results(index) == Self.results(alone))
        #expect(try reader.counts().documents == 300)
    }

    /// A batch's full-text entries are written together at its end. A file given twice in
    /// one run is stored once, the second reading replacing the first before any of the
    /// first's entries were written: the full-text index holds its elements once.
    @Test func aFileGivenTwiceInOneRunIsIndexedOnce() throws {
        let folder = try TestFiles.temporaryFolder()
        let source = try #require(TestFiles.corpusFiles.first { (try? String(contentsOfFile: $0, encoding: .utf8)) != nil })
        let file = folder.appendingPathComponent("twice.txt")
        try (String(contentsOfFile: source, encoding: .utf8) + "\n＜その他＞\n・雲雀丘図書館の移転を報告した。\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: folder.appendingPathComponent("twice.sqlite").path)
        let report = index.index(files: [file.path, file.path])
        #expect(report.failed.isEmpty && report.added == [file.path, file.path])
        try Self.checkFullText(index)
        #expect(try index.search(SearchQuery(parsing: "雲雀丘図書館")).total == 1)
        #expect(try index.counts().documents == 1)
    }

    /// A small run that replaces documents deletes their old entries at the end of its batch,
    /// with the new ones written: the full-text index agrees with the stored rows and finds
    /// what an index of the changed files made from scratch finds.
    @Test func replacingAFewDocumentsFindsWhatAFreshIndexFinds() throws {
        let files = Array(try Self.archive().prefix(30))
        let folder = try TestFiles.temporaryFolder()
        let index = try SearchIndex(path: folder.appendingPathComponent("few.sqlite").path)
        _ = index.index(files: files)
        var changed: [String] = []
        for path in files where changed.count < 5 {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            try text.replacingOccurrences(of: "保育", with: "託児").appending("\n＜その他＞\n・雲雀丘図書館の移転を報告した。\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
            changed.append(path)
        }
        let report = index.index(files: files)
        #expect(report.updated.sorted() == changed.sorted() && !report.fullTextBuiltAtEnd && report.failed.isEmpty)
        try Self.checkFullText(index)
        let fresh = try SearchIndex(path: folder.appendingPathComponent("fresh-few.sqlite").path)
        _ = fresh.index(files: files)
        func unordered(_ results: [String]) -> [Set<String>] { results.map { Set($0.components(separatedBy: ", ")) } }
        #expect(try unordered(Self.results(index)) == unordered(Self.results(fresh)))
        #expect(try index.search(SearchQuery(parsing: "雲雀丘図書館")).total == changed.count)
        #expect(try index.search(SearchQuery(parsing: "託児")).total == fresh.search(SearchQuery(parsing: "託児")).total)
    }

    /// A run that replaces many indexed documents builds the full-text index again at its
    /// end instead of deleting each old element's entries, and finds what an index made
    /// of the changed files from scratch finds.
    @Test func replacingManyDocumentsRebuildsTheFullTextIndexAndFindsTheSame() throws {
        let files = try Self.archive()
        let folder = try TestFiles.temporaryFolder()
        let index = try SearchIndex(path: folder.appendingPathComponent("changed.sqlite").path)
        _ = index.index(files: files)
        // Every copy in UTF-8 changed (the corpus's Shift_JIS and UTF-16 copies stay): more than a batch.
        var changed = 0
        for path in files {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            try (text + "\n＜その他＞\n・保育士の処遇改善について追加で報告した。\n").write(toFile: path, atomically: true, encoding: .utf8)
            changed += 1
        }
        #expect(changed >= Indexer.batchSize)
        let report = index.index(files: files)
        #expect(report.updated.count == changed && report.unchanged.count == 300 - changed && report.failed.isEmpty)
        #expect(report.fullTextBuiltAtEnd)
        #expect(try !index.store.fullTextPending())
        try Self.checkFullText(index)
        let fresh = try SearchIndex(path: folder.appendingPathComponent("fresh.sqlite").path)
        _ = fresh.index(files: files)
        // The same hits with the same scores; equal scores may come in another order (the
        // replaced documents' elements have new ids).
        func unordered(_ results: [String]) -> [Set<String>] { results.map { Set($0.components(separatedBy: ", ")) } }
        #expect(try unordered(Self.results(index)) == unordered(Self.results(fresh)))
        let added = try index.search(SearchQuery(parsing: "\"処遇改善について追加\"")).total
        let addedFresh = try fresh.search(SearchQuery(parsing: "\"処遇改善について追加\"")).total
        #expect(added > 0 && added == addedFresh)
    }

    @Test func aRunStoppedBeforeTheEndLeavesAnIndexThatSaysSoAndTheNextRunBuildsIt() throws {
        let files = try Self.archive()
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let index = try SearchIndex(path: path)
        _ = index.index(files: files)
        let expected = try Self.results(index)
        // What a stopped large run leaves: element rows without full-text entries, and the mark.
        try index.database.execute("INSERT INTO elements_fts(elements_fts) VALUES('delete-all'); UPDATE statistics SET full_text_pending = 1")

        let reader = try SearchIndex(path: path, readOnly: true)
        let error = #expect(throws: IndexError.self) { try reader.search(SearchQuery(parsing: "市長")) }
        #expect(error?.kind == .fullTextPending)
        

        // Nothing changed on disk; the next run still builds the full-text index.
        let report = index.index(files: Array(files.prefix(10)))
        #expect(report.unchanged.count == 10 && report.fullTextBuiltAtEnd)
        #expect(try Self.results(index) == expected)
    }

    @Test func aDocumentThatCannotBeWrittenIsLeftOutAndTheRestOfItsBatchIsKept() throws {
        let files = Array(try Self.archive().prefix(40))
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let index = try SearchIndex(path: path)
        // The database refuses one document, as a full disk or a broken constraint would.
        try index.database.execute("""
            CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.path LIKE '%copy-007.txt'
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """)
        let report = index.index(files: files)
        #expect(report.failed.map(\.path) == [files[7]])
        #expect(report.failed.first.map { "\($0.reason)" }?.contains("refused by the test") == true)
        #expect(Set(report.added) == Set(files).subtracting([files[7]]))
        #expect(try index.counts().documents == 39)
        // The others are searchable and the refused one is not there at all.
        let s = try index.database.prepare("SELECT count(*) FROM documents WHERE path = ?1")
        #expect(try s.firstRow([files[7]]) { $0.int(0) } == 0)
        #expect(try index.search(SearchQuery(parsing: "市長")).total > 0)
        try index.database.execute("DROP TRIGGER refuse")
        #expect(index.index(files: files).added == [files[7]])
    }

    /// A page of two meetings whose second meeting cannot be written is left out whole, the
    /// full-text entries its first meeting had gathered with it: the next file takes its
    /// element ids, and each element is in the full-text index once.
    @Test func aPageWhoseSecondMeetingCannotBeWrittenLeavesNoEntriesBehind() throws {
        let folder = try TestFiles.temporaryFolder()
        let page = folder.appendingPathComponent("a-page.txt")
        try FileManager.default.copyItem(at: Repository.corpus.appendingPathComponent("minutes/shiomigawa-gyoseikeiei-2024-11-page.txt"), to: page)
        let other = try #require(TestFiles.corpusFiles.first { (try? String(contentsOfFile: $0, encoding: .utf8)) != nil && !$0.hasSuffix("page.txt") })
        let next = folder.appendingPathComponent("b-next.txt")
        try FileManager.default.copyItem(atPath: other, toPath: next.path)
        let index = try SearchIndex(path: folder.appendingPathComponent("i.sqlite").path)
        try index.database.execute("""
            CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.path LIKE '%a-page.txt' AND NEW.part = 2
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
            """)
        let report = index.index(files: [page.path, next.path])
        #expect(report.failed.map(\.path) == [page.path] && report.added == [next.path])
        try Self.checkFullText(index)
        // It finds what an index of the next file alone finds.
        let alone = try SearchIndex(path: folder.appendingPathComponent("alone.sqlite").path)
        _ = alone.index(files: [next.path])
        let expected = try Self.results(alone)
        #expect(try Self.results(index) == expected)
        #expect(expected.contains { !$0.hasSuffix(": 0 ") })
    }
}

/// An index whose links another revision of the linker made gets them made anew at its next
/// run, even a run that finds every file unchanged.
@Suite struct LinkerRevisionIndexTests {
    /// A fresh index's path, and the corpus's first plan with the kosodate minutes.
    static func planAndMinutes() throws -> (path: String, files: [String]) {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let plan = TestFiles.root.appendingPathComponent("Corpus/plans/shiomigawa-basic-plan-ch1-2.txt").path
        return (path, [plan] + TestFiles.corpusFiles.filter { $0.contains("kosodate") })
    }

    /// Every stored link: its element, item, rank and terms.
    static func links(_ index: SearchIndex) throws -> [String] {
        let s = try index.database.prepare("SELECT path || ':' || line || ' ' || item || ' ' || rank || ' ' || terms FROM links ORDER BY 1")
        var out: [String] = []
        while try s.step() { out.append(s.string(0) ?? "") }
        return out
    }

    @Test func linksMadeByAnotherRevisionAreMadeAnewAtTheNextRun() throws {
        let (path, files) = try Self.planAndMinutes()
        let links = Self.links
        let made: [String]
        do {
            let index = try SearchIndex(path: path)
            let first = index.index(files: files)
            #expect(first.failed.isEmpty)
            // A new index takes the current revision at once: nothing to make anew.
            #expect(!first.linkerRevisionChanged)
            #expect(try index.store.storedLinkerRevision() == PlanLinker.revision)
            made = try links(index)
            #expect(!made.isEmpty)
            // As an older Gijiroku would have left it: another revision, other links.
            try index.database.execute("UPDATE statistics SET linker_revision = NULL; DELETE FROM links")
        }
        let index = try SearchIndex(path: path)
        let report = index.index(files: files)
        #expect(report.linkerRevisionChanged)
        #expect(report.unchanged.count == files.count && report.added.isEmpty && report.updated.isEmpty)
        #expect(report.links?.added == made.count)
        #expect(try links(index) == made)
        #expect(try index.store.storedLinkerRevision() == PlanLinker.revision)
        let next = try SearchIndex(path: path).index(files: files)
        #expect(!next.linkerRevisionChanged && next.links == nil)
    }
}

/// An index whose links were made with other word variants (the user's synonyms changed)
/// gets them made anew at its next run, even a run that finds every file unchanged.
@Suite struct LinkWordsIndexTests {
    @Test func linksMadeWithOtherWordVariantsAreMadeAnewAtTheNextRun() throws {
        let (path, files) = try LinkerRevisionIndexTests.planAndMinutes()
        let links = LinkerRevisionIndexTests.links
        // A user's group that joins the plan's 家賃補助 to the minutes' 保育士: other terms, other links.
        let words = WordVariants.shipped.adding([WordVariants.Group(forms: ["家賃補助", "保育士"], file: "synonyms.txt", line: 1)])
        let shipped: [String]
        do {
            let index = try SearchIndex(path: path)
            let first = index.index(files: files)
            #expect(first.failed.isEmpty && !first.linkWordsChanged)
            #expect(try index.store.storedLinkWords() == WordVariants.shipped.fingerprint)
            shipped = try links(index)
        }
        // Read with the new group before the index runs: the stored links are the old ones.
        #expect(try SearchIndex(path: path, readOnly: true, words: words).linksMadeWithOtherWords)
        #expect(try !SearchIndex(path: path, readOnly: true).linksMadeWithOtherWords)
        let index = try SearchIndex(path: path, words: words)
        let report = index.index(files: files)
        #expect(report.linkWordsChanged && !report.linkerRevisionChanged)
        #expect(report.unchanged.count == files.count && report.added.isEmpty && report.updated.isEmpty)
        let changes = try #require(report.links)
        #expect(changes.added + changes.updated + changes.removed > 0)
        #expect(try links(index) != shipped)
        #expect(try index.store.storedLinkWords() == words.fingerprint)
        #expect(try !SearchIndex(path: path, readOnly: true, words: words).linksMadeWithOtherWords)
        // An explanation says what was read as another spelling.
        let element = try #require(try index.links(from: "shiomigawa-kosodate-02.txt").elements.first { $0.text.contains("保育士") })
        let why = try index.explainLinks(element.location)
        #expect(why.readings.contains(LinkExplanation.Reading(written: "保育士", readAs: "家賃補助")))
        #expect(try !SearchIndex(path: path).explainLinks(element.location).readings.contains { $0.written == "保育士" })
        // The same words again: nothing to make anew. The group gone: the links are as before.
        let again = try SearchIndex(path: path, words: words).index(files: files)
        #expect(!again.linkWordsChanged && again.links == nil)
        let back = try SearchIndex(path: path)
        #expect(back.index(files: files).linkWordsChanged)
        #expect(try links(back) == shipped)
    }
}

/// An index whose records another revision of the parsers read gets its files read again.
@Suite struct ParserRevisionIndexTests {
    @Test func recordsReadByAnotherRevisionAreReadAgainAsRunsGiveTheirFiles() throws {
        let dir = try TestFiles.temporaryFolder()
        let path = dir.appendingPathComponent("i.sqlite").path
        let files = Array(TestFiles.corpusFiles.prefix(3))
        do {
            let index = try SearchIndex(path: path)
            #expect(index.index(files: files).failed.isEmpty)
            // As an older Gijiroku would have left it: another revision, another meeting name.
            try index.database.execute("UPDATE statistics SET parser_revision = 1; UPDATE documents SET meeting = 'stale'")
        }
        let index = try SearchIndex(path: path)
        let report = index.index(files: Array(files.prefix(2)))
        #expect(report.parserRevisionChanged)
        #expect(report.updated == Array(files.prefix(2)) && report.unchanged.isEmpty)
        let meetings = try index.database.prepare("SELECT path, meeting FROM documents ORDER BY path")
        var byPath: [String: String] = [:]
        while try meetings.step() { byPath[meetings.string(0) ?? ""] = meetings.string(1) ?? "" }
        #expect(files.prefix(2).allSatisfy { byPath[$0] != "stale" })
        // A file the run was not given keeps its record until a run gives it.
        #expect(byPath[files[2]] == "stale")
        let next = try SearchIndex(path: path).index(files: files)
        #expect(!next.parserRevisionChanged)
        #expect(next.updated == [files[2]] && next.unchanged == Array(files.prefix(2)))
        #expect(try index.store.storedParserRevision() == ParsedDocument.revision)
    }
}
