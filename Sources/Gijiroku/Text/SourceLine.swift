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
        self.number = number
        self.text = text
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex, SourceLine.isSpace(scalars[start]) { start = scalars.index(after: start) }
        var end = scalars.endIndex
        while end > start, SourceLine.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        self.content = Substring(scalars[start..<end])
        self.startsWithSpace = start != scalars.startIndex
        self.endsWithSpace = end != scalars.endIndex && !content.isEmpty
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{00A0}" || s == "\u{0C}" || s == "\r" || s == "\u{FEFF}"
    }

    /// Splits text into numbered lines on `\n`, `\r\n` or `\r`.
    public static func split(_ text: String) -> [SourceLine] { split(text[...]) }

    /// Splits part of a text; the lines keep pointing into the whole text.
    static func split(_ text: Substring) -> [SourceLine] {
        var lines: [SourceLine] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        var number = 1
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(SourceLine(number: number, text: text[lineStart..<index]))
                number += 1
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                index = next
                lineStart = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if lineStart < utf8.endIndex { lines.append(SourceLine(number: number, text: text[lineStart...])) }
        return lines
    }
}
