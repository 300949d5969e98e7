/// A piece of text as written in the source, with the lines it came from.
///
/// Lines that PDF extraction broke apart are joined back (`都市戦略` + `本部長` →
/// `都市戦略本部長`); the characters themselves are kept as written, full-width included.
///
/// ```swift
/// let note = Passage(text: "※市長が欠席", lines: LineRange(24))
/// ```
public struct Passage: Sendable, Hashable, Codable {
    /// The text, with broken lines rejoined.
    public var text: String
    /// The source lines.
    public var lines: LineRange

    public init(text: String, lines: LineRange) {
        self.text = text
        self.lines = lines
    }
}
