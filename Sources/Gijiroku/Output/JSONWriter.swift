/// Writes any `Encodable` value as canonical JSON bytes: keys sorted (by their UTF-8
/// bytes), slashes and non-ASCII text left unescaped, pretty-printed with two-space
/// indents or compact; the same bytes `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes`, in a fraction of its time (no intermediate tree of boxed
/// values: each value is written to bytes as soon as it is encoded).
///
/// It is also the one place where a record's absent fields become `null`: the fields of a
/// ``FieldsAlwaysPresent`` type are written even when `nil`, where synthesized `Encodable`
/// conformances would leave the key out; other types encode as they always do.
///
/// ```swift
/// struct Field: Encodable, FieldsAlwaysPresent { var value: String? }
/// String(decoding: try JSONWriter(pretty: false).encode(Field(value: nil)), as: UTF8.self)   // {"value":null}
/// ```
struct JSONWriter {
    /// Pretty (two-space indents, `"key" : value`) or compact.
    let pretty: Bool

    /// The JSON of `value`, without a trailing newline; with `indent` > 0 (pretty), every
    /// line, the first and blank ones included, starts with that many levels of indent (an
    /// element of an array written record by record).
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite, or a value that encodes nothing.
    func encode<T: Encodable>(_ value: T, indent: Int = 0) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        let context = JSONWriterContext(pretty: pretty, linePrefix: pretty ? indent : 0)
        out += context.linePrefix
        try JSONValueEncoder.write(value, depth: 0, context: context, into: &out)
        return out
    }
}

/// A type whose JSON has every field, `null` where the value is absent: the record types.
protocol FieldsAlwaysPresent {
    /// Optional fields left out, rather than `null`, when absent (an attendee's `count`
    /// exists only for a head count given instead of names).
    static var keysOmittedWhenNil: Set<String> { get }
}

extension FieldsAlwaysPresent {
    static var keysOmittedWhenNil: Set<String> { [] }
}

/// What one encoding run shares: the format, and which types keep their nulls.
final class JSONWriterContext {
    let pretty: Bool
    /// What every line starts with (pretty).
    let linePrefix: [UInt8]
    private var nullPolicies: [ObjectIdentifier: (keeps: Bool, omitted: Set<String>)] = [:]

    init(pretty: Bool, linePrefix levels: Int = 0) {
        self.pretty = pretty
        self.linePrefix = Array(repeating: UInt8(ascii: " "), count: 2 * levels)
    }

    /// A line end in pretty output, and the indent of the next line.
    func newline(_ depth: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out += linePrefix
        JSONText.indent(depth, into: &out)
    }

    func nullPolicy<T>(of type: T.Type) -> (keeps: Bool, omitted: Set<String>) {
        let id = ObjectIdentifier(type)
        if let known = nullPolicies[id] { return known }
        let fields = type as? any FieldsAlwaysPresent.Type
        let policy = (fields != nil, fields?.keysOmittedWhenNil ?? [])
        nullPolicies[id] = policy
        return policy
    }
}

/// The encoder of one value: it collects what the value's `encode(to:)` writes, then
/// writes it out once that call has returned.
final class JSONValueEncoder: Encoder {
    enum Content {
        case none
        case scalar([UInt8])
        case object(JSONObjectBuffer)
        case array(JSONArrayBuffer)
    }

    let context: JSONWriterContext
    let depth: Int
    let keepsNulls: Bool
    let omitted: Set<String>
    var content: Content = .none
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(context: JSONWriterContext, depth: Int, keepsNulls: Bool, omitted: Set<String>) {
        self.context = context
        self.depth = depth
        self.keepsNulls = keepsNulls
        self.omitted = omitted
    }

    /// Encodes `value` at `depth` and appends its JSON to `out`.
    static func write<T: Encodable>(_ value: T, depth: Int, context: JSONWriterContext, into out: inout [UInt8]) throws {
        let policy = context.nullPolicy(of: T.self)
        let encoder = JSONValueEncoder(context: context, depth: depth, keepsNulls: policy.keeps, omitted: policy.omitted)
        try value.encode(to: encoder)
        try encoder.finish(into: &out)
    }

    /// Appends what was encoded.
    func finish(into out: inout [UInt8]) throws {
        switch content {
        case .none:
            throw EncodingError.invalidValue((), .init(codingPath: codingPath, debugDescription: "a value that encodes nothing"))
        case .scalar(let bytes): out += bytes
        case .object(let object): try object.write(into: &out, depth: depth, context: context)
        case .array(let array): try array.write(into: &out, depth: depth, context: context)
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObjectBuffer
        if case .object(let existing) = content { object = existing } else { object = JSONObjectBuffer(); content = .object(object) }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONArrayBuffer
        if case .array(let existing) = content { array = existing } else { array = JSONArrayBuffer(); content = .array(array) }
        return JSONUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }

    /// The JSON of a value one level deeper.
    func child<T: Encodable>(_ value: T) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try JSONValueEncoder.write(value, depth: depth + 1, context: context, into: &bytes)
        return bytes
    }

    /// An encoder one level deeper whose content is written when its parent is.
    func nested() -> JSONValueEncoder {
        JSONValueEncoder(context: context, depth: depth + 1, keepsNulls: keepsNulls, omitted: [])
    }
}

/// A field's or an element's JSON: written already, or an encoder still to write.
enum JSONPart {
    case bytes([UInt8])
    case pending(JSONValueEncoder)

    func write(into out: inout [UInt8]) throws {
        switch self {
        case .bytes(let b): out += b
        case .pending(let encoder): try encoder.finish(into: &out)
        }
    }
}

final class JSONObjectBuffer {
    var fields: [(key: String, value: JSONPart)] = []

    func write(into out: inout [UInt8], depth: Int, context: JSONWriterContext) throws {
        let pretty = context.pretty
        out.append(UInt8(ascii: "{"))
        guard !fields.isEmpty else {
            if pretty { context.newline(0, into: &out); context.newline(depth, into: &out) }
            out.append(UInt8(ascii: "}"))
            return
        }
        // Sorted by the keys' UTF-8 bytes, as JSONEncoder's `.sortedKeys` sorts them.
        let sorted = fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (i, field) in sorted.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { context.newline(depth + 1, into: &out) }
            JSONText.string(field.key, into: &out)
            if pretty { out += JSONText.prettyColon } else { out.append(UInt8(ascii: ":")) }
            try field.value.write(into: &out)
        }
        if pretty { context.newline(depth, into: &out) }
        out.append(UInt8(ascii: "}"))
    }
}

final class JSONArrayBuffer {
    var items: [JSONPart] = []

    func write(into out: inout [UInt8], depth: Int, context: JSONWriterContext) throws {
        let pretty = context.pretty
        out.append(UInt8(ascii: "["))
        guard !items.isEmpty else {
            if pretty { context.newline(0, into: &out); context.newline(depth, into: &out) }
            out.append(UInt8(ascii: "]"))
            return
        }
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { context.newline(depth + 1, into: &out) }
            try item.write(into: &out)
        }
        if pretty { context.newline(depth, into: &out) }
        out.append(UInt8(ascii: "]"))
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONValueEncoder
    let object: JSONObjectBuffer
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func add(_ key: Key, _ bytes: [UInt8]) { object.fields.append((key.stringValue, .bytes(bytes))) }

    mutating func encodeNil(forKey key: Key) throws { add(key, JSONText.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, JSONText.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws {
        var bytes: [UInt8] = []
        JSONText.string(value, into: &bytes)
        add(key, bytes)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, try JSONText.number(value, codingPath)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, Array(String(value).utf8)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(key, try encoder.child(value)) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try absent(key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try absent(key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try absent(key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try absent(key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try absent(key) }
    }

    /// A `nil` field: `null` in a record type, left out elsewhere.
    private mutating func absent(_ key: Key) throws {
        if encoder.keepsNulls && !encoder.omitted.contains(key.stringValue) { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.nested()
        object.fields.append((key.stringValue, .pending(nested)))
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = encoder.nested()
        object.fields.append((key.stringValue, .pending(nested)))
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = encoder.nested()
        object.fields.append(("super", .pending(nested)))
        return nested
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = encoder.nested()
        object.fields.append((key.stringValue, .pending(nested)))
        return nested
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONValueEncoder
    let array: JSONArrayBuffer
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(.bytes(JSONText.null)) }
    mutating func encode(_ value: Bool) throws { array.items.append(.bytes(JSONText.bool(value))) }
    mutating func encode(_ value: String) throws {
        var bytes: [UInt8] = []
        JSONText.string(value, into: &bytes)
        array.items.append(.bytes(bytes))
    }
    mutating func encode(_ value: Double) throws { array.items.append(.bytes(try JSONText.number(value, codingPath))) }
    mutating func encode(_ value: Int) throws { array.items.append(.bytes(Array(String(value).utf8))) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(.bytes(try encoder.child(value))) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.nested()
        array.items.append(.pending(nested))
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = encoder.nested()
        array.items.append(.pending(nested))
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = encoder.nested()
        array.items.append(.pending(nested))
        return nested
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ bytes: [UInt8]) { encoder.content = .scalar(bytes) }

    mutating func encodeNil() throws { set(JSONText.null) }
    mutating func encode(_ value: Bool) throws { set(JSONText.bool(value)) }
    mutating func encode(_ value: String) throws {
        var bytes: [UInt8] = []
        JSONText.string(value, into: &bytes)
        set(bytes)
    }
    mutating func encode(_ value: Double) throws { set(try JSONText.number(value, codingPath)) }
    mutating func encode(_ value: Int) throws { set(Array(String(value).utf8)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value takes this encoder's place, at the same depth (a wrapper such as
        // ParsedDocument encodes its record this way).
        var bytes: [UInt8] = []
        try JSONValueEncoder.write(value, depth: encoder.depth, context: encoder.context, into: &bytes)
        set(bytes)
    }
}

/// JSON's lexical pieces, as JSONEncoder writes them.
enum JSONText {
    static let null: [UInt8] = Array("null".utf8)
    static let prettyColon: [UInt8] = Array(" : ".utf8)

    static func bool(_ value: Bool) -> [UInt8] { Array((value ? "true" : "false").utf8) }

    static func indent(_ depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A whole number up to 2^53 as an integer (`3`, `-0`); anything else as Swift's
    /// shortest round-trip form (`0.1`, `1e-07`, `1e+21`).
    static func number(_ value: Double, _ codingPath: [any CodingKey]) throws -> [UInt8] {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) is not a JSON number"))
        }
        if value == value.rounded(), abs(value) <= 9_007_199_254_740_992 {
            if value == 0 { return Array((value.sign == .minus ? "-0" : "0").utf8) }
            return Array(String(Int64(value)).utf8)
        }
        return Array(value.description.utf8)
    }

    /// A string in quotes: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00XX`, everything else (slashes, Japanese) as it is.
    static func string(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                default:
                    out += Array("u00".utf8)
                    out.append(hexDigits[Int(b >> 4)])
                    out.append(hexDigits[Int(b & 0x0F)])
                }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
