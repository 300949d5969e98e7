/// A run of physical lines that makes one element: a marker line and the lines that
/// continue it (PDF extraction broke it, or a page break interrupted it).
struct Element {
    enum Kind: Hashable { case marked, plain, heading, note, noComments, numbered }

    var kind: Kind
    /// The marker as written (`・`, `⇒`, `（１）`), if any.
    var marker: Substring?
    /// The line that opens the element (kept inline: most elements have one or two lines).
    var first: SourceLine
    /// The lines that continue it.
    var continuation: [SourceLine] = []

    init(kind: Kind, marker: Substring?, line: SourceLine) {
        self.kind = kind
        self.marker = marker
        self.first = line
    }

    /// Every line of the element, in order.
    var lines: [SourceLine] { [first] + continuation }
    var last: SourceLine { continuation.last ?? first }
    var lineCount: Int { 1 + continuation.count }

    mutating func append(_ line: SourceLine) { continuation.append(line) }

    var range: LineRange { LineRange(first.number, last.number) }

    /// The text as written: marker removed, lines rejoined without their line breaks.
    var text: String {
        // Where the text starts in the first line: after the marker (the classifier sliced it
        // from the start of the line) and the spaces after it. Only the marker's length goes
        // into the closure: capturing the optional substring costs more than the rest.
        let markerLength = marker?.utf8.count ?? 0
        let skip = markerLength == 0 ? 0 : first.content.withUTF8Bytes { $0.spacesEnd(from: markerLength) }
        // Substrings of valid text are copied without validating them again.
        let head = first.content.dropping(bytes: skip)
        if continuation.isEmpty { return String(head) }
        var out = ""
        out.reserveCapacity(continuation.reduce(head.utf8.count) { $0 + $1.content.utf8.count })
        out += head
        for line in continuation { out += line.content }
        return out
    }

    /// The element's first line alone (a heading that the next line ran on to).
    var firstLineAlone: Element {
        var heading = self
        heading.continuation = []
        return heading
    }

    /// The lines that continue the element, as a plain element of their own; nil when none do.
    var continuationAlone: Element? {
        guard let head = continuation.first else { return nil }
        var rest = Element(kind: .plain, marker: nil, line: head)
        for line in continuation.dropFirst() { rest.append(line) }
        return rest
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
    /// For a directives block opened by a sentence (`市長から以下のとおり指示があった。`): that sentence.
    var intro: Element?
}
