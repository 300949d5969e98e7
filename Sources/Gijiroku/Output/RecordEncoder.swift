import Foundation

/// Encodes records as canonical JSON: keys sorted, pretty-printed, a trailing newline,
/// slashes and Japanese left unescaped; or as one compact line for JSON Lines.
///
/// A record (minutes, a plan, a document, and the parts they are made of) has every field,
/// with `null` where nothing was found; the other values of command outputs leave absent
/// fields out (``JSONWriter``). The same
/// bytes come out for the same value on every run, so golden files compare byte for byte.
///
/// ```swift
/// let json = try RecordEncoder.json(document)        // "{\n  \"absentees\" : [ …"
/// let line = try RecordEncoder.jsonLine(document)    // one line, no trailing newline
/// ```
public enum RecordEncoder {
    /// Pretty, key-sorted JSON with a trailing newline.
    /// - Throws: an `EncodingError` if the value cannot be encoded (a number that is not finite).
    public static func json<T: Encodable>(_ value: T) throws -> String {
        var bytes = try JSONWriter(pretty: true).encode(value)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pretty JSON as an element of a top-level array: every line indented one level (the
    /// first and blank ones included), without a trailing newline.
    /// - Throws: an `EncodingError` if the value cannot be encoded.
    public static func jsonElement<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONWriter(pretty: true).encode(value, indent: 1), as: UTF8.self)
    }

    /// Compact, key-sorted JSON on one line, without a newline (for JSON Lines).
    /// - Throws: an `EncodingError` if the value cannot be encoded.
    public static func jsonLine<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONWriter(pretty: false).encode(value), as: UTF8.self)
    }
}

/// The record types: their JSON has every field, `null` where nothing was found.
extension Minutes: FieldsAlwaysPresent {}
extension Meeting: FieldsAlwaysPresent {}
extension HeaderField: FieldsAlwaysPresent {}
extension Attendee: FieldsAlwaysPresent {
    static var keysOmittedWhenNil: Set<String> { ["count", "seat"] }
}
extension AgendaItem: FieldsAlwaysPresent {}
extension Explanation: FieldsAlwaysPresent {}
extension Point: FieldsAlwaysPresent {}
extension Exchange: FieldsAlwaysPresent {
    static var keysOmittedWhenNil: Set<String> { ["questioner", "agendaNumber"] }
}
extension Directive: FieldsAlwaysPresent {}
extension Decision: FieldsAlwaysPresent {}
extension Deadline: FieldsAlwaysPresent {}
extension Plan: FieldsAlwaysPresent {}
extension PlanItem: FieldsAlwaysPresent {}
extension Document: FieldsAlwaysPresent {}
extension DocumentSection: FieldsAlwaysPresent {}
extension Speech: FieldsAlwaysPresent {}
extension Speaker: FieldsAlwaysPresent {}
extension ProceedingEvent: FieldsAlwaysPresent {}

/// The record parts written by the thousand write themselves straight to ``JSONWriter``'s
/// output (`{"end":3,"start":2}`); any other encoder gets the same fields from a container.
extension LineRange {
    private enum Keys: String, CodingKey { case start, end }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            json.writeObject { $0.field("end", end); $0.field("start", start) }
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

extension LayoutLine {
    private enum Keys: String, CodingKey { case line, text, role }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            json.writeObject { $0.field("line", line); $0.field("role", role.rawValue); $0.field("text", text) }
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(line, forKey: .line)
        try c.encode(text, forKey: .text)
        try c.encode(role, forKey: .role)
    }
}

/// A verbatim record's speeches, their speakers and its events come by the thousand: they
/// write themselves straight to ``JSONWriter``'s output too, with the fields their
/// synthesized conformances would give (every one, `null` where absent), keys in order.
extension Speech {
    private enum Keys: String, CodingKey { case speaker, text, lines, agendaNumber }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject {
                $0.field("agendaNumber", agendaNumber)
                try $0.field("lines", lines)
                try $0.field("speaker", speaker)
                $0.field("text", text)
            }
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(text, forKey: .text)
        try c.encode(lines, forKey: .lines)
        try c.encodeIfPresent(agendaNumber, forKey: .agendaNumber)
    }
}

extension Speaker {
    private enum Keys: String, CodingKey { case label, name, role, seat, category }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            json.writeObject {
                $0.field("category", category.rawValue)
                $0.field("label", label)
                $0.field("name", name)
                $0.field("role", role)
                $0.field("seat", seat)
            }
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(label, forKey: .label)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(seat, forKey: .seat)
        try c.encode(category, forKey: .category)
    }
}

extension ProceedingEvent {
    private enum Keys: String, CodingKey { case kind, text, time, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject {
                $0.field("kind", kind.rawValue)
                try $0.field("lines", lines)
                $0.field("text", text)
                $0.field("time", time)
            }
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(time, forKey: .time)
        try c.encode(lines, forKey: .lines)
    }
}
