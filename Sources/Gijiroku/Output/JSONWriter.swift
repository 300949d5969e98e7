import Foundation

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
        let context = JSONWriterContext(pretty: pretty, linePrefix: pretty ? indent : 0)
        context.out.reserveCapacity(16_384)
        context.out += context.linePrefix
        try JSONValueEncoder.write(value, depth: 0, context: context)
        return context.out
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

/// Whether a type's absent fields are written as `null` (a ``FieldsAlwaysPresent``
/// type's), and which are left out all the same; looked up once per type in a process.
struct NullPolicy: Sendable {
    let keeps: Bool
    let omitted: Set<String>

    private static let known = NullPolicyCache()

    static func of(_ type: Any.Type) -> NullPolicy {
        let id = ObjectIdentifier(type)
        if let policy = known.get(id) { return policy }
        let fields = type as? any FieldsAlwaysPresent.Type
        let policy = NullPolicy(keeps: fields != nil, omitted: fields?.keysOmittedWhenNil ?? [])
        known.set(id, policy)
        return policy
    }
}

/// The policies found so far, shared by every thread.
private final class NullPolicyCache: @unchecked Sendable {
    private var policies: [ObjectIdentifier: NullPolicy] = [:]
    private let lock = NSLock()
    func get(_ id: ObjectIdentifier) -> NullPolicy? { lock.lock(); defer { lock.unlock() }; return policies[id] }
    func set(_ id: ObjectIdentifier, _ policy: NullPolicy) { lock.lock(); policies[id] = policy; lock.unlock() }
}

/// What one encoding run shares: the format, which types keep their nulls, and the bytes
/// written so far.
///
/// Values are written straight into `out` as they are encoded (no buffer per value): a
/// field's bytes, separator and key first, are a segment of the output, and when its
/// object ends the segments are put in key order in place. An object's fields are on a
/// stack (`keys`, `starts`) shared by every level, since a value is always finished before
/// its parent's next field begins.
final class JSONWriterContext {
    let pretty: Bool
    /// What every line starts with (pretty).
    let linePrefix: [UInt8]
    /// The JSON written so far. (Accesses are not checked for exclusivity at run time: only
    /// this file's code touches it, one access at a time, and the checks cost a sixth of
    /// the writing.)
    @exclusivity(unchecked) var out: [UInt8] = []
    /// The open objects' and arrays' entries, innermost last: a field's key (empty for an
    /// array element), the offset of its first byte (its separator) in `out`, and the
    /// encoder of a nested container written later (rare: no synthesized conformance asks for one).
    @exclusivity(unchecked) var keys: [String] = []
    @exclusivity(unchecked) var starts: [Int] = []
    @exclusivity(unchecked) var pendings: [JSONValueEncoder?] = []
    /// Reused when an object's fields are put in order.
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var order: [Int] = []
    /// The last key order seen for each type, and the order it sorts in: a record type's
    /// fields come in the same order every time, so most objects are sorted once.
    @exclusivity(unchecked) private var sortedOrders: [ObjectIdentifier: (keys: [String], order: [Int])] = [:]
    /// The speakers already written in this record, with their JSON at the depth they were
    /// written at, most recent last: a verbatim record writes a few dozen speakers again
    /// with each of its thousands of speeches.
    @exclusivity(unchecked) private var speakers: [(speaker: Speaker, depth: Int, json: [UInt8])] = []

    /// Writes `speaker`'s object at `depth`, copied from where it was written before when
    /// the same speaker (byte for byte) was.
    func writeSpeaker(_ speaker: Speaker, depth: Int) throws {
        if let k = speakers.lastIndex(where: { $0.depth == depth && $0.speaker.isWrittenAlike(speaker) }) {
            out += speakers[k].json
            return
        }
        let start = out.count
        try JSONFieldWriter.object(speaker, context: self, depth: depth)
        speakers.append((speaker, depth, Array(out[start...])))
        if speakers.count > 32 { speakers.removeFirst() }
    }

    convenience init(pretty: Bool, linePrefix levels: Int = 0) {
        self.init(pretty: pretty, prefix: Array(repeating: UInt8(ascii: " "), count: 2 * levels))
    }

    private init(pretty: Bool, prefix: [UInt8]) {
        self.pretty = pretty
        self.linePrefix = prefix
    }

    /// A context of the same format with its own output (a nested container written later).
    func sibling() -> JSONWriterContext { JSONWriterContext(pretty: pretty, prefix: linePrefix) }

    /// A line end in pretty output, and the indent of the next line.
    func newline(_ depth: Int) {
        while lineStarts.count <= depth {
            lineStarts.append([0x0A] + linePrefix + Array(repeating: UInt8(ascii: " "), count: 2 * lineStarts.count))
        }
        out += lineStarts[depth]
    }

    /// `"key" : ` in pretty output, assembled aside and appended once.
    func prettyKey(_ key: StaticString) {
        let count = key.utf8CodeUnitCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 5) { buffer in
            buffer[0] = UInt8(ascii: "\"")
            UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[1...])
                .copyMemory(from: UnsafeRawBufferPointer(start: key.utf8Start, count: count))
            buffer[count + 1] = UInt8(ascii: "\"")
            buffer[count + 2] = UInt8(ascii: " ")
            buffer[count + 3] = UInt8(ascii: ":")
            buffer[count + 4] = UInt8(ascii: " ")
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<(count + 5)]))
        }
    }

    /// Each depth's line start in pretty output (a line end, the prefix, the indent), made once
    /// and appended whole: every field of a pretty record starts a line.
    @exclusivity(unchecked) private var lineStarts: [[UInt8]] = []

    /// The types' null policies this run has looked up (no lock: a context is one thread's).
    @exclusivity(unchecked) private var policies: [ObjectIdentifier: NullPolicy] = [:]

    func nullPolicy(of type: Any.Type) -> NullPolicy {
        let id = ObjectIdentifier(type)
        if let known = policies[id] { return known }
        let policy = NullPolicy.of(type)
        policies[id] = policy
        return policy
    }

    /// Begins an entry of an object (`key`) or array (`nil`) at `depth`: its separator (a
    /// placeholder, set when the container ends), its line in pretty output, its key.
    func beginEntry(key: String?, depth: Int) {
        keys.append(key ?? "")
        starts.append(out.count)
        pendings.append(nil)
        out.append(UInt8(ascii: ","))
        if pretty { newline(depth) }
        if let key {
            JSONText.string(key, into: &out)
            if pretty { out += JSONText.prettyColon } else { out.append(UInt8(ascii: ":")) }
        }
    }

    /// Ends the object or array whose entries start at `base`: entries in key order (an
    /// object), separators set, nested containers written, the closing bracket.
    func end(base: Int, object: Bool, depth: Int, type: ObjectIdentifier) throws {
        let count = keys.count - base
        let open = object ? UInt8(ascii: "{") : UInt8(ascii: "[")
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        guard count > 0 else {
            out.append(open)
            if pretty { newline(0); newline(depth) }
            out.append(close)
            return
        }
        var hasPending = false
        for i in base..<pendings.count where pendings[i] != nil { hasPending = true; break }
        order.removeAll(keepingCapacity: true)
        var inOrder = !hasPending
        if object, let known = sortedOrders[type], known.keys.count == count,
           (0..<count).allSatisfy({ known.keys[$0] == keys[base + $0] }) {
            for i in 0..<count { order.append(base + known.order[i]); if known.order[i] != i { inOrder = false } }
        } else {
            order.append(contentsOf: base..<keys.count)
            if object {
                // Insertion sort, stable: objects have a few dozen fields at most.
                for i in 1..<order.count {
                    let moving = order[i]
                    var j = i
                    while j > 0 && !JSONText.keyPrecedesOrEquals(keys[order[j - 1]], keys[moving]) { order[j] = order[j - 1]; j -= 1 }
                    if j != i { order[j] = moving; inOrder = false }
                }
                sortedOrders[type] = (Array(keys[base...]), order.map { $0 - base })
            }
        }
        let first = starts[base]
        if inOrder {
            out[first] = open
        } else {
            scratch.removeAll(keepingCapacity: true)
            let end = out.count
            for n in 0..<order.count {
                let entry = order[n]
                let from = starts[entry], to = entry + 1 < keys.count ? starts[entry + 1] : end
                let at = scratch.count
                out.withUnsafeBufferPointer { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<to])) }
                scratch[at] = n == 0 ? open : UInt8(ascii: ",")
                if let pending = pendings[entry] {
                    try pending.finish()
                    scratch += pending.context.out
                }
            }
            // The same bytes in another order, over the old; nested containers written later
            // make the object longer.
            let inPlace = end - first
            scratch.withUnsafeBufferPointer { sorted in
                out.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: first).update(from: sorted.baseAddress!, count: inPlace) }
            }
            if scratch.count > inPlace { out += scratch[inPlace...] }
        }
        keys.removeSubrange(base..<keys.count)
        starts.removeSubrange(base..<starts.count)
        pendings.removeSubrange(base..<pendings.count)
        if pretty { newline(depth) }
        out.append(close)
    }
}

/// The encoder of one value, at one depth: it writes what the value's `encode(to:)` asks
/// for into its context's output, and ends the value's object or array when that call
/// has returned (`finish`).
final class JSONValueEncoder: Encoder {
    enum State {
        case none
        case scalar
        /// An object or array whose entries start at `base` on the context's stack.
        case object(base: Int)
        case array(base: Int)
    }

    let context: JSONWriterContext
    let depth: Int
    /// The type of the value encoded (for the context's cache of key orders).
    let type: ObjectIdentifier
    /// The value's type, whose null policy an object asks for.
    private let valueType: Any.Type
    /// The null policy, looked up when an object first needs it (most values are strings,
    /// numbers and arrays, which have none).
    private var knownPolicy: NullPolicy?
    var policy: NullPolicy {
        if let knownPolicy { return knownPolicy }
        let found = context.nullPolicy(of: valueType)
        knownPolicy = found
        return found
    }
    @exclusivity(unchecked) var state: State = .none
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(context: JSONWriterContext, depth: Int, valueType: Any.Type, type: ObjectIdentifier, policy: NullPolicy? = nil) {
        self.context = context
        self.depth = depth
        self.type = type
        self.valueType = valueType
        self.knownPolicy = policy
    }

    /// Encodes `value` at `depth`, appending its JSON to the context's output.
    static func write<T: Encodable>(_ value: T, depth: Int, context: JSONWriterContext) throws {
        let encoder = JSONValueEncoder(context: context, depth: depth, valueType: T.self, type: ObjectIdentifier(T.self))
        try value.encode(to: encoder)
        try encoder.finish()
    }

    /// Ends what was encoded.
    func finish() throws {
        switch state {
        case .none:
            throw EncodingError.invalidValue((), .init(codingPath: codingPath, debugDescription: "a value that encodes nothing"))
        case .scalar: break
        case .object(let base): try context.end(base: base, object: true, depth: depth, type: type)
        case .array(let base): try context.end(base: base, object: false, depth: depth, type: type)
        }
    }

    /// Writes a scalar's bytes as this encoder's value.
    func scalar(_ write: (inout [UInt8]) throws -> Void) rethrows {
        try write(&context.out)
        state = .scalar
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = state {} else { state = .object(base: context.keys.count) }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = state {} else { state = .array(base: context.keys.count) }
        return JSONUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }

    /// Begins an entry of this encoder's object (`key`) or array (`nil`).
    func entry(_ key: String?) { context.beginEntry(key: key, depth: depth + 1) }

    /// Writes a value one level deeper, as the current entry.
    func child<T: Encodable>(_ value: T) throws {
        try JSONValueEncoder.write(value, depth: depth + 1, context: context)
    }

    /// An encoder one level deeper, in a context of its own, whose output becomes the
    /// current entry's value when this encoder's container ends.
    func pending() -> JSONValueEncoder {
        // Its type is not known: the parent's stands in (the key order is checked before a cached order is used).
        let nested = JSONValueEncoder(context: context.sibling(), depth: depth + 1, valueType: valueType, type: type,
                                      policy: NullPolicy(keeps: policy.keeps, omitted: []))
        context.pendings[context.pendings.count - 1] = nested
        return nested
    }

    /// The number of entries of this encoder's array.
    var entryCount: Int {
        if case .array(let base) = state { return context.keys.count - base }
        return 0
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func add(_ key: Key, _ write: (inout [UInt8]) throws -> Void) rethrows {
        encoder.entry(key.stringValue)
        try write(&encoder.context.out)
    }

    mutating func encodeNil(forKey key: Key) throws { add(key) { $0 += JSONText.null } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key) { $0 += JSONText.bool(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key) { JSONText.string(value, into: &$0) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { try add(key) { $0 += try JSONText.number(value, codingPath) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key) { JSONText.integer(value, into: &$0) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.entry(key.stringValue)
        try encoder.child(value)
    }

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
        let policy = encoder.policy
        if policy.keeps && !policy.omitted.contains(key.stringValue) { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.entry(key.stringValue)
        return encoder.pending().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.entry(key.stringValue)
        return encoder.pending().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.entry("super")
        return encoder.pending()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.entry(key.stringValue)
        return encoder.pending()
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.entryCount }

    private func add(_ write: (inout [UInt8]) throws -> Void) rethrows {
        encoder.entry(nil)
        try write(&encoder.context.out)
    }

    mutating func encodeNil() throws { add { $0 += JSONText.null } }
    mutating func encode(_ value: Bool) throws { add { $0 += JSONText.bool(value) } }
    mutating func encode(_ value: String) throws { add { JSONText.string(value, into: &$0) } }
    mutating func encode(_ value: Double) throws { try add { $0 += try JSONText.number(value, codingPath) } }
    mutating func encode(_ value: Int) throws { add { JSONText.integer(value, into: &$0) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.entry(nil)
        try encoder.child(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.entry(nil)
        return encoder.pending().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.entry(nil)
        return encoder.pending().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.entry(nil)
        return encoder.pending()
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.scalar { $0 += JSONText.null } }
    mutating func encode(_ value: Bool) throws { encoder.scalar { $0 += JSONText.bool(value) } }
    mutating func encode(_ value: String) throws { encoder.scalar { JSONText.string(value, into: &$0) } }
    mutating func encode(_ value: Double) throws { try encoder.scalar { $0 += try JSONText.number(value, codingPath) } }
    mutating func encode(_ value: Int) throws { encoder.scalar { JSONText.integer(value, into: &$0) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value takes this encoder's place, at the same depth (a wrapper such as
        // ParsedDocument encodes its record this way).
        try JSONValueEncoder.write(value, depth: encoder.depth, context: encoder.context)
        encoder.state = .scalar
    }
}

/// JSON's lexical pieces, as JSONEncoder writes them.
package enum JSONText {
    static let null: [UInt8] = Array("null".utf8)
    static let prettyColon: [UInt8] = Array(" : ".utf8)
    /// A compact line range's pieces (``JSONFieldWriter``).
    static let rangeEnd: [UInt8] = Array("{\"end\":".utf8)
    static let rangeStart: [UInt8] = Array(",\"start\":".utf8)

    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static func bool(_ value: Bool) -> [UInt8] { value ? trueBytes : falseBytes }

    /// An integer in decimal, written without a `String` in between.
    static func integer(_ value: Int, into out: inout [UInt8]) {
        // Most numbers of a record (lines, counts) have one to three digits: appended a byte at a time.
        if value >= 0, value < 1000 {
            if value >= 100 { out.append(UInt8(ascii: "0") + UInt8(value / 100)) }
            if value >= 10 { out.append(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    /// Whether key `a` sorts before `b` or equals it, comparing UTF-8 bytes (JSONEncoder's
    /// `.sortedKeys` order).
    static func keyPrecedesOrEquals(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                if n > 0 {
                    let c = memcmp(x.baseAddress!, y.baseAddress!, n)
                    if c != 0 { return c < 0 }
                }
                return x.count <= y.count
            }
        }
    }

    static func indent(_ depth: Int, into out: inout [UInt8]) {
        var count = 2 * depth
        while count > 0 {
            let run = min(count, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            count -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

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
    /// `\u00XX`, everything else (slashes, Japanese) as it is. DEL and the C1 controls
    /// (U+0080–U+009F), which JSONEncoder leaves as they are, are escaped as `\u007f`,
    /// `\u0085`, so that JSON printed to a terminal cannot hold an escape sequence (C1's
    /// CSI is one); the JSON means the same.
    static func string(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // (A native string's bytes are read where they are; only another kind is copied.)
        if value.utf8.withContiguousStorageIfAvailable({ escaped($0, into: &out) }) == nil {
            var copy = value
            copy.withUTF8 { escaped($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes of a string's content, escaped where JSON needs it.
    private static func escaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        do {
            var start = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none of them may need escaping (most text).
                while i + 8 <= bytes.count, !mayNeedEscaping(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                guard i < bytes.count else { break }
                let b = bytes[i]
                i += 1
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2 else { continue }
                if b == 0xC2 {
                    // U+0080–U+009F are C2 80 … C2 9F; other characters from C2 are not controls.
                    guard i < bytes.count, bytes[i] <= 0x9F else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]))
                    out += Array("\\u00".utf8)
                    out.append(hexDigits[Int(bytes[i] >> 4)])
                    out.append(hexDigits[Int(bytes[i] & 0x0F)])
                    i += 1
                    start = i
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]))
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
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }

    /// `value` as a JSON string that is also a JavaScript string literal in any engine:
    /// U+2028 and U+2029 escaped too (engines before ES2019 end a line at them). For the
    /// static site's search files.
    ///
    /// ```swift
    /// JSONText.scriptString("「市長」\"a\"\u{2028}")   // "\"「市長」\\\"a\\\"\\u2028\""
    /// ```
    package static func scriptString(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        string(value, into: &bytes)
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; rare, so looked for before copying.
        guard bytes.indices.contains(where: { bytes[$0] == 0xE2 && $0 + 2 < bytes.count && bytes[$0 + 1] == 0x80 && (bytes[$0 + 2] == 0xA8 || bytes[$0 + 2] == 0xA9) }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether any of eight bytes may be one a string escapes (below 0x20, `"`, `\`, DEL, or
    /// 0xC2, which starts the C1 controls): never false when one is; sometimes true when
    /// none is (the per-byte loop then decides).
    @inline(__always) static func mayNeedEscaping(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below20 = (w &- 0x2020_2020_2020_2020) & ~w & highs
        return below20 | hasZero(w ^ (ones &* 0x22)) | hasZero(w ^ (ones &* 0x5C)) | hasZero(w ^ (ones &* 0x7F)) | hasZero(w ^ (ones &* 0xC2)) != 0
    }
}

extension JSONValueEncoder {
    /// Writes this encoder's value as an object whose fields `body` gives, keys in sorted
    /// order (ASCII, never escaped). Used by a type's `encode(to:)` when the encoder is this
    /// writer's; the type's other encoders get the same JSON from its containers.
    func writeObject(_ body: (inout JSONFieldWriter) throws -> Void) rethrows {
        context.out.append(UInt8(ascii: "{"))
        var fields = JSONFieldWriter(context: context, depth: depth)
        try body(&fields)
        if context.pretty { context.newline(depth) }
        context.out.append(UInt8(ascii: "}"))
        state = .scalar
    }
}
