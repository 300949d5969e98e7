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
        let pieces = ["a", "市長", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}", "\u{2028}", "é", " ", "日本", "\u{8}", "\u{C}", "\r"]
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
                let expected = Self.controlsEscaped(String(decoding: try encoder.encode(sample), as: UTF8.self))
                let actual = String(decoding: try JSONWriter(pretty: pretty).encode(sample), as: UTF8.self)
                #expect(actual == expected, "seed \(g.seed)")
            }
        }
    }

    /// The parts that write themselves (line ranges, layout lines, sources) give the JSON their
    /// containers give JSONEncoder.
    @Test func partsWrittenDirectlyGiveTheSameJSON() throws {
        var g = SeededGenerator()
        let roles: [LayoutLine.Role] = [.pageChrome, .rule, .shared, .tableLabel, .sectionLabel]
        for _ in 0..<50 {
            let ranges = (0..<Int.random(in: 0...4, using: &g)).map { _ in LineRange(Int.random(in: 1...999, using: &g), Int.random(in: 1...999, using: &g)) }
            let layout = (0..<Int.random(in: 0...4, using: &g)).map { _ in
                LayoutLine(line: Int.random(in: 1...99, using: &g), text: Self.random(&g).text, role: roles.randomElement(using: &g)!)
            }
            for pretty in [true, false] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                #expect(String(decoding: try JSONWriter(pretty: pretty).encode(ranges), as: UTF8.self) == String(decoding: try encoder.encode(ranges), as: UTF8.self))
                #expect(String(decoding: try JSONWriter(pretty: pretty).encode(layout), as: UTF8.self)
                        == Self.controlsEscaped(String(decoding: try encoder.encode(layout), as: UTF8.self)))
                #expect(try JSONDecoder().decode([LineRange].self, from: Data(try JSONWriter(pretty: pretty).encode(ranges))) == ranges)
            }
        }
        // A record's source, with and without the part of a file that holds several meetings.
        for part in [nil, SourceInfo.Part(number: 2, of: 3, lines: LineRange(16, 25))] {
            var source = SourceInfo(path: "議事録/第2回 \"本部\".txt", sha256: String(repeating: "ab", count: 32), encoding: .shiftJIS, format: .html, lineCount: 120)
            source.part = part
            for pretty in [true, false] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                #expect(String(decoding: try JSONWriter(pretty: pretty).encode(source), as: UTF8.self) == String(decoding: try encoder.encode(source), as: UTF8.self))
                #expect(try JSONDecoder().decode(SourceInfo.self, from: Data(try JSONWriter(pretty: pretty).encode(source))) == source)
            }
        }
    }

    /// Every record part that lists its fields (`JSONFields`) writes the same values straight
    /// as through JSONEncoder's containers, the nulls a record keeps aside (JSONEncoder leaves
    /// an absent field out): checked on every minutes record of the corpus, summary and verbatim.
    @Test func recordsWrittenStraightHoldWhatTheirContainersGive() throws {
        let folder = Repository.root.appendingPathComponent("Corpus/minutes")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 20)
        var verbatim = 0
        for name in names {
            let text = try TextDecoder().decode(Data(contentsOf: folder.appendingPathComponent(name)), path: name).text
            let minutes = MinutesParser().parse(text: text, path: name, sha256: "")
            if minutes.form == .verbatim { verbatim += 1 }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let straight = try JSONSerialization.jsonObject(with: Data(try JSONWriter(pretty: false).encode(minutes)))
            let contained = try JSONSerialization.jsonObject(with: try encoder.encode(minutes))
            #expect(Self.withoutNulls(straight) as? NSDictionary == Self.withoutNulls(contained) as? NSDictionary, "\(name)")
        }
        #expect(verbatim >= 10)
    }

    /// A JSON value with its `null` fields removed, at every depth.
    static func withoutNulls(_ value: Any) -> Any {
        if let object = value as? [String: Any] { return object.filter { !($0.value is NSNull) }.mapValues(withoutNulls) }
        if let array = value as? [Any] { return array.map(withoutNulls) }
        return value
    }

    @Test func topLevelValuesOfEveryShape() throws {
        for value in [[String](), ["a"]] as [[String]] {
            #expect(try JSONWriter(pretty: true).encode(value) == Array(try Self.reference(value).utf8))
        }
        #expect(String(decoding: try JSONWriter(pretty: true).encode(Optional<Int>.none), as: UTF8.self) == "null")
        #expect(String(decoding: try JSONWriter(pretty: false).encode(true), as: UTF8.self) == "true")
    }

    /// A type that writes through nested containers and a super encoder, which synthesized
    /// conformances never use: written after its parent's other fields, in key order.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, inner, list, base }
        enum InnerKeys: String, CodingKey { case b, a }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            var inner = c.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try c.encode("z", forKey: .zeta)
            try inner.encode(2, forKey: .b)
            try list.encode("x")
            var listed = list.nestedContainer(keyedBy: InnerKeys.self)
            try list.encode("y")
            try listed.encode(true, forKey: .a)
            try inner.encode([1, 2], forKey: .a)
            try c.encode(Sample(text: "s", number: 1.5, count: 1, flag: true, optional: nil, list: [], nested: [], table: ["b": 1, "a": 2]), forKey: .alpha)
            var base = c.superEncoder(forKey: .base).singleValueContainer()
            try base.encode("super")
        }
    }

    @Test func nestedContainersAreWrittenWhereTheyBelong() throws {
        for pretty in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try encoder.encode([Nested(), Nested()]), as: UTF8.self)
            #expect(String(decoding: try JSONWriter(pretty: pretty).encode([Nested(), Nested()]), as: UTF8.self) == expected)
        }
    }

    /// JSONEncoder's JSON with DEL and the C1 controls escaped, as the writer escapes them.
    static func controlsEscaped(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) { out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars) }
            else { out.append(scalar) }
        }
        return String(out)
    }

    /// Strings are scanned eight bytes at a time: a character to escape is found at every
    /// offset of a long string, among ASCII and Japanese text.
    @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é"])
    func escapesAreFoundAtEveryOffset(_ special: String) throws {
        for filler in ["a", "市", "aé"] {
            for offset in 0..<24 {
                let text = String(repeating: filler, count: offset) + special + String(repeating: filler, count: 24 - offset)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let expected = Self.controlsEscaped(String(decoding: try encoder.encode([text]), as: UTF8.self))
                #expect(String(decoding: try JSONWriter(pretty: false).encode([text]), as: UTF8.self) == expected, "\(filler) \(offset)")
            }
        }
    }

    /// The static site's search files: strings written directly read back as they were,
    /// and hold no raw line break or U+2028.
    @Test(arguments: ["市長", "\"quoted\" \\ back", "line\nbreak\ttab\r", "\u{1}\u{1F}", "\u{2028}\u{2029}", "</script><b>", "𠮟る"])
    func scriptStringsReadBackAsTheyWere(_ text: String) throws {
        let json = "[" + JSONText.scriptString(text) + "]"
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text])
        #expect(!json.contains("\u{2028}") && !json.contains("\n"))
    }

    @Test func controlCharactersNeverReachTheOutputRaw() throws {
        let text = "a\u{1B}[31mb\u{7F}c\u{9B}2Jd\u{85}e\u{A0}f\u{2028}g"
        let json = String(decoding: try JSONWriter(pretty: false).encode([text]), as: UTF8.self)
        #expect(json == #"["a\u001b[31mb\u007fc\u009b2Jd\u0085e\#u{A0}f\#u{2028}g"]"#)
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == [text])
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
