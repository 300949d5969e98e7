/// A non-fatal problem found while parsing, with the line it concerns.
///
/// Warnings are collected, never printed from inside the parser; the CLI prints them
/// compiler-style (`会議.txt:12: warning: 曜日が日付と一致しません`).
///
/// ```swift
/// let w = ParseWarning(line: 3, message: "曜日（木）が日付 2018-11-16（金）と一致しません")
/// ```
public struct ParseWarning: Sendable, Hashable, Codable {
    /// The 1-based source line, or `nil` when the warning concerns the whole document.
    public var line: Int?
    /// What is wrong, in plain words.
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(message, forKey: .message)
    }
}
