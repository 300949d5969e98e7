/// JSON text written directly, for the files written once per document.
enum JSONText {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped, and
    /// U+2028/U+2029 too (older JavaScript engines end a line at them).
    ///
    /// ```swift
    /// JSONText.string("「市長」\"a\"")   // "\"「市長」\\\"a\\\"\""
    /// ```
    static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if s.value < 0x20 {
                    out += "\\u00" + (s.value < 0x10 ? "0" : "") + String(s.value, radix: 16)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
