#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level reading of valid UTF-8, for the parser's hot paths: comparisons against
/// literals without building strings, and the scalars at either end of a run of bytes.
///
/// ```swift
/// "＜議題説明＞".utf8.withContiguousStorageIfAvailable { bytes in
///     bytes.hasPrefix("＜") && bytes.hasSuffix("＞")   // true
/// }
/// ```
typealias UTF8Bytes = UnsafeBufferPointer<UInt8>

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes of a static string, without copying them.
    @inline(__always) init(_ word: StaticString) {
        self.init(start: word.utf8Start, count: word.utf8CodeUnitCount)
    }

    /// Whether these bytes start with `prefix`'s.
    @inline(__always) func hasPrefix(_ prefix: UTF8Bytes) -> Bool {
        count >= prefix.count && matches(prefix, at: 0)
    }

    /// Whether these bytes end with `suffix`'s.
    @inline(__always) func hasSuffix(_ suffix: UTF8Bytes) -> Bool {
        count >= suffix.count && matches(suffix, at: count - suffix.count)
    }

    /// Whether these bytes are exactly `other`'s.
    @inline(__always) func equals(_ other: UTF8Bytes) -> Bool {
        count == other.count && matches(other, at: 0)
    }

    @inline(__always) func hasSuffix(_ suffix: [UInt8]) -> Bool { suffix.withUnsafeBufferPointer { hasSuffix($0) } }
    @inline(__always) func hasPrefix(_ prefix: StaticString) -> Bool { hasPrefix(UTF8Bytes(prefix)) }
    @inline(__always) func hasSuffix(_ suffix: StaticString) -> Bool { hasSuffix(UTF8Bytes(suffix)) }
    @inline(__always) func equals(_ other: StaticString) -> Bool { equals(UTF8Bytes(other)) }

    /// Whether these bytes are exactly one of `choices`.
    func isOne(of choices: [StaticString]) -> Bool {
        choices.contains { equals($0) }
    }

    /// Whether `word`'s bytes occur at byte `offset` (the caller checked the length).
    @inline(__always) func matches(_ word: UTF8Bytes, at offset: Int) -> Bool {
        // Words here are a few bytes long: a loop beats a call to memcmp.
        for k in 0..<word.count where self[offset + k] != word[k] { return false }
        return true
    }

    /// The byte offset of the first occurrence of `word` at or after `from`.
    func offset(of word: UTF8Bytes, from: Int = 0) -> Int? {
        guard from <= count, let found = UTF8Search.search(bytes(from..<count), word) else { return nil }
        return found + from
    }

    @inline(__always) func offset(of word: StaticString, from: Int = 0) -> Int? { offset(of: UTF8Bytes(word), from: from) }

    /// The offset of the `n`-th byte (from 1) equal to `byte`, if there are that many;
    /// counted eight bytes at a time.
    func offset(ofOccurrence n: Int, of byte: UInt8) -> Int? {
        guard n > 0 else { return nil }
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        var seen = 0, i = 0
        if let base = baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= count {
                let hits = Self.zeroBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern).nonzeroBitCount
                if seen + hits >= n { break }   // it is in these eight bytes
                seen += hits
                i += 8
            }
        }
        while i < count {
            if self[i] == byte { seen += 1; if seen == n { return i } }
            i += 1
        }
        return nil
    }

    /// The high bit of each byte of `word` that is zero, and no other bit: exact, as no
    /// carry crosses a byte.
    @inline(__always) static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word) & 0x8080_8080_8080_8080
    }

    /// The byte offset of the last occurrence of `word`: a scan back, for short texts.
    func lastOffset(of word: StaticString) -> Int? {
        let word = UTF8Bytes(word)
        guard !word.isEmpty, word.count <= count else { return nil }
        var at = count - word.count
        while at >= 0 {
            if self[at] == word[0] && matches(word, at: at) { return at }
            at -= 1
        }
        return nil
    }

    /// The byte offsets of every occurrence of `word`, in order (occurrences may overlap).
    func offsets(of word: StaticString) -> [Int] {
        var found: [Int] = []
        var from = 0
        while let at = offset(of: word, from: from) {
            found.append(at)
            from = at + 1
        }
        return found
    }

    /// The scalar starting at byte `i` and its UTF-8 length.
    @inline(__always) func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(self[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(self[i + 1] & 0x3F))!, 2) }
        if b0 < 0xF0 {
            return (Unicode.Scalar((b0 & 0x0F) << 12 | UInt32(self[i + 1] & 0x3F) << 6 | UInt32(self[i + 2] & 0x3F))!, 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(self[i + 1] & 0x3F) << 12 | UInt32(self[i + 2] & 0x3F) << 6 | UInt32(self[i + 3] & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }

    /// The first scalar and its UTF-8 length, if there are any bytes.
    @inline(__always) var firstScalar: (Unicode.Scalar, Int)? { isEmpty ? nil : scalar(at: 0) }

    /// Where the scalar that ends just before byte `end` (> 0) starts.
    @inline(__always) func scalarStart(before end: Int) -> Int {
        var i = end - 1
        while i > 0, self[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Where the last scalar starts, if there are any bytes.
    @inline(__always) var lastScalarStart: Int? { isEmpty ? nil : scalarStart(before: count) }

    /// How many scalars the bytes hold.
    var scalarCount: Int {
        var n = 0
        for byte in self where byte & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The byte offset after the first `n` scalars (the end when there are fewer).
    func offset(afterScalars n: Int) -> Int {
        var seen = 0
        for i in 0..<count where self[i] & 0xC0 != 0x80 {
            if seen == n { return i }
            seen += 1
        }
        return count
    }

    /// The bytes `range` as a buffer of their own (no copy).
    @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: self[range])
    }

    /// The UTF-8 length of the white space at `i` (see ``SourceLine/isSpace(_:)``), or 0.
    @inline(__always) func spaceWidth(at i: Int) -> Int {
        switch self[i] {
        case 0x20, 0x09, 0x0C, 0x0D: return 1
        case 0xC2 where i + 1 < count && self[i + 1] == 0xA0: return 2
        case 0xE3 where i + 2 < count && self[i + 1] == 0x80 && self[i + 2] == 0x80: return 3
        case 0xEF where i + 2 < count && self[i + 1] == 0xBB && self[i + 2] == 0xBF: return 3
        default: return 0
        }
    }

    /// Where the white space starting at byte `i` ends (`i` itself when there is none).
    @inline(__always) func spacesEnd(from i: Int) -> Int {
        var end = i
        while end < count { let width = spaceWidth(at: end); guard width > 0 else { break }; end += width }
        return end
    }

    /// Where the bytes are once white space is trimmed from both ends.
    @inline(__always) var trimmedRange: Range<Int> {
        let start = spacesEnd(from: 0)
        var end = count
        while end > start {
            let s = Swift.max(scalarStart(before: end), start)
            guard spaceWidth(at: s) == end - s else { break }
            end = s
        }
        return start..<end
    }

    /// The bytes without white space at either end.
    var trimmingSpaces: UnsafeBufferPointer<UInt8> { bytes(trimmedRange) }

    /// Whether every byte from `i` on is white space.
    func isSpace(from i: Int) -> Bool {
        var i = i
        while i < count {
            let width = spaceWidth(at: i)
            guard width > 0 else { return false }
            i += width
        }
        return true
    }
}

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes, copying them only when the string is not
    /// stored contiguously.
    @inline(__always) func withUTF8Bytes<R>(_ body: (UTF8Bytes) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {
    /// The text between two byte offsets (each must start a scalar or end the text).
    @inline(__always) func utf8Slice(_ range: Range<Int>) -> Substring {
        self[utf8.index(startIndex, offsetBy: range.lowerBound)..<utf8.index(startIndex, offsetBy: range.upperBound)]
    }
}

extension Substring {
    /// The text between two byte offsets from its start (each must start a scalar or end the text).
    @inline(__always) func utf8Slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(startIndex, offsetBy: range.lowerBound)
        return self[start..<utf8.index(start, offsetBy: range.count)]
    }

    /// The text without the scalars `trim` accepts at either end, compared as scalars (no
    /// grapheme breaking, no copy through Foundation).
    ///
    /// ```swift
    /// Substring("　議題\t").trimmingScalars(where: SourceLine.isSpace)   // "議題"
    /// ```
    func trimmingScalars(where trim: (Unicode.Scalar) -> Bool) -> Substring {
        var scalars = unicodeScalars
        while let f = scalars.first, trim(f) { scalars.removeFirst() }
        while let l = scalars.last, trim(l) { scalars.removeLast() }
        return Substring(scalars)
    }

    /// The first `count` bytes of the text, as a substring (`count` must end a scalar).
    @inline(__always) func prefix(bytes count: Int) -> Substring {
        Substring(utf8[..<utf8.index(startIndex, offsetBy: count)])
    }

    /// The text from byte `count` on (`count` must start a scalar).
    @inline(__always) func dropping(bytes count: Int) -> Substring {
        Substring(utf8[utf8.index(startIndex, offsetBy: count)...])
    }
}

extension Substring {
    /// The first `count` Unicode scalars of the text: `prefix(_:)` counted in scalars, with
    /// no grapheme breaking (the same text for the parser's Japanese, at a fraction of the
    /// cost in loops that look ahead from every character).
    ///
    /// ```swift
    /// "市長（鈴木一郎君）".prefix(scalars: 2)   // "市長"
    /// ```
    @inline(__always) func prefix(scalars count: Int) -> Substring {
        // Counted on the bytes: walking scalar indexes checks each of them, and this is
        // asked at every opening a line may have.
        let end = withUTF8Bytes { $0.offset(afterScalars: count) }
        return self[..<utf8.index(startIndex, offsetBy: end)]
    }
}
