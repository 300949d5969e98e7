/// A place in a source file: its path and, when known, the lines. Printed `path:line`
/// (the first line), the way compilers and editors point at a place.
///
/// Warnings, elements, search hits and the CLI's messages all name places with it.
///
/// ```swift
/// SourceLocation(path: "議事概要.txt", lines: LineRange(12, 14)).description   // "議事概要.txt:12"
/// SourceLocation(path: "議事概要.txt").description                            // "議事概要.txt"
/// ```
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, as given.
    public var path: String
    /// The lines, when the place is narrower than the file.
    public var lines: LineRange?

    public init(path: String, lines: LineRange? = nil) {
        self.path = path
        self.lines = lines
    }

    public init(path: String, line: Int?) {
        self.init(path: path, lines: line.map { LineRange($0) })
    }

    public var description: String {
        lines.map { "\(path):\($0.start)" } ?? path
    }
}
