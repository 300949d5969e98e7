/// Recognises item numbering at the start of a line, before any width folding
/// (folding would turn `⑴`, `（１）` and `①` all into `(1)` or `1`).
///
/// ```swift
/// Numbering.parse("⑴ さいたま市次期総合振興計画策定基本方針案について")
/// // number 1, label "⑴", style .parenthesisedSymbol, rest "さいたま市次期…"
/// ```
struct Numbering: Hashable {
    enum Style: Hashable { case parenthesisedSymbol, circled, parenthesised, dotted, spaced, ordinal }

    let number: Int
    /// The numbering as written (`⑴`, `（１）`, `①`, `１．`).
    let label: Substring
    let style: Style
    /// The text after the numbering and any spaces.
    let rest: Substring

    private static func isKanjiNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    static func parse(_ text: Substring) -> Numbering? {
        // On the UTF-8 bytes: every line of a body is tried, and most fail at the first scalar.
        guard let found = text.withUTF8Bytes({ scan($0) }) else { return nil }
        return Numbering(number: found.number, label: text.prefix(bytes: found.labelEnd), style: found.style,
                         rest: text.dropping(bytes: found.restStart))
    }

    /// What ``parse(_:)`` finds, as byte offsets: the number, the style, where the label ends
    /// and where the rest starts.
    struct Found {
        var number: Int
        var style: Style
        var labelEnd: Int
        var restStart: Int
    }

    /// Numbering at the start of UTF-8 `b`, if any.
    static func scan(_ b: UTF8Bytes) -> Found? {
        guard !b.isEmpty else { return nil }
        /// The ASCII or full-width digits from byte `i`, at most `limit` of them: value, count, end.
        func digits(from i: Int, limit: Int) -> (value: Int, count: Int, end: Int) {
            var i = i, value = 0, count = 0
            while i < b.count, count < limit {
                let (c, width) = b.scalar(at: i)
                guard let d = JapaneseNumber.asciiDigit(c) else { break }
                value = value * 10 + d
                count += 1
                i += width
            }
            return (value, count, i)
        }
        let (first, firstWidth) = b.scalar(at: 0)
        let end: Int
        let number: Int
        let style: Style
        switch first.value {
        case 0x2474...0x2487:                      // ⑴ … ⒇
            number = Int(first.value - 0x2474) + 1
            style = .parenthesisedSymbol
            end = firstWidth
        case 0x2460...0x2473:                      // ① … ⑳
            number = Int(first.value - 0x2460) + 1
            style = .circled
            end = firstWidth
        case 0x28, 0xFF08:                         // ( （
            var i = firstWidth
            var count = 0, value = 0, onlyDigits = true
            while i < b.count, count <= 3 {
                let (c, width) = b.scalar(at: i)
                if let d = JapaneseNumber.asciiDigit(c) {
                    value = value * 10 + d
                } else if isKanjiNumeral(c) {
                    onlyDigits = false
                } else {
                    break
                }
                count += 1
                i += width
            }
            guard count > 0, count <= 3, i < b.count else { return nil }
            let (close, closeWidth) = b.scalar(at: i)
            // Kanji numerals in brackets: （十二）.
            guard close == ")" || close == "）",
                  let n = onlyDigits ? value : JapaneseNumber.value(of: String(decoding: b.bytes(firstWidth..<i), as: UTF8.self)) else { return nil }
            number = n
            style = .parenthesised
            end = i + closeWidth
        case 0x7B2C, 0x65E5:                       // 第, 日
            // 第１ / 日程第１ followed by white space (agenda of council sessions).
            var i = 0
            if first.value == 0x65E5 {
                guard firstWidth < b.count, b.scalar(at: firstWidth).0 == "程" else { return nil }
                i = firstWidth + 3
            }
            guard i < b.count, b.scalar(at: i).0 == "第" else { return nil }
            let run = digits(from: i + 3, limit: 3)
            guard run.count > 0, run.end < b.count, SourceLine.isSpace(b.scalar(at: run.end).0) else { return nil }
            number = run.value
            style = .ordinal
            end = run.end
        default:
            let run = digits(from: 0, limit: 3)
            guard run.count > 0, run.end < b.count else { return nil }
            let (separator, width) = b.scalar(at: run.end)
            if separator == "." || separator == "．" || separator == "、" {
                // "1.5" is a number, not numbering.
                let next = run.end + width
                if next < b.count, JapaneseNumber.asciiDigit(b.scalar(at: next).0) != nil { return nil }
                style = .dotted
                end = next
            } else if SourceLine.isSpace(separator) {
                style = .spaced
                end = run.end
            } else {
                return nil
            }
            number = run.value
        }
        return Found(number: number, style: style, labelEnd: end, restStart: b.spacesEnd(from: end))
    }
}
