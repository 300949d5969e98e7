import Foundation
import Testing
import Gijiroku
import GijirokuInput
@testable import GijirokuIndex

/// An exchange or directive is read with the parts of its agenda item's explanation that it
/// quotes (`TakenUpPassages`).
@Suite struct TakenUpPassagesTests {
    /// An explanation in three parts, each a heading and its points.
    static let points = [
        "「１．計画の期間」について", "計画期間は５年とし、毎年度見直す。",
        "「２．住まいの支援」について", "転入する子育て世帯への家賃補助を続け、補助の上限額を見直す。", "住宅取得の支援と合わせ、定住につなげる。",
        "「３．施設の管理」について", "公共施設の維持管理費を一覧にして公表する。",
    ]

    @Test func aQuotedHeadingTakesItsPartWithThePointsBelowIt() {
        // Written without the full stop the heading has, as questions quote it.
        #expect(TakenUpPassages.select(for: "「２住まいの支援」の上限額は、いつ決めるのか？", in: Self.points)
                == Array(Self.points[2...4]))
    }

    @Test func aQuotedPointIsTakenAloneAndIsMoreSpecificThanItsHeading() {
        let text = "「２．住まいの支援」の「住宅取得の支援」とは、何を指すのか？"
        #expect(TakenUpPassages.select(for: text, in: Self.points) == [Self.points[4]])
    }

    @Test func quotesThatNameNoOnePartAreNoContext() {
        // No quote at all, a quote of two letters, one the agenda title holds, and one found in
        // three parts (every heading ends in について).
        #expect(TakenUpPassages.select(for: "上限額は、いつ決めるのか？", in: Self.points).isEmpty)
        #expect(TakenUpPassages.select(for: "「期間」は何年か？", in: Self.points).isEmpty)
        #expect(TakenUpPassages.select(for: "「実施計画の方針案」は了承か？", in: Self.points + ["次期実施計画の方針案を示す。"],
                                       title: "次期実施計画の方針案について").isEmpty)
        #expect(TakenUpPassages.select(for: "「について」とは？", in: Self.points).isEmpty)
        // A quote longer than a part's name, or past the sixteenth.
        #expect(TakenUpPassages.select(for: "「" + String(repeating: "住まいの支援", count: 14) + "」とは？", in: Self.points).isEmpty)
        #expect(TakenUpPassages.select(for: String(repeating: "「保留事項」", count: 16) + "「住まいの支援」とは？", in: Self.points).isEmpty)
        #expect(TakenUpPassages.select(for: String(repeating: "「保留事項」", count: 15) + "「住まいの支援」とは？", in: Self.points) == Array(Self.points[2...4]))
        // An explanation of one point has no part to choose.
        #expect(TakenUpPassages.select(for: "「住まいの支援」とは？", in: ["「２．住まいの支援」について"]).isEmpty)
    }

    @Test func pointsUnderNoHeadingArePartsOfTheirOwn() {
        let points = ["家賃補助を続ける。", "住宅取得の支援と合わせ、定住につなげる。", "施設の一覧を公表する。"]
        #expect(TakenUpPassages.select(for: "「定住につなげる」とは？", in: points) == [points[1]])
    }

    /// Minutes in the layout of a 推進本部会議 summary: an explanation in quoted parts, one
    /// question quoting a part and one quoting nothing.
    static func meeting() throws -> (index: SearchIndex, minutes: String) {
        let dir = try TestFiles.temporaryFolder()
        let minutes = dir.appendingPathComponent("suishin-honbu-02.txt")
        try """
        ■第２回汐見川市総合計画推進本部会議 議事概要
        【日 時】 令和3年5月12日（水）  午前１０時～午前１１時
        【場 所】 第一会議室
        【出席者】 副市長、総務局長、子ども未来局長、都市局長
        【議 事】⑴ 次期実施計画の方針案について
        ＜議題説明(1)＞
        議題（１）「次期実施計画の方針案について」事務局（企画調整課）から、次のような説明があった。
        ○「１．計画の期間」について
        ・計画期間は５年とし、毎年度見直す。
        ○「２．住まいの支援」について
        ・転入する子育て世帯への家賃補助を続け、補助の上限額を見直す。
        ・住宅取得の支援と合わせ、定住につなげる。
        ○「３．施設の管理」について
        ・公共施設の維持管理費を一覧にして公表する。
        ＜意見等＞
        ・「２．住まいの支援」の上限額は、いつ決めるのか？
        ⇒年内に示す。
        ・次回の日程はどうか？
        ⇒追って連絡する。
        """.split(separator: "\n").map { $0 + " \n\n" }.joined().write(to: minutes, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let plan = TestFiles.root.appendingPathComponent("Corpus/plans/shiomigawa-basic-plan-ch1-2.txt").path
        let report = index.index(files: [plan, minutes.path])
        #expect(report.failed.isEmpty)
        return (index, minutes.path)
    }

    @Test func aQuestionQuotingAPartIsLinkedByThePlansWordsInThatPart() throws {
        let (index, path) = try Self.meeting()
        let r = try index.links(from: path)
        let exchanges = r.elements.filter { $0.kind == "exchange" }
        try #require(exchanges.count == 2)
        // 家賃補助 and 住宅取得 are in the part quoted, not in the question.
        #expect(Set(exchanges[0].links.map(\.item.id)) == ["2-1-1", "2-1-2"])
        #expect(exchanges[1].links.isEmpty)
        // Without the part, the question's own words and the agenda title link it to nothing.
        let units = try index.storedUnits()
        let linker = PlanLinker(catalog: try index.loadCatalog(units: units))
        var question = try #require(units.first { $0.unit.kind == .exchange }?.unit)
        #expect(!linker.links(for: question).isEmpty)
        question.passages = []
        #expect(linker.links(for: question).isEmpty)
    }

    @Test func theExplanationOfALinkShowsThePartsQuoted() throws {
        let (index, path) = try Self.meeting()
        let exchange = try #require(try index.links(from: path).elements.first { $0.kind == "exchange" })
        let why = try index.explainLinks("\(path):\(exchange.lines.start)")
        #expect(why.context == "次期実施計画の方針案について")
        #expect(why.passages == ["「２．住まいの支援」について", "転入する子育て世帯への家賃補助を続け、補助の上限額を見直す。",
                                 "住宅取得の支援と合わせ、定住につなげる。"])
        let family = try #require(why.candidates.first { $0.item.id == "2-1-1" })
        #expect(family.outcome == "linked" && family.terms.contains { $0.text == "家賃" && $0.fromContext })
    }

    @Test func storedUnitsQuoteThePartsTheParsedUnitsQuote() throws {
        let (index, path) = try Self.meeting()
        guard case .minutes(let m) = try SourceFile(path: path).parse() else { Issue.record("not minutes"); return }
        let parsed = LinkUnit.units(of: m).map(\.passages)
        #expect(parsed.contains { !$0.isEmpty })
        #expect(try index.storedUnits().filter { $0.path == path }.map(\.unit.passages) == parsed)
    }
}
