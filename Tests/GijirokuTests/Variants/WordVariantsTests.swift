import Foundation
import Testing
@testable import Gijiroku

@Suite struct WordVariantsTests {
    let shipped = WordVariants.shipped

    @Test func theShippedDictionaryIsWellFormed() {
        let parsed = WordVariants.parse(EmbeddedVariants.words, file: "words.variants")
        #expect(parsed.problems == [])
        #expect(parsed.groups.count >= 300)
        // No form in two groups (after folding), and every group passes the user's checks.
        var owner: [[Unicode.Scalar]: Int] = [:]
        for group in parsed.groups {
            #expect(WordVariants.check(group.forms) == nil, "line \(group.line)")
            for form in group.forms {
                let key = WordVariants.key(form)
                #expect(owner[key] == nil, "\(form) on lines \(owner[key] ?? 0) and \(group.line)")
                owner[key] = group.line
            }
        }
        // Merging groups that share a form would change nothing: they share none.
        #expect(shipped.groups.count == parsed.groups.count)
    }

    @Test(arguments: [["子ども", "子供", "こども"], ["障害", "障がい", "障碍"], ["子育て", "こそだて"], ["取組", "取組み", "取り組み"],
                      ["申込", "申込み", "申し込み"], ["打合せ", "打ち合わせ"], ["総合振興計画", "総振"], ["地方創生推進交付金", "創生交付金"],
                      ["新型コロナウイルス感染症", "新型コロナ", "コロナ"], ["ワーキンググループ", "ＷＧ"], ["プロジェクトチーム", "ＰＴ"],
                      ["コンピューター", "コンピュータ"]])
    func theIssuesGroupsAreShipped(_ forms: [String]) {
        let groups = Set(forms.compactMap { shipped.group(of: $0) })
        #expect(groups.count == 1, "\(forms)")
        #expect(forms.allSatisfy { shipped.group(of: $0) != nil })
    }

    @Test func aWordIsSearchedAsEveryVariantTheTypedFormFirst() {
        #expect(shipped.expansion(of: "子供").alternatives == ["子供", "子ども", "こども"])
        #expect(shipped.expansion(of: "子供の貧困").alternatives == ["子供の貧困", "子どもの貧困", "こどもの貧困"])
        #expect(shipped.expansion(of: "wg").alternatives == ["wg", "ワーキンググループ"])
        #expect(shipped.expansion(of: "市長").alternatives == ["市長"])
        // A Latin form is a whole word: ＰＴ is not found inside "script".
        #expect(shipped.expansion(of: "script").alternatives == ["script"])
    }

    @Test func theSpellingAHitHoldsIsNamed() {
        let e = shipped.expansion(of: "子供")
        #expect(e.spelling(in: "子ども未来局が主管局") == "子ども")
        #expect(e.spelling(in: "子供と子ども") == "子供")
        #expect(e.spelling(in: "保育所") == nil)
    }

    @Test func theLinkerReadsEveryFormAsTheGroupsLinkForm() {
        #expect(shipped.linkForm(of: "こどもの居場所") == shipped.linkForm(of: "子供の居場所"))
        #expect(shipped.linkForm(of: "子どもの居場所").contains("子供"))
        #expect(shipped.linkForm(of: "保育所の整備") == "保育所の整備")
    }

    /// What `links --explain` says was read as another spelling: each spelling once, as its
    /// group lists it, and nothing for a text already written in the link form.
    @Test func theReadingsOfATextAreTheSpellingsReadAsAnother() {
        #expect(shipped.readings(in: "こどもの居場所と、こども食堂").map { "\($0.written)→\($0.readAs)" } == ["こども→子供"])
        #expect(shipped.readings(in: "子供の居場所").isEmpty)
        let words = shipped.adding([WordVariants.Group(forms: ["ICT", "AI", "IoT"], file: "synonyms.txt", line: 1)])
        #expect(words.readings(in: "ＡＩ、ＩｏＴの活用").map { "\($0.written)→\($0.readAs)" } == ["ＡＩ→情報通信技術", "IoT→情報通信技術"])
    }

    @Test func aUserFileKeepsItsGoodLinesAndNamesTheBadOnes() {
        let text = """
            # mine
            放課後児童クラブ 学童
            ひとつだけ
            が ガ
            学童 児童館
            ！ ？
            """
        let parsed = WordVariants.parse(text, file: "synonyms.txt")
        #expect(parsed.groups.map(\.forms) == [["放課後児童クラブ", "学童"]])
        #expect(parsed.problems.map(\.line) == [3, 4, 5, 6])
        #expect(parsed.problems[0].reason == .oneForm("ひとつだけ"))
        #expect(parsed.problems[1].reason == .tooShort("が"))
        #expect(parsed.problems[2].reason == .alreadyGrouped("学童", line: 2))
        #expect(parsed.problems[3].reason == .nothingToFind("！"))
        #expect(parsed.problems[1].description.contains("synonyms.txt:4"))
    }

    @Test func aUserGroupThatNamesAShippedFormExtendsThatGroup() {
        let mine = WordVariants.Group(forms: ["子ども", "児童"], file: "synonyms.txt", line: 1)
        let words = shipped.adding([mine])
        #expect(words.group(of: "児童")?.forms == ["子ども", "子供", "こども", "児童"])
        #expect(words.expansion(of: "児童").alternatives == ["児童", "子ども", "子供", "こども"])
        #expect(words.groups.count == shipped.groups.count)
        let other = WordVariants.Group(forms: ["学童", "児童クラブ"], file: "synonyms.txt", line: 2)
        #expect(shipped.adding([other]).groups.count == shipped.groups.count + 1)
    }
}
