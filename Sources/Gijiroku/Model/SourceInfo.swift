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
