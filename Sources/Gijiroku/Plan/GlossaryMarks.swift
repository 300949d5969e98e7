/// Plan stage 3: strips glossary marks (`NPO*`, `ライフスタイル*`) from text and collects the
/// marked terms: the run of Latin letters, katakana or kanji (with trailing kana) before
/// the `*`.
///
/// ```swift
/// var glossary: [String] = []
/// GlossaryMarks.strip("NGO*・NPO*活動", into: &glossary)   // "NGO・NPO活動", glossary ["NGO", "NPO"]
/// ```
enum GlossaryMarks {
    static func strip(_ text: String, into glossary: inout [String]) -> String {
        guard text.unicodeScalars.contains("*") || text.unicodeScalars.contains("＊") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            guard s == "*" || s == "＊" else { out.append(s); continue }
            if let term = term(before: i, in: scalars), !glossary.contains(term) { glossary.append(term) }
        }
        return String(out)
    }

    /// The marked term ending just before `end`: a Latin or katakana run, or kanji with up
    /// to two trailing kana (`見直し`).
    private static func term(before end: Int, in scalars: [Unicode.Scalar]) -> String? {
        var start = end
        if start > 0, kind(scalars[start - 1]) == .latin || kind(scalars[start - 1]) == .katakana {
            let cls = kind(scalars[start - 1])
            while start > 0, kind(scalars[start - 1]) == cls { start -= 1 }
        } else {
            var kana = 0
            while start > 0, kind(scalars[start - 1]) == .hiragana, kana < 2 { start -= 1; kana += 1 }
            let beforeKanji = start
            while start > 0, kind(scalars[start - 1]) == .kanji { start -= 1 }
            if start == beforeKanji { return nil }
        }
        return start < end ? String(scalars: scalars[start..<end]) : nil
    }

    private enum Kind { case latin, katakana, kanji, hiragana, other }

    private static func kind(_ s: Unicode.Scalar) -> Kind {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin
        case 0x30A1...0x30FA, 0x30FC: return .katakana
        case 0x4E00...0x9FFF, 0x3005: return .kanji
        case 0x3041...0x3096: return .hiragana
        default: return .other
        }
    }
}
