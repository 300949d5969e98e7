#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
package struct SourceLine: Sendable, Hashable {
    /// The 1-based line number in the file.
    package let number: Int
    /// The line without leading and trailing white space (ASCII or ideographic).
    package let content: Substring
    /// The UTF-8 length of the white space trimmed before and after `content`.
    private let leading: Int32, trailing: Int32

    /// The line as written, without its line terminator.
    package var text: Substring {
        let utf8 = content.base.utf8
        return content.base[utf8.index(content.startIndex, offsetBy: -Int(leading))..<utf8.index(content.endIndex, offsetBy: Int(trailing))]
    }
    /// The line ended in white space: in text extracted from PDF, a hard line end.
    package var endsWithSpace: Bool { trailing > 0 && !content.isEmpty }
    /// The line started with white space: an indent, or the first line of a new page.
    package var startsWithSpace: Bool { leading > 0 }

    /// Whether the line holds nothing but white space.
    package var isBlank: Bool { content.isEmpty }

    private init(number: Int, content: Substring, leading: Int, trailing: Int) {
        self.number = number
        self.content = content
        self.leading = Int32(leading)
        self.trailing = Int32(trailing)
    }

    /// A part of this line as a line of its own, with the same number, white space trimmed:
    /// a line flattened by extraction holds several fields or utterances.
    ///
    /// ```swift
    /// let line = SourceLine.split("日  時  令和5年9月15日  場  所  第3委員会室")[0]
    /// line.segment(line.content.startIndex..<i).content   // "日  時  令和5年9月15日"
    /// ```
    package func segment(_ range: Range<Substring.Index>) -> SourceLine {
        let part = content[range]
        var start = part.unicodeScalars.startIndex, end = part.unicodeScalars.endIndex
        while start < end, Self.isSpace(part.unicodeScalars[start]) { start = part.unicodeScalars.index(after: start) }
        while end > start, Self.isSpace(part.unicodeScalars[part.unicodeScalars.index(before: end)]) { end = part.unicodeScalars.index(before: end) }
        let utf8 = content.base.utf8
        let leading = utf8.distance(from: range.lowerBound, to: start) + (range.lowerBound == content.startIndex ? Int(self.leading) : 0)
        let trailing = utf8.distance(from: end, to: range.upperBound) + (range.upperBound == content.endIndex ? Int(self.trailing) : 0)
        return SourceLine(number: number, content: content.base[start..<end], leading: leading, trailing: trailing)
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{00A0}" || s == "\u{0C}" || s == "\r" || s == "\u{FEFF}"
    }

    /// Splits text into numbered lines on `\n`, `\r\n` or `\r`.
    package static func split(_ text: String) -> [SourceLine] { split(text[...]) }

    /// Splits part of a text; the lines keep pointing into the whole text.
    static func split(_ text: Substring) -> [SourceLine] { lines(of: text, keepingBlank: true).lines }

    /// The lines that are not blank, numbered as in the whole text, and how many lines there
    /// are in all: what the minutes stages read (they pass over blank lines, and text from
    /// PDF has one after every line).
    ///
    /// ```swift
    /// let (lines, count) = SourceLine.nonBlankLines(of: "議事概要\n\n【日 時】\n")
    /// lines.map(\.number)   // [1, 3]
    /// count                 // 3
    /// ```
    static func nonBlankLines(of text: String) -> (lines: [SourceLine], count: Int) { lines(of: text[...], keepingBlank: false) }

    private static func lines(of text: Substring, keepingBlank: Bool) -> (lines: [SourceLine], count: Int) {
        // Everything is found on the bytes in one pass; a line's content is then made from
        // byte offsets into the whole text (O(1) on native strings).
        let base = text.base
        let utf8 = base.utf8
        let origin = utf8.distance(from: utf8.startIndex, to: text.startIndex)
        var lines: [SourceLine] = []
        var index = utf8.index(utf8.startIndex, offsetBy: origin)
        var at = 0
        var count = 0
        text.withUTF8Bytes { bytes in
            // Minutes average some 30–45 bytes a line (PDF text has a blank line after each):
            // room for more than that, so that the array seldom grows, without counting.
            lines.reserveCapacity(bytes.count / (keepingBlank ? 24 : 40) + 16)
            forEachLine(bytes) { span in
                count += 1
                if !keepingBlank && span.isBlank { return true }
                let start = utf8.index(index, offsetBy: Int(span.start) - at)
                let end = utf8.index(start, offsetBy: Int(span.end - span.start))
                lines.append(SourceLine(number: count, content: Substring(utf8[start..<end]),
                                        leading: Int(span.leading), trailing: Int(span.trailing)))
                index = end
                at = Int(span.end)
                return true
            }
        }
        return (lines, count)
    }

    /// One line as byte offsets: its trimmed content and the white space around it.
    struct Span {
        var start: Int32, end: Int32, leading: Int32, trailing: Int32
        var isBlank: Bool { start == end }
    }

    /// Calls `body` with each line of `buffer`, ended by `\n`, `\r\n` or `\r`, until it
    /// returns false; a last line without a terminator ends at the end.
    @inline(__always)
    static func forEachLine(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (Span) -> Bool) {
        guard let p = buffer.baseAddress else { return }
        let count = buffer.count
        let hasCR = memchr(p, 0x0D, count) != nil
        var lineStart = 0
        while lineStart < count {
            var end: Int
            if hasCR {
                end = lineStart
                while end < count, p[end] != 0x0A, p[end] != 0x0D { end += 1 }
            } else if let hit = memchr(p + lineStart, 0x0A, count - lineStart) {
                end = p.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            // The content: the line once white space is trimmed from both ends.
            let content = buffer.bytes(lineStart..<end).trimmedRange
            guard body(Span(start: Int32(lineStart + content.lowerBound), end: Int32(lineStart + content.upperBound),
                            leading: Int32(content.lowerBound), trailing: Int32(end - lineStart - content.upperBound))) else { return }
            var next = end + 1
            if end < count, p[end] == 0x0D, next < count, p[next] == 0x0A { next += 1 }
            lineStart = next
        }
    }
}
