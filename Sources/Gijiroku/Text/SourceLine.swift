/// One physical line of the source, numbered once here and never renumbered.
///
/// Keeps the text as written beside the facts the later stages need about PDF scars:
/// whether the line ended in white space (a hard line end in extracted text) and
/// whether it started with white space (a page break or an indent).
///
/// ```swift
/// let lines = SourceLine.split("【場 所】 政策会議室 \n\n")
/// lines[0].content        // "【場 所】 政策会議室"
/// lines[0].endsWithSpace  // true
/// lines[1].isBlank        // true
/// ```
public struct SourceLine: Sendable, Hashable {
    /// The 1-based line number in the file.
    public let number: Int
    /// The line as written, without its line terminator.
    public let text: Substring
    /// The line without leading and trailing white space (ASCII or ideographic).
    public let content: Substring
    /// The line ended in white space: in text extracted from PDF, a hard line end.
    public let endsWithSpace: Bool
    /// The line started with white space: an indent, or the first line of a new page.
    public let startsWithSpace: Bool

    /// Whether the line holds nothing but white space.
    public var isBlank: Bool { content.isEmpty }

    init(number: Int, text: Substring) {
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { SourceLine.trim($0) } ?? SourceLine.trim(Array(utf8))
        let start = utf8.index(utf8.startIndex, offsetBy: found.start)
        let end = utf8.index(utf8.startIndex, offsetBy: found.end)
        self.init(number: number, text: text, content: text[start..<end], startsWithSpace: found.start > 0,
                  endsWithSpace: found.end < utf8.count && found.end > found.start)
    }

    private init(number: Int, text: Substring, content: Substring, startsWithSpace: Bool, endsWithSpace: Bool) {
        self.number = number
        self.text = text
        self.content = content
        self.startsWithSpace = startsWithSpace
        self.endsWithSpace = endsWithSpace
    }

    /// The byte offsets of a line's content once white space is trimmed from both ends.
    private static func trim<C: RandomAccessCollection>(_ bytes: C) -> (start: Int, end: Int) where C.Element == UInt8, C.Index == Int {
        let base = bytes.startIndex
        var start = 0
        while start < bytes.count, let width = spaceWidth(bytes, base + start, from: base, count: bytes.count) { start += width }
        var end = bytes.count
        while end > start, let width = spaceWidthBefore(bytes, base + end, from: base + start) { end -= width }
        return (start, end)
    }

    /// The UTF-8 length of the white space starting at `i`, if there is one (see ``isSpace(_:)``).
    @inline(__always)
    private static func spaceWidth<C: RandomAccessCollection>(_ b: C, _ i: Int, from base: Int, count: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        switch b[i] {
        case 0x20, 0x09, 0x0C, 0x0D: return 1
        case 0xC2 where i + 1 < base + count && b[i + 1] == 0xA0: return 2                                     // U+00A0
        case 0xE3 where i + 2 < base + count && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3                 // U+3000
        case 0xEF where i + 2 < base + count && b[i + 1] == 0xBB && b[i + 2] == 0xBF: return 3                 // U+FEFF
        default: return nil
        }
    }

    /// The UTF-8 length of the white space ending just before `end`, if there is one.
    @inline(__always)
    private static func spaceWidthBefore<C: RandomAccessCollection>(_ b: C, _ end: Int, from start: Int) -> Int? where C.Element == UInt8, C.Index == Int {
        switch b[end - 1] {
        case 0x20, 0x09, 0x0C, 0x0D: return 1
        case 0xA0 where end - 2 >= start && b[end - 2] == 0xC2: return 2
        case 0x80 where end - 3 >= start && b[end - 3] == 0xE3 && b[end - 2] == 0x80: return 3
        case 0xBF where end - 3 >= start && b[end - 3] == 0xEF && b[end - 2] == 0xBB: return 3
        default: return nil
        }
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{00A0}" || s == "\u{0C}" || s == "\r" || s == "\u{FEFF}"
    }

    /// Splits text into numbered lines on `\n`, `\r\n` or `\r`.
    public static func split(_ text: String) -> [SourceLine] { split(text[...]) }

    /// Splits part of a text; the lines keep pointing into the whole text.
    static func split(_ text: Substring) -> [SourceLine] {
        let utf8 = text.utf8
        // Line ends found on the bytes; lines are made from byte offsets (O(1) on native strings).
        let ends = utf8.withContiguousStorageIfAvailable(lineEnds) ?? Array(utf8).withUnsafeBufferPointer(lineEnds)
        var lines: [SourceLine] = []
        lines.reserveCapacity(ends.count)
        var start = 0
        var startIndex = utf8.startIndex
        for (number, line) in ends.enumerated() {
            let endIndex = utf8.index(startIndex, offsetBy: line.end - start)
            lines.append(SourceLine(number: number + 1, text: text[startIndex..<endIndex]))
            startIndex = utf8.index(endIndex, offsetBy: line.next - line.end)
            start = line.next
        }
        return lines
    }

    /// Where each line ends (before its terminator) and where the next begins; a last line
    /// without a terminator ends at the end.
    private static func lineEnds(_ buffer: UnsafeBufferPointer<UInt8>) -> [(end: Int, next: Int)] {
        var ends: [(end: Int, next: Int)] = []
        ends.reserveCapacity(buffer.count / 32)
        var lineStart = 0
        var i = 0
        let count = buffer.count
        while i < count {
            let byte = buffer[i]
            if byte == 0x0A || byte == 0x0D {
                var next = i + 1
                if byte == 0x0D, next < count, buffer[next] == 0x0A { next += 1 }
                ends.append((i, next))
                i = next
                lineStart = next
            } else {
                i += 1
            }
        }
        if lineStart < count { ends.append((count, count)) }
        return ends
    }
}
