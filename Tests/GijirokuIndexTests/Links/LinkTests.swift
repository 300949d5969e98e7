import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
import GijirokuInput
import GijirokuEvaluation
@testable import GijirokuIndex

/// Links from minutes elements to plan items.
@Suite struct LinkTests {
    static let gold = TestFiles.root.appendingPathComponent("Corpus/gold/links.json").path

    /// The bar, set from what was measured on the gold file (precision 0.871, recall 0.762
    /// with the thresholds in use): a change that makes the linker worse fails here.
    @Test func linkerMeetsTheBarOnTheGoldFile() throws {
        let r = try LinkEvaluation.run(gold: Self.gold)
        print(String(format: "links on the gold file: precision@3 %.3f, recall@3 %.3f (%d of %d links right, %d of %d gold pairs found)",
                     r.precision, r.recall, r.correct, r.predicted, r.correct, r.goldPairs))
        #expect(r.goldPairs >= 40)
        #expect(r.emptyElements >= 10)
        // Measured on the final linker (katakana words whole, generic words no evidence,
        // thresholds chosen on both gold sets at once): 0.900 / 0.787 (0.899 / 0.775 before parser revisions 5-7).
        #expect(r.precision >= 0.88, "precision@3 \(r.precision): \(r.mistakes.joined(separator: "\n"))")
        #expect(r.recall >= 0.77, "recall@3 \(r.recall): \(r.mistakes.joined(separator: "\n"))")
        #expect(r.emptyCorrect >= r.emptyElements - 2, "elements that should link to nothing: \(r.emptyCorrect) of \(r.emptyElements)")
    }

    /// The gold set judged on the real reference minutes and plan (skipped without ../shared).
    static let referenceGold = TestFiles.root.appendingPathComponent("Corpus/gold/links-reference.json").path

    @Test(.enabled(if: (try? LinkEvaluation.root(of: referenceGold)) != nil, "../shared/reference is not here"))
    func linkerMeetsTheBarOnTheRealReferenceDocuments() throws {
        let r = try LinkEvaluation.run(gold: Self.referenceGold)
        print(String(format: "links on the reference gold: precision@3 %.3f, recall@3 %.3f", r.precision, r.recall))
        #expect(r.elements == 21 && r.emptyElements == 12)
        // Measured 0.667 / 0.429 (0.625 / 0.357 before exchanges were read with the parts of
        // the explanation they quote, 0.500 before chapters with sections were linked only
        // where named, 0.556 before a suffix's bigram stopped being a plan term): far below
        // the 0.85 the issue asks for (see the README).
        #expect(r.precision >= 0.66, "\(r.mistakes.joined(separator: "\n"))")
        #expect(r.recall >= 0.42, "\(r.mistakes.joined(separator: "\n"))")
        #expect(r.emptyCorrect == r.emptyElements, "elements that should link to nothing: \(r.emptyCorrect) of \(r.emptyElements)")
        // Not the evidence the issue names: アップ from フォローアップ.
        #expect(!r.mistakes.contains { $0.contains(":35 agenda: +2-2 ") })
    }

    @Test func theGoldFileCoversAtLeastEightMinutesWithElementsThatLinkToNothing() throws {
        struct Gold: Decodable { struct E: Decodable { var file: String; var items: [String] }; var elements: [E] }
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: URL(fileURLWithPath: Self.gold)))
        let linked = Set(gold.elements.filter { !$0.items.isEmpty }.map(\.file))
        #expect(linked.count >= 8)
        #expect(gold.elements.contains { $0.items.isEmpty })
    }

    @Test func numberedReferencesNameItems() {
        #expect(PlanReferences.numbered(in: "基本計画第１章第１節「子育て環境の充実」の施策").map(\.id) == ["1-1"])
        #expect(PlanReferences.numbered(in: "基本計画第２章の進捗状況について").map(\.id) == ["2"])
        #expect(PlanReferences.numbered(in: "第三章では、第二節の施策を").map(\.id) == ["3", "3-2"])
        #expect(PlanReferences.numbered(in: "施策2-1-3 と 施策４－２－１").map(\.id) == ["2-1-3", "4-2-1"])
        #expect(PlanReferences.numbered(in: "第３回本部会議で").isEmpty)
        #expect(PlanReferences.quoted(in: "施策「公共施設の脱炭素化」に基づき") == ["公共施設の脱炭素化"])
    }

    @Test func explicitReferencesRankFirstWithTheWordsThatSayIt() throws {
        let (index, _) = try Self.corpus()
        let report = try index.links(from: "shiomigawa-sogokeikaku-03.txt")
        let agenda2 = try #require(report.elements.first { $0.kind == "agenda" && $0.agendaNumber == 2 })
        #expect(agenda2.links.first?.item.id == "2-1")
        #expect(agenda2.links.first?.reference == "第２章第１節")
        let agenda3 = try #require(report.elements.first { $0.kind == "agenda" && $0.agendaNumber == 3 })
        #expect(agenda3.links.first?.item.id == "3-1-2")
        #expect(agenda3.links.first?.reference == "「公共施設の脱炭素化」")
        #expect(agenda3.links.first?.terms.contains("太陽光発電設備") == true)
    }

    @Test func anElementIsFoundByPathAndAnyLineInsideIt() throws {
        let (index, _) = try Self.corpus()
        let r = try index.links(from: "shiomigawa-sogokeikaku-02.txt:75")   // the second line of the directive at 73
        #expect(r.elements.count == 1)
        #expect(r.elements[0].kind == "directive")
        #expect(r.elements[0].location.hasSuffix("shiomigawa-sogokeikaku-02.txt:73"))
        #expect(r.elements[0].links.map(\.item.id) == ["1-1-1"])
        #expect(throws: IndexError.self) { try index.links(from: "shiomigawa-sogokeikaku-02.txt:2") }
        #expect(throws: IndexError.self) { try index.links(from: "no-such-file.txt") }
    }

    @Test func aPathTypedWithDotsOrRelativeToTheFolderFindsTheIndexedDocument() throws {
        let (index, _) = try Self.corpus()
        // The index stores canonical paths; a user types the path the way the shell shows it.
        let dotted = TestFiles.corpus.appendingPathComponent("../minutes/./shiomigawa-sogokeikaku-02.txt").path
        #expect(try index.links(from: dotted + ":75").elements.map(\.links.first?.item.id) == ["1-1-1"])
        let folder = FileManager.default.currentDirectoryPath
        let file = TestFiles.corpus.appendingPathComponent("shiomigawa-sogokeikaku-02.txt").path
        if file.hasPrefix(folder + "/") {
            let relative = "./" + file.dropFirst(folder.count + 1)
            #expect(try index.links(from: relative + ":75").elements.count == 1)
        }
        // A file that exists but was never indexed is still not found.
        #expect(throws: IndexError.self) { try index.links(from: TestFiles.root.appendingPathComponent("README.md").path) }
    }

    @Test func aPlanItemListsEveryElementThatDiscussedItNewestFirst() throws {
        let (index, _) = try Self.corpus()
        let r = try index.links(toItem: "2-1-1")
        #expect(r.item.title == "家賃補助制度の運用")
        #expect(r.elements.count >= 8)
        let dates = r.elements.compactMap(\.document.date)
        #expect(dates == dates.sorted(by: >))
        #expect(r.elements.contains { $0.kind == "directive" && $0.text.contains("家賃補助制度の周知") })
    }

    @Test func minutesIndexedBeforeAnyPlanGetLinksOnceAPlanIsIndexed() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let index = try SearchIndex(path: path)
        let minutes = TestFiles.minutesAndPlans.filter { $0.contains("/minutes/") }
        let first = index.index(files: minutes)
        #expect(first.links?.planItems == 0)
        let before = try index.links(from: "shiomigawa-kosodate-01.txt")
        #expect(before.note != nil)
        #expect(before.elements.allSatisfy { $0.links.isEmpty })
        let second = index.index(files: TestFiles.minutesAndPlans)
        #expect((second.links?.added ?? 0) > 0)
        let after = try index.links(from: "shiomigawa-kosodate-01.txt")
        #expect(after.note == nil)
        #expect(after.elements.contains { $0.links.contains { $0.item.id == "2-1-1" } })
    }

    @Test func unchangedLinksKeepTheirIDsWhenDocumentsChange() throws {
        let copy = try TestFiles.corpusCopy()
        let index = try SearchIndex(path: copy.appendingPathComponent("i.sqlite").path)
        _ = index.index(files: try TestFiles.files(in: copy))
        func ids() throws -> [String: Int] {
            let s = try index.database.prepare("SELECT path || ':' || line || ':' || plan_path || '#' || item, id FROM links")
            try s.bind([])
            var out: [String: Int] = [:]
            while try s.step() { out[s.string(0)!] = s.int(1)! }
            return out
        }
        let before = try ids()
        #expect(before.count > 40)
        // One meeting gains an その他 item; another meeting is removed.
        let changed = copy.appendingPathComponent("minutes/shiomigawa-sogokeikaku-04.txt")
        try (String(contentsOf: changed, encoding: .utf8) + "○避難所の開設訓練は、来年度も継続する。 \n\n").write(to: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("minutes/shiomigawa-bosai-2016-01.txt"))
        let report = index.index(files: try TestFiles.files(in: copy), prune: true)
        #expect(report.updated.count == 1)
        #expect(report.removed.count == 1)
        let after = try ids()
        for (key, id) in before where !key.contains("bosai-2016-01") {
            if let now = after[key] { #expect(now == id, "\(key)") }
        }
        #expect(!after.keys.contains { $0.contains("bosai-2016-01") })
        #expect(after.keys.contains { $0.contains("sogokeikaku-04.txt:75:") && $0.contains("#4-1-") })   // the new item
        // Most links survive the change unchanged.
        #expect(before.keys.filter { after[$0] == before[$0] }.count >= before.count * 8 / 10)
    }

    @Test func aPlanWithNoMeasuresLinksToItsSections() throws {
        let dir = try TestFiles.temporaryFolder()
        let plan = dir.appendingPathComponent("bosai-plan.txt")
        try """
         安全と安心
        災害に強く安心して暮らせる都市づくり

        第 4 章

        ◉地震や風水害に備え、地域の防災力を高めます。

        第１節　地域防災力の向上
         第 1 節 地域防災力の向上

        現状と課題
        ●自主防災組織の担い手の高齢化が進み、避難所運営マニュアルの見直しも遅れています。
        """.write(to: plan, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let minutes = TestFiles.minutesAndPlans.filter { $0.contains("/minutes/") }
        let report = index.index(files: [plan.path] + minutes)
        #expect(report.failed.isEmpty)
        let items = try index.loadCatalog(units: index.storedUnits()).items
        #expect(items.map(\.id) == ["4", "4-1"])
        let r = try index.links(from: "shiomigawa-bosai-2016-01.txt")
        let manual = try #require(r.elements.first { $0.kind == "agenda" && $0.agendaNumber == 2 })
        #expect(manual.links.map(\.item.id) == ["4-1"])
    }

    @Test func itemIDsAreScopedByTheirPlan() throws {
        let copy = try TestFiles.corpusCopy()
        let second = copy.appendingPathComponent("plans/shiomigawa-basic-plan-ch1-2-revised.txt")
        try FileManager.default.copyItem(at: copy.appendingPathComponent("plans/shiomigawa-basic-plan-ch1-2.txt"), to: second)
        let index = try SearchIndex(path: copy.appendingPathComponent("i.sqlite").path)
        _ = index.index(files: try TestFiles.files(in: copy))
        #expect {
            try index.links(toItem: "2-1-1")
        } throws: { error in
            let e = error as? IndexError
            guard case .planItemAmbiguous(_, let candidates)? = e?.kind else { return false }
            return candidates.contains { $0.hasPrefix(copy.appendingPathComponent("plans/shiomigawa-basic-plan-ch1-2-revised.txt").path + "#2-1-1") }
        }
        let one = try index.links(toItem: "shiomigawa-basic-plan-ch1-2-revised.txt#2-1-1")
        let other = try index.links(toItem: "shiomigawa-basic-plan-ch1-2.txt#2-1-1")
        #expect(one.plan.path != other.plan.path)
        #expect(!one.elements.isEmpty && !other.elements.isEmpty)
    }

    /// Scoring that stops meeting new items once they cannot reach the minimum gives the
    /// links (items, order, scores) that scoring every item gives: on the corpus's plans, and
    /// on thirty copies of them, where a common term's items are thirty times as many.
    @Test func linksScoredStrongestTermFirstAreTheLinksOfEveryItemScored() throws {
        let (index, _) = try Self.corpus()
        let units = try index.storedUnits()
        let catalog = try index.loadCatalog(units: units)
        var copies: [PlanCatalog.Item] = []
        for k in 0..<30 { copies += catalog.items.map { var item = $0; item.planPath += "-\(k)"; return item } }
        let background = units.map { ContentTerms.bigrams(of: $0.unit.text) }
        var compared = 0
        for catalogue in [catalog, PlanCatalog(items: copies, background: background)] {
            let pruning = PlanLinker(catalog: catalogue)
            var exhaustive = PlanLinker(catalog: catalogue)
            exhaustive.prunes = false
            for (path, unit) in units {
                let a = pruning.links(for: unit), b = exhaustive.links(for: unit)
                #expect(a.map(\.item) == b.map(\.item) && a.map(\.score) == b.map(\.score) && a.map(\.terms) == b.map(\.terms),
                        "\(path):\(unit.lines.start)")
                compared += a.count
            }
        }
        #expect(compared > 100)
    }

    /// At most three items are linked, strongest first, and of equal scores the one first in
    /// the catalogue; an explicit reference takes the first place and leaves two.
    @Test func theThreeStrongestItemsAreLinkedStrongestFirst() {
        func item(_ plan: String, _ title: String, _ bullets: [String]) -> PlanCatalog.Item {
            PlanCatalog.Item(planPath: plan, planTitle: nil, id: "1", level: "chapter", title: title, bullets: bullets)
        }
        let items = [
            item("a.txt", "道路の維持補修", ["舗装を更新する"]),
            item("b.txt", "保育所の整備", ["待機児童を解消する"]),
            item("c.txt", "保育所の整備", ["待機児童を解消する"]),
            item("d.txt", "保育所の整備と待機児童", ["待機児童を解消する", "保育士を確保する"]),
            item("e.txt", "保育所の整備", ["待機児童を解消する"]),
        ]
        var linker = PlanLinker(catalog: PlanCatalog(items: items))
        linker.minimumScore = 0
        linker.relativeScore = 0
        let unit = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "保育所の整備で待機児童を解消し、保育士を確保する")
        let ranked = linker.scores(for: unit).filter { $0.score > 0 }
        #expect(ranked.count == 4)
        #expect(linker.links(for: unit).map(\.item) == ranked.prefix(3).map(\.item))
        #expect(linker.links(for: unit).map(\.item) == [3, 1, 2])
        let named = LinkUnit(kind: .other, lines: LineRange(1, 1), text: unit.text + "。「道路の維持補修」も急ぐ")
        #expect(linker.links(for: named).map(\.item) == [0, 3, 1])
    }

    /// A chapter with sections or measures below it is linked where a unit names it, never
    /// by shared words alone (its text spans its whole field); a chapter with nothing below
    /// it is linked as any item is.
    @Test func aChapterWithSectionsIsLinkedOnlyWhereAUnitNamesIt() {
        func item(_ plan: String, _ id: String, _ level: String, _ title: String, _ bullets: [String]) -> PlanCatalog.Item {
            PlanCatalog.Item(planPath: plan, planTitle: nil, id: id, level: level, title: title, bullets: bullets)
        }
        let divided = [
            item("a.txt", "1", "chapter", "子育てと教育", ["保育所の整備で待機児童を解消し、保育士を確保します"]),
            item("a.txt", "1-1", "section", "学校教育の充実", ["学力の向上を図ります"]),
        ]
        let whole = [item("b.txt", "1", "chapter", "保育所の整備", ["待機児童を解消します"])]
        var linker = PlanLinker(catalog: PlanCatalog(items: divided + whole))
        linker.minimumScore = 0
        linker.relativeScore = 0
        let unit = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "保育所の整備で待機児童を解消し、保育士を確保する")
        // The divided chapter shares the words and scores.
        #expect(linker.scores(for: unit).contains { $0.item == 0 && $0.score > 1 })
        #expect(linker.links(for: unit).map(\.item) == [2])
        var alone = PlanLinker(catalog: PlanCatalog(items: divided))
        alone.minimumScore = 0
        alone.relativeScore = 0
        #expect(alone.links(for: unit).isEmpty)
        let named = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "基本計画第１章の" + unit.text)
        #expect(alone.links(for: named).map(\.item) == [0] && alone.links(for: named).first?.reference != nil)
    }

    /// One written reference names one item. Where several plans have a 第１章第１節, it is
    /// the one whose words the element uses; where none fits better, the plan indexed first.
    @Test func aReferenceSeveralPlansShareNamesThePlanTheElementIsAbout() {
        func item(_ plan: String, _ id: String, _ level: String, _ title: String, _ bullets: [String]) -> PlanCatalog.Item {
            PlanCatalog.Item(planPath: plan, planTitle: nil, id: id, level: level, title: title, bullets: bullets)
        }
        let items = [
            item("kosodate.txt", "1", "chapter", "子育て支援", []),
            item("kosodate.txt", "1-1", "section", "保育所の整備", ["待機児童を解消する"]),
            item("doro.txt", "1", "chapter", "道路網", []),
            item("doro.txt", "1-1", "section", "道路の維持補修", ["舗装を更新する"]),
        ]
        let linker = PlanLinker(catalog: PlanCatalog(items: items))
        func linked(_ text: String) -> [String] {
            linker.links(for: LinkUnit(kind: .other, lines: LineRange(1, 1), text: text))
                .filter { $0.reference != nil }.map { "\(items[$0.item].planPath)#\(items[$0.item].id)" }
        }
        #expect(linked("第１章第１節の保育所整備で待機児童を解消する") == ["kosodate.txt#1-1"])
        #expect(linked("第１章第１節の舗装更新を急ぐ") == ["doro.txt#1-1"])
        #expect(linked("第１章第１節について報告があった") == ["kosodate.txt#1-1"])
        // 第１章 is the roads plan's here, and its section is named too: the section alone.
        #expect(linked("第１章と「道路の維持補修」") == ["doro.txt#1-1"])
    }

    /// Fictional minutes that name 第１章第１節 of their own city's plan are not linked to the
    /// section of that number in another city's plan indexed beside it.
    @Test func minutesNamingASectionLinkToTheirOwnPlanWhenAnotherCitysIsIndexed() throws {
        let copy = try TestFiles.corpusCopy()
        try """
         道路と交通
        安全で快適な道路網の整備
        第 1 章
        ◉幹線道路の渋滞を解消し、歩道の段差をなくします。
        第１節　道路の維持補修
        施策展開
        1 舗装の計画的な更新
        ❖幹線道路の舗装を計画的に更新します。
        """.write(to: copy.appendingPathComponent("plans/another-city-roads.txt"), atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: copy.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: try TestFiles.files(in: copy)).failed.isEmpty)
        let report = try index.links(from: "shiomigawa-sogokeikaku-02.txt")
        let agenda = try #require(report.elements.first { $0.kind == "agenda" && $0.agendaNumber == 1 })
        let named = agenda.links.filter { $0.reference == "第１章第１節" }
        #expect(named.count == 1)
        #expect(named.first?.plan.path.hasSuffix("plans/shiomigawa-basic-plan-ch1-2.txt") == true)
        #expect(!agenda.links.contains { $0.plan.path.hasSuffix("another-city-roads.txt") })
    }

    /// A link's evidence is the words of the element's text: a run of shared bigrams with the
    /// generic ones joined to it (`事務事業`, not `務事業`; `定住促進`, not `定住促`), and
    /// nothing shifted by a generic bigram before it (`体制` in `保育推進体制`, not `進体`).
    @Test func aLinksEvidenceIsTheWordsAsTheTextHasThem() {
        let items = [PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1-1", level: "measure", title: "保育体制の充実",
                                      bullets: ["事務事業の見直しと定住促進を進める"])]
        let linker = PlanLinker(catalog: PlanCatalog(items: items))
        let terms = linker.sharedTerms(PlanLinker.Evidence(texts: ["保育推進体制と事務事業、定住促進について"], words: .shipped), 0)
        #expect(Set(terms) == ["保育", "体制", "事務事業", "定住促進"])
        // --explain names each bigram as it stands in the text.
        let unit = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "保育推進体制と事務事業、定住促進について")
        let shown = Set(linker.explain(unit).candidates.flatMap { $0.terms.map(\.text) })
        #expect(shown.isSuperset(of: ["保育", "体制", "務事", "事業", "定住", "住促"]) && !shown.contains("進体"), "\(shown)")
    }

    static func corpus() throws -> (SearchIndex, String) {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("index.sqlite").path
        let index = try SearchIndex(path: path)
        let report = index.index(files: TestFiles.minutesAndPlans)
        precondition(report.failed.isEmpty, "\(report.failed)")
        return (index, path)
    }
}

/// An index made before links existed (schema version 1) is migrated when opened for
/// writing, and its minutes are read again on the next run so they get their links.
@Suite struct LinkMigrationTests {
    @Test func aVersionOneIndexIsMigratedAndItsMinutesAreReadAgain() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        do {
            let index = try SearchIndex(path: path)
            _ = index.index(files: TestFiles.minutesAndPlans)
            // What version 1 had: version 2's ids, and no units, links or statuses.
            try index.database.execute(RenumberingMigrationTests.versionTwo
                + "DROP TABLE units; DROP TABLE links; DROP TABLE directive_status; PRAGMA user_version = 1")
        }
        #expect(throws: IndexError.self) { try SearchIndex(path: path, readOnly: true) }   // says to run gijiroku index
        let index = try SearchIndex(path: path)
        #expect(try Schema.userVersion(index.database) == Schema.version)
        let report = index.index(files: TestFiles.minutesAndPlans)
        let minutes = TestFiles.minutesAndPlans.filter { $0.contains("/minutes/") }
        #expect(Set(report.updated) == Set(minutes))
        #expect((report.links?.added ?? 0) > 40)
        #expect(try index.search(SearchQuery(parsing: "保育士")).total > 0)
    }
}

/// An index of version 2, whose element ids carried a length in their low 4 bits, is
/// renumbered when opened for writing and finds and ranks exactly as before.
@Suite struct RenumberingMigrationTests {
    /// What version 2 had: id = sequence << 4 | a length bucket, no length table and no
    /// pending mark.
    static let versionTwo = DirectiveMigrationTests.versionThree + """
        DROP TABLE element_lengths;
        ALTER TABLE statistics DROP COLUMN full_text_pending;
        UPDATE elements SET id = -(id * 16 + length(body) % 16);
        UPDATE elements SET id = -id;
        UPDATE documents SET first_element = first_element * 16 + 3, last_element = last_element * 16 + 9;
        INSERT INTO elements_fts(elements_fts) VALUES('rebuild');
        """

    @Test func aVersionTwoIndexIsRenumberedAndSearchesTheSame() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let queries = ["保育士", "市長", "\"待機児童\"", "予算 OR 財源", "市"]
        var before: [[String]] = []
        do {
            let index = try SearchIndex(path: path)
            _ = index.index(files: TestFiles.minutesAndPlans)
            // Before version 7 a file was one record: the meetings after a page's first are
            // not in the simulated index, and their hits are not expected after it.
            let later = try index.database.prepare("SELECT path, first_line, coalesce(last_line, 1000000) FROM documents WHERE part >= 2")
                .allRows([]) { (path: $0.string(0) ?? "", lines: ($0.int(1) ?? 0)...($0.int(2) ?? 0)) }
            func inLaterMeeting(_ location: String) -> Bool {
                let cut = location.lastIndex(of: ":")!
                return later.contains { $0.path == location[..<cut] && $0.lines.contains(Int(location[location.index(after: cut)...]) ?? 0) }
            }
            before = try queries.map { try index.search(SearchQuery(parsing: $0)).hits.map { "\($0.location) \($0.kind)" }
                .filter { !inLaterMeeting(String($0.split(separator: " ")[0])) } }
            try index.database.execute(Self.versionTwo + "PRAGMA user_version = 2;")
        }
        #expect(throws: IndexError.self) { try SearchIndex(path: path, readOnly: true) }   // says to run gijiroku index
        let index = try SearchIndex(path: path)
        #expect(try Schema.userVersion(index.database) == Schema.version)
        // (A hit of a later meeting left out of `before` lets one more in at the end of a page.)
        let after = try zip(queries, before).map { query, expected in
            try index.search(SearchQuery(parsing: query)).hits.map { "\($0.location) \($0.kind)" }.prefix(expected.count).map { $0 }
        }
        // Version 2 had no kind for an utterance (speech came in version 5): the simulated
        // version-2 rows keep their place, and the kind its three bits can hold.
        #expect(after.map { $0.map { $0.split(separator: " ").first! } } == before.map { $0.map { $0.split(separator: " ").first! } })
        #expect(zip(after.joined(), before.joined()).allSatisfy { a, b in a == b || b.hasSuffix(" speech") })
        #expect(before.allSatisfy { !$0.isEmpty })
        let maxID = try index.database.prepare("SELECT max(id) FROM elements").firstRow([]) { $0.int(0) } ?? nil
        #expect(try ElementLengths.load(from: index.database).count == (maxID ?? 0) + 1)
        // Plans are complete as renumbered; minutes are read again for their attendance fields.
        let again = index.index(files: TestFiles.minutesAndPlans)
        #expect(Set(again.unchanged) == Set(TestFiles.minutesAndPlans.filter { $0.contains("/plans/") }))
        #expect(Set(again.updated) == Set(TestFiles.minutesAndPlans.filter { $0.contains("/minutes/") }))
    }
}

/// A stored unit reads back the same text the parser's record gives, so links made at
/// indexing time and the evaluation see the same thing.
@Suite struct StoredUnitTests {
    @Test func storedUnitsEqualTheUnitsOfTheParsedMinutes() throws {
        let (index, _) = try LinkTests.corpus()
        let stored = try index.storedUnits()
        for path in TestFiles.minutesAndPlans where path.contains("/minutes/") && path.hasSuffix(".txt") {
            guard case .minutes(let m) = try SourceFile(path: path).parse() else { continue }
            let expected = LinkUnit.units(of: m).map { "\($0.kind.rawValue)@\($0.lines.start)-\($0.lines.end): \($0.text)" }
            let found = stored.filter { $0.path == path }.map { "\($0.unit.kind.rawValue)@\($0.unit.lines.start)-\($0.unit.lines.end): \($0.unit.text)" }
            #expect(found.sorted() == expected.sorted(), "\(path)")
        }
    }

    /// A unit is known by its first line: agenda items that the extraction ran into one line
    /// are one unit, their titles in order, as stored and as parsed.
    @Test func agendaItemsOnOneLineAreOneUnit() throws {
        var m = Minutes(source: SourceInfo(path: "runon.txt", sha256: "", encoding: .utf8, lineCount: 4))
        m.agenda = [AgendaItem(number: 1, label: "1.", title: "議案等について", lines: LineRange(3)),
                    AgendaItem(number: 2, label: "2.", title: "発議案について", lines: LineRange(3)),
                    AgendaItem(number: 3, label: "3.", title: "その他", lines: LineRange(3, 4))]
        let units = LinkUnit.units(of: m)
        #expect(units.count == 1)
        #expect(units.first?.text == "議案等について\n発議案について\nその他")
        #expect(units.first?.lines == LineRange(3, 4) && units.first?.agendaNumber == nil)
    }

    @Test func anUnnumberedAgendaItemKeepsItsTitle() throws {
        let dir = try TestFiles.temporaryFolder()
        let file = dir.appendingPathComponent("unnumbered.txt")
        try """
        ■第１回汐見川市図書館サービス推進本部会議 議事概要
        【日 時】 令和2年1月10日  午前１０時～午前１１時
        【場 所】 中央図書館 会議室
        ＜議題説明＞
        議題「図書館の開館時間延長について」事務局から次のような説明があった。
        ○平日の閉館時刻を午後８時まで延ばす案を検討している。
        """.split(separator: "\n").map { $0 + " \n\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
        guard case .minutes(let m) = try SourceFile(path: file.path).parse() else { Issue.record("not minutes"); return }
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        _ = index.index(files: [file.path])
        let expected = LinkUnit.units(of: m).map(\.text)
        #expect(try index.storedUnits().map(\.unit.text) == expected)
        #expect(m.agenda.first?.number == nil)
        #expect(expected.first?.hasPrefix("図書館の開館時間延長について\n") == true)
    }
}

/// An index of version 3 read the meeting body, a directive's deadline and its responsible
/// bodies again from the text at every query; version 4 stores what the parser read. A
/// version 3 index is migrated when opened for writing, its minutes are read again, and the
/// register is the same as one built afresh.
@Suite struct DirectiveMigrationTests {
    /// What version 6 had: one document per file, its path unique (a page of several
    /// meetings was one record). Rebuilt with foreign keys off, as the migration is.
    static let versionSix = """
        PRAGMA foreign_keys = OFF;
        CREATE TABLE documents_v6 (
            id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, kind TEXT NOT NULL, title TEXT, session INTEGER,
            date TEXT, encoding TEXT NOT NULL, warnings INTEGER NOT NULL, indexed_at INTEGER NOT NULL, first_element INTEGER,
            last_element INTEGER, total_length INTEGER NOT NULL DEFAULT 0, meeting TEXT);
        INSERT INTO documents_v6 SELECT id, path, sha256, kind, title, session, date, encoding, warnings, indexed_at,
            first_element, last_element, total_length, meeting FROM documents WHERE part <= 1;
        DELETE FROM elements WHERE document_id NOT IN (SELECT id FROM documents_v6);
        DELETE FROM agenda WHERE document_id NOT IN (SELECT id FROM documents_v6);
        DELETE FROM units WHERE document_id NOT IN (SELECT id FROM documents_v6);
        DROP TABLE documents;
        ALTER TABLE documents_v6 RENAME TO documents;
        INSERT INTO elements_fts(elements_fts) VALUES('rebuild');
        PRAGMA foreign_keys = ON;

        """

    /// What version 3 had: none of the columns version 4 added.
    static let versionThree = versionSix + """
        UPDATE elements SET style = (style & 15) | ((style >> 4) << 3);
        ALTER TABLE elements DROP COLUMN speaker;
        ALTER TABLE elements DROP COLUMN outcome;
        ALTER TABLE elements DROP COLUMN method;
        ALTER TABLE documents DROP COLUMN meeting;
        ALTER TABLE units DROP COLUMN deadline_text;
        ALTER TABLE units DROP COLUMN deadline_basis;
        ALTER TABLE units DROP COLUMN deadline_date;
        ALTER TABLE units DROP COLUMN deadline_problem;
        ALTER TABLE units DROP COLUMN responsible;

        """

    @Test func aVersionThreeIndexIsMigratedAndItsRegisterIsUnchanged() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let fresh = try SearchIndex(path: try TestFiles.temporaryFolder().appendingPathComponent("f.sqlite").path)
        _ = fresh.index(files: TestFiles.minutesAndPlans)
        let expected = try fresh.directives(DirectiveFilter(asOf: "2021-06-30"))
        #expect(expected.directives.contains { $0.deadline?.date != nil } && expected.directives.contains { !$0.responsible.isEmpty })
        do {
            let index = try SearchIndex(path: path)
            _ = index.index(files: TestFiles.minutesAndPlans)
            try index.database.execute(Self.versionThree + "PRAGMA user_version = 3;")
        }
        #expect(throws: IndexError.self) { try SearchIndex(path: path, readOnly: true) }   // says to run gijiroku index
        let index = try SearchIndex(path: path)
        #expect(try Schema.userVersion(index.database) == Schema.version)
        let report = index.index(files: TestFiles.minutesAndPlans)
        #expect(Set(report.updated) == Set(TestFiles.minutesAndPlans.filter { $0.contains("/minutes/") }))
        #expect(try index.directives(DirectiveFilter(asOf: "2021-06-30")) == expected)
    }
}

/// The linker compares folded terms: word variants are one term, character variants one character.
@Suite struct LinkVariantTests {
    @Test func everySpellingOfAWordGivesTheSameTerms() {
        let terms = ["子どもの居場所", "子供の居場所", "こどもの居場所"].map { ContentTerms.bigrams(of: $0) }
        #expect(terms[0] == terms[1] && terms[1] == terms[2])
        #expect(ContentTerms.bigrams(of: "髙橋副市長") == ContentTerms.bigrams(of: "高橋副市長"))
        #expect(ContentTerms.bigrams(of: "⽇程") == ContentTerms.bigrams(of: "日程"))
        #expect(ContentTerms.bigrams(of: "取り組み") == ContentTerms.bigrams(of: "取組"))
    }

    @Test func aKatakanaWordIsOneTermAndGenericWordsAreNoEvidence() {
        // アップ inside フォローアップ is not the アップ of 満足度のアップ.
        #expect(Set(ContentTerms.bigrams(of: "フォローアップ")).isDisjoint(with: ContentTerms.bigrams(of: "満足度のアップ")))
        #expect(ContentTerms.bigrams(of: "コミュニティバス").count == 1)
        #expect(ContentTerms.bigrams(of: "今後、検討が必要").isEmpty)
        #expect(ContentTerms.bigrams(of: "特になし").isEmpty)
    }

    @Test func aPlanOfChaptersAloneAndMinutesWithoutAgendaAreLinkedOrLeftAlone() throws {
        let dir = try TestFiles.temporaryFolder()
        try """
         子育て支援
        子どもを安心して育てられる都市づくり
        第 1 章
        ◉保育所の待機児童を解消し、放課後の居場所を広げます。
         道路と交通
        安全で快適な道路網の整備
        第 2 章
        ◉幹線道路の渋滞を解消し、歩道の段差をなくします。
        """.write(to: dir.appendingPathComponent("chapters.txt"), atomically: true, encoding: .utf8)
        try """
        ■第１回汐見川市子育て会議 議事概要
        【日 時】令和６年５月１０日（金）午前１０時～午前１１時
        ＜意見等＞
        ・保育所の待機児童の解消はいつ見込めるか。
        ⇒来年度の保育所整備で解消する見込み。
        ・特になし
        """.write(to: dir.appendingPathComponent("minutes.txt"), atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        #expect(index.index(files: [dir.appendingPathComponent("chapters.txt").path, dir.appendingPathComponent("minutes.txt").path]).failed.isEmpty)
        let items = try index.loadCatalog(units: index.storedUnits()).items
        #expect(items.map(\.id) == ["1", "2"])
        // The chapters are the items. In an index this small every term is rare, so scores
        // stay under the minimum: nothing is linked, and --explain shows the best item is
        // the chapter on 子育て, the other far behind.
        let report = try index.links(from: "minutes.txt")
        #expect(report.elements.allSatisfy { $0.links.isEmpty })
        let exchange = try #require(report.elements.first { $0.kind == "exchange" && $0.text.contains("待機児童") })
        let why = try index.explainLinks("minutes.txt:\(exchange.lines.start)")
        #expect(why.candidates.first?.item.id == "1" && why.candidates.first?.outcome == "below-minimum")
        #expect(why.candidates.first?.terms.contains { $0.text == "待機" } == true)
        #expect((why.candidates.first?.score ?? 0) > 5 * (why.candidates.dropFirst().first?.score ?? 0))
        // 特になし: no term at all, so no candidate.
        let nothing = try #require(report.elements.first { $0.text.hasPrefix("特になし") })
        #expect(try index.explainLinks("minutes.txt:\(nothing.lines.start)").candidates.isEmpty)
    }

    /// A suffix (`的`, `化`, `性`, `等`) joined to the character before it inside a longer
    /// word makes no term of a plan item: `少子化` and `電子化` share only their ending, and a
    /// plan on `効率化` shares `効率` with a record, not a second term. Where the plans write
    /// the two characters as a word of their own (`女性の活躍`), it is one in a longer run too.
    @Test func aSuffixJoinedToTheCharacterBeforeItIsNoTermOfAPlanItem() {
        func terms(_ text: String, _ words: [String] = []) -> Set<ContentTerms.Term> {
            let words = Set(words.map { w in let s = Array(w.unicodeScalars); return ContentTerms.bigram(s[0], s[1]) })
            return Set(ContentTerms.profileBigrams(of: text, words: words))
        }
        func bigram(_ w: String) -> ContentTerms.Term { let s = Array(w.unicodeScalars); return ContentTerms.bigram(s[0], s[1]) }
        #expect(terms("業務の効率化") == [bigram("業務"), bigram("効率")])
        #expect(terms("計画的な保全") == [bigram("計画"), bigram("保全")])
        #expect(!terms("多様性の尊重").contains(bigram("様性")))
        // A word of two characters is a word: `文化` alone, `目的` alone.
        #expect(terms("文化の振興").contains(bigram("文化")))
        #expect(!terms("地域文化の振興").contains(bigram("文化")))
        #expect(terms("地域文化の振興", ["文化"]).contains(bigram("文化")))
        #expect(terms("若年女性の就労", ["女性"]) == [bigram("若年"), bigram("年女"), bigram("女性"), bigram("就労")])
        #expect(Set(ContentTerms.twoCharacterWords(of: "女性の活躍と多様性")) == [bigram("女性"), bigram("活躍")])
        // The minutes' side keeps every bigram: a term counts only where a profile has it.
        #expect(ContentTerms.bigrams(of: "少子化").contains(bigram("子化")))

        let items = [
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1-1", level: "measure", title: "行政手続の電子化", bullets: ["申請の電子化を進める"]),
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1-2", level: "measure", title: "女性の活躍", bullets: ["若年女性の就労を支える"]),
        ]
        var linker = PlanLinker(catalog: PlanCatalog(items: items))
        linker.minimumScore = 0
        linker.relativeScore = 0
        let declining = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "少子化が進む")
        #expect(linker.scores(for: declining).isEmpty)
        let women = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "高齢女性の就労について")
        #expect(linker.links(for: women).map { items[$0.item].id } == ["1-2"])
        // The evidence is shown as written: `電子化`, not `電子`.
        #expect(linker.sharedTerms(PlanLinker.Evidence(texts: ["手続の電子化について"], words: .shipped), 0) == ["手続", "電子化"])
    }

    /// Context that weighs nothing adds nothing: an item the context alone shares terms with
    /// is not scored, as without the context (it was once counted as met at each of them,
    /// past the end of the list of items met).
    @Test func contextWeighedZeroScoresAsNoContext() {
        let items = [
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1", level: "measure", title: "避難所の備蓄", bullets: []),
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "2", level: "measure",
                             title: "地域防災計画の見直し", bullets: ["自主防災組織の育成"]),
        ]
        var linker = PlanLinker(catalog: PlanCatalog(items: items))
        linker.contextWeight = 0
        linker.minimumScore = 0
        linker.relativeScore = 0
        // The agenda title shares many terms with item 2 only; the exchange's own text, item 1's.
        let exchange = LinkUnit(kind: .exchange, lines: LineRange(5, 6), agendaNumber: 1,
                                agendaTitle: "地域防災計画の見直し、自主防災組織の育成", text: "避難所の備蓄は足りるか")
        var alone = exchange
        alone.agendaTitle = nil
        let scores = linker.scores(for: exchange)
        #expect(scores.map(\.item) == [0])
        #expect(scores.map(\.score) == linker.scores(for: alone).map(\.score))
        #expect(linker.links(for: exchange).map(\.item) == [0])
    }

    @Test func aPlanItemOnKodomoLinksToADiscussionOfKodomoWrittenOtherwise() {
        let items = [
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1-1", level: "measure", title: "子どもの居場所づくり", bullets: ["こども食堂への支援"]),
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1-2", level: "measure", title: "道路の維持補修", bullets: ["舗装の更新"]),
        ]
        let linker = PlanLinker(catalog: PlanCatalog(items: items))
        let unit = LinkUnit(kind: .other, lines: LineRange(1, 1), text: "子供の居場所と子供食堂への支援を拡充する")
        #expect(linker.links(for: unit).map { items[$0.item].id } == ["1-1"])
        #expect(linker.links(for: unit).first?.terms.contains { $0.contains("子供") } == true)
    }
    /// A user's group (`synonyms.txt`) makes its forms one term for the linker, as the shipped
    /// groups do: with `ICT AI IoT`, a question on ＡＩ and ＩｏＴ shares the measure's ICT.
    @Test func aUsersGroupMakesItsFormsOneTermForTheLinker() {
        let items = [
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "2-1-3", level: "measure", title: "ICTを活用した事務の効率化",
                             bullets: ["ICT（情報通信技術）の活用"]),
            PlanCatalog.Item(planPath: "plan.txt", planTitle: nil, id: "1-2", level: "measure", title: "道路の維持補修", bullets: ["舗装の更新"]),
        ]
        let unit = LinkUnit(kind: .exchange, lines: LineRange(1, 1), text: "ＡＩやＩｏＴの導入を進めてもらいたい")
        #expect(PlanLinker(catalog: PlanCatalog(items: items)).links(for: unit).isEmpty)
        let words = WordVariants.shipped.adding([WordVariants.Group(forms: ["ICT", "AI", "IoT"], file: "synonyms.txt", line: 1)])
        #expect(words.fingerprint != WordVariants.shipped.fingerprint)
        let linker = PlanLinker(catalog: PlanCatalog(items: items, words: words))
        #expect(linker.links(for: unit).map { items[$0.item].id } == ["2-1-3"])
        // The terms read the same way: every spelling of the group is its link form.
        #expect(ContentTerms.bigrams(of: "ＡＩ", variants: words) == ContentTerms.bigrams(of: "ICT", variants: words))
        #expect(ContentTerms.bigrams(of: "ＡＩ") != ContentTerms.bigrams(of: "ICT"))
    }

    @Test func theWordVariantsFingerprintFollowsTheGroupsNotTheirFile() {
        let group = WordVariants.Group(forms: ["学童", "児童クラブ"], file: "a.txt", line: 1)
        let moved = WordVariants.Group(forms: ["学童", "児童クラブ"], file: "b.txt", line: 9)
        #expect(WordVariants.shipped.adding([group]).fingerprint == WordVariants.shipped.adding([moved]).fingerprint)
        #expect(WordVariants.shipped.adding([]).fingerprint == WordVariants.shipped.fingerprint)
        #expect(WordVariants.shipped.fingerprint.count == 16)
    }
}
