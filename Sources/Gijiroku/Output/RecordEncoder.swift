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
/// output (`{"end":3,"start":2}`), with the fields their synthesized conformances would
/// give (a record type's absent fields as `null`), keys in order; any other encoder gets
/// the same fields from a container. The golden files compare them byte for byte.
extension LineRange: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) {
        fields.field("end", end)
        fields.field("start", start)
    }

    private enum Keys: String, CodingKey { case start, end }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

extension LayoutLine: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) {
        fields.field("line", line)
        fields.field("role", role.rawValue)
        fields.field("text", text)
    }

    private enum Keys: String, CodingKey { case line, text, role }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(line, forKey: .line)
        try c.encode(text, forKey: .text)
        try c.encode(role, forKey: .role)
    }
}

extension Speech: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        fields.field("agendaNumber", agendaNumber)
        try fields.field("lines", lines)
        try fields.field("speaker", speaker)
        fields.field("text", text)
    }

    private enum Keys: String, CodingKey { case speaker, text, lines, agendaNumber }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(text, forKey: .text)
        try c.encode(lines, forKey: .lines)
        try c.encodeIfPresent(agendaNumber, forKey: .agendaNumber)
    }
}

extension Speaker: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) {
        fields.field("category", category.rawValue)
        fields.field("label", label)
        fields.field("name", name)
        fields.field("role", role)
        fields.field("seat", seat)
    }

    private enum Keys: String, CodingKey { case label, name, role, seat, category }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
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

extension ProceedingEvent: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        fields.field("kind", kind.rawValue)
        try fields.field("lines", lines)
        fields.field("text", text)
        fields.field("time", time)
    }

    private enum Keys: String, CodingKey { case kind, text, time, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(time, forKey: .time)
        try c.encode(lines, forKey: .lines)
    }
}

extension Exchange: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        fields.field("agendaNumber", ifPresent: agendaNumber)
        try fields.field("answers", answers)
        try fields.field("lines", lines)
        fields.field("question", question)
        try fields.field("questionLines", orNull: questionLines)
        fields.field("questionMarker", questionMarker)
        try fields.field("questioner", ifPresent: questioner)
    }

    private enum Keys: String, CodingKey { case question, questionMarker, questionLines, answers, lines, questioner, agendaNumber }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(question, forKey: .question)
        try c.encodeIfPresent(questionMarker, forKey: .questionMarker)
        try c.encodeIfPresent(questionLines, forKey: .questionLines)
        try c.encode(answers, forKey: .answers)
        try c.encode(lines, forKey: .lines)
        try c.encodeIfPresent(questioner, forKey: .questioner)
        try c.encodeIfPresent(agendaNumber, forKey: .agendaNumber)
    }
}

extension Answer: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        // Not a record type of its own: an absent speaker is left out.
        try fields.field("lines", lines)
        fields.field("marker", marker)
        try fields.field("speaker", ifPresent: speaker)
        fields.field("text", text)
    }

    private enum Keys: String, CodingKey { case marker, text, lines, speaker }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(marker, forKey: .marker)
        try c.encode(text, forKey: .text)
        try c.encode(lines, forKey: .lines)
        try c.encodeIfPresent(speaker, forKey: .speaker)
    }
}

extension Point: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        fields.field("kind", kind.rawValue)
        try fields.field("lines", lines)
        fields.field("marker", marker)
        fields.field("text", text)
    }

    private enum Keys: String, CodingKey { case kind, marker, text, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(marker, forKey: .marker)
        try c.encode(text, forKey: .text)
        try c.encode(lines, forKey: .lines)
    }
}

extension Attendee: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        fields.field("count", ifPresent: count)
        fields.field("group", group)
        try fields.field("lines", lines)
        fields.field("name", name)
        fields.field("note", note)
        fields.field("proxy", proxy)
        fields.field("role", role)
        fields.field("seat", ifPresent: seat)
    }

    private enum Keys: String, CodingKey { case role, name, proxy, group, note, count, seat, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(proxy, forKey: .proxy)
        try c.encodeIfPresent(group, forKey: .group)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(count, forKey: .count)
        try c.encodeIfPresent(seat, forKey: .seat)
        try c.encode(lines, forKey: .lines)
    }
}

extension Directive: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        fields.field("agendaNumber", agendaNumber)
        try fields.field("deadline", orNull: deadline)
        fields.field("issuer", issuer)
        try fields.field("lines", lines)
        try fields.field("responsible", responsible)
        fields.field("text", text)
    }

    private enum Keys: String, CodingKey { case issuer, text, agendaNumber, responsible, deadline, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(agendaNumber, forKey: .agendaNumber)
        try c.encode(responsible, forKey: .responsible)
        try c.encodeIfPresent(deadline, forKey: .deadline)
        try c.encode(lines, forKey: .lines)
    }
}

extension AgendaItem: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("exchanges", exchanges)
        try fields.field("explanation", orNull: explanation)
        fields.field("label", label)
        try fields.field("lines", orNull: lines)
        fields.field("noComments", noComments)
        fields.field("number", number)
        fields.field("title", title)
    }

    private enum Keys: String, CodingKey { case number, label, title, lines, explanation, noComments, exchanges }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(number, forKey: .number)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(lines, forKey: .lines)
        try c.encodeIfPresent(explanation, forKey: .explanation)
        try c.encode(noComments, forKey: .noComments)
        try c.encode(exchanges, forKey: .exchanges)
    }
}

extension Explanation: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("intro", orNull: intro)
        try fields.field("lines", lines)
        try fields.field("materials", materials)
        try fields.field("points", points)
        fields.field("presenter", presenter)
    }

    private enum Keys: String, CodingKey { case presenter, materials, intro, points, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(presenter, forKey: .presenter)
        try c.encode(materials, forKey: .materials)
        try c.encodeIfPresent(intro, forKey: .intro)
        try c.encode(points, forKey: .points)
        try c.encode(lines, forKey: .lines)
    }
}

extension Passage: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("lines", lines)
        fields.field("text", text)
    }

    private enum Keys: String, CodingKey { case text, lines }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(text, forKey: .text)
        try c.encode(lines, forKey: .lines)
    }
}

/// A record of minutes writes its fields straight too, so that its thousands of speeches,
/// layout lines and exchanges are written as arrays of parts, with no encoder per element.
extension Minutes: JSONFields {
    func writeFields(to fields: inout JSONFieldWriter) throws {
        try fields.field("absentees", absentees)
        try fields.field("agenda", agenda)
        try fields.field("attendees", attendees)
        fields.field("chair", chair)
        fields.field("date", date)
        try fields.field("decisions", decisions)
        try fields.field("directives", directives)
        fields.field("endTime", endTime)
        try fields.field("events", events)
        try fields.field("exchanges", exchanges)
        fields.field("form", form.rawValue)
        try fields.field("header", header)
        fields.field("kind", kind)
        try fields.field("layout", layout)
        try fields.field("meeting", meeting)
        try fields.field("notes", notes)
        fields.field("noticeDate", noticeDate)
        try fields.field("other", other)
        try fields.field("paragraphs", paragraphs)
        fields.field("place", place)
        try fields.field("source", source)
        try fields.field("speeches", speeches)
        fields.field("startTime", startTime)
        fields.field("title", title)
        try fields.field("warnings", warnings)
        fields.field("weekday", weekday)
    }

    public func encode(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(form, forKey: .form)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encode(meeting, forKey: .meeting)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(weekday, forKey: .weekday)
        try c.encodeIfPresent(startTime, forKey: .startTime)
        try c.encodeIfPresent(endTime, forKey: .endTime)
        try c.encodeIfPresent(place, forKey: .place)
        try c.encodeIfPresent(noticeDate, forKey: .noticeDate)
        try c.encode(attendees, forKey: .attendees)
        try c.encode(absentees, forKey: .absentees)
        try c.encodeIfPresent(chair, forKey: .chair)
        try c.encode(notes, forKey: .notes)
        try c.encode(agenda, forKey: .agenda)
        try c.encode(directives, forKey: .directives)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(other, forKey: .other)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(speeches, forKey: .speeches)
        try c.encode(events, forKey: .events)
        try c.encode(exchanges, forKey: .exchanges)
        try c.encode(header, forKey: .header)
        try c.encode(layout, forKey: .layout)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(source, forKey: .source)
    }
}
