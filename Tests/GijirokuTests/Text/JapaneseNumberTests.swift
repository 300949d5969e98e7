import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct JapaneseNumberTests {
    @Test(arguments: [("３０", 30), ("30", 30), ("二十八", 28), ("十", 10), ("十一", 11), ("百二十", 120),
                      ("二〇一六", 2016), ("元", 1), ("１，０００", 1000), ("三十", 30)])
    func readsNumbers(_ text: String, _ value: Int) {
        #expect(JapaneseNumber.value(of: text) == value)
    }

    @Test func rejectsText() {
        #expect(JapaneseNumber.value(of: "市長") == nil)
        #expect(JapaneseNumber.value(of: "") == nil)
    }
}
