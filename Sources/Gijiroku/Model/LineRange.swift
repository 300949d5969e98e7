/// An inclusive, 1-based range of physical lines in the source file.
///
/// Every element of a parsed record carries the lines it came from, so a reader can
/// always go back to the text as written.
///
/// ```swift
/// let range = LineRange(3, 5)   // lines 3, 4 and 5 of the file
/// range.contains(4)             // true
/// ```
public struct LineRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first line, 1-based.
    public var start: Int
    /// The last line, inclusive.
    public var end: Int

    /// Creates a range; `end` defaults to `start`.
    public init(_ start: Int, _ end: Int? = nil) {
        self.start = start
        self.end = max(start, end ?? start)
    }

    /// Whether `line` lies in the range.
    public func contains(_ line: Int) -> Bool { line >= start && line <= end }

    /// The smallest range that covers both.
    public func union(_ other: LineRange) -> LineRange {
        LineRange(min(start, other.start), max(end, other.end))
    }

    public var description: String { start == end ? "\(start)" : "\(start)-\(end)" }
}

extension Optional where Wrapped == LineRange {
    func union(_ other: LineRange) -> LineRange { self?.union(other) ?? other }
}
