#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes (`memchr` + `memcmp`), for the parser's hot paths.
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

    /// The byte offset of the first occurrence of `needle`, if any.
    static func offset<S: StringProtocol>(of needle: String, in haystack: S) -> Int? {
        var needle = needle
        return needle.withUTF8 { n -> Int? in
            guard n.count > 0 else { return 0 }
            let found = haystack.utf8.withContiguousStorageIfAvailable { h -> Int? in
                search(h, n)
            }
            if let found { return found }
            // Non-contiguous (bridged) strings: copy once.
            let bytes = Array(haystack.utf8)
            return bytes.withUnsafeBufferPointer { search($0, n) }
        }
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let needle = n.baseAddress else { return nil }
        return search(h, needle, n.count)
    }

    /// The byte offset of the first occurrence of the `length` bytes at `needle` in `h`.
    ///
    /// `memchr` looks for the needle's rarest byte, not its first: in Japanese text the lead
    /// byte of a kana or kanji (0xE3 for の, 0xE6 for 指) is on every few characters, while
    /// a given trailing byte is on about one in thirty.
    static func search(_ h: UnsafeBufferPointer<UInt8>, _ needle: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        guard length > 0, h.count >= length, let base = h.baseAddress else { return nil }
        var pivot = 0
        var best = rarity(needle[0])
        for k in 1..<length where rarity(needle[k]) > best { pivot = k; best = rarity(needle[k]) }
        let byte = Int32(needle[pivot])
        var from = pivot
        let end = h.count - length + pivot   // the last place the pivot byte can be
        while from <= end {
            guard let hit = memchr(base + from, byte, end - from + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - pivot
            if memcmp(base + at, needle, length) == 0 { return at }
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
    static func range(of needle: String, in text: String) -> Range<String.Index>? {
        guard let offset = offset(of: needle, in: text) else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// The range of the last occurrence of `needle` in `text`.
    static func lastRange<S: StringProtocol>(of needle: String, in text: S) -> Range<String.Index>? {
        var needle = needle
        let found: Int? = needle.withUTF8 { n in
            let search = { (h: UnsafeBufferPointer<UInt8>) -> Int? in
                guard !n.isEmpty, h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                var start = h.count - n.count
                while start >= 0 {
                    if hb[start] == nb[0], memcmp(hb + start, nb, n.count) == 0 { return start }
                    start -= 1
                }
                return nil
            }
            return text.utf8.withContiguousStorageIfAvailable(search) ?? Array(text.utf8).withUnsafeBufferPointer(search)
        }
        guard let found else { return nil }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: found)
        return lower..<text.utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Whether `text` ends with `suffix`, byte for byte.
    static func hasSuffix<S: StringProtocol>(_ text: S, _ suffix: String) -> Bool {
        let count = text.utf8.count, n = suffix.utf8.count
        guard count >= n else { return false }
        return matches(text, suffix, at: count - n)
    }

    /// Whether `text` starts with `prefix`, byte for byte.
    static func hasPrefix<S: StringProtocol>(_ text: S, _ prefix: String) -> Bool {
        text.utf8.count >= prefix.utf8.count && matches(text, prefix, at: 0)
    }

    /// Whether `text` is `other`, byte for byte (no Unicode normalisation: both are read
    /// from the same kind of source, and the comparison is on hot paths).
    static func equals<S: StringProtocol>(_ text: S, _ other: String) -> Bool {
        text.utf8.count == other.utf8.count && matches(text, other, at: 0)
    }

    /// Whether `text` is one of `choices`, byte for byte.
    static func isOne<S: StringProtocol>(of choices: [String], _ text: S) -> Bool {
        choices.contains { equals(text, $0) }
    }

    /// Whether `needle`'s bytes occur in `text` at byte `offset` (the caller checked the length).
    private static func matches<S: StringProtocol>(_ text: S, _ needle: String, at offset: Int) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard n.count > 0 else { return true }
            let compare = { (h: UnsafeBufferPointer<UInt8>) -> Bool in memcmp(h.baseAddress! + offset, n.baseAddress!, n.count) == 0 }
            return text.utf8.withContiguousStorageIfAvailable(compare) ?? Array(text.utf8).withUnsafeBufferPointer(compare)
        }
    }

    /// The part of `text` before the first occurrence of `needle`, if it occurs.
    static func prefix(of text: String, before needle: String) -> Substring? {
        guard let offset = offset(of: needle, in: text) else { return nil }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return text[..<index]
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
