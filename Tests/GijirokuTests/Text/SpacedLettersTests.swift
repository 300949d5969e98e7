import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Words printed a character at a time, put back together.
@Suite struct SpacedLettersTests {
    @Test(arguments: [
        ("特別委員長 工 藤 日 出 夫", "特別委員長 工藤日出夫"),
        ("渡 邉 良 太、湯 沢 美 恵", "渡邉良太、湯沢美恵"),
        ("２ 視 察 地  長野県小諸市", "２ 視察地  長野県小諸市"),
        ("工 藤 日出夫", "工藤日出夫"),
        // Words of two characters or more stay apart; so does a lone character beside them.
        ("令和元年 9 月", "令和元年 9 月"),
        ("汐見川市 財政局 資産活用課", "汐見川市 財政局 資産活用課"),
        ("委員長 青木 健二", "委員長 青木 健二"),
        ("A B C D", "A B C D"),
    ])
    func spacedWordsAreJoinedAndOthersKept(_ text: String, _ expected: String) {
        #expect(SpacedLetters.joined(text) == expected)
    }
}
