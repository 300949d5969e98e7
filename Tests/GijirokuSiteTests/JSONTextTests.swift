import Foundation
import Testing
@testable import GijirokuSite

@Suite("JSONText: strings written directly read back as they were")
struct JSONTextTests {
    @Test(arguments: ["市長", "\"quoted\" \\ back", "line\nbreak\ttab\r", "\u{1}\u{1F}", "\u{2028}\u{2029}", "</script><b>", "𠮟る"])
    func roundTrip(_ text: String) throws {
        let json = "[" + JSONText.string(text) + "]"
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text])
        #expect(!json.contains("\u{2028}") && !json.contains("\n"))
    }
}
