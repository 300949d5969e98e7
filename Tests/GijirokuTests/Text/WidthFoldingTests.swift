import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct WidthFoldingTests {
    @Test(arguments: [
        ("平成３０年１１月１６日", "平成30年11月16日"),
        ("ＰＴリーダー", "PTリーダー"),
        ("午後３時～午後３時30分", "午後3時~午後3時30分"),
        ("ｶﾞｲﾄﾞ", "カ゛イト゛"),
    ])
    func foldsWidth(_ input: String, _ expected: String) {
        #expect(WidthFolding.fold(input) == expected)
    }

    @Test func compactRemovesSpacesInsideSpacedLabels() {
        #expect(WidthFolding.compact("＜ 議 題 説 明 ①＞") == "<議題説明①>")
        #expect(WidthFolding.compact("□ 開　催　年 月 日") == "□開催年月日")
    }
}
