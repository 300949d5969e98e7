import Foundation

/// A parsed document of any kind: minutes, a plan or another document.
public enum ParsedDocument: Sendable, Encodable {
    case minutes(Minutes)
    case plan(Plan)
    case document(Document)

    /// Reads a file of any supported format (text in any detected encoding, Markdown, PDF
    /// through `pdftotext`, DOCX), detects its kind unless `kind` is given, and parses it.
    /// `-` reads `standardInput`.
    ///
    /// ```swift
    /// let document = try ParsedDocument.read(path: "Corpus/documents/策定方針.docx")
    /// ```
    /// - Throws: ``InputError`` naming the file: unreadable, empty, binary, undecodable, an
    ///   encrypted or broken PDF, a DOCX that is not a ZIP, or `pdftotext` missing.
    public static func read(path: String, kind: DocumentKind? = nil, standardInput: () -> Data = { Data() }) throws(InputError) -> ParsedDocument {
        let data: Data
        if path == "-" {
            data = standardInput()
        } else {
            data = try FileBytes.read(path: path)
        }
        return try parse(fileData: data, path: path, kind: kind)
    }

    /// Parses a file's bytes, already read, by their format (see ``read(path:kind:standardInput:)``).
    /// - Throws: ``InputError`` naming the file.
    public static func parse(fileData data: Data, path: String, kind: DocumentKind? = nil) throws(InputError) -> ParsedDocument {
        let sha = SHA256.hex(of: data)
        let ext = fileExtension(of: path)
        if ["doc", "xls", "xlsx", "ppt", "pptx", "rtf", "jpg", "jpeg", "png", "gif", "zip"].contains(ext) {
            throw InputError(path: path, reason: .invalid("対応していない形式です（.\(ext)）。テキスト、Markdown、PDF、DOCX を読めます"))
        }
        if ext == "pdf" || data.starts(with: [0x25, 0x50, 0x44, 0x46, 0x2D]) {   // %PDF-
            guard path != "-" else { throw InputError(path: path, reason: .invalid("PDF は標準入力からは読めません。ファイルを指定してください")) }
            let text = try PDFText.extract(path: path)
            return try parse(text, path: path, sha256: sha, format: .pdf, kind: kind)
        }
        if ext == "docx" || (ext != "txt" && ext != "md" && data.starts(with: [0x50, 0x4B, 0x03, 0x04])) {
            let text = Data(try DocxText.extract(from: data, path: path).utf8)
            return try parse(text, path: path, sha256: sha, format: .docx, kind: kind)
        }
        return try parse(data, path: path, sha256: sha, format: ext == "md" || ext == "markdown" ? .markdown : .text, kind: kind)
    }

    /// The file name's extension, lowercased (`"txt"` for `a/b.TXT`; empty for `-`, `a/b`, `a/.hidden`).
    static func fileExtension(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    private static func parse(_ data: Data, path: String, sha256: String, format: SourceFormat, kind: DocumentKind?) throws(InputError) -> ParsedDocument {
        let decoded = try TextDecoder().decode(data, path: path)
        var document: ParsedDocument
        switch kind ?? DocumentKind.detect(decoded.text) {
        case .minutes: document = .minutes(MinutesParser().parse(text: decoded.text, path: path, sha256: sha256, encoding: decoded.encoding))
        case .plan: document = .plan(PlanParser().parse(text: decoded.text, path: path, sha256: sha256, encoding: decoded.encoding))
        case .document: document = .document(DocumentParser().parse(text: decoded.text, path: path, sha256: sha256, encoding: decoded.encoding))
        }
        document.setFormat(format)
        return document
    }

    private mutating func setFormat(_ format: SourceFormat) {
        switch self {
        case .minutes(var m): m.source.format = format; self = .minutes(m)
        case .plan(var p): p.source.format = format; self = .plan(p)
        case .document(var d): d.source.format = format; self = .document(d)
        }
    }

    /// Decodes `data`, detects its kind (unless `kind` is given) and parses it.
    /// - Throws: ``InputError`` when the bytes are empty, binary or undecodable.
    public static func parse(_ data: Data, path: String, kind: DocumentKind? = nil) throws(InputError) -> ParsedDocument {
        try parse(data, path: path, sha256: SHA256.hex(of: data), format: .text, kind: kind)
    }

    /// `"minutes"`, `"plan"` or `"document"`.
    public var kind: String {
        switch self {
        case .minutes: return "minutes"
        case .plan: return "plan"
        case .document: return "document"
        }
    }

    /// Where the record came from.
    public var source: SourceInfo {
        switch self {
        case .minutes(let m): return m.source
        case .plan(let p): return p.source
        case .document(let d): return d.source
        }
    }

    public var warnings: [ParseWarning] {
        switch self {
        case .minutes(let m): return m.warnings
        case .plan(let p): return p.warnings
        case .document(let d): return d.warnings
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .minutes(let m): try m.encode(to: encoder)
        case .plan(let p): try p.encode(to: encoder)
        case .document(let d): try d.encode(to: encoder)
        }
    }
}
