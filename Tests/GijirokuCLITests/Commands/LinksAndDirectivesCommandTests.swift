import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuCLI

/// `gijiroku links` and `gijiroku directives`, in-process, on a fresh index of the corpus.
@Suite struct LinksAndDirectivesCommandTests {
    static let root = Repository.root

    func run(_ arguments: [String]) -> CLI.Run { CLI.run(arguments) }

    /// A fresh index of the whole corpus: minutes, plans and other documents.
    func indexedCorpus() -> String {
        let db = Repository.scratch.appendingPathComponent("gijiroku-cli-\(UUID().uuidString)/index.sqlite").path
        let r = run(["index", Self.root.appendingPathComponent("Corpus").path, "--db", db, "--quiet"])
        precondition(r.code == 0, r.err)
        return db
    }

    @Test func aMeetingsLinksShowTheItemsAndTheEvidence() {
        let db = indexedCorpus()
        let r = run(["links", "shiomigawa-sogokeikaku-03.txt", "--db", db])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("[議題2] 基本計画第２章の進捗状況について"))
        #expect(r.out.contains("→ 2-1 若い世代の定住促進  根拠: 明示 第２章第１節"))
        #expect(r.out.contains("→ 関連する計画項目なし"))
        #expect(r.out.contains("shiomigawa-sogokeikaku-03.txt:87"))
        // Its items are in two of the plan's files, of different chapters: no plan is named.
        #expect(r.out.contains("4-1-1 ") && !r.out.contains("（shiomigawa-basic-plan"))
    }

    /// Every plan numbers its items from 1: an item shown beside another plan's item of the
    /// same chapter says its plan; alone, or beside other chapters, it does not.
    @Test func itemsOfTheSameChapterInTwoPlansSayWhichPlan() throws {
        let corpus = Self.root.appendingPathComponent("Corpus")
        let folder = Repository.scratch.appendingPathComponent("gijiroku-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("index.sqlite").path
        let files = [corpus.appendingPathComponent("minutes/shiomigawa-kosodate-01.txt").path,
                     corpus.appendingPathComponent("plans/shiomigawa-basic-plan-ch1-2.txt").path]
        #expect(run(["index"] + files + ["--db", db, "--quiet"]).code == 0)
        let element = ["links", "shiomigawa-kosodate-01.txt:53", "--explain", "--db", db]
        let alone = run(element)
        #expect(alone.code == 0 && alone.out.contains("2-1-2 住宅取得の支援  得点"), "\(alone.out)")
        let other = folder.appendingPathComponent("another-city-housing.txt")
        try """
         住まい
        住まいの安心
        第 2 章
        ◉住宅の耐震化を進めます。
        第１節　住宅の耐震化
        施策展開
        1 住宅の耐震診断
        ❖住宅の耐震診断と改修を民間事業者と進めます。
        """.write(to: other, atomically: true, encoding: .utf8)
        #expect(run(["index", other.path, "--db", db, "--quiet"]).code == 0)
        let both = run(element)
        #expect(both.out.contains("2-1-2 住宅取得の支援（shiomigawa-basic-plan-ch1-2.txt）  得点"), "\(both.out)")
        #expect(both.out.contains("（another-city-housing.txt）"), "\(both.out)")
        let english = CLI.run(element, language: .english)
        #expect(english.out.contains("2-1-2 住宅取得の支援 (in shiomigawa-basic-plan-ch1-2.txt)  score"), "\(english.out)")
        // The meeting's exchange is linked to both plans' 2-1-1.
        let meeting = run(["links", "shiomigawa-kosodate-01.txt", "--db", db]).out
        #expect(meeting.contains("2-1-1 住宅の耐震診断（another-city-housing.txt）"), "\(meeting)")
    }

    @Test func aPlanItemsLinksListTheMeetingsNewestFirst() {
        let db = indexedCorpus()
        let r = run(["links", "--plan", "4-1-2", "--db", db])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.hasPrefix("4-1-2 避難所運営体制の強化"))
        let dates = r.out.split(separator: "\n").compactMap { line -> String? in
            let s = String(line.prefix(10))
            return s.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil ? s : nil
        }
        #expect(dates.count >= 3)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func aPlansOverviewShowsHowOftenEachItemWasDiscussed() {
        let db = indexedCorpus()
        let r = run(["links", "shiomigawa-basic-plan-ch1-2.txt", "--db", db])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("    2-1-1 家賃補助制度の運用  16件（会議 6回、2019-02-14～2021-02-18）"))
        // A chapter counts what its sections and measures were linked to (each element once):
        // chapter 1 was never linked itself, but its measures were.
        #expect(r.out.contains("1 子どもと若い世代が住み続けたくなる都市づくり  12件（会議 7回、"))
        #expect(r.out.contains("  1-1 子育て環境の充実  12件"))
        #expect(r.out.contains("    1-1-1 保育サービスの拡充  8件"))
    }

    /// A meeting whose record gives no date (a page excerpt) is counted, and said to be
    /// undated beside the range of the dated ones, not left out of the range silently.
    @Test func aPlansOverviewCountsUndatedMeetingsBesideTheRange() throws {
        let db = CLI.freshDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        let corpus = (ParseCommandTests.corpus as NSString).deletingLastPathComponent
        let plan = folder + "/plan.txt", dated = folder + "/dated.txt", undated = folder + "/undated.txt"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: corpus + "/plans/shiomigawa-basic-plan-ch1-2.txt", toPath: plan)
        let minutes = try String(contentsOfFile: ParseCommandTests.corpus + "/shiomigawa-kosodate-02.txt", encoding: .utf8)
        try minutes.write(toFile: dated, atomically: true, encoding: .utf8)
        let withoutDate = minutes.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("【日 時】") }
        try withoutDate.joined(separator: "\n").write(toFile: undated, atomically: true, encoding: .utf8)
        #expect(run(["index", plan, dated, undated, "--db", db, "--quiet"]).code == 0)
        let r = run(["links", "plan.txt", "--db", db])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("（会議 2回、2019-04-22、日付不明 1回）"), "\(r.out)")
        let json = run(["links", "plan.txt", "--db", db, "--format", "json"])
        #expect(json.out.contains("\"undatedMeetings\":1") || json.out.contains("\"undatedMeetings\" : 1"))
    }

    @Test func linksUsageAndLookupErrorsSayWhatIsWrong() {
        let db = indexedCorpus()
        for (args, code) in [(["links", "--db", db], Int32(64)), (["links", "a.txt", "--plan", "1", "--db", db], 64),
                             (["links", "nothing.txt", "--db", db], 64), (["links", "--plan", "9-9-9", "--db", db], 64),
                             (["links", "shiomigawa-kosodate-01.txt", "--format", "xml", "--db", db], 64),
                             (["links", "shiomigawa-inspection-report-2017.txt", "--db", db], 64)] {
            let r = run(args)
            #expect(r.code == code, "\(args): \(r.err)")
            #expect(r.err.hasPrefix("gijiroku links: error:"), "\(args)")
            #expect(!r.err.contains("SQLite"), "\(args)")
        }
    }

    @Test func theDecisionsOfTheCorpusAsTextJSONAndCSV() throws {
        let db = indexedCorpus()
        let text = run(["decisions", "--db", db])
        #expect(text.code == 0)
        // The committee's 原案のとおり可決 and the mirror page's chair declaring the outcome.
        #expect(text.out.contains("原案のとおり可決した。"))
        #expect(text.out.contains("[可決・承認・異議なし]"))
        #expect(text.out.contains("shiomigawa-giunkai-2019-mirror.txt:"))
        let json = run(["decisions", "--format", "json", "--outcome", "approved", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "decisions")
        let list = try #require(object["decisions"] as? [[String: Any]])
        #expect(!list.isEmpty && list.allSatisfy { $0["outcome"] as? String == "approved" })
        // CSV headers and values in the message language (Japanese here), or as asked.
        let csv = run(["decisions", "--format", "csv", "--db", db])
        #expect(csv.out.hasPrefix("\u{FEFF}日付,会議,結果,採決方法,議題番号,議題,本文,ファイル,行\r\n"))
        #expect(csv.out.contains(",可決・承認,"))
        let english = run(["decisions", "--format", "csv", "--csv-header", "en", "--db", db])
        #expect(english.out.hasPrefix("\u{FEFF}date,meeting,outcome,method,agenda_number,agenda_title,text,path,line\r\n"))
        #expect(english.out.contains(",approved,"))
        #expect(run(["decisions", "--format", "csv", "--csv-header", "fr", "--db", db]).code == 64)
        #expect(run(["decisions", "--outcome", "maybe", "--db", db]).code == 64)
        #expect(run(["decisions", "extra", "--db", db]).code == 64)
    }

    @Test func theDirectiveRegisterAsTextJSONAndCSV() throws {
        let db = indexedCorpus()
        let text = run(["directives", "--as-of", "2021-06-30", "--db", db])
        #expect(text.code == 0)
        #expect(text.out.contains("市内企業と連携した奨学金返還支援制度について"))
        #expect(text.out.contains("期限: 次回の本部会議 → 2019-07-08"))
        #expect(text.out.contains("期限超過"))
        #expect(text.out.contains("担当: 財政局、環境局"))
        #expect(text.out.hasSuffix("14件（2021-06-30 時点）\n"))

        let json = run(["directives", "--status", "followed-up", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let list = try #require(object["directives"] as? [[String: Any]])
        #expect(list.count == 6)
        #expect(list.allSatisfy { ($0["followUps"] as? [Any])?.isEmpty == false })

        let csv = run(["directives", "--format", "csv", "--as-of", "2021-06-30", "--db", db])
        #expect(csv.out.hasPrefix("\u{FEFF}ID,会議,日付,指示者,指示事項,議題番号,議題,担当,期限,期限日,期限の注記,状況,"))
        #expect(run(["directives", "--format", "csv", "--csv-header", "en", "--db", db]).out.hasPrefix("\u{FEFF}id,meeting,date,issuer,directive"))
        guard Python.available else { return }
        let file = Repository.scratch.appendingPathComponent("gijiroku-directives-\(UUID().uuidString).csv")
        try csv.out.write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import csv, sys
        raw = open(sys.argv[1], "rb").read()
        assert raw.startswith(b"\\xef\\xbb\\xbf"), "no BOM"
        rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
        assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
        by_id = {r[0]: r for r in rows[1:]}
        print(len(rows) - 1, sum(1 for r in rows[1:] if r[11] == "期限超過"), sum(1 for r in rows[1:] if "\\n" in r[14]))
        """
        let (status, out) = try Python.run(["-c", script, file.path])
        // 14 directives, 3 overdue, and one with two follow-ups in one quoted cell.
        #expect(status == 0 && out == "14 3 1\n", "\(out)")
    }

    @Test func settingAStatusByHandThroughTheCommand() throws {
        let db = indexedCorpus()
        let json = run(["directives", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let first = try #require((object["directives"] as? [[String: Any]])?.first { ($0["text"] as? String)?.contains("広報紙") == true })
        let id = try #require(first["id"] as? String)
        let set = run(["directives", "set", id, "--status", "done", "--note", "広報戦略に統合", "--db", db])
        #expect(set.code == 0, "\(set.err)")
        let done = run(["directives", "--status", "done", "--db", db])
        #expect(done.out.contains("完了（手動）"))
        #expect(done.out.contains("メモ: 広報戦略に統合"))
        #expect(run(["directives", "set", id, "--clear", "--db", db]).code == 0)
        #expect(run(["directives", "--status", "done", "--db", db]).err.contains("該当する指示はありません"))
        for args in [["directives", "set", id, "--db", db], ["directives", "set", id, "--status", "finished", "--db", db],
                     ["directives", "set", "00000000", "--status", "done", "--db", db], ["directives", "--status", "closed", "--db", db],
                     ["directives", "--since", "きのう", "--db", db], ["directives", "extra", "--db", db]] {
            let r = run(args)
            #expect(r.code == 64, "\(args): \(r.err)")
            #expect(r.err.hasPrefix("gijiroku directives"), "\(args)")
        }
    }

    static var jsonschema: Bool { Python.hasJSONSchema }

    @Test(.enabled(if: jsonschema, "python3 with jsonschema is not installed (.ci/run installs it)"))
    func linksAndDirectivesJSONMatchTheirSchemas() throws {
        let db = indexedCorpus()
        let dir = Repository.scratch.appendingPathComponent("gijiroku-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var files: [String] = []
        for (name, args) in [("links", ["links", "shiomigawa-kosodate-01.txt"]), ("element", ["links", "shiomigawa-sogokeikaku-02.txt:73"]),
                             ("plan", ["links", "--plan", "2-1-1"]), ("overview", ["links", "shiomigawa-basic-plan-ch5.txt"]),
                             ("directives", ["directives", "--as-of", "2021-06-30"])] {
            let r = run(args + ["--format", "json", "--db", db])
            #expect(r.code == 0)
            let file = dir.appendingPathComponent(name + ".json").path
            try r.out.write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let (status, out) = try Python.validateSchemas(files)
        #expect(status == 0, "\(out)")
        #expect(out.contains("1 directives, 2 links, 1 plan-links, 1 plan-overview checked, 0 invalid"), "\(out)")
    }
}

/// `gijiroku links PATH:LINE --explain`.
@Suite struct LinksExplainCommandTests {
    @Test func explainShowsTheThresholdsAndEachCandidatesTerms() throws {
        let db = CLI.freshDatabase()
        let plans = Repository.root.appendingPathComponent("Corpus/plans").path
        _ = CLI.run(["index", ParseCommandTests.corpus, plans, "--db", db, "--quiet"])
        let text = CLI.run(["links", "shiomigawa-kosodate-01.txt:89", "--explain", "--db", db])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("リンクには得点 "))
        #expect(text.out.contains("→ ") && text.out.contains("リンク\n"))
        let json = CLI.run(["links", "shiomigawa-kosodate-01.txt:89", "--explain", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "link-explanation")
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(candidates.contains { $0["outcome"] as? String == "linked" })
        // The linked items are the ones `links` shows for the element.
        let shown = CLI.run(["links", "shiomigawa-kosodate-01.txt:89", "--format", "json", "--db", db]).out
        let report = try #require(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        let links = ((report["elements"] as? [[String: Any]])?.first?["links"] as? [[String: Any]]) ?? []
        let linkedIDs = Set(links.compactMap { ($0["item"] as? [String: Any])?["id"] as? String })
        let explainedIDs = Set(candidates.filter { $0["outcome"] as? String == "linked" }.compactMap { ($0["item"] as? [String: Any])?["id"] as? String })
        #expect(!linkedIDs.isEmpty && linkedIDs == explainedIDs)
        #expect(CLI.run(["links", "shiomigawa-kosodate-01.txt", "--explain", "--db", db]).code == 64)
        #expect(CLI.run(["links", "--plan", "2-1-1", "--explain", "--db", db]).code == 64)
    }

    /// The real 2018 minutes: a question that quotes a part of the explanation is read with
    /// that part, which the explanation lists under the agenda title.
    @Test(.enabled(if: Repository.hasReference, "../shared/reference is not present beside this clone"))
    func explainListsThePartsOfTheExplanationAQuestionQuotes() throws {
        let db = CLI.freshDatabase()
        _ = CLI.run(["index", Repository.reference.path, "--db", db, "--quiet"])
        let text = CLI.run(["links", "minutes-2018-11-saitama-plan-hq.txt:236", "--explain", "--db", db])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("""
               文脈: さいたま市次期総合振興計画策定基本方針案について（この語の重み 0.50）
               引用している説明の箇所（文脈として同じ重みで読む）:
                  「４．予算・組織との連動」について
                  計画の推進にあたり予算と組織との連携について、より強化を図る。
            """), "\(text.out)")
        #expect(text.out.contains("→ 2-1-2 "), "\(text.out)")
        let json = CLI.run(["links", "minutes-2018-11-saitama-plan-hq.txt:236", "--explain", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect((object["passages"] as? [String])?.first == "「４．予算・組織との連動」について")
        // An exchange that quotes nothing of it has none.
        let plain = CLI.run(["links", "minutes-2018-11-saitama-plan-hq.txt:232", "--explain", "--format", "json", "--db", db])
        let other = try #require(try JSONSerialization.jsonObject(with: Data(plain.out.utf8)) as? [String: Any])
        #expect((other["passages"] as? [String]) == [])
    }
}
