import Foundation
import Gijiroku

/// A file of an archive, read once: its bytes, their SHA-256, and the record parsed from them.
///
/// The one place files become records, for `parse`, `convert` and the index alike: the bytes
/// are read (``FileBytes``), digested once, turned into text by their format (`pdftotext`
/// for PDF, the DOCX reader for DOCX, as they are for text and Markdown) and handed to
/// ``ParsedDocument/parse(_:source:kind:)``.
///
/// ```swift
/// let file = try SourceFile(path: "Corpus/minutes/shiomigawa-kosodate-01.txt")
/// let record = try file.parse()
/// ```
public struct SourceFile: Sendable {
    /// The path as given (`-` for standard input).
    public let path: String
    /// The file's bytes.
    public let data: Data
    /// Their SHA-256, lowercase hex.
    public let sha256: String
    /// How much is read.
    public let limits: InputLimits

    /// Extensions of types Gijiroku does not read, refused by name before their bytes are looked at.
    static let unsupportedExtensions: Set<String> = ["doc", "xls", "xlsx", "ppt", "pptx", "rtf", "jpg", "jpeg", "png", "gif", "zip"]

    /// Reads the file at `path` (`-`: the bytes `standardInput` gives).
    /// - Throws: ``InputError`` naming the file: missing, not permitted, a folder, not a
    ///   regular file, larger than `limits.fileSize`.
    public init(path: String, limits: InputLimits = .standard, standardInput: () -> Data = { Data() }) throws(InputError) {
        self.init(path: path, data: path == "-" ? standardInput() : try FileBytes.read(path: path, limit: limits.fileSize), limits: limits)
    }

    /// A file whose bytes are already in memory.
    public init(path: String, data: Data, limits: InputLimits = .standard) {
        self.path = path
        self.data = data
        self.sha256 = SHA256.hex(of: data)
        self.limits = limits
    }

    /// The record, parsed as `kind` or as detected.
    /// - Throws: ``InputError`` naming the file: a type Gijiroku does not read, an encrypted
    ///   or broken PDF, a DOCX that is not one, `pdftotext` missing, empty or undecodable text.
    public func parse(kind: DocumentKind? = nil) throws(InputError) -> ParsedDocument {
        let ext = FileName.extension(of: path)
        if Self.unsupportedExtensions.contains(ext) { throw InputError(path: path, reason: .unsupportedFormat(ext)) }
        if ext == "pdf" || data.starts(with: Self.pdfMagic) {
            guard path != "-" else { throw InputError(path: path, reason: .pdfFromStandardInput) }
            let text = try PDFText.extract(path: path)
            return try ParsedDocument.parse(text, source: InputSource(path: path, format: .pdf, sha256: sha256), kind: kind)
        }
        if ext == "docx" || (ext != "txt" && ext != "md" && data.starts(with: Self.zipMagic)) {
            let text = try DocxText.extract(from: data, path: path, limit: limits.zipEntrySize)
            guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else { throw InputError(path: path, reason: .empty) }
            return ParsedDocument.parse(text: text, source: InputSource(path: path, format: .docx, sha256: sha256), kind: kind)
        }
        return try ParsedDocument.parse(data, source: InputSource(path: path, sha256: sha256), kind: kind)
    }

    /// `%PDF-`
    static let pdfMagic: [UInt8] = Array("%PDF-".utf8)
    /// `PK\u{3}\u{4}`, a ZIP archive's first entry.
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
}
