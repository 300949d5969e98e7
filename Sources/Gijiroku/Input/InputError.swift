import Foundation

/// Why an input could not be turned into a record, with the file (and line) it concerns.
///
/// Printed compiler-style by the CLI: `会議.txt: error: 空のファイルです`.
///
/// ```swift
/// do { _ = try MinutesParser().parse(Data(), path: "空.txt") }
/// catch let error as InputError { print(error) }   // 空.txt: error: 空のファイルです（本文がありません）
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The file has no bytes, or only white space.
        case empty
        /// The bytes are not text (NUL bytes or control characters).
        case binary
        /// The bytes are text in no encoding Gijiroku knows.
        case undecodable
        /// The file could not be read.
        case unreadable(String)
        /// The file is not what its type says, or of a type Gijiroku does not read
        /// (a broken or encrypted PDF, a DOCX that is not a ZIP, a spreadsheet).
        case invalid(String)
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

    /// The message in plain words, without the location.
    public var message: String {
        switch reason {
        case .empty: return "空のファイルです（本文がありません）"
        case .binary: return "テキストではありません（バイナリファイルのようです）"
        case .undecodable: return "文字コードを判別できません（UTF-8、UTF-16、Shift_JIS、EUC-JP のいずれでもありません）"
        case .unreadable(let why): return "読み込めません: \(why)"
        case .invalid(let why): return why
        }
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): error: \(message)"
    }
}
