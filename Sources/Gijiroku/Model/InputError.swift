import GijirokuMessages

/// Why an input could not be turned into a record, with the file (and line) it concerns.
///
/// A value, not words: ``message`` gives the catalogue entry, which the CLI prints
/// compiler-style in the reader's language (`会議.txt: error: 空のファイルです`).
///
/// ```swift
/// do { _ = try ParsedDocument.parse(Data(), source: InputSource(path: "空.txt")) }
/// catch { print(error.location, error.reason) }   // 空.txt empty
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The file has no bytes, or only white space.
        case empty
        /// The bytes are not text (NUL bytes or control characters).
        case binary
        /// The bytes are text in no encoding Gijiroku knows.
        /// In no known encoding; the offset of the first byte that is not UTF-8.
        case undecodable(offset: Int)
        /// There is no such file.
        case missing
        /// The file may not be read by this user.
        case notPermitted
        /// A folder was given where a file was expected.
        case isFolder
        /// Not a regular file: a FIFO, a socket or a device (`/dev/zero`), which could hang a run or never end.
        case notRegularFile(String)
        /// Larger than the limit on one input (bytes: the file's size and the limit).
        case tooLarge(size: Int, limit: Int)
        /// A DOCX entry that inflates beyond the limit on one entry (a zip bomb, or a damaged size).
        case docxEntryTooLarge(limit: Int)
        /// The system refused the read, for the reason it gives.
        case readFailed(String)
        /// A type Gijiroku does not read (a spreadsheet, an image), by its extension.
        case unsupportedFormat(String)
        /// `pdftotext` is not on `PATH`.
        case pdfToolMissing
        /// `pdftotext` could not be started.
        case pdfToolFailed(String)
        /// A PDF on standard input (pdftotext needs a file).
        case pdfFromStandardInput
        /// An encrypted PDF, with pdftotext's words.
        case pdfEncrypted(String)
        /// A broken PDF, with pdftotext's words.
        case pdfBroken(String)
        /// A DOCX that is not a ZIP archive.
        case docxNotZip
        /// A DOCX without `word/document.xml`.
        case docxNoDocument
        /// A DOCX whose archive cannot be read, with what is wrong.
        case docxUnreadable(String)
        /// A DOCX whose XML is malformed, with the XML parser's words.
        case docxBrokenXML(String)
    }

    /// The file, as given.
    public var path: String
    /// The line, when the problem is on one.
    public var line: Int?
    /// What went wrong.
    public var reason: Reason

    public init(path: String, line: Int? = nil, reason: Reason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// Where the problem is.
    public var location: SourceLocation { SourceLocation(path: path, line: line) }

    /// The catalogue entry that says what went wrong, without the location.
    public var message: Message {
        switch reason {
        case .empty: return Message(.inputEmpty)
        case .binary: return Message(.inputBinary)
        case .undecodable(let offset): return Message(.inputUndecodable, ["offset": String(offset)])
        case .missing: return Message(.inputMissing)
        case .notPermitted: return Message(.inputNotPermitted)
        case .isFolder: return Message(.inputIsFolder)
        case .notRegularFile(let kind): return Message(.inputNotRegularFile, ["kind": kind])
        case .tooLarge(let size, let limit): return Message(.inputTooLarge, ["size": String(size), "limit": String(limit)])
        case .docxEntryTooLarge(let limit): return Message(.inputDocxEntryTooLarge, ["limit": String(limit)])
        case .readFailed(let why): return Message(.inputReadFailed, ["reason": why])
        case .unsupportedFormat(let ext): return Message(.inputUnsupportedFormat, ["extension": ext])
        case .pdfToolMissing: return Message(.inputPDFToolMissing)
        case .pdfToolFailed(let why): return Message(.inputPDFToolFailed, ["reason": why])
        case .pdfFromStandardInput: return Message(.inputPDFFromStandardInput)
        case .pdfEncrypted(let detail): return Message(.inputPDFEncrypted, ["detail": detail])
        case .pdfBroken(let detail): return Message(.inputPDFBroken, ["detail": detail])
        case .docxNotZip: return Message(.inputDocxNotZip)
        case .docxNoDocument: return Message(.inputDocxNoDocument)
        case .docxUnreadable(let why): return Message(.inputDocxUnreadable, ["reason": why])
        case .docxBrokenXML(let why): return Message(.inputDocxBrokenXML, ["reason": why])
        }
    }

    /// `path:line: error: message`, in Japanese (the CLI prints it in the reader's language).
    public var description: String { "\(location): error: \(message)" }
}
