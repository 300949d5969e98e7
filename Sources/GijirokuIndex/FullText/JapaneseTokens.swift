/// Splits text into the tokens of Gijiroku's full-text index.
///
/// Text is width- and case-folded (full-width ASCII → ASCII, half-width katakana →
/// full-width with voiced marks composed, A–Z → a–z) and its character variants folded
/// (``CharacterVariants``: `髙` → `高`, a Kangxi radical → its ideograph); runs of Japanese characters become
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
import Gijiroku

package enum JapaneseTokens {
    public struct Token: Sendable, Hashable {
        public var text: String
        public var start: Int
        public var end: Int
        /// Shares the position of the token before it (index-only extra token).
        public var colocated: Bool
    }

    package enum Class { case japanese, latin, separator }

    /// The tokens of `text` (for tests and for building queries).
    package static func tokens(of text: String, forIndex: Bool, characters: CharacterVariants = .shipped) -> [Token] {
        var out: [Token] = []
        var copy = text
        copy.withUTF8 { buffer in
            tokenize(buffer, forIndex: forIndex, characters: characters) { bytes, start, end, colocated in
                out.append(Token(text: String(decoding: bytes, as: UTF8.self), start: start, end: end, colocated: colocated))
                return true
            }
        }
        return out
    }

    /// The tokenizer proper, on UTF-8 bytes. `emit` returns `false` to stop.
    ///
    /// One pass with no buffer per call: a Japanese bigram is emitted as soon as the
    /// character after it shows that its second character is complete (a half-width voiced
    /// mark may still join it), from the text itself when folding changed neither character.
    package static func tokenize(_ text: UnsafeBufferPointer<UInt8>, forIndex: Bool, characters: CharacterVariants,
                         emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool) {
        typealias Character = (scalar: Unicode.Scalar, start: Int, end: Int, changed: Bool)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { pair in
            var runClass = Class.separator
            // The Japanese run: its last two characters and its length.
            var older: Character?
            var newer: Character?
            var runLength = 0
            // The Latin run: its byte range, and whether folding changes it.
            var latinStart = 0, latinEnd = 0
            var latinChanged = false
            var scratch: [UInt8] = []

            func token(_ a: Character, _ b: Character?, colocated: Bool) -> Bool {
                let last = b ?? a
                if !a.changed && !last.changed {
                    return emit(UnsafeBufferPointer(rebasing: text[a.start..<last.end]), a.start, last.end, colocated)
                }
                var n = 0
                for unit in UTF8.encode(a.scalar)! { pair[n] = unit; n += 1 }
                if let b { for unit in UTF8.encode(b.scalar)! { pair[n] = unit; n += 1 } }
                return emit(UnsafeBufferPointer(rebasing: pair[0..<n]), a.start, last.end, colocated)
            }

            /// Ends the current run; `false` when `emit` asked to stop.
            func flush() -> Bool {
                switch runClass {
                case .japanese:
                    defer { older = nil; newer = nil; runLength = 0 }
                    guard let last = newer else { return true }
                    if let older, !token(older, last, colocated: false) { return false }
                    if runLength == 1 { return token(last, nil, colocated: false) }
                    return forIndex ? token(last, nil, colocated: true) : true
                case .latin:
                    if !latinChanged {
                        return emit(UnsafeBufferPointer(rebasing: text[latinStart..<latinEnd]), latinStart, latinEnd, false)
                    }
                    scratch.removeAll(keepingCapacity: true)
                    var i = latinStart
                    while i < latinEnd, let (decoded, length) = decode(text, at: i) {
                        guard var scalar = characters.fold(fold(decoded)) else { i += length; continue }
                        if scalar.value >= 0x41, scalar.value <= 0x5A { scalar = Unicode.Scalar(scalar.value + 0x20)! }
                        append(scalar, to: &scratch)
                        i += length
                    }
                    return scratch.withUnsafeBufferPointer { emit($0, latinStart, latinEnd, false) }
                case .separator:
                    return true
                }
            }

            var i = 0
            while i < text.count {
                let start = i
                guard let (decoded, length) = decode(text, at: i) else {
                    i += 1
                    guard flush() else { return }
                    runClass = .separator
                    continue
                }
                i += length
                guard var scalar = characters.fold(fold(decoded)) else {
                    // A variation selector: dropped. The character before it ends after it; a
                    // Latin run is written without it.
                    if runClass == .japanese, let last = newer { newer = (last.scalar, last.start, i, true) }
                    if runClass == .latin { latinChanged = true }
                    continue
                }
                // Half-width voiced marks compose with the kana before them: ｶﾞ → ガ.
                if decoded.value == 0xFF9E || decoded.value == 0xFF9F, runClass == .japanese, let last = newer,
                   let composed = compose(last.scalar, semiVoiced: decoded.value == 0xFF9F) {
                    newer = (composed, last.start, i, true)
                    continue
                }
                let cls = classify(scalar)
                if cls == .latin, scalar.value >= 0x41, scalar.value <= 0x5A { scalar = Unicode.Scalar(scalar.value + 0x20)! }
                if cls != runClass {
                    guard flush() else { return }
                    runClass = cls
                    latinStart = start
                    latinChanged = false
                }
                switch cls {
                case .japanese:
                    // The character before `newer` is complete now: emit the bigram ending at `newer`.
                    if let o = older, let n = newer, !token(o, n, colocated: false) { return }
                    older = newer
                    newer = (scalar, start, i, scalar != decoded)
                    runLength += 1
                case .latin:
                    latinEnd = i
                    latinChanged = latinChanged || scalar != decoded
                case .separator:
                    break
                }
            }
            _ = flush()
        }
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
    package static func classify(_ s: Unicode.Scalar) -> Class {
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
