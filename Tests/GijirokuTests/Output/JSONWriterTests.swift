import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// The JSON writer gives JSONEncoder's bytes (`.sortedKeys`, `.withoutEscapingSlashes`,
/// pretty or compact) for any value, and keeps a record's absent fields as `null`.
@Suite struct JSONWriterTests {
    struct Sample: Encodable {
        var text: String
        var number: Double
        var count: Int
        var flag: Bool
        var optional: String?
        var list: [String]
        var nested: [Sample]
        var table: [String: Int]
    }

    static func random(_ g: inout SeededGenerator, depth: Int = 0) -> Sample {
        let pieces = ["a", "市長", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "é", " ", "日本", "\u{8}", "\u{C}", "\r"]
        func text() -> String { (0..<Int.random(in: 0...6, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined() }
        let numbers: [Double] = [0, -0.0, 3, 0.1, 1e-7, 1e21, 1e15, 1e16, 9_007_199_254_740_992, -4.810614365311508, 11.75, 2.5e-5]
        let keys = ["b", "B", "a1", "a10", "a2", "agendaTitle", "agendas", "_", "日", "z"]
        return Sample(text: text(), number: Bool.random(using: &g) ? numbers.randomElement(using: &g)! : Double.random(in: -1e6...1e6, using: &g),
                      count: Int.random(in: -1000...1000, using: &g), flag: Bool.random(using: &g),
                      optional: Bool.random(using: &g) ? text() : nil, list: (0..<Int.random(in: 0...3, using: &g)).map { _ in text() },
                      nested: depth < 2 ? (0..<Int.random(in: 0...2, using: &g)).map { _ in random(&g, depth: depth + 1) } : [],
                      table: Dictionary((0..<Int.random(in: 0...4, using: &g)).map { _ in (keys.randomElement(using: &g)!, Int.random(in: 0...9, using: &g)) },
                                        uniquingKeysWith: { a, _ in a }))
    }

    @Test func writesJSONEncodersBytesForAnyValue() throws {
        var g = SeededGenerator()
        for _ in 0..<300 {
            let sample = Self.random(&g)
            for pretty in [true, false] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                let expected = String(decoding: try encoder.encode(sample), as: UTF8.self)
                let actual = String(decoding: try JSONWriter(pretty: pretty).encode(sample), as: UTF8.self)
                #expect(actual == expected, "seed \(g.seed)")
            }
        }
    }

    @Test func topLevelValuesOfEveryShape() throws {
        for value in [[String](), ["a"]] as [[String]] {
            #expect(try JSONWriter(pretty: true).encode(value) == Array(try Self.reference(value).utf8))
        }
        #expect(String(decoding: try JSONWriter(pretty: true).encode(Optional<Int>.none), as: UTF8.self) == "null")
        #expect(String(decoding: try JSONWriter(pretty: false).encode(true), as: UTF8.self) == "true")
    }

    static func reference<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func aNumberThatIsNotFiniteIsAnError() {
        #expect(throws: EncodingError.self) { try JSONWriter(pretty: false).encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONWriter(pretty: false).encode([Double.infinity]) }
    }

    @Test func aRecordKeepsItsAbsentFieldsAsNull() throws {
        let meeting = Meeting(name: nil, session: 3, fiscalYear: nil)
        #expect(String(decoding: try JSONWriter(pretty: false).encode(meeting), as: UTF8.self) == #"{"fiscalYear":null,"name":null,"session":3}"#)
        // An attendee's count is left out when absent; its other fields are null.
        let attendee = Attendee(role: "委員", name: "山田太郎", lines: LineRange(3))
        let json = String(decoding: try JSONWriter(pretty: false).encode(attendee), as: UTF8.self)
        #expect(!json.contains("count") && json.contains(#""group":null"#))
        // A value that is not a record leaves its absent fields out.
        #expect(String(decoding: try JSONWriter(pretty: false).encode(Sample(text: "", number: 0, count: 0, flag: false, optional: nil, list: [], nested: [], table: [:])), as: UTF8.self)
                .contains("optional") == false)
    }
}
