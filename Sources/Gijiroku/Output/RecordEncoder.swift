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
        String(decoding: try jsonUTF8(value), as: UTF8.self)
    }

    /// ``json(_:)`` as UTF-8 bytes, for writers that take bytes.
    package static func jsonUTF8<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes = try JSONWriter(pretty: true).encode(value)
        bytes.append(0x0A)
        return bytes
    }

    /// Pretty JSON as an element of a top-level array: every line indented one level (the
    /// first and blank ones included), without a trailing newline.
    /// - Throws: an `EncodingError` if the value cannot be encoded.
    public static func jsonElement<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try jsonElementUTF8(value), as: UTF8.self)
    }

    /// ``jsonElement(_:)`` as UTF-8 bytes.
    package static func jsonElementUTF8<T: Encodable>(_ value: T) throws -> [UInt8] {
        try JSONWriter(pretty: true).encode(value, indent: 1)
    }

    /// Compact, key-sorted JSON on one line, without a newline (for JSON Lines).
    /// - Throws: an `EncodingError` if the value cannot be encoded.
    public static func jsonLine<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try jsonLineUTF8(value), as: UTF8.self)
    }

    /// ``jsonLine(_:)`` as UTF-8 bytes.
    package static func jsonLineUTF8<T: Encodable>(_ value: T) throws -> [UInt8] {
        try JSONWriter(pretty: false).encode(value)
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

/// The record parts written by the thousand list their fields for ``JSONFields``: written
/// straight to ``JSONWriter``'s output (`{"end":3,"start":2}`), with the fields their
/// synthesized conformances would give (a record type's absent fields as `null`), keys in
/// order; any other encoder gets the same fields through a container. The golden files
/// compare them byte for byte.
extension LineRange: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("end", end)
        try fields.field("start", start)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Meeting: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("fiscalYear", fiscalYear)
        try fields.field("name", name)
        try fields.field("session", session)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

/// Where a record came from. (`part` is left out when the file holds one meeting.)
extension SourceInfo: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("encoding", encoding.rawValue)
        try fields.field("format", format.rawValue)
        try fields.field("lineCount", lineCount)
        try fields.field("part", ifPresent: part)
        try fields.field("path", path)
        try fields.field("sha256", sha256)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension SourceInfo.Part: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("lines", lines)
        try fields.field("number", number)
        try fields.field("of", of)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension LayoutLine: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("line", line)
        try fields.field("role", role.rawValue)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Speech: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("agendaNumber", agendaNumber)
        try fields.field("lines", lines)
        try fields.field("speaker", speaker: speaker)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Speaker: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("category", category.rawValue)
        try fields.field("label", label)
        try fields.field("name", name)
        try fields.field("role", role)
        try fields.field("seat", seat)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension ProceedingEvent: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("kind", kind.rawValue)
        try fields.field("lines", lines)
        try fields.field("text", text)
        try fields.field("time", time)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Exchange: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("agendaNumber", ifPresent: agendaNumber)
        try fields.field("answers", answers)
        try fields.field("lines", lines)
        try fields.field("question", question)
        try fields.field("questionLines", orNull: questionLines)
        try fields.field("questionMarker", questionMarker)
        try fields.field("questioner", ifPresent: questioner)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Answer: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        // Not a record type of its own: an absent speaker is left out.
        try fields.field("lines", lines)
        try fields.field("marker", marker)
        try fields.field("speaker", ifPresent: speaker)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Point: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("kind", kind.rawValue)
        try fields.field("lines", lines)
        try fields.field("marker", marker)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Attendee: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("count", ifPresent: count)
        try fields.field("group", group)
        try fields.field("lines", lines)
        try fields.field("name", name)
        try fields.field("note", note)
        try fields.field("proxy", proxy)
        try fields.field("role", role)
        try fields.field("seat", ifPresent: seat)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Directive: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("agendaNumber", agendaNumber)
        try fields.field("deadline", orNull: deadline)
        try fields.field("issuer", issuer)
        try fields.field("lines", lines)
        try fields.field("responsible", responsible)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension AgendaItem: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("exchanges", exchanges)
        try fields.field("explanation", orNull: explanation)
        try fields.field("label", label)
        try fields.field("lines", orNull: lines)
        try fields.field("noComments", noComments)
        try fields.field("number", number)
        try fields.field("title", title)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Explanation: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("intro", orNull: intro)
        try fields.field("lines", lines)
        try fields.field("materials", materials)
        try fields.field("points", points)
        try fields.field("presenter", presenter)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Passage: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("lines", lines)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

/// A record of minutes lists its fields too, so that its thousands of speeches, layout
/// lines and exchanges are written as arrays of parts, with no encoder per element.
extension Minutes: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("absentees", absentees)
        try fields.field("agenda", agenda)
        try fields.field("attendees", attendees)
        try fields.field("chair", chair)
        try fields.field("date", date)
        try fields.field("decisions", decisions)
        try fields.field("directives", directives)
        try fields.field("endTime", endTime)
        try fields.field("events", events)
        try fields.field("exchanges", exchanges)
        try fields.field("form", form.rawValue)
        try fields.field("header", header)
        try fields.field("kind", kind)
        try fields.field("layout", layout)
        try fields.field("meeting", meeting)
        try fields.field("notes", notes)
        try fields.field("noticeDate", noticeDate)
        try fields.field("other", other)
        try fields.field("paragraphs", paragraphs)
        try fields.field("place", place)
        try fields.field("source", source)
        try fields.field("speeches", speeches)
        try fields.field("startTime", startTime)
        try fields.field("title", title)
        try fields.field("warnings", warnings)
        try fields.field("weekday", weekday)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

/// A warning's line (`null` when it is about the whole file) and message. (Its own
/// `encode(to:)` gives any other encoder the same two fields.)
extension ParseWarning: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("line", line)
        try fields.field("message", message)
    }
}

extension HeaderField: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("field", field.rawValue)
        try fields.field("label", label)
        try fields.field("lines", lines)
        try fields.field("value", value)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Decision: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("agendaNumber", agendaNumber)
        try fields.field("lines", lines)
        try fields.field("method", method)
        try fields.field("outcome", outcome.rawValue)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

extension Deadline: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("basis", basis.rawValue)
        try fields.field("date", date)
        try fields.field("problem", problem)
        try fields.field("text", text)
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}
