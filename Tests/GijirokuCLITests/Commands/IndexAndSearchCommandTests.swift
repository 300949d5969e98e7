import Foundation
import Testing
import GijirokuMessages
import GijirokuTestSupport
@testable import GijirokuIndex
@testable import GijirokuCLI

/// `gijiroku index` and `gijiroku search`, in-process, on a fresh database each.
@Suite struct IndexAndSearchCommandTests {
    func run(_ arguments: [String]) -> CLI.Run { CLI.run(arguments) }

    func freshDatabase() -> String {
        Repository.scratch.appendingPathComponent("gijiroku-cli-\(UUID().uuidString)/index.sqlite").path
    }

    @Test func onePathIsOneDocumentHoweverItIsSpelled() throws {
        let root = Repository.scratch.appendingPathComponent("gijiroku-alias-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/arch", withIntermediateDirectories: true)
        try fm.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", toPath: root + "/arch/one.txt")
        try fm.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/arch")
        let db = freshDatabase()
        #expect(run(["index", root + "/arch", "--db", db, "--quiet"]).code == 0)
        let again = run(["index", root + "/arch/../arch/", root + "/link", "--db", db, "--quiet"])
        #expect(again.out.contains("追加 0"))
        #expect(again.out.contains("（ファイル 1、"))
        // An index an older version filled with a relative path: that document is replaced, not kept twice.
        let older = freshDatabase()
        let relative = "Corpus/minutes/shiomigawa-gyokaku-01.txt"
        #expect(FileManager.default.fileExists(atPath: relative))
        _ = try SearchIndex(path: older).index(files: [relative])
        let absolute = FileManager.default.currentDirectoryPath + "/" + relative
        #expect(run(["index", absolute, "--db", older, "--quiet"]).out.contains("（ファイル 1、"))
    }

    @Test func anIndexReadByOlderParsersSaysWhatWasReadAgain() throws {
        let db = freshDatabase()
        let file = ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt"
        let empty = Repository.scratch.appendingPathComponent("gijiroku-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(run(["index", file, "--db", db, "--quiet"]).code == 0)
        func olderRevision() throws { try SearchIndex(path: db).database.execute("UPDATE statistics SET parser_revision = 1") }
        try olderRevision()
        let nothing = CLI.run(["index", empty, "--db", db], language: .english)
        #expect(nothing.err.contains("index your archive again") && !nothing.err.contains("were read again"), "\(nothing.err)")
        try olderRevision()
        let again = CLI.run(["index", file, "--db", db], language: .english)
        #expect(again.err.contains("the files of this run were read again"), "\(again.err)")
        #expect(!CLI.run(["index", file, "--db", db], language: .english).err.contains("parsers have improved"))
    }

    /// Links an earlier linker made are made anew at the next run, which says so; with no
    /// plan indexed there are no links, and nothing to say.
    @Test func anIndexLinkedByAnOlderLinkerSaysItsLinksWereMadeAnew() throws {
        let db = freshDatabase()
        let minutes = ParseCommandTests.corpus + "/shiomigawa-kosodate-01.txt"
        let plan = ParseCommandTests.corpus + "/../plans/shiomigawa-basic-plan-ch1-2.txt"
        func olderLinker() throws { try SearchIndex(path: db).database.execute("UPDATE statistics SET linker_revision = NULL") }
        #expect(run(["index", minutes, "--db", db, "--quiet"]).code == 0)
        try olderLinker()
        #expect(!CLI.run(["index", minutes, "--db", db], language: .english).err.contains("links were made anew"))
        #expect(run(["index", plan, "--db", db, "--quiet"]).code == 0)
        try olderLinker()
        let remade = CLI.run(["index", minutes, plan, "--db", db], language: .english)
        #expect(remade.err.contains("the linking of minutes to plan items has improved") && remade.out.contains("unchanged 2"), "\(remade.err)")
        #expect(!CLI.run(["index", minutes, plan, "--db", db], language: .english).err.contains("links were made anew"))
    }

    @Test func pruneRemovesOnlyWhatTheRunSawToBeGone() throws {
        let root = Repository.scratch.appendingPathComponent("gijiroku-prune-\(UUID().uuidString)").path
        let fm = FileManager.default
        for folder in ["a", "b"] { try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        try fm.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", toPath: root + "/a/one.txt")
        try fm.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-gyokaku-02.txt", toPath: root + "/a/two.txt")
        try fm.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-kosodate-01.txt", toPath: root + "/b/three.txt")
        let db = freshDatabase()
        #expect(run(["index", root + "/a", root + "/b", "--db", db, "--quiet"]).code == 0)

        // A root gone (an unmounted share): an error, and nothing is removed.
        try fm.moveItem(atPath: root + "/b", toPath: root + "/b-away")
        try fm.removeItem(atPath: root + "/a/two.txt")
        let missing = run(["index", root + "/a", root + "/b", "--db", db, "--prune"])
        #expect(missing.code != 0)
        #expect(missing.out.contains("削除 0"))
        #expect(missing.err.contains("--prune"))

        // Only the roots given are pruned: b's document stays when a alone is indexed.
        let onlyA = run(["index", root + "/a", "--db", db, "--prune"])
        #expect(onlyA.code == 0)
        #expect(onlyA.out.contains("削除 1"))
        #expect(onlyA.out.contains("（ファイル 2、"))
    }

    @Test func aFileBeyondMaxFileSizeIsAFailureAndTheRestIsIndexed() throws {
        let root = Repository.scratch.appendingPathComponent("gijiroku-limit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", toPath: root + "/one.txt")
        try Data(repeating: UInt8(ascii: "a"), count: 1_500_000).write(to: URL(fileURLWithPath: root + "/big.txt"))
        let db = freshDatabase()
        let r = run(["index", root, "--db", db, "--max-file-size", "1"])
        #expect(r.code == 1)
        #expect(r.out.contains("（ファイル 1、"))
        #expect(r.err.contains("big.txt") && r.err.contains("1048576"))
        #expect(run(["index", root, "--db", freshDatabase(), "--max-file-size", "0"]).code == 64)
    }

    @Test func indexThenSearchFindsTheExchangeWithItsAnswers() throws {
        let db = freshDatabase()
        let indexed = run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"])
        #expect(indexed.code == 0)
        // 41 text files, one PDF and one HTML page (a page of two meetings is one file)
        #expect(indexed.out.contains("追加 43、更新 0、変更なし 0、削除 0、失敗 0"))
        #expect(run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"]).out.contains("追加 0、更新 0、変更なし 43"))

        let found = run(["search", "所要時間", "--db", db])
        #expect(found.code == 0)
        #expect(found.out.contains("[質問] 2020-11-05"))
        #expect(found.out.contains("«所要時間»"))
        #expect(found.out.contains("⇒ あわせて、乗継割引の導入も検討する。"))
        #expect(found.out.contains("shiomigawa-kotsu-kanjikai-003.txt:"))
    }

    @Test func aQuestionOfSeveralParagraphsIsShownIndentedUnderItsMark() throws {
        let db = freshDatabase()
        #expect(run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"]).code == 0)
        let found = run(["search", "子育て支援センター", "--speaker", "市長", "--kind", "answer", "--db", db])
        #expect(found.code == 0, "\(found.err)")
        #expect(found.out.contains("問: 一括質問でお伺いします。\n      まず、子育て支援センターの利用状況について"), "\(found.out)")
    }

    /// Some records number their agenda items without titles (a plenary day's 日程第２ of a
    /// run of items taken together): the line says the number alone, with no space after it.
    @Test(arguments: [Language.japanese, .english])
    func anAgendaItemWithoutATitleIsShownByItsNumberAlone(_ language: Language) {
        let console = Console(output: "", errors: "", language: language, environment: [:], standardInput: { [] })
        let word = language == .japanese ? "議題" : "Agenda "
        #expect(console.agendaLine(number: 2, title: nil) == "\(word)2")
        #expect(console.agendaLine(number: 2, title: "") == "\(word)2")
        #expect(console.agendaLine(number: 2, title: "補正予算について") == "\(word)2 補正予算について")
        #expect(console.agendaLine(number: nil, title: "補正予算について") == (language == .japanese ? "議題 補正予算について" : "Agenda 補正予算について"))
    }

    @Test func jsonOutputDecodesAndNamesEveryHitsLocation() throws {
        let db = freshDatabase()
        _ = run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"])
        let r = run(["search", "市長", "--kind", "directive", "--since", "2019-01-01", "--format", "json", "--db", db])
        #expect(r.code == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(hits.allSatisfy { $0["kind"] as? String == "directive" })
        #expect((json["total"] as? Int ?? -1) >= hits.count)
    }

    @Test func badQueriesAndOptionsAreUsageErrorsWithAMessage() {
        let db = freshDatabase()
        _ = run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"])
        for args in [["search", "--db", db], ["search", "*", "--db", db], ["search", "-予算", "--db", db],
                     ["search", "市長", "--kind", "speeches", "--db", db], ["search", "市長", "--since", "きのう", "--db", db],
                     ["search", "市長", "--limit", "0", "--db", db], ["search", "市長", "--bogus", "--db", db]] {
            let r = run(args)
            #expect(r.code == 64, "\(args)")
            #expect(r.err.hasPrefix("gijiroku search: error:"), "\(args)")
            #expect(!r.err.contains("SQLite"), "\(args)")
        }
    }

    /// Nothing found: standard output stays empty (a script reads nothing), the person at the
    /// terminal is told on standard error, and `--fail-empty` makes it exit 1.
    @Test func nothingFoundSaysSoOnStandardErrorAndFailEmptyExitsOne() throws {
        let db = freshDatabase()
        #expect(run(["index", ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", "--db", db, "--quiet"]).code == 0)
        let none = run(["search", "存在しない語句", "--db", db])
        #expect(none.code == 0 && none.out.isEmpty && none.err.contains("「存在しない語句」は見つかりませんでした"))
        #expect(run(["search", "存在しない語句", "--db", db, "--fail-empty"]).code == 1)
        #expect(run(["search", "存在しない語句", "--db", db, "--fail-empty", "--format", "json"]).code == 1)
        #expect(run(["search", "市長", "--db", db, "--fail-empty"]).code == 0)
        let decisions = run(["decisions", "--outcome", "rejected", "--db", db, "--fail-empty"])
        #expect(decisions.code == 1 && decisions.out.isEmpty && !decisions.err.isEmpty)
        #expect(run(["speakers", "--db", db, "--fail-empty"]).code == 1)
    }

    /// A filter without words lists what it lets through, newest first; no words and no
    /// filter is a usage error that says a filter would do.
    @Test func aFilterWithoutWordsListsEveryElementItLetsThroughNewestFirst() throws {
        let db = freshDatabase()
        #expect(run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"]).code == 0)
        let r = run(["search", "--kind", "directive", "--since", "2019-04-01", "--format", "json", "--limit", "100", "--db", db])
        #expect(r.code == 0, "\(r.err)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let hits = try #require(result["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty && (result["total"] as? Int) == hits.count)
        #expect(hits.allSatisfy { $0["kind"] as? String == "directive" })
        let dates = hits.compactMap { ($0["document"] as? [String: Any])?["date"] as? String }
        #expect(dates.count == hits.count && dates.allSatisfy { $0 >= "2019-04-01" } && dates == dates.sorted(by: >))
        // The same elements as a word every directive holds would find, whatever their order.
        let text = run(["search", "--kind", "directive", "--since", "2019-04-01", "--db", db])
        #expect(text.code == 0 && text.out.contains("[") && text.out.contains(".txt:"))
        let none = run(["search", "--db", db])
        #expect(none.code == 64 && none.err.contains("--kind"))
    }

    /// `index` and `parse` of several files show their progress on standard error, as
    /// `convert` does (a line when done, and every few seconds when not on a terminal);
    /// `--quiet` silences it.
    @Test func longRunsShowTheirProgressOnStandardError() throws {
        let files = ["shiomigawa-gyokaku-01.txt", "shiomigawa-gyokaku-02.txt"].map { ParseCommandTests.corpus + "/" + $0 }
        let indexed = run(["index"] + files + ["--db", freshDatabase()])
        #expect(indexed.code == 0 && indexed.err.contains("2/2 件") && !indexed.out.contains("2/2 件"))
        #expect(!run(["index"] + files + ["--db", freshDatabase(), "--quiet"]).err.contains("2/2 件"))
        let parsed = run(["parse", "--format", "jsonl"] + files)
        #expect(parsed.code == 0 && parsed.err.contains("2/2 件") && parsed.out.split(separator: "\n").count == 2)
        #expect(!run(["parse", files[0]]).err.contains("1/1 件"))
    }

    /// `--format csv`: one row per hit with the JSON's fields, for Excel; a question's
    /// answers one per line in their cell. Read back with Python's `csv`.
    @Test func searchResultsGoToASpreadsheetAsCSV() throws {
        let db = freshDatabase()
        #expect(run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"]).code == 0)
        let json = run(["search", "保育", "--kind", "question", "--limit", "50", "--format", "json", "--db", db])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let hits = try #require(result["hits"] as? [[String: Any]])
        let csv = run(["search", "保育", "--kind", "question", "--limit", "50", "--format", "csv", "--csv-header", "en", "--db", db])
        #expect(csv.code == 0 && csv.out.hasPrefix("\u{FEFF}rank,score,kind,date,meeting,title,agenda_number"))
        // Rows end in CR LF, never shown as `\u{D}` (the terminal escaping did, in every CSV command).
        #expect(csv.out.contains("path,line,variants\r\n") && !csv.out.contains("\\u{D}"))
        #expect(!run(["decisions", "--format", "csv", "--db", db]).out.contains("\\u{D}"))
        guard Python.available else { return }
        let file = Repository.scratch.appendingPathComponent("gijiroku-search-\(UUID().uuidString).csv")
        try csv.out.write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import csv, sys
        rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
        assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
        print(len(rows) - 1, sum(1 for r in rows[1:] if r[2] == "question"), sum(1 for r in rows[1:] if r[12]), sum(1 for r in rows[1:] if "\\n" in r[12]))
        """
        let (status, out) = try Python.run(["-c", script, file.path])
        let withAnswers = hits.filter { !(($0["answers"] as? [Any]) ?? []).isEmpty }.count
        let severalAnswers = hits.filter { (($0["answers"] as? [Any]) ?? []).count > 1 }.count
        #expect(status == 0 && out == "\(hits.count) \(hits.count) \(withAnswers) \(severalAnswers)\n", "\(out)")
        #expect(!hits.isEmpty && withAnswers > 0)
    }

    /// A search, like an index run, leaves no `-wal` or `-shm` file beside the index.
    @Test func readingTheIndexLeavesNoLogFilesBehind() throws {
        let db = freshDatabase()
        #expect(run(["index", ParseCommandTests.corpus + "/shiomigawa-gyokaku-01.txt", "--db", db, "--quiet"]).code == 0)
        #expect(run(["search", "市長", "--db", db]).code == 0)
        #expect(run(["decisions", "--db", db]).code == 0)
        let folder = (db as NSString).deletingLastPathComponent
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func searchingWithoutAnIndexSaysWhatToDo() {
        let r = run(["search", "市長", "--db", freshDatabase()])
        #expect(r.code == 65)
        #expect(r.err.contains("gijiroku index"))
    }
}

/// `gijiroku speakers`.
@Suite struct SpeakersCommandTests {
    @Test func speakersAsTextJSONAndCSVAndUsageErrors() throws {
        let db = CLI.freshDatabase()
        #expect(CLI.run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"]).code == 0)
        let text = CLI.run(["speakers", "--db", db])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("田中一郎 議長（〇議長（田中一郎））: 2回"))
        let json = CLI.run(["speakers", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "speakers")
        #expect(CLI.run(["speakers", "--db", db, "--format", "csv", "--csv-header", "en"]).out.hasPrefix("\u{FEFF}meeting,year,label"))
        #expect(CLI.run(["speakers", "--db", db, "--format", "csv"]).out.hasPrefix("\u{FEFF}会議,年,発言者の表示,氏名,役職,発言回数"))
        #expect(CLI.run(["speakers", "extra", "--db", db]).code == 64)
        #expect(CLI.run(["speakers", "--since", "きのう", "--db", db]).code == 64)
        #expect(CLI.run(["speakers", "--db", CLI.freshDatabase()]).code == 65)
    }
}

/// `gijiroku index` shows the link refresh's progress after the files'.
@Suite struct IndexProgressTests {
    @Test func theLinkRefreshShowsItsProgressUnlessQuiet() {
        let plans = Repository.root.appendingPathComponent("Corpus/plans").path
        let shown = CLI.run(["index", ParseCommandTests.corpus, plans, "--db", CLI.freshDatabase()])
        #expect(shown.code == 0)
        #expect(shown.err.contains("リンク: 会議録の要素 "))
        #expect(shown.err.contains(" 要素、"))
        let quiet = CLI.run(["index", ParseCommandTests.corpus, plans, "--db", CLI.freshDatabase(), "--quiet"])
        #expect(!quiet.err.contains("リンク") && !quiet.err.contains("要素、"))
    }
}
