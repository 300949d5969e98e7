/// A run of physical lines that makes one element: a marker line and the lines that
/// continue it (PDF extraction broke it, or a page break interrupted it).
struct Element {
    enum Kind: Hashable { case marked, plain, heading, note, noComments, numbered }

    var kind: Kind
    /// The marker as written (`・`, `⇒`, `（１）`), if any.
    var marker: Substring?
    var lines: [SourceLine]

    var range: LineRange { LineRange(lines.first?.number ?? 0, lines.last?.number) }

    /// The text as written: marker removed, lines rejoined without their line breaks.
    var text: String {
        guard let first = lines.first else { return "" }
        var start = first.content.startIndex
        if let marker, first.content.utf8.starts(with: marker.utf8) {
            let scalars = first.content.unicodeScalars
            start = first.content.utf8.index(start, offsetBy: marker.utf8.count)
            while start < scalars.endIndex, SourceLine.isSpace(scalars[start]) { start = scalars.index(after: start) }
        }
        if lines.count == 1 { return String(first.content[start...]) }
        var out = String(first.content[start...])
        out.reserveCapacity(lines.reduce(0) { $0 + $1.content.utf8.count })
        for line in lines.dropFirst() { out += line.content }
        return out
    }

    /// Whether a following unmarked line continues this element.
    var acceptsContinuation: Bool { kind != .heading && kind != .noComments }
}

/// A labelled block of the body (`＜議題説明①＞` and the elements under it).
struct Block {
    var kind: LineClassifier.BlockKind?   // nil: text before any block label
    var number: Int?
    var issuer: String?
    var label: SourceLine?
    var elements: [Element] = []
}
