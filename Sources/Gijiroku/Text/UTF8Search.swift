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
        guard h.count >= n.count, let base = h.baseAddress, let needle = n.baseAddress else { return nil }
        let first = Int32(needle.pointee)
        var start = 0
        let last = h.count - n.count
        while start <= last {
            guard let hit = memchr(base + start, first, last - start + 1) else { return nil }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, needle, n.count) == 0 { return at }
            start = at + 1
        }
        return nil
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
        let t = text.utf8, s = suffix.utf8
        guard t.count >= s.count else { return false }
        return t.reversed().starts(with: s.reversed())
    }

    /// Whether `text` starts with `prefix`, byte for byte.
    static func hasPrefix<S: StringProtocol>(_ text: S, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    /// The part of `text` before the first occurrence of `needle`, if it occurs.
    static func prefix(of text: String, before needle: String) -> Substring? {
        guard let offset = offset(of: needle, in: text) else { return nil }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return text[..<index]
    }
}
