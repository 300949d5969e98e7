/// Where a record came from: the file, its digest and how its bytes were decoded.
///
/// ```swift
/// let source = SourceInfo(path: "Corpus/minutes/a.txt", sha256: "…", encoding: .utf8, lineCount: 120)
/// ```
public struct SourceInfo: Sendable, Hashable, Codable {
    /// The path as given to the parser (`-` for standard input).
    public var path: String
    /// The SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The text encoding that was detected and used (for PDF and DOCX, of the extracted text).
    public var encoding: TextEncoding
    /// What kind of file it was.
    public var format: SourceFormat
    /// How many physical lines the file has.
    public var lineCount: Int
    /// Which meeting of the file the record is, when the file holds several one after
    /// another (a page listing `第12回 …(令和4年10月28日開催)`, `第11回 …`); absent otherwise.
    public var part: Part?

    /// One meeting of a file that holds several.
    ///
    /// ```swift
    /// record.source.part   // Part(number: 2, of: 3, lines: LineRange(16, 25))
    /// ```
    public struct Part: Sendable, Hashable, Codable {
        /// 1-based, in the order of the file.
        public var number: Int
        /// How many meetings the file holds.
        public var of: Int
        /// The lines of the file this meeting holds (the first meeting also holds the page's lines before it).
        public var lines: LineRange
    }

    public init(path: String, sha256: String, encoding: TextEncoding, format: SourceFormat = .text, lineCount: Int) {
        self.path = path
        self.sha256 = sha256
        self.encoding = encoding
        self.format = format
        self.lineCount = lineCount
    }
}

/// The kinds of file Gijiroku reads.
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case text, markdown, pdf, docx
    /// An HTML page, its text extracted.
    case html
    /// A council-minutes service's JSON export (`tenant_minutes`), its turns' text extracted.
    case json
}

/// The text encodings Gijiroku detects.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case shiftJIS = "Shift_JIS (CP932)"
    case eucJP = "EUC-JP"
}
