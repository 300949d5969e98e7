import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct ByteSearchTests {
    /// Short Japanese and ASCII pieces, so that random texts share lead and trailing bytes.
    static let pieces = ["指", "示", "指示", "から", "以下", "の", "とおり", "説明", "資料", "１", "2", "ー", "。", "、", " ", "　", "a", "市長", "局"]

    func randomText(_ count: Int, _ generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    /// The reference: the first byte offset where `needle`'s bytes start, tried at every offset.
    func naiveOffset(_ needle: String, in text: String, from: Int = 0) -> Int? {
        let h = Array(text.utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count, from <= h.count - n.count else { return nil }
        return (from...(h.count - n.count)).first { Array(h[$0..<($0 + n.count)]) == n }
    }

    @Test func searchFindsWhatATryAtEveryOffsetFinds() {
        var generator = SeededGenerator()
        for _ in 0..<2_000 {
            let text = randomText(Int.random(in: 0...30, using: &generator), &generator)
            let needle = randomText(Int.random(in: 1...3, using: &generator), &generator)
            #expect(UTF8Search.contains(text, needle) == (naiveOffset(needle, in: text) != nil), "\(needle) in \(text) (seed \(generator.seed))")
            #expect(UTF8Search.offset(of: needle, in: text) == naiveOffset(needle, in: text), "\(needle) in \(text) (seed \(generator.seed))")
        }
    }

    @Test func theNthOccurrenceOfAByteIsFoundAsByAWalk() {
        var generator = SeededGenerator()
        for _ in 0..<500 {
            // Bytes near the one looked for (0x0A), with 0x0B and 0x8A to catch a carry or a lost high bit.
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in [0x0A, 0x0B, 0x09, 0x8A, 0x00, 0xFF, 0x41].randomElement(using: &generator)! as UInt8 }
            let walked = bytes.indices.filter { bytes[$0] == 0x0A }
            for n in 0...(walked.count + 1) {
                let found = bytes.withUnsafeBufferPointer { $0.offset(ofOccurrence: n, of: 0x0A) }
                #expect(found == (n >= 1 && n <= walked.count ? walked[n - 1] : nil), "\(n) in \(bytes) (seed \(generator.seed))")
            }
        }
    }

    @Test func staticStringOffsetsAgreeFromAnyStart() {
        var generator = SeededGenerator()
        for _ in 0..<1_000 {
            let text = randomText(Int.random(in: 0...30, using: &generator), &generator)
            let from = Int.random(in: 0...text.utf8.count, using: &generator)
            text.withUTF8Bytes { bytes in
                #expect(bytes.offset(of: "指示", from: from) == naiveOffset("指示", in: text, from: from), "\(text) from \(from) (seed \(generator.seed))")
                #expect(bytes.offset(of: "から", from: from) == naiveOffset("から", in: text, from: from), "\(text) from \(from) (seed \(generator.seed))")
                // The last occurrence: the first from which no later one starts.
                let last = naiveOffset("から", in: text).map { first in
                    sequence(first: first) { naiveOffset("から", in: text, from: $0 + 1) }.reduce(first) { max($0, $1) }
                }
                #expect(bytes.lastOffset(of: "から") == last, "\(text) (seed \(generator.seed))")
            }
        }
    }

    @Test func prefixSuffixAndTrimmingReadTheBytes() {
        "　＜議題説明＞ ".withUTF8Bytes { bytes in
            let trimmed = bytes.trimmingSpaces
            #expect(String(decoding: trimmed, as: UTF8.self) == "＜議題説明＞")
            #expect(trimmed.hasPrefix("＜") && trimmed.hasSuffix("＞") && !trimmed.hasSuffix("＜"))
            #expect(trimmed.equals("＜議題説明＞") && !trimmed.equals("＜議題説明"))
            #expect(trimmed.isOne(of: ["＜意見等＞", "＜議題説明＞"]))
            #expect(trimmed.scalarCount == 6)
            #expect(trimmed.lastScalarStart == trimmed.count - 3)
        }
        "  \u{3000} ".withUTF8Bytes { #expect($0.trimmingSpaces.isEmpty && $0.isSpace(from: 0)) }
    }
}
