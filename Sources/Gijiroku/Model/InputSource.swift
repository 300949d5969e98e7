/// What the caller knows of a text's origin, handed to ``ParsedDocument/parse(_:source:kind:)``
/// and recorded in the record's ``SourceInfo``.
///
/// ```swift
/// InputSource(path: "議事概要.md")                                   // format .markdown, by the extension
/// InputSource(path: "議事概要.pdf", format: .pdf, sha256: digestOfThePDF)
/// ```
public struct InputSource: Sendable, Hashable {
    /// The path recorded in the record and named in errors (`-` for standard input).
    public var path: String
    /// The file's format; for PDF and DOCX the data given is the extracted text.
    public var format: SourceFormat
    /// The SHA-256 of the file's bytes, lowercase hex; computed from the text when `nil`.
    public var sha256: String?

    /// - Parameter format: defaults to `.markdown` for `.md`/`.markdown` names, `.text` otherwise.
    public init(path: String, format: SourceFormat? = nil, sha256: String? = nil) {
        self.path = path
        self.format = format ?? SourceFormat(fileExtension: FileName.extension(of: path))
        self.sha256 = sha256
    }
}

extension SourceFormat {
    /// The format a file name's extension names (`md` → `.markdown`; unknown → `.text`).
    public init(fileExtension ext: String) {
        switch ext {
        case "md", "markdown": self = .markdown
        case "pdf": self = .pdf
        case "docx": self = .docx
        case "html", "htm", "xhtml": self = .html
        case "json": self = .json
        default: self = .text
        }
    }
}

/// File names as paths spell them.
package enum FileName {
    /// The last component's extension, lowercased (`"txt"` for `a/b.TXT`; empty for `-`, `a/b`, `a/.hidden`).
    ///
    /// ```swift
    /// FileName.extension(of: "会議/議事概要.TXT")   // "txt"
    /// ```
    package static func `extension`(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    /// The last component without its extension (`"基本計画"` for `計画/基本計画.txt`).
    ///
    /// ```swift
    /// FileName.stem(of: "計画/基本計画.txt")   // "基本計画"
    /// ```
    package static func stem(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }
}
