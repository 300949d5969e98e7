import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
@testable import GijirokuIndex

@Suite struct SearchTests {
    /// The independent definition: an element matches when its text, width- and case-folded,
    /// contains the word.
    static func normalise(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c -> Unicode.Scalar in
            let v = c.value
            if (0xFF01...0xFF5E).contains(v) { return Unicode.Scalar(v - 0xFEE0)! }
            return c
        })).lowercased()
    }

    static let words = ["市長", "予算", "区局連携", "東日本連携", "市", "計画", "事業", "保育士", "指示", "連携", "会議", "家賃補助",
                        "本部会議", "の", "検討", "副市長", "職員"]

    @Test(arguments: words)
    func foundSetEqualsTheElementsContainingTheWord(_ word: String) throws {
        let (index, _) = try TestFiles.corpusIndex()
        // As typed: the independent definition has no word variants (see VariantSearchTests).
        var query = try SearchQuery(parsing: word, variants: nil)
        query.limit = 100_000
        let found = Set(try index.search(query).hits.map { "\($0.location)#\($0.kind)#\($0.text)" })
        let s = try index.database.prepare("SELECT d.path, e.line_start, e.style & 15, e.body FROM elements e JOIN documents d ON d.id = e.document_id")
        try s.bind([])
        var expected = Set<String>()
        while try s.step() {
            let body = s.string(3) ?? ""
            if Self.normalise(body).contains(Self.normalise(word)) {
                expected.insert("\(s.string(0)!):\(s.int(1)!)#\(IndexedElement.Kind(code: s.int(2)!)!.rawValue)#\(body)")
            }
        }
        #expect(found == expected)
        #expect(!expected.isEmpty || word == "区局連携" || word == "東日本連携")
    }

    @Test func wordsBrokenAcrossPDFLinesAreFound() throws {
        // shiomigawa-kosodate-01: 「年度」/「末を目途に」 and 「家賃補助の要件案」 are split across lines in the file.
        let (index, _) = try TestFiles.corpusIndex()
        let hits = try index.search(SearchQuery(parsing: "年度末を目途")).hits
        #expect(hits.contains { $0.document.path.hasSuffix("shiomigawa-kosodate-01.txt") && $0.kind == "directive" })
    }

    @Test func attendeesAreFoundWithTheirBrokenLinesRejoined() throws {
        // The reference layout breaks 都市戦略本部長 across two lines of the attendee list.
        let dir = try TestFiles.temporaryFolder()
        let file = dir.appendingPathComponent("attendees.txt")
        try """
        ■第２回汐見川市総合計画推進本部会議 議事概要

        【日 時】 令和３年５月１０日（月） 午後２時～午後３時

        【出席者】 大森副市長、立花副市長、都市戦略

        本部長、総務局長（代理）

        ＜議題説明＞

        ・計画の進捗を報告した。

        """.write(to: file, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: [file.path]).added == [file.path])
        let hits = try index.search(SearchQuery(parsing: "戦略本部")).hits
        #expect(hits.map(\.kind) == ["attendees"])
        #expect(hits.first?.location == "\(file.path):5")
        #expect(hits.first?.text == "大森副市長、立花副市長、都市戦略本部長、総務局長（代理）")
        var onlyAttendees = try SearchQuery(parsing: "計画")
        onlyAttendees.kind = .attendees
        #expect(try index.search(onlyAttendees).total == 0)
        onlyAttendees.kind = .explanation
        #expect(try index.search(onlyAttendees).total == 1)
    }

    @Test func trigramMissesWhatTheBigramIndexFinds() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let db = index.database
        try db.execute("CREATE VIRTUAL TABLE temp.tri USING fts5(body, tokenize='trigram'); INSERT INTO temp.tri(rowid, body) SELECT id, body FROM elements;")
        func trigramCount(_ match: String) throws -> Int {
            let s = try db.prepare("SELECT count(*) FROM temp.tri WHERE tri MATCH ?1")
            try s.bind([match])
            return try s.step() ? s.int(0) ?? 0 : 0
        }
        let ours = try index.search(SearchQuery(parsing: "市長")).total
        #expect(ours > 0)
        #expect(try trigramCount("\"市長\"") == 0)
        #expect(try index.search(SearchQuery(parsing: "市")).total > ours)
        #expect(try trigramCount("\"市\"") == 0)
    }

    @Test func phrasesOrAndExclusionsCombine() throws {
        let (index, _) = try TestFiles.corpusIndex()
        func total(_ q: String) throws -> Int { var query = try SearchQuery(parsing: q); query.limit = 10_000; return try index.search(query).total }
        let a = try total("保育士"), b = try total("家賃補助")
        let both = try total("保育士 家賃補助")
        let either = try total("保育士 OR 家賃補助")
        #expect(both <= min(a, b))
        #expect(either == a + b - both)
        #expect(try total("保育士 -家賃補助") == a - both)
        #expect(try total("\"家賃補助制度\"") > 0)
    }

    @Test func wordsJoinedByOrSearchedOneAtATimeGiveWhatOnePassGives() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let queries: [(String, SearchQuery.Kind?, String?)] = [
            ("保育士 OR 家賃補助", nil, nil), ("子供", nil, nil), ("取組", nil, nil), ("防災 OR 避難所 OR 備蓄", nil, nil),
            ("保育士 OR 家賃補助", .answer, nil), ("子供", nil, "2019-04-01"), ("市長 OR 市", nil, nil), ("存在しない語 OR 保育", nil, nil),
        ]
        for (text, kind, since) in queries {
            var query = try SearchQuery(parsing: text)
            query.kind = kind; query.since = since; query.limit = 1_000
            #expect(Searcher.searchesPhrasesApart(query), "\(text)")
            let apart = try Searcher(store: index.store).search(query)
            var onePass = Searcher(store: index.store)
            onePass.searchesOrApart = false
            let together = try onePass.search(query)
            #expect(apart.total > 0 && apart.total == together.total, "\(text)")
            #expect(apart.hits.map(\.location) == together.hits.map(\.location), "\(text)")
            #expect(zip(apart.hits, together.hits).allSatisfy { abs($0.score - $1.score) < 1e-9 }, "\(text)")
        }
        #expect(!Searcher.searchesPhrasesApart(try SearchQuery(parsing: "保育士 家賃補助")))
        #expect(!Searcher.searchesPhrasesApart(try SearchQuery(parsing: "保育士 OR 家賃補助 -予算")))
    }

    @Test func aPhrasesMatchesVisitedInTheRankingGiveWhatARowAtATimeGives() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let queries: [(String, SearchQuery.Kind?, String?, String?)] = [
            ("保育士", nil, nil, nil), ("\"家賃補助制度\"", nil, nil, nil), ("予算", .answer, nil, nil), ("検討", nil, "2019-04-01", nil),
            ("検討", nil, nil, "行財政改革"), ("存在しない語", nil, nil, nil), ("予算", .directive, "2030-01-01", nil),
        ]
        for (text, kind, since, meeting) in queries {
            var query = try SearchQuery(parsing: text, variants: nil)
            query.kind = kind; query.since = since; query.meeting = meeting; query.limit = 1_000
            #expect(query.phrases.count == 1, "\(text)")
            let swept = try Searcher(store: index.store).search(query)
            var rowByRow = Searcher(store: index.store)
            rowByRow.sweepsOnePhrase = false
            let stepped = try rowByRow.search(query)
            #expect(swept.total == stepped.total, "\(text)")
            #expect(swept.hits.map(\.location) == stepped.hits.map(\.location), "\(text)")
            #expect(zip(swept.hits, stepped.hits).allSatisfy { abs($0.score - $1.score) < 1e-9 && $0.snippet == $1.snippet }, "\(text)")
        }
        var some = try SearchQuery(parsing: "保育士", variants: nil)
        some.limit = 5
        #expect(try Searcher(store: index.store).search(some).total > 5)
    }

    @Test func aOneCharacterWordsHitsHaveTheSnippetsALookupOfEachGives() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let single = try index.database.prepare("""
            SELECT e.id, snippet(elements_fts, 0, '«', '»', '…', 24) FROM elements_fts JOIN elements e ON e.id = elements_fts.rowid
            WHERE elements_fts MATCH ?1 AND e.body = ?2 LIMIT 1
            """)
        for word in ["市", "区", "市長 市"] {
            var query = try SearchQuery(parsing: word, variants: nil)
            query.limit = 30
            let result = try index.search(query)
            #expect(result.hits.count == min(30, result.total) && result.total > 0, "\(word)")
            for hit in result.hits {
                // The snippet FTS5 gives for this element alone (`rowid = ?`), as searches did before.
                let alone = try single.firstRow([query.expression, hit.text]) { $0.string(1) ?? "" }
                #expect(hit.snippet == alone, "\(word): \(hit.location)")
                #expect(hit.snippet.contains("«"), "\(word): \(hit.snippet)")
            }
        }
    }

    @Test func theMeetingFilterReadsTheMeetingsNameWithItsCouncil() throws {
        let dir = try TestFiles.temporaryFolder()
        let file = dir.appendingPathComponent("honkaigi.txt")
        // The title names the session alone; the council stands in the page's heading.
        try """
            開催日：令和 7年 2月17日
            会議名：令和 7年第1回定例会（第1日 2月17日）

            ○議事日程
            　　　　汐見川区議会会議録　　第１号

            ○議長（山田太郎君）　ただいまから本日の会議を開きます。
            """.write(to: file, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: [file.path]).failed.isEmpty)
        var query = try SearchQuery(parsing: "会議")
        query.meeting = "汐見川区"
        let hits = try index.search(query).hits
        #expect(!hits.isEmpty && hits.allSatisfy { $0.document.meeting == "汐見川区議会 定例会" })
        query.meeting = "汐見川市"
        #expect(try index.search(query).total == 0)
    }

    /// The meeting filter finds documents through the trigram index of their names and
    /// titles, which follows every run: a meeting renamed in its file is found by its new
    /// name and no longer by its old, a pruned file's meeting not at all.
    @Test func theMeetingFilterFollowsARenamedMeetingAndForgetsAPrunedOne() throws {
        let dir = try TestFiles.temporaryFolder()
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
        let minutes = """
            汐見川市雲雀丘再生本部会議 議事概要

            日時：令和6年4月10日（水）10時00分～11時00分
            場所：本庁舎5階 第1会議室

            ＜議事＞
            （１）雲雀丘地区の再生について
            ・駅前広場の整備方針を検討した。
            """
        try minutes.write(to: a, atomically: true, encoding: .utf8)
        try minutes.replacingOccurrences(of: "雲雀丘再生", with: "鶺鴒台交通").write(to: b, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: [a.path, b.path]).failed.isEmpty)
        func paths(meeting: String) throws -> [String] {
            var query = try SearchQuery(parsing: "検討")
            query.meeting = meeting
            return try index.search(query).hits.map(\.document.path).sorted()
        }
        #expect(try paths(meeting: "雲雀丘再生本部") == [a.path])
        #expect(try paths(meeting: "再生本部") == [a.path])
        #expect(try paths(meeting: "本部会議") == [a.path, b.path])

        try minutes.replacingOccurrences(of: "雲雀丘再生", with: "百舌鳥野振興").write(to: a, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: b)
        #expect(index.index(files: [a.path], prune: true).removed == [b.path])
        #expect(try paths(meeting: "百舌鳥野振興") == [a.path])
        #expect(try paths(meeting: "雲雀丘再生").isEmpty)
        #expect(try paths(meeting: "鶺鴒台交通").isEmpty)
        #expect(try paths(meeting: "本部会議") == [a.path])
        try BulkIndexTests.checkFullText(index)
    }

    @Test func filtersByKindDateAndMeeting() throws {
        let (index, _) = try TestFiles.corpusIndex()
        var q = try SearchQuery(parsing: "こと")
        q.kind = .directive
        q.limit = 1000
        let directives = try index.search(q).hits
        #expect(!directives.isEmpty && directives.allSatisfy { $0.kind == "directive" && $0.issuer != nil })
        q.since = "令和元年5月1日"
        #expect(try index.search(q).hits.allSatisfy { ($0.document.date ?? "") >= "2019-05-01" })
        q.since = nil
        q.until = "2019/4/30"
        #expect(try index.search(q).hits.allSatisfy { ($0.document.date ?? "9") <= "2019-04-30" })
        var m = try SearchQuery(parsing: "検討")
        m.meeting = "行財政改革"
        m.limit = 1000
        #expect(try index.search(m).hits.allSatisfy { $0.document.meeting?.contains("行財政改革") == true })
    }

    @Test func questionsCarryTheirAnswersAndAnswersTheirQuestion() throws {
        let (index, _) = try TestFiles.corpusIndex()
        var q = try SearchQuery(parsing: "乗継割引")
        q.kind = .answer
        let answer = try #require(try index.search(q).hits.first)
        #expect(answer.question?.text == "統合で所要時間が延びないか。")
        var q2 = try SearchQuery(parsing: "所要時間")
        q2.kind = .question
        let question = try #require(try index.search(q2).hits.first)
        #expect(question.answers?.count == 2)
        #expect(question.snippet.contains("«所要時間»"))
    }

    static let hostile = ["\"unbalanced", "NEAR(a b)", "*", "(", "'; DROP TABLE documents; --", "", "   ", "AND", "OR", "-", "\"",
                          "市長 OR", "OR 市長", "^市長", "body:市長", "{body}: 市長", "市長*", "\"\"\"", "NOT 市長", "-市長",
                          String(repeating: "市", count: 10_000), String(repeating: "市長 ", count: 300), "\u{0}", "ｶﾞ"]

    @Test(arguments: hostile)
    func anyQueryGivesResultsOrAClearMessageAndNeverChangesTheIndex(_ text: String) throws {
        let (writer, path) = try TestFiles.corpusIndex()
        _ = writer
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try SearchIndex(path: path, readOnly: true)
        do {
            let query = try SearchQuery(parsing: text)
            _ = try reader.search(query)
        } catch let error as IndexError {
            #expect(error.category == .query)
            #expect(error.sqlite == nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

@Suite struct IndexingTests {
    @Test func reindexingIsIncrementalAndPruneRemovesGoneFiles() throws {
        let dir = try TestFiles.temporaryFolder()
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
        try FileManager.default.copyItem(atPath: TestFiles.corpusFiles[0], toPath: a.path)
        try FileManager.default.copyItem(atPath: TestFiles.corpusFiles[1], toPath: b.path)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: [a.path, b.path]).added == [a.path, b.path])
        #expect(index.index(files: [a.path, b.path]).unchanged == [a.path, b.path])
        let elementsBefore = try index.counts().elements

        try (String(contentsOf: a, encoding: .utf8) + "\n＜その他＞\n\n○追記した項目である。\n").write(to: a, atomically: true, encoding: .utf8)
        let updated = index.index(files: [a.path, b.path])
        #expect(updated.updated == [a.path] && updated.unchanged == [b.path])
        #expect(try index.counts().elements == elementsBefore + 1)
        #expect(try index.search(SearchQuery(parsing: "追記した項目")).total == 1)

        try FileManager.default.removeItem(at: b)
        let pruned = index.index(files: [a.path], prune: true)
        #expect(pruned.removed == [b.path])
        #expect(try index.counts().documents == 1)
        #expect(try index.search(SearchQuery(parsing: "会議")).hits.allSatisfy { $0.document.path == a.path })
    }

    @Test func aBadFileIsReportedAndTheRestIsIndexed() throws {
        let dir = try TestFiles.temporaryFolder()
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let report = index.index(files: [empty.path, TestFiles.corpusFiles[0], dir.appendingPathComponent("missing.txt").path])
        #expect(report.added == [TestFiles.corpusFiles[0]])
        #expect(report.failed.map(\.path) == [empty.path, dir.appendingPathComponent("missing.txt").path])
        #expect(report.failed[0].reason == .input(InputError(path: empty.path, reason: .empty)))
    }

    @Test func anIndexFromANewerGijirokuIsRefusedWithAClearMessage() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        do {
            let index = try SearchIndex(path: path)
            try index.database.execute("PRAGMA user_version = 99")
        }
        let error = #expect(throws: IndexError.self) { try SearchIndex(path: path) }
        #expect(error?.kind == .newerSchema(path: path, found: 99, supported: Schema.version))
        #expect(#expect(throws: IndexError.self) { try SearchIndex(path: path + ".missing", readOnly: true) }?.kind == .noIndex(path: path + ".missing"))
    }
}

@Suite struct RankingTests {
    @Test func theAverageLengthFollowsAddsAndRemoves() throws {
        let dir = try TestFiles.temporaryFolder()
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(try index.store.averageLength() == 100)   // empty index: a neutral default
        _ = index.index(files: Array(TestFiles.corpusFiles.prefix(3)))
        let s = try index.database.prepare("SELECT avg(length(body)) FROM elements")
        let direct = try #require(try s.firstRow([]) { $0.double(0) })
        #expect(abs(try index.store.averageLength() - direct) < 1e-9)
        let a = dir.appendingPathComponent("a.txt")
        try FileManager.default.copyItem(atPath: TestFiles.corpusFiles[5], toPath: a.path)
        _ = index.index(files: [a.path])
        try FileManager.default.removeItem(at: a)
        _ = index.index(files: [], prune: true)
        #expect(abs(try index.store.averageLength() - direct) < 1e-9)
    }

    @Test func shorterElementsWithTheWordRankFirstAndRanksAreOrdered() throws {
        let (index, _) = try TestFiles.corpusIndex()
        var q = try SearchQuery(parsing: "保育士")
        q.limit = 1000
        let hits = try index.search(q).hits
        #expect(hits.map(\.score) == hits.map(\.score).sorted())
        #expect(hits.map(\.rank) == Array(1...hits.count))
        // A limit keeps the same best hits, in the same order.
        q.limit = 3
        #expect(try index.search(q).hits.map(\.location) == Array(hits.prefix(3).map(\.location)))
    }

    @Test func lengthCodesAreLogarithmicWithinFourPercent() {
        #expect(ElementLengths.code(for: 0) == 0 && ElementLengths.code(for: 1) == 0)
        var previous: UInt8 = 0
        for length in 2...6_000 {
            let code = ElementLengths.code(for: length)
            #expect(code >= previous)
            #expect(abs(ElementLengths.length(of: code) / Double(length) - 1) < 0.018, "\(length)")
            previous = code
        }
        #expect(ElementLengths.code(for: 1_000_000) == 255)
    }

    @Test func everyElementHasItsLengthStoredThroughUpdatesAndRemovals() throws {
        let dir = try TestFiles.temporaryFolder()
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let copy = dir.appendingPathComponent("a.txt")
        try FileManager.default.copyItem(atPath: TestFiles.corpusFiles[5], toPath: copy.path)
        _ = index.index(files: Array(TestFiles.corpusFiles.prefix(3)) + [copy.path])
        // The copy changes (new ids at the end), then goes (its ids are free again).
        try (String(contentsOf: copy, encoding: .utf8) + "\n＜その他＞\n・追加の項目。\n").write(to: copy, atomically: true, encoding: .utf8)
        _ = index.index(files: [copy.path])
        try FileManager.default.removeItem(at: copy)
        _ = index.index(files: [], prune: true)
        _ = index.index(files: [TestFiles.corpusFiles[7]])
        let stored = try ElementLengths.load(from: index.database)
        let s = try index.database.prepare("SELECT id, length(body) FROM elements")
        try s.bind([])
        var checked = 0
        while try s.step() {
            let id = try #require(s.int(0)), length = try #require(s.int(1))
            #expect(id < stored.count && stored[id] == ElementLengths.code(for: length), "element \(id)")
            checked += 1
        }
        #expect(checked > 30)
    }
}

@Suite struct PlanIndexingTests {
    static let plan = TestFiles.root.appendingPathComponent("Corpus/plans/shiomigawa-basic-plan-ch1-2.txt").path

    @Test func planItemsAreIndexedAndFoundWithTheirItem() throws {
        let dir = try TestFiles.temporaryFolder()
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let report = index.index(files: [Self.plan, TestFiles.corpusFiles[0]])
        #expect(report.added.count == 2)
        var q = try SearchQuery(parsing: "潜在保育士")
        q.kind = .plan
        let hit = try #require(try index.search(q).hits.first)
        #expect(hit.kind == "plan")
        #expect(hit.planItem?.id == "1-1-1")
        #expect(hit.planItem?.title == "保育サービスの拡充")
        // Item titles are searchable too, and minutes are not plan elements.
        q = try SearchQuery(parsing: "公共施設マネジメント")
        q.kind = .plan
        #expect(try index.search(q).hits.map { $0.planItem?.id } == ["2-2-2"])
        q.kind = .explanation
        #expect(try index.search(q).hits.allSatisfy { $0.planItem == nil })
    }
}

/// Searching a verbatim record by who spoke.
@Suite struct SpeakerSearchTests {
    @Test func speakerMatchesTheLabelTheNameOrThePost() throws {
        let index = try TestFiles.index(of: """
        令和７年第１回汐見川市議会定例会会議録
        ○（田中一郎議長）　これより本日の会議を開きます。
        ○２２番（浦井たかひさ議員）　子育て支援について市長に伺います。保育所の整備はどう進めますか。
        ○（岡本　誠市長）　お答えします。子育て支援として保育所を三か所整備いたします。
        ○（田中一郎議長）　以上で子育て支援の質問を終わります。
        """)
        func hits(_ words: String, speaker: String?, kind: SearchQuery.Kind? = nil) throws -> [SearchHit] {
            var q = try SearchQuery(parsing: words)
            q.speaker = speaker
            q.kind = kind
            return try index.search(q).hits
        }
        #expect(try hits("子育て", speaker: "市長").map(\.kind) == ["answer"])
        #expect(try hits("子育て", speaker: "岡本誠").count == 1)           // spaces in the label do not matter
        #expect(try hits("子育て", speaker: "浦井").map(\.kind) == ["question"])
        #expect(try hits("子育て", speaker: "議長").map(\.kind) == ["speech"])
        #expect(try hits("子育て", speaker: nil).count == 3)
        let answer = try #require(try hits("保育所", speaker: "市長", kind: .answer).first)
        #expect(answer.question?.text.contains("伺います") == true)
        #expect(answer.issuer == "○（岡本　誠市長）")
    }
}

/// Who spoke, counted per meeting body and year.
@Suite struct SpeakerCountTests {
    @Test func speakersAreCountedByNameAndPostWhateverTheirMarker() throws {
        let index = try TestFiles.index(of: """
        令和７年第１回汐見川市議会定例会会議録
        【日時】令和７年２月１４日
        ○（田中一郎議長）　これより本日の会議を開きます。
        ○２２番（浦井たかひさ議員）　子育て支援について市長に伺います。
        ○（岡本　誠市長）　お答えします。
        〇（田中一郎議長）　以上で質問を終わります。
        """)
        let report = try index.speakers()
        #expect(report.speakers.map(\.name) == ["田中一郎", "岡本誠", "浦井たかひさ"])
        #expect(report.speakers.map(\.turns) == [2, 1, 1])
        #expect(report.speakers.allSatisfy { $0.year == 2025 && $0.meetings == 1 })
        #expect(report.speakers[0].characters == "これより本日の会議を開きます。".count + "以上で質問を終わります。".count)
        #expect(try index.speakers(SpeakerFilter(meeting: "教育委員会")).speakers.isEmpty)
        #expect(try index.speakers(SpeakerFilter(since: "2026-01-01")).speakers.isEmpty)
        #expect(throws: IndexError.self) { try index.speakers(SpeakerFilter(since: "きのう")) }
    }
}

/// Decisions, listed newest first and found by kind.
@Suite struct DecisionListTests {
    @Test func decisionsAreListedWithTheirOutcomeMethodAndPlace() throws {
        let index = try TestFiles.index(of: """
        令和７年第１回汐見川市議会定例会会議録
        【日時】令和７年２月１４日
        ○（田中一郎議長）　これより本日の会議を開きます。
        ○（田中一郎議長）　起立多数であります。よって、議案第３号は原案のとおり可決されました。
        ○（田中一郎議長）　ご異議なしと認めます。よって、請願第１号は継続審査とすることに決定いたしました。
        """)
        let list = try index.decisions()
        #expect(list.decisions.map(\.outcome) == [.approved, .continued])
        #expect(list.decisions.map(\.method) == ["起立多数", "異議なし"])
        #expect(list.decisions.map(\.agendaNumber) == [3, 1])
        #expect(list.decisions.allSatisfy { $0.date == "2025-02-14" })
        #expect(list.decisions.map(\.line) == [4, 5])
        #expect(try index.decisions(DecisionFilter(outcome: .continued)).decisions.count == 1)
        #expect(try index.decisions(DecisionFilter(since: "2026-01-01")).decisions.isEmpty)
        var q = try SearchQuery(parsing: "可決")
        q.kind = .decision
        #expect(try index.search(q).hits.map(\.kind) == ["decision"])
    }
}

/// A page of several meetings is stored as one document per meeting, each with its own date,
/// and the file's documents are replaced together.
@Suite struct SeveralMeetingsIndexTests {
    static let page = """
    汐見川市防災連絡会議

    第3回 防災連絡会議(令和5年6月2日開催)

    概要

      •  梅雨前の水防体制について、情報共有を行いました。

    第2回 防災連絡会議(令和5年4月21日開催)

    概要

      •  避難所の備蓄品の点検結果について、情報共有を行いました。
    """

    @Test func eachMeetingIsADocumentWithItsOwnDateAndReindexingReplacesThemAll() throws {
        let dir = try TestFiles.temporaryFolder()
        let file = dir.appendingPathComponent("防災連絡会議.txt")
        try Self.page.write(to: file, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: [file.path]).failed.isEmpty)
        let rows = try index.database.prepare("SELECT part, date, first_line, last_line FROM documents ORDER BY part")
            .allRows([]) { "\($0.int(0)!) \($0.string(1) ?? "-") \($0.int(2)!)-\($0.int(3).map(String.init) ?? "")" }
        #expect(rows == ["1 2023-06-02 1-8", "2 2023-04-21 9-13"])
        let hit = try #require(try index.search(SearchQuery(parsing: "備蓄品")).hits.first)
        #expect(hit.document.date == "2023-04-21")
        #expect(hit.document.path == file.path)
        #expect(try index.counts().documents == 1)

        // The page loses a meeting: the next run replaces both records with the one left.
        try Self.page.components(separatedBy: "第2回")[0].write(to: file, atomically: true, encoding: .utf8)
        #expect(index.index(files: [file.path]).updated == [file.path])
        #expect(try index.database.prepare("SELECT count(*) FROM documents").firstRow([]) { $0.int(0) } == 1)
        #expect(try index.search(SearchQuery(parsing: "備蓄品")).total == 0)
    }
}

/// One writer at a time on an index.
@Suite struct WriterLockTests {
    @Test func aSecondWriterWaitsForTheFirstAndGivesUpAtItsTimeout() throws {
        let db = try TestFiles.temporaryFolder().appendingPathComponent("index.sqlite").path
        let first = try WriterLock.acquire(for: db, timeout: 1) { Issue.record("the first writer should not wait") }
        var waited = false
        #expect(throws: IndexError.self) { try WriterLock.acquire(for: db, timeout: 0.3) { waited = true } }
        #expect(waited)
        first.release()
        let second = try WriterLock.acquire(for: db, timeout: 1) { Issue.record("the lock was released") }
        second.release()
    }
}

/// Kind, date and meeting filters tested from memory (``ElementFacets``, the documents'
/// element ranges) count and keep what the SQL join over elements and documents lets through.
@Suite struct FacetFilterTests {
    @Test func filtersFromMemoryEqualTheJoin() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let filters: [(SearchQuery.Kind?, String?, String?, String?)] = [
            (.question, nil, nil, nil), (nil, "2019-04-01", nil, nil), (nil, nil, "2019-12-31", nil), (.answer, "2018-01-01", "2020-12-31", nil),
            (.directive, "2020-01-01", nil, nil), (.speech, nil, nil, nil), (nil, nil, nil, "推進本部"), (.question, "2019-01-01", nil, "子育て"),
            (nil, nil, nil, "存在しない会議"),
            // Shorter than three characters: every name is read.
            (nil, nil, nil, "本部"), (nil, "2019-01-01", nil, "会議"),
        ]
        let join = try index.database.prepare("""
            SELECT count(*) FROM elements_fts JOIN elements e ON e.id = elements_fts.rowid JOIN documents d ON d.id = e.document_id
            WHERE elements_fts MATCH ?1 AND (?2 IS NULL OR (e.style & 15) = ?2) AND (?3 IS NULL OR d.date >= ?3)
              AND (?4 IS NULL OR d.date <= ?4) AND (?5 IS NULL OR instr(coalesce(d.meeting, '') || ' ' || coalesce(d.title, ''), ?5) > 0)
            """)
        for word in ["市長", "検討", "保育", "市"] {
            for (kind, since, until, meeting) in filters {
                var query = try SearchQuery(parsing: word, variants: nil)
                query.kind = kind; query.since = since; query.until = until; query.meeting = meeting; query.limit = 1_000
                let result = try index.search(query)
                let code = kind.map { k in IndexedElement.Kind(rawValue: k.rawValue)!.code }
                let expected = try join.firstRow([query.expression, code, since.map { try Searcher.isoDate($0, field: .since) },
                                                  until.map { try Searcher.isoDate($0, field: .until) }, meeting]) { $0.int(0) ?? 0 } ?? -1
                #expect(result.total == expected, "\(word) \(String(describing: kind)) \(since ?? "") \(until ?? "") \(meeting ?? "")")
                #expect(result.hits.count == min(expected, 1_000))
                #expect(result.hits.allSatisfy { hit in
                    (kind == nil || hit.kind == kind!.rawValue) && (meeting == nil || hit.document.title?.contains(meeting!) == true)
                })
            }
        }
    }

    @Test func daysCountFrom1900() {
        #expect(ElementFacets.day(of: "1900-01-01") == 1)
        #expect(ElementFacets.day(of: "2020-01-01") - ElementFacets.day(of: "2019-01-01") == 365)
        #expect(ElementFacets.day(of: "2021-01-01") - ElementFacets.day(of: "2020-01-01") == 366)
        #expect(ElementFacets.day(of: nil) == 0 && ElementFacets.day(of: "2019-13-01") == 0)
        #expect(ElementFacets.day(of: "2019-05-01") < ElementFacets.day(of: "2019-05-02"))
    }
}

/// A search reads one snapshot of the index: what an indexing run commits meanwhile is seen
/// by the next search, never halfway through one (its count and its hits agree).
@Suite struct SearchSnapshotTests {
    @Test func aSearchsReadsSeeOneSnapshotWhileAnotherConnectionWrites() throws {
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("snapshot.sqlite").path
        let files = TestFiles.corpusFiles.filter { $0.contains("kosodate") }
        let writer = try SearchIndex(path: path)
        #expect(writer.index(files: Array(files.prefix(1))).failed.isEmpty)
        let reader = try SearchIndex(path: path, readOnly: true)
        func documents() throws -> Int { try reader.database.prepare("SELECT count(*) FROM documents").firstRow([]) { $0.int(0) ?? 0 } ?? 0 }
        let before = try documents()
        let (inside, after) = try reader.database.reading { () throws -> (Int, Int) in
            let first = try documents()
            #expect(writer.index(files: Array(files.dropFirst())).failed.isEmpty)
            return (first, try documents())
        }
        #expect(inside == before && after == before)
        #expect(try documents() == files.count && files.count > 1)
        // Inside a transaction already, the reads simply run in it.
        let nested = try writer.database.transaction { try writer.database.reading { try writer.counts().documents } }
        #expect(nested == files.count)
    }
}
