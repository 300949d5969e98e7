/// Quick tests on a line's UTF-8 bytes, so that the label and event readers look closely
/// only at lines that can be one: most lines of summary minutes are neither.
extension SpeakerLabel {
    /// Whether a speaker label may open `content`: it starts with a marker, `【`, a bracket or
    /// a digit, or has a colon or a closing bracket within its first 32 characters.
    static func mayOpen(_ content: Substring) -> Bool {
        // (On the line's bytes in place: this is asked of every line of a record.)
        content.withUTF8Bytes { all -> Bool in
            var i = 0
            while i < all.count, all[i] == 0x20 || all[i] == 0x09 { i += 1 }
            while i + 2 < all.count, all[i] == 0xE3, all[i + 1] == 0x80, all[i + 2] == 0x80 { i += 3 }
            guard i < all.count else { return false }
            let bytes = all.bytes(i..<all.count)
            let first = bytes[0]
            if first == UInt8(ascii: "(") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) { return true }
            if openers.contains(where: { bytes.hasPrefix($0) }) { return true }
            // A colon or a closing bracket before any 、 or 。 (a label holds neither).
            var k = 0
            var n = 0
            while k < bytes.count, n < 96 {
                let b = bytes[k]
                if b == UInt8(ascii: ":") || b == UInt8(ascii: ")") { return true }
                // `：` is EF BC 9A and `）` EF BC 89; `、` E3 80 81, `。` E3 80 82 and U+3000 E3 80 80.
                if b == 0xEF, k + 2 < bytes.count, bytes[k + 1] == 0xBC, bytes[k + 2] == 0x9A || bytes[k + 2] == 0x89 { return true }
                if b == 0xE3, k + 2 < bytes.count, bytes[k + 1] == 0x80 {
                    if bytes[k + 2] == 0x81 || bytes[k + 2] == 0x82 { return false }
                    // A space after a word: `末松裕人委員長　ただいまから…`.
                    if n > 0, bytes[k + 2] == 0x80 { return true }
                }
                if n > 0, b == 0x20 { return true }
                k += 1
                n += 1
            }
            return false
        }
    }

    /// Whether a post or an honorific can end within the first 32 characters: one of them
    /// holds the last character of a known post (長, 員, 君, 局 …) or a seat (番). Bullet sentences of
    /// summary minutes rarely do.
    static func mayHoldPost(_ content: Substring) -> Bool {
        content.withUTF8Bytes { bytes -> Bool in
            // Every post's last character is a three-byte scalar of the Basic Multilingual Plane.
            var i = 0, n = 0
            while i < bytes.count, n < 32 {
                let b = bytes[i]
                if b >= 0xE0, b < 0xF0, i + 2 < bytes.count {
                    let v = Int(b & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                    if postEnds[v >> 6] & (1 << UInt64(v & 63)) != 0 { return true }
                    i += 3
                } else {
                    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 4
                }
                n += 1
            }
            return false
        }
    }

    /// A bitmap over the Basic Multilingual Plane of the characters posts end in.
    private static let postEnds: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for scalar in roleSuffixes.compactMap(\.unicodeScalars.last) + ["会", "局", "番"] where scalar.value < 0x10000 {
            bits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63)
        }
        return bits
    }()

    /// The markers, `【` and `（`.
    private static let openers: [StaticString] = ["○", "◯", "〇", "◎", "◆", "△", "●", "【", "（"]
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
            // `〔` or an event word anywhere: one walk over the scalars, not a search for each
            // (the lead byte of a kanji is that of thousands of others).
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                guard b >= 0xE0, b < 0xF0 else { i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 4; continue }
                guard i + 2 < bytes.count else { return false }
                let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                if v == 0x3014 { return true }   // 〔
                if eventFirstScalars.contains(v), eventWords.contains(where: { bytes.count - i >= $0.utf8CodeUnitCount && bytes.matches(UTF8Bytes($0), at: i) }) {
                    return true
                }
                i += 3
            }
            return false
        }
    }

    /// The first scalars of ``eventWords`` (開 散 延 閉 休 再): a few, compared in turn
    /// (hashing each kanji of a line would cost more).
    private static let eventFirstScalars: [UInt32] = Array(Set(eventWords.map { $0.description.unicodeScalars.first!.value })).sorted()

    private static let eventWords: [StaticString] = ["開会", "開議", "散会", "延会", "閉会", "休憩", "再開"]
    private static let eventStarts: [StaticString] = ["(", "（", "〔", "○", "◯", "〇", "◎", "◆", "△", "●", "―", "─", "-", "=", "＝", "日程", "－"]
}
