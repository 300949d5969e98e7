/// The character variants (異体字) that matching reads as one character: `髙` as `高`,
/// `﨑` as `崎`, a Kangxi radical `⽇` (U+2F47) that PDF extraction left as `日`, a CJK
/// compatibility ideograph as its unified form; variation selectors are dropped. Folding is
/// for matching only (the tokenizer, the linker, speaker identity); text is shown as written.
///
/// The table is the data file `characters.variants` beside this source, compiled in by the
/// build (see its header for the format, the sources and what is included).
///
/// ```swift
/// let v = CharacterVariants.shipped
/// v.fold("髙橋副市長")           // "高橋副市長"
/// v.fold("⽇本")                 // "日本"
/// v.fold("佐々木")               // "佐々木" (iteration marks are kept)
/// ```
public struct CharacterVariants: Sendable {
    /// The table Gijiroku ships.
    public static let shipped: CharacterVariants = {
        do {
            return try CharacterVariants(table: EmbeddedVariants.characters, file: "characters.variants")
        } catch {
            // The shipped table is checked by the tests; a build with a broken one must not run.
            fatalError("the shipped character variant table is malformed: \(error)")
        }
    }()

    /// A line of a table that cannot be read.
    public struct TableError: Error, Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// What a BMP scalar folds to: 0 none, `dropped` removed, else the target's value.
    private let basic: [UInt32]
    /// The same for scalars outside the BMP.
    private let supplementary: [UInt32: UInt32]
    private static let dropped: UInt32 = 0xFFFF_FFFF
    /// The smallest scalar with a mapping: below it nothing is looked up.
    private let lowest: UInt32
    /// Identifies the table: an index records it, and is rebuilt when it changes. The first
    /// 16 hex digits of the SHA-256 of the table's mappings (each variant and target as
    /// two little-endian 32-bit values), not of its comments.
    public let fingerprint: String
    /// Every mapping, in the order of the table (`nil`: dropped).
    public let mappings: [(variant: Unicode.Scalar, target: Unicode.Scalar?)]

    /// Reads a table in the format of `characters.variants`.
    /// - Throws: ``TableError`` naming the line: a malformed line, a character listed twice,
    ///   a target that is itself a variant.
    public init(table text: String, file: String) throws(TableError) {
        var basic = [UInt32](repeating: 0, count: 0x10000)
        var supplementary: [UInt32: UInt32] = [:]
        var mappings: [(Unicode.Scalar, Unicode.Scalar?)] = []
        var lineOf: [UInt32: Int] = [:]
        var canonical: [UInt8] = []
        // Read by scalars, not characters: the table is read once per process, on start.
        var line = 0
        var fields: [[Unicode.Scalar]] = []
        var field: [Unicode.Scalar] = []
        var inComment = false
        func endField() { if !field.isEmpty { fields.append(field); field = [] } }
        func endLine() throws(TableError) {
            line += 1
            endField()
            defer { fields = []; inComment = false }
            if fields.isEmpty { return }
            func fail(_ reason: String) -> TableError { TableError(file: file, line: line, reason: reason) }
            func text(_ f: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(f)) }
            guard fields.count == 2 else { throw fail("expected a variant and its target, found \(fields.count) fields") }
            var sources: [Unicode.Scalar] = []
            let dropped = fields[1] == ["-"]
            if let range = Self.range(fields[0]) {
                guard dropped else { throw fail("a range can only be dropped (`-`)") }
                sources = range
            } else {
                guard let s = Self.scalar(fields[0]) else { throw fail("`\(text(fields[0]))` is not one character or U+XXXX") }
                sources = [s]
            }
            let target: Unicode.Scalar?
            if dropped {
                target = nil
            } else {
                guard let t = Self.scalar(fields[1]) else { throw fail("`\(text(fields[1]))` is not one character or U+XXXX") }
                target = t
            }
            for s in sources {
                if let first = lineOf[s.value] { throw fail("U+\(Self.hex(s)) is listed twice (first on line \(first))") }
                guard s != target else { throw fail("U+\(Self.hex(s)) is mapped to itself") }
                lineOf[s.value] = line
                let value = target?.value ?? Self.dropped
                if s.value < 0x10000 { basic[Int(s.value)] = value } else { supplementary[s.value] = value }
                mappings.append((s, target))
                for v in [s.value, target?.value ?? 0] { withUnsafeBytes(of: v.littleEndian) { canonical.append(contentsOf: $0) } }
            }
        }
        for c in text.unicodeScalars {
            switch c {
            case "\n": try endLine()
            case _ where inComment: continue
            case "#": inComment = true
            case " ", "\t", "\r": endField()
            default: field.append(c)
            }
        }
        try endLine()
        for (s, t) in mappings {
            guard let t, let line = lineOf[t.value] else { continue }
            throw TableError(file: file, line: lineOf[s.value] ?? 0,
                             reason: "the target U+\(Self.hex(t)) is itself a variant (line \(line)): map to its target instead")
        }
        self.basic = basic
        self.supplementary = supplementary
        self.mappings = mappings
        self.lowest = mappings.map(\.0.value).min() ?? UInt32.max
        self.fingerprint = String(SHA256.hex(of: canonical).prefix(16))
    }

    /// What `s` is read as: itself, its standard form, or `nil` when it is dropped.
    @inline(__always)
    public func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < lowest { return s }
        let m = v < 0x10000 ? basic[Int(v)] : supplementary[v] ?? 0
        if m == 0 { return s }
        if m == Self.dropped { return nil }
        return Unicode.Scalar(m)
    }

    /// Whether `s` has a mapping.
    @inline(__always)
    public func changes(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < lowest { return false }
        return (v < 0x10000 ? basic[Int(v)] : supplementary[v] ?? 0) != 0
    }

    /// The text with every variant folded (and variation selectors dropped).
    public func fold<S: StringProtocol>(_ text: S) -> String {
        guard text.unicodeScalars.contains(where: changes) else { return String(text) }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { if let f = fold(s) { out.append(f) } }
        return String(out)
    }

    /// `髙`, `U+9AD9`: one scalar.
    private static func scalar(_ field: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        if field.count == 1 { return field.first }
        guard field.count > 2, field.prefix(2).elementsEqual(["U", "+"]),
              let v = UInt32(String(String.UnicodeScalarView(field.dropFirst(2))), radix: 16) else { return nil }
        return Unicode.Scalar(v)
    }

    private static func scalar(_ field: [Unicode.Scalar]) -> Unicode.Scalar? { scalar(field[...]) }

    /// `U+FE00..U+FE0F`: every scalar of the range.
    private static func range(_ field: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard let dots = field.indices.first(where: { $0 + 1 < field.count && field[$0] == "." && field[$0 + 1] == "." }),
              let a = scalar(field[..<dots]), let b = scalar(field[(dots + 2)...]), a.value <= b.value, b.value - a.value < 0x1000 else { return nil }
        return (a.value...b.value).compactMap(Unicode.Scalar.init)
    }

    private static func hex(_ s: Unicode.Scalar) -> String {
        let h = String(s.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
