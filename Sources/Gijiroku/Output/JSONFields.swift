/// A record part that lists its fields once, keys in sorted order, for two writers: straight
/// into ``JSONWriter``'s bytes (the parts written by the thousand skip the containers'
/// machinery: no encoder object per value, no keys to sort), or into any other encoder's
/// keyed container, with what a synthesized conformance would encode.
///
/// ```swift
/// extension LineRange: JSONFields {
///     func writeFields(to fields: inout JSONFieldWriter) throws {
///         try fields.field("end", end)
///         try fields.field("start", start)
///     }
///     public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
/// }
/// ```
protocol JSONFields: Encodable {
    func writeFields(to fields: inout JSONFieldWriter) throws
}

extension JSONFields {
    /// The `encode(to:)` of a part: its fields written straight when the encoder is
    /// ``JSONWriter``'s, else through the encoder's keyed container.
    func encodeFields(to encoder: any Encoder) throws {
        if let json = encoder as? JSONValueEncoder {
            try json.writeObject(writeFields)
            return
        }
        var fields = JSONFieldWriter(container: encoder.container(keyedBy: JSONFieldWriter.Key.self))
        try writeFields(to: &fields)
    }
}

/// Writes a part's fields, keys given in sorted order: as JSON bytes into a
/// ``JSONWriterContext`` (a record type's absent fields as `null`, except those written
/// `ifPresent`), or into another encoder's container (absent fields left out, as
/// `encodeIfPresent` leaves them).
struct JSONFieldWriter {
    /// A field's name as a coding key.
    struct Key: CodingKey {
        let stringValue: String
        init(_ name: StaticString) { stringValue = name.description }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// Another encoder's container (a class, so that the writer's copies share it).
    final class Container {
        var keyed: KeyedEncodingContainer<Key>
        init(_ keyed: KeyedEncodingContainer<Key>) { self.keyed = keyed }
    }

    let context: JSONWriterContext!
    let depth: Int
    /// Set when the fields go to another encoder rather than to JSON bytes.
    private let other: Container?
    private var first = true

    init(context: JSONWriterContext, depth: Int) {
        self.context = context
        self.depth = depth
        self.other = nil
    }

    init(container: KeyedEncodingContainer<Key>) {
        self.context = nil
        self.depth = 0
        self.other = Container(container)
    }

    private mutating func key(_ key: StaticString) {
        let comma = !first
        first = false
        guard !context.pretty else {
            if comma { context.out.append(UInt8(ascii: ",")) }
            context.newline(depth + 1)
            context.prettyKey(key)
            return
        }
        // `,"key":` a byte at a time: keys are short, and each byte's append is inlined where
        // a buffer's append is a call.
        if comma { context.out.append(UInt8(ascii: ",")) }
        context.out.append(UInt8(ascii: "\""))
        let start = key.utf8Start
        for k in 0..<key.utf8CodeUnitCount { context.out.append(start[k]) }
        context.out.append(UInt8(ascii: "\""))
        context.out.append(UInt8(ascii: ":"))
    }

    private mutating func null(_ name: StaticString) {
        key(name)
        context.out += JSONText.null
    }

    mutating func field(_ name: StaticString, _ value: Int) throws {
        if let other { return try other.keyed.encode(value, forKey: Key(name)) }
        key(name)
        JSONText.integer(value, into: &context.out)
    }

    mutating func field(_ name: StaticString, _ value: String) throws {
        if let other { return try other.keyed.encode(value, forKey: Key(name)) }
        key(name)
        JSONText.string(value, into: &context.out)
    }

    mutating func field(_ name: StaticString, _ value: Bool) throws {
        if let other { return try other.keyed.encode(value, forKey: Key(name)) }
        key(name)
        context.out += JSONText.bool(value)
    }

    /// An absent number as `null`.
    mutating func field(_ name: StaticString, _ value: Int?) throws {
        if let value { try field(name, value) } else if other == nil { null(name) }
    }

    /// An absent text as `null`.
    mutating func field(_ name: StaticString, _ value: String?) throws {
        if let value { try field(name, value) } else if other == nil { null(name) }
    }

    /// An absent number left out (the fields a record type omits when absent).
    mutating func field(_ name: StaticString, ifPresent value: Int?) throws {
        if let value { try field(name, value) }
    }

    /// Any other value, written by its own `encode(to:)` one level deeper.
    mutating func field<T: Encodable>(_ name: StaticString, _ value: T) throws {
        if let other { return try other.keyed.encode(value, forKey: Key(name)) }
        key(name)
        try JSONValueEncoder.write(value, depth: depth + 1, context: context)
    }

    /// A part that lists its own fields: straight, with no encoder in between.
    /// A speech's or answer's speaker, written again and again in a verbatim record: copied
    /// from where the same speaker was written before.
    mutating func field(_ name: StaticString, speaker: Speaker) throws {
        if let other { return try other.keyed.encode(speaker, forKey: Key(name)) }
        key(name)
        try context.writeSpeaker(speaker, depth: depth + 1)
    }

    /// A line range, the field every element has: `{"end":12,"start":10}` written in two
    /// pieces when compact.
    mutating func field(_ name: StaticString, _ value: LineRange) throws {
        if let other { return try other.keyed.encode(value, forKey: Key(name)) }
        key(name)
        guard !context.pretty else { return try Self.object(value, context: context, depth: depth + 1) }
        context.out += JSONText.rangeEnd
        JSONText.integer(value.end, into: &context.out)
        context.out += JSONText.rangeStart
        JSONText.integer(value.start, into: &context.out)
        context.out.append(UInt8(ascii: "}"))
    }

    mutating func field<T: JSONFields>(_ name: StaticString, _ value: T) throws {
        if let other { return try other.keyed.encode(value, forKey: Key(name)) }
        key(name)
        try Self.object(value, context: context, depth: depth + 1)
    }

    /// An array of such parts.
    mutating func field<T: JSONFields>(_ name: StaticString, _ values: [T]) throws {
        if let other { return try other.keyed.encode(values, forKey: Key(name)) }
        key(name)
        try array(values) { value, out, depth in try Self.object(value, context: out, depth: depth) }
    }

    /// An array of texts (absentees, materials, bodies responsible).
    mutating func field(_ name: StaticString, _ values: [String]) throws {
        if let other { return try other.keyed.encode(values, forKey: Key(name)) }
        key(name)
        array(values) { value, out, _ in JSONText.string(value, into: &out.out) }
    }

    /// `values` after their key, laid out as an encoder's array is (`[\n\n  ]` when empty and
    /// pretty), each written by `write` at its depth.
    private func array<T>(_ values: [T], _ write: (T, JSONWriterContext, Int) throws -> Void) rethrows {
        let out = context!
        out.out.append(UInt8(ascii: "["))
        guard !values.isEmpty else {
            if out.pretty { out.newline(0); out.newline(depth + 1) }
            out.out.append(UInt8(ascii: "]"))
            return
        }
        for (i, value) in values.enumerated() {
            if i > 0 { out.out.append(UInt8(ascii: ",")) }
            if out.pretty { out.newline(depth + 2) }
            try write(value, out, depth + 2)
        }
        if out.pretty { out.newline(depth + 1) }
        out.out.append(UInt8(ascii: "]"))
    }

    /// An absent value as `null`.
    mutating func field<T: Encodable>(_ name: StaticString, orNull value: T?) throws {
        if let value { try field(name, value) } else if other == nil { null(name) }
    }

    mutating func field<T: JSONFields>(_ name: StaticString, orNull value: T?) throws {
        if let value { try field(name, value) } else if other == nil { null(name) }
    }

    /// An absent value left out (the fields a record type omits when absent, and every
    /// field of the other types).
    mutating func field<T: Encodable>(_ name: StaticString, ifPresent value: T?) throws {
        if let value { try field(name, value) }
    }

    mutating func field<T: JSONFields>(_ name: StaticString, ifPresent value: T?) throws {
        if let value { try field(name, value) }
    }

    /// `value` as an object at `depth`.
    static func object<T: JSONFields>(_ value: T, context: JSONWriterContext, depth: Int) throws {
        context.out.append(UInt8(ascii: "{"))
        var fields = JSONFieldWriter(context: context, depth: depth)
        try value.writeFields(to: &fields)
        if context.pretty { context.newline(depth) }
        context.out.append(UInt8(ascii: "}"))
    }
}
