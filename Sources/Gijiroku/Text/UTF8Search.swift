#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes (`memchr` for the needle's rarest byte, then a byte
/// comparison), for the parser's hot paths; the comparisons themselves are ``UTF8Bytes``'.
/// Foundation's `range(of:)` folds character clusters and dominated parse time.
///
/// ```swift
/// UTF8Search.contains("市長から以下のとおり指示があった。", "指示")   // true
/// ```
enum UTF8Search {
    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func contains<S: StringProtocol>(_ haystack: S, _ needle: String) -> Bool {
        offset(of: needle, in: haystack) != nil
    }

    /// The byte offset of the first occurrence of `needle`, if any (0 for an empty needle).
    static func offset<S: StringProtocol>(of needle: String, in haystack: S) -> Int? {
        guard !needle.isEmpty else { return 0 }
        return haystack.withUTF8Bytes { h in needle.withUTF8Bytes { h.offset(of: $0) } }
    }

    /// The byte offset of the first occurrence of `word` in `h`.
    ///
    /// `memchr` looks for the needle's rarest byte, not its first: in Japanese text the lead
    /// byte of a kana or kanji (0xE3 for の, 0xE6 for 指) is on every few characters, while
    /// a given trailing byte is on about one in thirty.
    static func search(_ h: UTF8Bytes, _ word: UTF8Bytes) -> Int? {
        let length = word.count
        guard length > 0, h.count >= length, let base = h.baseAddress else { return nil }
        var pivot = 0
        var best = rarity(word[0])
        for k in 1..<length where rarity(word[k]) > best { pivot = k; best = rarity(word[k]) }
        let byte = Int32(word[pivot])
        var from = pivot
        let end = h.count - length + pivot   // the last place the pivot byte can be
        while from <= end {
            guard let hit = memchr(base + from, byte, end - from + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
            if h.matches(word, at: at) { return at }
            from = at + pivot + 1
        }
        return nil
    }

    /// How rare a byte is in Japanese UTF-8 text, roughly: higher is rarer.
    @inline(__always) private static func rarity(_ byte: UInt8) -> Int {
        switch byte {
        case 0xE3: return 0                 // kana and 、。 lead byte
        case 0xE4...0xE9, 0xEF: return 1    // kanji and full-width forms lead bytes
        case 0x80...0x83: return 2          // trailing bytes of kana
        case 0x20, 0x30...0x39: return 3
        case 0x84...0xBF: return 5
        default: return 4
        }
    }

    /// The range of the first occurrence of `needle` in `text`.
    static func range<S: StringProtocol>(of needle: String, in text: S) -> Range<String.Index>? {
        guard let offset = offset(of: needle, in: text) else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// The last occurrence of `needle` in part of a text, byte for byte.
    static func lastRange(of needle: String, in text: Substring) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        let found: Int? = text.withUTF8Bytes { h in
            needle.withUTF8Bytes { n in
                var last: Int?
                var from = 0
                while let at = h.offset(of: n, from: from) { last = at; from = at + 1 }
                return last
            }
        }
        guard let found else { return nil }
        let start = text.utf8.index(text.startIndex, offsetBy: found)
        return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether `text` ends with `suffix`, byte for byte.
    static func hasSuffix<S: StringProtocol>(_ text: S, _ suffix: String) -> Bool {
        // The lengths first: most candidates fail there, before any bytes are read.
        text.utf8.count >= suffix.utf8.count && text.withUTF8Bytes { t in suffix.withUTF8Bytes { t.hasSuffix($0) } }
    }

    /// Whether `text` starts with `prefix`, byte for byte.
    static func hasPrefix<S: StringProtocol>(_ text: S, _ prefix: String) -> Bool {
        text.utf8.count >= prefix.utf8.count && text.withUTF8Bytes { t in prefix.withUTF8Bytes { t.hasPrefix($0) } }
    }

    /// Whether `text` is `other`, byte for byte (no Unicode normalisation: both are read
    /// from the same kind of source, and the comparison is on hot paths).
    static func equals<S: StringProtocol>(_ text: S, _ other: String) -> Bool {
        text.utf8.count == other.utf8.count && text.withUTF8Bytes { t in other.withUTF8Bytes { t.equals($0) } }
    }

    /// Whether `text` is one of `choices`, byte for byte.
    static func isOne<S: StringProtocol>(of choices: [String], _ text: S) -> Bool {
        choices.contains { equals(text, $0) }
    }
}

extension String {
    /// A string of `scalars`, written as UTF-8 in one allocation (appending scalar by scalar
    /// to a `String.UnicodeScalarView` grows and re-checks the string at every step).
    ///
    /// ```swift
    /// String(scalars: "議題".unicodeScalars.reversed())   // "題議"
    /// ```
    init<S: Sequence<Unicode.Scalar>>(scalars: S) {
        let scalars = Array(scalars)
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                for byte in UTF8.encode(scalar)! {
                    buffer[n] = byte
                    n += 1
                }
            }
            return n
        }
    }
}

extension StringProtocol {
    /// Whether `text` occurs in this text, byte for byte: what `contains` means for the
    /// parser's marks and words (`t.includes("。")`), without the grapheme breaking and
    /// Foundation folding `contains` pays on every character.
    ///
    /// ```swift
    /// "ただいまから会議を開きます。".includes("。")   // true
    /// ```
    @inline(__always) package func includes(_ text: String) -> Bool { UTF8Search.contains(self, text) }
}
