import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// The plan parser on the real basic plan in `../shared/reference` (when present) and on
/// small cases that show each rule.
@Suite struct PlanParserTests {
    @Test(.enabled(if: Repository.hasReference, "../shared/reference is not present beside this clone"))
    func referenceBasicPlanHasItsChaptersSectionsAndMeasures() throws {
        let url = Repository.reference.appendingPathComponent("plan-saitama-basic-plan-ch1-2.txt")
        let plan = try PlanParser().parse(Data(contentsOf: url), path: url.lastPathComponent)
        #expect(plan.items.map(\.id) == ["1", "2"])
        let ch1 = plan.items[0], ch2 = plan.items[1]
        #expect(ch1.title == "市民と行政の協働による都市づくり")
        #expect(ch1.subtitle == "市民と行政の協働")
        #expect(ch1.bullets.count == 5)
        #expect(ch1.note == "（基本構想「５　実現に向けて」より）")
        #expect(ch1.children.count == 1)
        #expect(ch1.children[0].children.map { $0.bullets.count } == [3, 3, 2, 3])
        #expect(ch1.children[0].children.map(\.id) == ["1-1-1", "1-1-2", "1-1-3", "1-1-4"])
        #expect(ch1.children[0].bullets.count == 5)   // 現状と課題
        #expect(ch2.title == "効果的で効率的な行財政運営による都市づくり")
        #expect(ch2.children.count == 3)
        let s21 = ch2.children[0]
        #expect(s21.children.map { $0.bullets.count } == [3, 4, 3, 3])
        #expect(s21.children[1].bullets[2].text.hasSuffix("健全財政の維持に取り組みます。"))
        #expect(ch2.children[2].children.count == 2)
        #expect(ch2.children[2].title == "真の分権型社会を担う自主的・自立的な都市を目指す")
        #expect(plan.glossary.contains("NPO") && plan.glossary.contains("ライフスタイル"))
        #expect(!plan.items.flatMap(\.bullets).contains { $0.text.contains("*") })
        #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    }

    @Test func titlesAfterTheirBulletsAndADanglingContinuationAreReassembled() {
        let text = """
        第 1 章

        第１節　予算の執行

         第 1 節 予算の執行

        施策展開

        1 最初の施策
        ❖一つ目の本文。

        ❖二つ目の本文で、行が

        2 二番目の施策
         3 三番目の施策

        　途中で切れた。
        ❖二つ目の続きの本文。

        ❖三つ目の本文。
        """
        let plan = PlanParser().parse(text: text, path: "t")
        let measures = plan.items.first?.children.first?.children ?? []
        #expect(measures.map(\.title) == ["最初の施策", "二番目の施策", "三番目の施策"])
        #expect(measures.map { $0.bullets.map(\.text) } == [["一つ目の本文。"], ["二つ目の本文で、行が途中で切れた。", "二つ目の続きの本文。"], ["三つ目の本文。"]])
    }

    @Test func glossaryMarksAreStrippedAndCollected() {
        var glossary: [String] = []
        #expect(GlossaryMarks.strip("NGO*・NPO*活動、扶助費*等、義務付けの見直し*と", into: &glossary) == "NGO・NPO活動、扶助費等、義務付けの見直しと")
        #expect(glossary == ["NGO", "NPO", "扶助費", "見直し"])
    }
}
