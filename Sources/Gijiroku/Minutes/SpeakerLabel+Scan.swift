/// Quick tests on a line's UTF-8 bytes, so that the label and event readers look closely
/// only at lines that can be one: most lines of summary minutes are neither.
extension SpeakerLabel {
    /// Whether a speaker label may open `content`: it starts with a marker, `【`, a bracket or
    /// a digit, or has a colon or a closing bracket within its first 32 characters.
    static func mayOpen(_ content: Substring) -> Bool {
        var bytes = content.utf8[...]
        while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
        while bytes.starts(with: ideographicSpace) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "(") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) { return true }
        if openers.contains(where: { bytes.starts(with: $0) }) { return true }
        // A colon or a closing bracket before any 、 or 。 (a label holds neither).
        var i = bytes.startIndex
        var n = 0
        while i < bytes.endIndex, n < 96 {
            let b = bytes[i]
            if b == UInt8(ascii: ":") || b == UInt8(ascii: ")") { return true }
            if b == 0xEF, bytes[i...].starts(with: fullWidthColon) || bytes[i...].starts(with: fullWidthClose) { return true }
            if b == 0xE3, bytes[i...].starts(with: comma) || bytes[i...].starts(with: fullStop) { return false }
            // A space after a word: `末松裕人委員長　ただいまから…`.
            if n > 0, b == 0x20 || (b == 0xE3 && bytes[i...].starts(with: ideographicSpace)) { return true }
            i = bytes.index(after: i)
            n += 1
        }
        return false
    }

    /// Whether a post or an honorific can end within the first 32 characters: one of them
    /// holds the last character of a known post (長, 員, 君, 局 …) or a seat (番). Bullet sentences of
    /// summary minutes rarely do.
    static func mayHoldPost(_ content: Substring) -> Bool {
        var n = 0
        for scalar in content.unicodeScalars {
            let v = Int(scalar.value)
            if v < 0x10000, postEnds[v >> 6] & (1 << UInt64(v & 63)) != 0 { return true }
            n += 1
            if n >= 32 { return false }
        }
        return false
    }

    /// A bitmap over the Basic Multilingual Plane of the characters posts end in.
    private static let postEnds: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for scalar in roleSuffixes.compactMap(\.unicodeScalars.last) + ["会", "局", "番"] where scalar.value < 0x10000 {
            bits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63)
        }
        return bits
    }()

    private static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
    private static let fullWidthColon: [UInt8] = Array("：".utf8)
    private static let comma: [UInt8] = Array("、".utf8)
    private static let fullStop: [UInt8] = Array("。".utf8)
    private static let fullWidthClose: [UInt8] = Array("）".utf8)
    /// The markers, `【` and `（`.
    private static let openers: [[UInt8]] = ["○", "◯", "〇", "◎", "◆", "△", "●", "【", "（"].map { Array($0.utf8) }
}

extension ProceedingsReader {
    /// Whether `content` may be an event line: short, and with `〔`, `時` or a bracket, marker,
    /// rule or `日程` at its start.
    static func mayBeEvent(_ content: Substring) -> Bool {
        content.withUTF8Bytes { all -> Bool in
            let start = all.spacesEnd(from: 0)
            guard start < all.count, all.count - start <= 240 else { return false }
            let bytes = all.bytes(start..<all.count)
            if eventStarts.contains(where: { bytes.hasPrefix($0) }) { return true }
            return bytes.offset(of: "〔") != nil || eventWords.contains { bytes.offset(of: $0) != nil }
        }
    }

    private static let eventWords: [StaticString] = ["開会", "開議", "散会", "延会", "閉会", "休憩", "再開"]
    private static let eventStarts: [StaticString] = ["(", "（", "〔", "○", "◯", "〇", "◎", "◆", "△", "●", "―", "─", "-", "=", "＝", "日程", "－"]
}
