/// Stage 1: says what each physical line is, from its leading marker.
///
/// One `switch` over the first character decides; spaced-out labels
/// (`＜ 議 題 説 明 ①＞`) are compacted before they are compared.
///
/// ```swift
/// LineClassifier.classify("＜ 議 題 説 明 ①＞")   // .blockLabel(.explanation, number: 1, issuer: nil)
/// LineClassifier.classify("⇒計画案作成で検討していく。")   // .answer(marker: "⇒")
/// ```
enum LineClassifier {
    enum BlockKind: String, Hashable { case explanation, comments, directives, other, section }

    enum Kind: Hashable {
        case blank
        case chrome
        case blockLabel(BlockKind, number: Int?, issuer: String?)
        case note
        case subheading
        case noComments
        case answer(marker: Substring)
        case bullet(marker: Substring)
        case numbered(Numbering)
        case text
    }

    static let answerMarkers: Set<Unicode.Scalar> = ["⇒", "→", "➡", "⇨", "➔", "⇢"]
    static let bulletMarkers: Set<Unicode.Scalar> = ["・", "･", "•", "○", "〇", "◯", "●", "◎", "◆", "◇", "■", "□", "◉", "❖", "▪", "-", "－"]

    static func classify(_ content: Substring) -> Kind {
        guard let first = content.unicodeScalars.first else { return .blank }
        switch first {
        case "＜", "<", "〈", "《", "【", "［", "[", "〔":
            if let label = blockLabel(content) { return label }
        case "（", "(":
            if let label = blockLabel(content) { return label }
            if isSubheading(content) { return .subheading }
        case "※":
            return .note
        case "特", "な":
            if isNoComments(content) { return .noComments }
        default:
            break
        }
        if answerMarkers.contains(first) {
            return .answer(marker: Substring(content.unicodeScalars.prefix(1)))
        }
        if let numbering = Numbering.parse(content) {
            if numbering.rest.utf8.count <= 24, let section = sectionLabel(WidthFolding.compact(numbering.rest)) {
                return .blockLabel(section, number: nil, issuer: nil)
            }
            return .numbered(numbering)
        }
        if isChrome(content) { return .chrome }
        if bulletMarkers.contains(first) {
            if first == "-" || first == "－" {
                // "- 1 -" was caught as chrome above; a lone dash is a bullet only before text.
                guard content.unicodeScalars.count > 1 else { return .text }
            }
            if first == "■" || first == "□", let label = blockLabel(content) { return label }
            return .bullet(marker: Substring(content.unicodeScalars.prefix(1)))
        }
        return .text
    }

    static let closers: [Unicode.Scalar: Unicode.Scalar] = ["＜": "＞", "<": ">", "〈": "〉", "《": "》", "【": "】",
                                                            "［": "］", "[": "]", "〔": "〕", "（": "）", "(": ")"]

    /// `＜議題説明(1)＞`, `＜ 意 見 等 ④＞`, `【その他】`, `（市長指示）`, `■市長指示`.
    static func blockLabel(_ content: Substring) -> Kind? {
        // A label is short: anything longer is a line that merely starts with a bracket.
        guard content.utf8.count <= 160, let open = content.unicodeScalars.first else { return nil }
        if let close = closers[open] {
            // Cheap rejection before any allocation: the closer must come early and end the line.
            var seen = 0
            var closedAt: String.UnicodeScalarView.Index?
            for i in content.unicodeScalars.indices {
                if content.unicodeScalars[i] == close { closedAt = i; break }
                seen += 1
                if seen >= 40 { return nil }
            }
            guard let closedAt else { return nil }
            guard content.unicodeScalars[content.unicodeScalars.index(after: closedAt)...].allSatisfy(SourceLine.isSpace) else { return nil }
            let afterOpen = content.unicodeScalars.index(after: content.unicodeScalars.startIndex)
            return blockLabel(inner: WidthFolding.compact(Substring(content.unicodeScalars[afterOpen..<closedAt])), bracketed: open == "（" || open == "(")
        }
        let scalars = Array(content.unicodeScalars)
        guard open == "■" || open == "□", scalars.count < 16 else { return nil }
        return blockLabel(inner: WidthFolding.compact(String(scalars: scalars[1...])), bracketed: false)
    }

    /// Reads the compacted text inside a label's brackets (or after ■/□).
    private static func blockLabel(inner compacted: String, bracketed: Bool) -> Kind? {
        var inner = compacted
        guard !inner.isEmpty else { return nil }
        var number: Int?
        // A trailing number: ① (1) （１） 1
        if let last = inner.unicodeScalars.last {
            if (0x2460...0x2473).contains(last.value) || (0x2474...0x2487).contains(last.value) {
                number = Int(last.value - ((0x2460...0x2473).contains(last.value) ? 0x2460 : 0x2474)) + 1
                inner.unicodeScalars.removeLast()
            } else if last == ")", let openIndex = inner.unicodeScalars.lastIndex(of: "(") {
                let digits = Substring(inner.unicodeScalars[inner.unicodeScalars.index(after: openIndex)..<inner.unicodeScalars.index(before: inner.unicodeScalars.endIndex)])
                if let n = JapaneseNumber.value(of: digits) {
                    number = n
                    inner = String(Substring(inner.unicodeScalars[..<openIndex]))
                }
            } else {
                var digits = ""
                while let l = inner.unicodeScalars.last, JapaneseNumber.asciiDigit(l) != nil {
                    digits = String(l) + digits
                    inner.unicodeScalars.removeLast()
                }
                number = digits.isEmpty ? nil : Int(digits)
            }
        }
        if UTF8Search.hasSuffix(inner, "指示") || UTF8Search.equals(inner, "指示事項") {
            let issuer = UTF8Search.hasSuffix(inner, "指示") ? String(inner.dropLast(2)) : ""
            return .blockLabel(.directives, number: number, issuer: issuer.isEmpty ? nil : issuer)
        }
        if bracketed { return nil }   // （資料１）, （１）: not block labels
        if UTF8Search.hasSuffix(inner, "説明") || UTF8Search.hasPrefix(inner, "議題説明") || UTF8Search.equals(inner, "報告") { return .blockLabel(.explanation, number: number, issuer: nil) }
        if UTF8Search.hasPrefix(inner, "意見") || UTF8Search.hasPrefix(inner, "質疑") || UTF8Search.hasPrefix(inner, "質問") || UTF8Search.hasPrefix(inner, "主な意見")
            || UTF8Search.isOne(of: ["発言要旨", "主な発言"], inner) {
            return .blockLabel(.comments, number: number, issuer: nil)
        }
        if UTF8Search.isOne(of: ["その他", "その他報告"], inner) { return .blockLabel(.other, number: number, issuer: nil) }
        if let section = sectionLabel(inner) { return .blockLabel(section, number: number, issuer: nil) }
        return nil
    }

    /// Body section headings that are not one of the reference blocks (`議事の経過`).
    static let sectionNames = ["議事の経過", "議事経過", "会議の経過", "審議の経過", "議事内容", "会議概要", "議事概要",
                               "発言の要旨", "決定事項", "報告事項", "審議内容", "会議内容", "議事の概要", "会議の概要"]

    static func sectionLabel(_ compacted: String) -> BlockKind? {
        if UTF8Search.isOne(of: sectionNames, compacted) { return .section }
        if UTF8Search.equals(compacted, "その他") { return .other }
        return nil
    }

    /// `（資料１）`, `（参考）`, `(資料２－１)`: a sub-heading between explanation points.
    static func isSubheading(_ content: Substring) -> Bool {
        // At most 16 characters once compacted: 48 bytes, and a few spaces between them.
        guard content.utf8.count <= 64 else { return false }
        let folded = WidthFolding.compact(content)
        guard UTF8Search.hasPrefix(folded, "("), UTF8Search.hasSuffix(folded, ")"), folded.count <= 16 else { return false }
        let inner = folded.dropFirst().dropLast()
        return UTF8Search.hasPrefix(inner, "資料") || UTF8Search.hasPrefix(inner, "参考") || UTF8Search.hasPrefix(inner, "別紙") || UTF8Search.hasPrefix(inner, "報告")
    }

    static func isNoComments(_ content: Substring) -> Bool {
        guard content.utf8.count <= 64 else { return false }
        return UTF8Search.isOne(of: ["特になし", "特に無し", "なし", "特になし。", "質疑なし", "意見なし"], WidthFolding.compact(content))
    }

    /// Page numbers and similar furniture: `- 1 -`, `－２－`, `1/3`, `P.2`, a lone `3`.
    static func isChrome(_ content: Substring) -> Bool {
        guard content.utf8.count <= 40, let first = content.unicodeScalars.first,
              JapaneseNumber.asciiDigit(first) != nil || "-－‐―Ppペ(（【公非".unicodeScalars.contains(first) else { return false }
        let c = WidthFolding.compact(content)
        guard !c.isEmpty, c.count <= 12 else { return false }
        var body = Substring(c)
        if UTF8Search.hasPrefix(body, "-"), UTF8Search.hasSuffix(body, "-"), body.count >= 3 { body = body.dropFirst().dropLast() }
        if UTF8Search.hasPrefix(body, "P.") || UTF8Search.hasPrefix(body, "p.") { body = body.dropFirst(2) }
        if UTF8Search.hasPrefix(body, "ページ") { body = body.dropFirst(3) }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return ["(公開)", "(非公開)", "【公開】", "【非公開】", "【公表用】", "(公表用)", "(案)", "【案】", "公開", "非公開"].contains(c)
        }
        return true
    }
}
