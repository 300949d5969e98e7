import Testing
@testable import GijirokuIndex

@Suite struct JapaneseTokensTests {
    @Test func japaneseRunsBecomeOverlappingBigramsWithTheLastCharacterColocated() {
        let tokens = JapaneseTokens.tokens(of: "市長指示", forIndex: true)
        #expect(tokens.map(\.text) == ["市長", "長指", "指示", "示"])
        #expect(tokens.map(\.colocated) == [false, false, false, true])
        #expect(tokens.map(\.start) == [0, 3, 6, 9])
        #expect(tokens.map(\.end) == [6, 9, 12, 12])
    }

    @Test func queriesGetNoExtraTokensAndALoneCharacterIsAUnigram() {
        #expect(JapaneseTokens.tokens(of: "市長指示", forIndex: false).map(\.text) == ["市長", "長指", "指示"])
        #expect(JapaneseTokens.tokens(of: "市", forIndex: false).map(\.text) == ["市"])
        #expect(JapaneseTokens.tokens(of: "市", forIndex: true).map(\.text) == ["市"])
    }

    @Test func widthAndCaseAreFoldedButOffsetsPointAtTheOriginal() {
        let tokens = JapaneseTokens.tokens(of: "ＡＩ、IoT活用", forIndex: false)
        #expect(tokens.map(\.text) == ["ai", "iot", "活用"])
        #expect(tokens[0].start == 0 && tokens[0].end == 6)   // two full-width letters, 3 bytes each
        #expect(JapaneseTokens.tokens(of: "ｶﾞｲﾄﾞ", forIndex: false).map(\.text) == ["ガイ", "イド"])
        #expect(JapaneseTokens.tokens(of: "２０１８年", forIndex: false).map(\.text) == ["2018", "年"])
    }

    @Test func punctuationAndSpaceSeparateRuns() {
        #expect(JapaneseTokens.tokens(of: "市長、副市長", forIndex: false).map(\.text) == ["市長", "副市", "市長"])
        #expect(JapaneseTokens.tokens(of: "「　」・。", forIndex: true).isEmpty)
    }
}
