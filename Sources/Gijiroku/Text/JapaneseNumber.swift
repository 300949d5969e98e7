/// Reads numbers as Japanese documents write them: ASCII or full-width digits, kanji
/// numerals in either style (`二十八`, `二〇一六`), and `元` for the first year of an era.
///
/// ```swift
/// JapaneseNumber.value(of: "３０")     // 30
/// JapaneseNumber.value(of: "二十八")   // 28
/// JapaneseNumber.value(of: "元")       // 1
/// ```
package enum JapaneseNumber {
    /// The value of the whole string, or `nil` if it is not a number.
    package static func value<S: StringProtocol>(of text: S) -> Int? {
        let scalars = Array(text.unicodeScalars)
        guard let (value, length) = scan(scalars, from: 0), length == scalars.count else { return nil }
        return value
    }

    /// Reads a number starting at `index`; returns its value and how many scalars it used.
    static func scan(_ s: [Unicode.Scalar], from index: Int) -> (value: Int, length: Int)? {
        var i = index
        if i < s.count, s[i] == "元" { return (1, 1) }
        var digits = 0
        var value = 0
        while i < s.count, let d = asciiDigit(s[i]), digits < 9 {
            value = value * 10 + d
            digits += 1
            i += 1
        }
        if digits > 0 {
            // "1,000" / "１，０００": a separator followed by exactly three digits.
            while i + 3 < s.count, s[i] == "," || s[i] == "，",
                  let a = asciiDigit(s[i + 1]), let b = asciiDigit(s[i + 2]), let c = asciiDigit(s[i + 3]),
                  !(i + 4 < s.count && asciiDigit(s[i + 4]) != nil) {
                value = value * 1000 + a * 100 + b * 10 + c
                i += 4
            }
            return (value, i - index)
        }
        return scanKanji(s, from: index)
    }

    private static func scanKanji(_ s: [Unicode.Scalar], from index: Int) -> (value: Int, length: Int)? {
        var i = index
        var total = 0
        var current = 0
        var digitRun = 0
        var sawAny = false
        while i < s.count {
            let c = s[i]
            if let d = kanjiDigit(c) {
                current = current * 10 + d
                digitRun += 1
            } else if let unit = kanjiUnit(c) {
                total += (digitRun == 0 ? 1 : current) * unit
                current = 0
                digitRun = 0
            } else {
                break
            }
            sawAny = true
            i += 1
        }
        guard sawAny else { return nil }
        return (total + current, i - index)
    }

    @inline(__always) static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: return Int(c.value - 0x30)
        case 0xFF10...0xFF19: return Int(c.value - 0xFF10)
        default: return nil
        }
    }

    /// Whether `c` is a kanji digit or unit (`一`, `〇`, `十`, `百` …): one may open a number.
    static func isKanjiNumeral(_ c: Unicode.Scalar) -> Bool { kanjiDigit(c) != nil || kanjiUnit(c) != nil }

    private static func kanjiDigit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "〇", "零": return 0
        case "一": return 1
        case "二": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }

    private static func kanjiUnit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        default: return nil
        }
    }
}
