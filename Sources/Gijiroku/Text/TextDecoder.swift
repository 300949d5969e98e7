import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into text, detecting the encoding.
///
/// Detection order: a byte-order mark (UTF-8, UTF-16LE/BE); UTF-16 without a BOM when the
/// zero bytes fall mostly on one side of the pairs and the text decodes cleanly, with line
/// ends (Japanese in kanji and kana has few zero bytes); valid UTF-8; then Shift_JIS (CP932,
/// which includes `髙` and `①`) and EUC-JP, each decoded strictly by the system's `iconv`,
/// keeping whichever decodes and reads as more Japanese.
///
/// ```swift
/// let decoded = try TextDecoder().decode(bytes, path: "sjis.txt")
/// decoded.encoding   // .shiftJIS
/// ```
package struct TextDecoder: Sendable {
    /// Decoded text and the encoding it was found in.
    package struct Decoded: Sendable {
        /// The decoded text.
        package var text: String
        /// The encoding it was found in.
        package var encoding: TextEncoding
        /// Lines (1-based) where a few bytes that were not UTF-8 were read as U+FFFD.
        package var replacedLines: [Int] = []
    }

    package init() {}

    /// Decodes `data`; `path` only names the file in errors.
    /// - Throws: ``InputError`` when the data is empty, binary or in no known encoding.
    package func decode(_ data: Data, path: String) throws(InputError) -> Decoded {
        // The common case, UTF-8 text without a BOM, is read straight from the data's bytes;
        // anything else (or anything doubtful) takes the full path below.
        if let text = data.withUnsafeBytes({ plainUTF8($0.bindMemory(to: UInt8.self)) }) {
            return Decoded(text: text, encoding: .utf8)
        }
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(path: path, reason: .empty)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try checked(String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8BOM, path)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try checked(utf16(bytes.dropFirst(2), littleEndian: true), .utf16LE, path) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try checked(utf16(bytes.dropFirst(2), littleEndian: false), .utf16BE, path) }
        // Without a BOM, UTF-16 is only guessed: it must decode without a broken surrogate and
        // have a line end, or the bytes go on to the tests below.
        if let endianness = bomlessUTF16(bytes) {
            let text = utf16(bytes[...], littleEndian: endianness)
            if !text.unicodeScalars.contains("\u{FFFD}"), text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
                return try checked(text, endianness ? .utf16LE : .utf16BE, path)
            }
        }
        // One pass over the bytes: a NUL means binary, and so do too many other control bytes.
        let (controls, nul) = bytes.withUnsafeBufferPointer(Self.controlBytes)
        if nul { throw InputError(path: path, reason: .binary) }
        if let text = String(validating: bytes, as: UTF8.self) {
            if controls * 20 > bytes.count { throw InputError(path: path, reason: .binary) }
            if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw InputError(path: path, reason: .empty) }
            return Decoded(text: text, encoding: .utf8)
        }

        // UTF-8 but for a few bad bytes (a damaged copy): read, each bad sequence as U+FFFD.
        if let mostly = Self.mostlyUTF8(bytes) { return mostly }

        let candidates: [(TextEncoding, String)] = [(.shiftJIS, "CP932"), (.eucJP, "EUC-JP")].compactMap { enc, name in
            Self.iconvDecode(bytes, from: name).map { (enc, $0) }
        }
        guard let best = candidates.max(by: { Self.japaneseScore($0.1) < Self.japaneseScore($1.1) }) else {
            throw InputError(path: path, reason: looksBinary(bytes) ? .binary : .undecodable(offset: Self.firstInvalidUTF8(bytes) ?? 0))
        }
        return try checked(best.1, best.0, path)
    }

    /// Text that is UTF-8 except for a few bad sequences (no more than 64, and at least ten
    /// good non-ASCII characters for each): decoded with U+FFFD in their place, their lines
    /// noted. Shift_JIS or EUC-JP text read as UTF-8 is bad nearly everywhere it is not
    /// ASCII, so it never passes.
    static func mostlyUTF8(_ bytes: [UInt8]) -> Decoded? {
        let text = String(decoding: bytes, as: UTF8.self)
        var replaced: [Int] = []
        var count = 0, good = 0
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            else if scalar == "\u{FFFD}" {
                count += 1
                if replaced.last != line { replaced.append(line) }
            } else if scalar.value > 0x7F {
                good += 1
            }
        }
        guard count > 0, count <= 64, good >= 10 * count else { return nil }
        return Decoded(text: text, encoding: .utf8, replacedLines: replaced)
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            guard length > 0, i + length <= bytes.count, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return nil
    }

    /// How many control bytes other than tab, line feed, form feed and carriage return the
    /// bytes hold, and whether one is NUL. Eight bytes at a time: each test below sets the high
    /// bit of every byte it holds for, exactly (no carry crosses a byte).
    static func controlBytes(_ buffer: UnsafeBufferPointer<UInt8>) -> (count: Int, nul: Bool) {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        let isZero = UTF8Bytes.zeroBytes
        var count = 0
        var nul: UInt64 = 0
        var i = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= buffer.count {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let below20 = ~(((x & low) &+ 0x6060_6060_6060_6060) | x) & high
                if below20 != 0 {
                    let allowed = isZero(x ^ (0x09 &* ones)) | isZero(x ^ (0x0A &* ones)) | isZero(x ^ (0x0C &* ones)) | isZero(x ^ (0x0D &* ones))
                    count += (below20 & ~allowed).nonzeroBitCount
                    nul |= isZero(x)
                }
                i += 8
            }
        }
        var tailNul = false
        while i < buffer.count {
            let b = buffer[i]
            if b == 0 { tailNul = true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { count += 1 }
            i += 1
        }
        return (count, nul != 0 || tailNul)
    }

    private func checked(_ text: String, _ encoding: TextEncoding, _ path: String) throws(InputError) -> Decoded {
        var controls = 0
        var total = 0
        for scalar in text.unicodeScalars {
            total += 1
            let v = scalar.value
            if v == 0 || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C) || v == 0xFFFD { controls += 1 }
        }
        if total > 0, controls * 20 > total { throw InputError(path: path, reason: .binary) }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw InputError(path: path, reason: .empty) }
        return Decoded(text: text, encoding: encoding)
    }

    private func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// `true` for little-endian, `false` for big-endian, `nil` when the bytes do not look like UTF-16.
    /// The text of `bytes` when they are, beyond doubt, UTF-8 text without a BOM: not blank, not
    /// UTF-16, no NUL, few control bytes. `nil` leaves the decision to the full path.
    private func plainUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // 0xFF and 0xFE never occur in UTF-8: they can only start a UTF-16 BOM.
        guard let first = bytes.first, first != 0xFF, first != 0xFE,
              !(bytes.count >= 3 && first == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) else { return nil }
        // Without a NUL the bytes cannot be UTF-16 (its ASCII has a zero byte in every pair).
        let (controls, nul) = Self.controlBytes(bytes)
        guard !nul, controls * 20 <= bytes.count, let text = String(validating: bytes, as: UTF8.self),
              !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) else { return nil }
        return text
    }

    private func bomlessUTF16<C: RandomAccessCollection>(_ bytes: C) -> Bool? where C.Element == UInt8 {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var evenZero = 0, oddZero = 0
        for (i, b) in sample.enumerated() where b == 0 { if i % 2 == 0 { evenZero += 1 } else { oddZero += 1 } }
        // UTF-16 text has most of its zero bytes on one side of the pairs: the high byte of
        // ASCII (line ends, spaces, digits), at least one in every few dozen characters even of
        // Japanese written almost all in kanji and kana. A few land on the other side (　 is
        // U+3000, 一 is U+4E00).
        let pairs = sample.count / 2
        if oddZero > 0, oddZero >= 4 * evenZero, oddZero * 64 >= pairs { return true }
        if evenZero > 0, evenZero >= 4 * oddZero, evenZero * 64 >= pairs { return false }
        return nil
    }

    private func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(4096)
        let controls = sample.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
        return controls * 20 > sample.count
    }

    /// How Japanese a decoding reads: kana and common punctuation count, rare ranges do not.
    static func japaneseScore(_ text: String) -> Int {
        var score = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            switch scalar.value {
            case 0x3040...0x30FF, 0x3000...0x3003: score += 2       // kana, 、。
            case 0x4E00...0x9FFF: score += 1                          // CJK ideographs
            case 0xFF01...0xFF5E: score += 1                          // full-width ASCII
            case 0xFF61...0xFF9F: score -= 1                          // half-width katakana: rare in real text
            case 0xE000...0xF8FF: score -= 3                          // private use: a wrong guess
            default: break
            }
        }
        return score
    }

    /// Strict conversion through the system's iconv: any invalid sequence fails.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let converted = input.withUnsafeMutableBufferPointer { ib -> Bool in
            output.withUnsafeMutableBufferPointer { ob -> Bool in
                var ip: UnsafeMutablePointer<CChar>? = ib.baseAddress
                var op: UnsafeMutablePointer<CChar>? = ob.baseAddress
                return iconv(cd, &ip, &inLeft, &op, &outLeft) != -1 && inLeft == 0
            }
        }
        guard converted else { return nil }
        return String(decoding: output[0..<(output.count - outLeft)].lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
