/// Any other administrative document (an inspection report, a policy draft, a notice) as
/// an outline: title, date, issuing body, table of contents, and headings with their
/// paragraphs.
///
/// ```swift
/// let doc = DocumentParser().parse(text: text, path: "策定方針.md")
/// doc.date            // "2019-11-01" for 令和元年 11 月
/// doc.outline.count   // top-level headings
/// ```
public struct Document: Sendable, Hashable, Encodable {
    /// Always `"document"`.
    public var kind: String = "document"
    public var title: String?
    /// The document's date, ISO; a month without a day gives its first day.
    public var date: String?
    /// Who issued or wrote it, where stated (`千曲市 企画政策部 総合政策課`).
    public var author: String?
    /// Table-of-contents entries, recognised as such rather than as headings.
    public var contents: [Passage]
    /// Paragraphs before the first heading.
    public var preamble: [Passage]
    /// The lines that give the date and the issuer (`平成28年２月23日`, `…特別委員長 工 藤 日 出 夫`),
    /// wherever they stand: read into `date` and `author`, not repeated as paragraphs.
    public var dateline: [Passage] = []
    /// The headings, nested by their numbering style, with their paragraphs.
    public var outline: [DocumentSection]
    public var warnings: [ParseWarning]
    public var source: SourceInfo

    public init(source: SourceInfo) {
        self.contents = []
        self.preamble = []
        self.outline = []
        self.warnings = []
        self.source = source
    }
}

/// A heading of a document with its paragraphs and sub-headings.
///
/// ```swift
/// let s = DocumentSection(label: "①", title: "市民との協働による計画づくり", level: 2, lines: LineRange(40))
/// ```
public struct DocumentSection: Sendable, Hashable, Codable {
    /// The numbering as written (`１`, `(1)`, `①`, `#`), or `nil`.
    public var label: String?
    public var title: String
    /// 1 for the outermost headings.
    public var level: Int
    public var paragraphs: [Passage]
    public var lines: LineRange
    public var children: [DocumentSection]

    public init(label: String?, title: String, level: Int, paragraphs: [Passage] = [], lines: LineRange, children: [DocumentSection] = []) {
        self.label = label
        self.title = title
        self.level = level
        self.paragraphs = paragraphs
        self.lines = lines
        self.children = children
    }
}
