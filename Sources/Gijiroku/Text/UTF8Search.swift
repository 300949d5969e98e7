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

    /// The part of `text` before the first occurrence of `needle`, if it occurs.
    static func prefix(of text: String, before needle: String) -> Substring? {
        guard let offset = offset(of: needle, in: text) else { return nil }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return text[..<index]
    }
}
