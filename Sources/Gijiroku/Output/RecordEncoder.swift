import Foundation

/// Encodes records as canonical JSON: keys sorted, pretty-printed, a trailing newline,
/// slashes and Japanese left unescaped; or as one compact line for JSON Lines.
///
/// The same bytes come out for the same record on every run, so golden files compare
/// byte for byte.
///
/// ```swift
/// let json = try RecordEncoder.json(minutes)        // "{\n  \"absentees\" : [ …"
/// let line = try RecordEncoder.jsonLine(minutes)    // one line, no trailing newline
/// ```
public enum RecordEncoder {
    /// Pretty, key-sorted JSON with a trailing newline.
    /// - Throws: an `EncodingError` if the value cannot be encoded.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Compact, key-sorted JSON on one line, without a newline (for JSON Lines).
    /// - Throws: an `EncodingError` if the value cannot be encoded.
    public static func jsonLine<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
