/// Encodes a value through another encoder so that the fields of a ``FieldsAlwaysPresent``
/// type are written even when they are `nil` (as `null`), where synthesized `Encodable`
/// conformances would leave the key out. Other types, and their nested values, encode as
/// they always do.
///
/// A record's JSON always has every field, so a reader can tell "not found" (`null`) from
/// a field that does not exist; this is the one place that makes it so, for every record
/// type, instead of a hand-written `encode(to:)` per type.
///
/// ```swift
/// struct Field: Encodable, FieldsAlwaysPresent { var value: String? }
/// try JSONEncoder().encode(NullsKept(Field(value: nil)))   // {"value":null}
/// ```
struct NullsKept<Value: Encodable>: Encodable {
    let value: Value
    init(_ value: Value) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        let fields = Value.self as? any FieldsAlwaysPresent.Type
        try value.encode(to: NullKeepingEncoder(base: encoder, keepsNulls: fields != nil, omitted: fields?.keysOmittedWhenNil ?? []))
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

private struct NullKeepingEncoder: Encoder {
    let base: any Encoder
    var keepsNulls: Bool
    var omitted: Set<String>
    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedNulls(base: base.container(keyedBy: type), keepsNulls: keepsNulls, omitted: omitted))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedNulls(base: base.unkeyedContainer()) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNulls(base: base.singleValueContainer()) }
}

private struct KeyedNulls<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var base: KeyedEncodingContainer<Key>
    var keepsNulls: Bool
    var omitted: Set<String>
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil(forKey key: Key) throws { try base.encodeNil(forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try base.encode(value, forKey: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try base.encode(NullsKept(value), forKey: key) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else if keepsNulls && !omitted.contains(key.stringValue) { try base.encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNulls<NestedKey>(base: base.nestedContainer(keyedBy: keyType, forKey: key), keepsNulls: keepsNulls, omitted: []))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedNulls(base: base.nestedUnkeyedContainer(forKey: key))
    }

    mutating func superEncoder() -> any Encoder { NullKeepingEncoder(base: base.superEncoder(), keepsNulls: keepsNulls, omitted: []) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NullKeepingEncoder(base: base.superEncoder(forKey: key), keepsNulls: keepsNulls, omitted: []) }
}

private struct UnkeyedNulls: UnkeyedEncodingContainer {
    var base: any UnkeyedEncodingContainer
    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int { base.count }

    mutating func encodeNil() throws { try base.encodeNil() }
    mutating func encode(_ value: Bool) throws { try base.encode(value) }
    mutating func encode(_ value: String) throws { try base.encode(value) }
    mutating func encode(_ value: Double) throws { try base.encode(value) }
    mutating func encode(_ value: Int) throws { try base.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try base.encode(NullsKept(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedNulls<NestedKey>(base: base.nestedContainer(keyedBy: keyType), keepsNulls: false, omitted: []))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedNulls(base: base.nestedUnkeyedContainer()) }
    mutating func superEncoder() -> any Encoder { NullKeepingEncoder(base: base.superEncoder(), keepsNulls: false, omitted: []) }
}

private struct SingleNulls: SingleValueEncodingContainer {
    var base: any SingleValueEncodingContainer
    var codingPath: [any CodingKey] { base.codingPath }

    mutating func encodeNil() throws { try base.encodeNil() }
    mutating func encode(_ value: Bool) throws { try base.encode(value) }
    mutating func encode(_ value: String) throws { try base.encode(value) }
    mutating func encode(_ value: Double) throws { try base.encode(value) }
    mutating func encode(_ value: Int) throws { try base.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try base.encode(NullsKept(value)) }
}
