/// Splits text into the tokens of Gijiroku's full-text index.
///
/// Text is width- and case-folded (full-width ASCII → ASCII, half-width katakana →
/// full-width with voiced marks composed, A–Z → a–z); runs of Japanese characters become
/// overlapping character bigrams (a lone character a unigram); runs of Latin letters and
/// digits become one token; everything else separates. For the index, the last character
/// of each Japanese run is also emitted, colocated, so that a one-character query (a
/// prefix query) finds every occurrence. Offsets are byte offsets into the original text,
/// so highlights show the text as written.
///
/// ```swift
/// JapaneseTokens.tokens(of: "市長指示、ＡＩ", forIndex: true).map(\.text)
/// // ["市長", "長指", "指示", "示", "ai"]
/// ```
public enum JapaneseTokens {
    public struct Token: Sendable, Hashable {
        public var text: String
        public var start: Int
        public var end: Int
        /// Shares the position of the token before it (index-only extra token).
        public var colocated: Bool
    }

    enum Class { case japanese, latin, separator }

    /// The tokens of `text` (for tests and for building queries).
    public static func tokens(of text: String, forIndex: Bool) -> [Token] {
        var out: [Token] = []
        var copy = text
        copy.withUTF8 { buffer in
            tokenize(buffer, forIndex: forIndex) { bytes, start, end, colocated in
                out.append(Token(text: String(decoding: bytes, as: UTF8.self), start: start, end: end, colocated: colocated))
                return true
            }
        }
        return out
    }

    /// The tokenizer proper, on UTF-8 bytes. `emit` returns `false` to stop.
    static func tokenize(_ text: UnsafeBufferPointer<UInt8>, forIndex: Bool,
                         emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool) {
        // Folded scalars of the current run, with their byte ranges in the original and
        // whether folding changed them (unchanged tokens are emitted from the text itself).
        var run: [(scalar: Unicode.Scalar, start: Int, end: Int, changed: Bool)] = []
        var runClass = Class.separator
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)

        func flush() -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            guard !run.isEmpty else { return true }
            switch runClass {
            case .latin:
                if !run.contains(where: \.changed) {
                    return emit(UnsafeBufferPointer(rebasing: text[run.first!.start..<run.last!.end]), run.first!.start, run.last!.end, false)
                }
                scratch.removeAll(keepingCapacity: true)
                for item in run { append(item.scalar, to: &scratch) }
                return scratch.withUnsafeBufferPointer { emit($0, run.first!.start, run.last!.end, false) }
            case .japanese:
                func token(_ from: Int, _ to: Int, colocated: Bool) -> Bool {
                    let first = run[from], last = run[to]
                    if !first.changed && !last.changed {
                        return emit(UnsafeBufferPointer(rebasing: text[first.start..<last.end]), first.start, last.end, colocated)
                    }
                    scratch.removeAll(keepingCapacity: true)
                    append(first.scalar, to: &scratch)
                    if to != from { append(last.scalar, to: &scratch) }
                    return scratch.withUnsafeBufferPointer { emit($0, first.start, last.end, colocated) }
                }
                if run.count == 1 { return token(0, 0, colocated: false) }
                for i in 0..<(run.count - 1) {
                    guard token(i, i + 1, colocated: false) else { return false }
                }
                return forIndex ? token(run.count - 1, run.count - 1, colocated: true) : true
            case .separator:
                return true
            }
        }

        var i = 0
        while i < text.count {
            let start = i
            guard let (decoded, length) = decode(text, at: i) else { i += 1; _ = flush(); runClass = .separator; continue }
            i += length
            var scalar = fold(decoded)
            // Half-width voiced marks compose with the kana before them: ｶﾞ → ガ.
            if (decoded.value == 0xFF9E || decoded.value == 0xFF9F), runClass == .japanese, let last = run.last,
               let composed = compose(last.scalar, semiVoiced: decoded.value == 0xFF9F) {
                run[run.count - 1] = (composed, last.start, i, true)
                continue
            }
            let cls = classify(scalar)
            if cls == .latin, scalar.value >= 0x41, scalar.value <= 0x5A { scalar = Unicode.Scalar(scalar.value + 0x20)! }
            let changed = scalar != decoded
            if cls != runClass {
                guard flush() else { return }
                runClass = cls
            }
            if cls != .separator { run.append((scalar, start, i, changed)) }
        }
        _ = flush()
    }

    @inline(__always)
    static func decode(_ t: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = t[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= t.count else { return nil }
        for k in 1..<length {
            let b = t[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0)!
        case 0xFF61...0xFF9F: return halfWidthKana[Int(s.value - 0xFF61)]
        default: return s
        }
    }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> Class {
        let v = s.value
        switch v {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .latin
        case 0x3005...0x3007, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return .japanese
        case 0x00C0...0x024F, 0x0370...0x03FF, 0x0400...0x04FF:
            return s.properties.isAlphabetic ? .latin : .separator
        default:
            return .separator
        }
    }

    private static func compose(_ kana: Unicode.Scalar, semiVoiced: Bool) -> Unicode.Scalar? {
        let v = kana.value
        if semiVoiced { return (0x30CF...0x30DB).contains(v) && (v - 0x30CF) % 3 == 0 ? Unicode.Scalar(v + 2) : nil }
        if v == 0x30A6 { return "ヴ" }
        if (0x30AB...0x30C2).contains(v) && (v - 0x30AB) % 2 == 0 { return Unicode.Scalar(v + 1) }
        if (0x30C4...0x30C8).contains(v) && (v - 0x30C4) % 2 == 0 { return Unicode.Scalar(v + 1) }
        if (0x30CF...0x30DB).contains(v) && (v - 0x30CF) % 3 == 0 { return Unicode.Scalar(v + 1) }
        return nil
    }

    @inline(__always)
    private static func append(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        for unit in UTF8.encode(s)! { bytes.append(unit) }
    }

    // U+FF61…U+FF9F as full-width; the voiced marks become the combining-less marks ゛゜.
    private static let halfWidthKana: [Unicode.Scalar] = Array(
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"
            .unicodeScalars)
}
