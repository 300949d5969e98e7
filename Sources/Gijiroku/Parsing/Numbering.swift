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
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return nil }
        var end: String.UnicodeScalarView.Index
        let number: Int
        let style: Style
        switch first.value {
        case 0x2474...0x2487:                      // ⑴ … ⒇
            number = Int(first.value - 0x2474) + 1
            style = .parenthesisedSymbol
            end = scalars.index(after: scalars.startIndex)
        case 0x2460...0x2473:                      // ① … ⑳
            number = Int(first.value - 0x2460) + 1
            style = .circled
            end = scalars.index(after: scalars.startIndex)
        case 0x28, 0xFF08:                         // ( （
            let digitsStart = scalars.index(after: scalars.startIndex)
            var i = digitsStart
            var count = 0, value = 0, onlyDigits = true
            while i < scalars.endIndex, count <= 3 {
                if let d = JapaneseNumber.asciiDigit(scalars[i]) {
                    value = value * 10 + d
                } else if isKanjiNumeral(scalars[i]) {
                    onlyDigits = false
                } else {
                    break
                }
                count += 1
                i = scalars.index(after: i)
            }
            guard count > 0, count <= 3, i < scalars.endIndex, scalars[i] == ")" || scalars[i] == "）",
                  let n = onlyDigits ? value : JapaneseNumber.value(of: Substring(scalars[digitsStart..<i])) else { return nil }
            number = n
            style = .parenthesised
            end = scalars.index(after: i)
        case 0x7B2C, 0x65E5:                       // 第, 日
            // 第１ / 日程第１ followed by white space (agenda of council sessions).
            var i = scalars.startIndex
            if first.value == 0x65E5 {
                guard scalars.count > 3, scalars[scalars.index(after: i)] == "程" else { return nil }
                i = scalars.index(i, offsetBy: 2)
            }
            guard i < scalars.endIndex, scalars[i] == "第" else { return nil }
            i = scalars.index(after: i)
            var value = 0
            var count = 0
            while i < scalars.endIndex, let d = JapaneseNumber.asciiDigit(scalars[i]), count < 3 {
                value = value * 10 + d
                count += 1
                i = scalars.index(after: i)
            }
            guard count > 0, i < scalars.endIndex, SourceLine.isSpace(scalars[i]) else { return nil }
            number = value
            style = .ordinal
            end = i
        default:
            var i = scalars.startIndex
            var value = 0
            var count = 0
            while i < scalars.endIndex, let d = JapaneseNumber.asciiDigit(scalars[i]), count < 3 {
                value = value * 10 + d
                count += 1
                i = scalars.index(after: i)
            }
            guard count > 0, i < scalars.endIndex else { return nil }
            let sep = scalars[i]
            if sep == "." || sep == "．" || sep == "、" {
                // "1.5" is a number, not numbering.
                let next = scalars.index(after: i)
                if next < scalars.endIndex, JapaneseNumber.asciiDigit(scalars[next]) != nil { return nil }
                style = .dotted
                end = next
            } else if SourceLine.isSpace(sep) {
                style = .spaced
                end = i
            } else {
                return nil
            }
            number = value
        }
        let label = Substring(scalars[scalars.startIndex..<end])
        while end < scalars.endIndex, SourceLine.isSpace(scalars[end]) { end = scalars.index(after: end) }
        return Numbering(number: number, label: label, style: style, rest: Substring(scalars[end...]))
    }
}
