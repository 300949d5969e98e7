/// Words, digits and bracketed phrases read on UTF-8 bytes, by name, so that the stages
/// never spell a byte value or a byte offset.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes after `prefix`, or `nil` when they do not start with it.
    ///
    /// ```swift
    /// "議題（１）…".withUTF8Bytes { $0.removingPrefix("議題") }   // the bytes of "（１）…"
    /// ```
    @inline(__always) func removingPrefix(_ prefix: StaticString) -> UTF8Bytes? {
        hasPrefix(prefix) ? bytes(prefix.utf8CodeUnitCount..<count) : nil
    }

    /// The bytes before `suffix`, or `nil` when they do not end with it.
    @inline(__always) func removingSuffix(_ suffix: StaticString) -> UTF8Bytes? {
        hasSuffix(suffix) ? bytes(0..<(count - suffix.utf8CodeUnitCount)) : nil
    }

    /// The bytes between an opening and a closing mark that enclose them all (`(資料１)` →
    /// `資料１`), or `nil`.
    @inline(__always) func enclosed(by open: StaticString, _ close: StaticString) -> UTF8Bytes? {
        guard count >= open.utf8CodeUnitCount + close.utf8CodeUnitCount, hasPrefix(open), hasSuffix(close) else { return nil }
        return bytes(open.utf8CodeUnitCount..<(count - close.utf8CodeUnitCount))
    }

    /// The bytes from `start` to the end.
    @inline(__always) func suffix(from start: Int) -> UTF8Bytes { bytes(start..<count) }

    /// The bytes before `end`.
    @inline(__always) func prefix(upTo end: Int) -> UTF8Bytes { bytes(0..<end) }

    /// Whether every byte is an ASCII digit (and there is at least one).
    var isASCIINumber: Bool { !isEmpty && allSatisfy(UTF8Bytes.isASCIIDigit) }

    /// The value of the ASCII digits in `range`, or `nil` when one is not a digit.
    func asciiNumber(in range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
            guard UTF8Bytes.isASCIIDigit(self[i]) else { return nil }
            value = value * 10 + Int(self[i] - UInt8(ascii: "0"))
        }
        return value
    }

    /// Where a run of ASCII digits ending at the end of the bytes starts (`count` when they
    /// end in none).
    func trailingASCIIDigitsStart() -> Int {
        var start = count
        while start > 0, UTF8Bytes.isASCIIDigit(self[start - 1]) { start -= 1 }
        return start
    }

    @inline(__always) static func isASCIIDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Back from `end` to the start of the phrase that ends there: just after a 、 」 or 。
    /// outside brackets, or just after the bracket, ( or （, that opens around the phrase;
    /// else the start of the bytes. `事務局（都市経営戦略部）から` read back from から gives
    /// `事務局（都市経営戦略部）`.
    ///
    /// Byte by byte: each mark is matched whole from its lead byte, which no other scalar contains.
    func phraseStart(before end: Int) -> Int {
        var depth = 0
        var i = end
        while i > 0 {
            i -= 1
            switch self[i] {
            case Marks.asciiClose: depth += 1
            case Marks.asciiOpen: depth -= 1; if depth < 0 { return i + 1 }
            case Marks.fullWidthLead where i + 2 < end && self[i + 1] == Marks.fullWidthBracket:
                if self[i + 2] == Marks.fullWidthClose { depth += 1 }
                if self[i + 2] == Marks.fullWidthOpen { depth -= 1; if depth < 0 { return i + 3 } }
            case Marks.punctuationLead where depth == 0 && i + 2 < end && self[i + 1] == Marks.punctuation
                && Marks.phraseEnds.contains(self[i + 2]):
                return i + 3
            default:
                continue
            }
        }
        return 0
    }
}

/// The UTF-8 bytes of the brackets and marks `phraseStart(before:)` reads.
private enum Marks {
    static let asciiOpen = UInt8(ascii: "(")
    static let asciiClose = UInt8(ascii: ")")
    /// （ is EF BC 88, ） is EF BC 89.
    static let fullWidthLead: UInt8 = 0xEF, fullWidthBracket: UInt8 = 0xBC
    static let fullWidthOpen: UInt8 = 0x88, fullWidthClose: UInt8 = 0x89
    /// 、 is E3 80 81, 。 is E3 80 82, 」 is E3 80 8D.
    static let punctuationLead: UInt8 = 0xE3, punctuation: UInt8 = 0x80
    static let phraseEnds: [UInt8] = [0x81, 0x82, 0x8D]
}
