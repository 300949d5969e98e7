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
            if let section = sectionLabel(WidthFolding.compact(numbering.rest)) { return .blockLabel(section, number: nil, issuer: nil) }
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
        let scalars = Array(content.unicodeScalars)
        guard let open = scalars.first else { return nil }
        var inner: String
        if let close = closers[open] {
            guard let end = scalars.firstIndex(of: close), end > 1, end < 40,
                  scalars[(end + 1)...].allSatisfy({ SourceLine.isSpace($0) }) else { return nil }
            inner = WidthFolding.compact(String(String.UnicodeScalarView(scalars[1..<end])))
        } else if open == "■" || open == "□" {
            guard scalars.count < 16 else { return nil }
            inner = WidthFolding.compact(String(String.UnicodeScalarView(scalars[1...])))
        } else {
            return nil
        }
        var number: Int?
        // A trailing number: ① (1) （１） 1
        if let last = inner.unicodeScalars.last {
            if (0x2460...0x2473).contains(last.value) || (0x2474...0x2487).contains(last.value) {
                number = Int(last.value - ((0x2460...0x2473).contains(last.value) ? 0x2460 : 0x2474)) + 1
                inner.unicodeScalars.removeLast()
            } else if last == ")", let openIndex = inner.lastIndex(of: "(") {
                let digits = inner[inner.index(after: openIndex)..<inner.index(before: inner.endIndex)]
                if let n = JapaneseNumber.value(of: digits) {
                    number = n
                    inner = String(inner[..<openIndex])
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
        let bracketed = open == "（" || open == "("
        if inner.hasSuffix("指示") || inner == "指示事項" {
            let issuer = inner.hasSuffix("指示") ? String(inner.dropLast(2)) : ""
            return .blockLabel(.directives, number: number, issuer: issuer.isEmpty ? nil : issuer)
        }
        if bracketed { return nil }   // （資料１）, （１）: not block labels
        if inner.hasSuffix("説明") || inner.hasPrefix("議題説明") || inner == "報告" { return .blockLabel(.explanation, number: number, issuer: nil) }
        if inner.hasPrefix("意見") || inner.hasPrefix("質疑") || inner.hasPrefix("質問") || inner.hasPrefix("主な意見")
            || inner == "発言要旨" || inner == "主な発言" {
            return .blockLabel(.comments, number: number, issuer: nil)
        }
        if inner == "その他" || inner == "その他報告" { return .blockLabel(.other, number: number, issuer: nil) }
        if let section = sectionLabel(inner) { return .blockLabel(section, number: number, issuer: nil) }
        return nil
    }

    /// Body section headings that are not one of the reference blocks (`議事の経過`).
    static func sectionLabel(_ compacted: String) -> BlockKind? {
        let names: Set<String> = ["議事の経過", "議事経過", "会議の経過", "審議の経過", "議事内容", "会議概要", "議事概要",
                                  "発言の要旨", "決定事項", "報告事項", "審議内容", "会議内容", "議事の概要", "会議の概要"]
        if names.contains(compacted) { return .section }
        if compacted == "その他" { return .other }
        return nil
    }

    /// `（資料１）`, `（参考）`, `(資料２－１)`: a sub-heading between explanation points.
    static func isSubheading(_ content: Substring) -> Bool {
        let folded = WidthFolding.compact(content)
        guard folded.hasPrefix("("), folded.hasSuffix(")"), folded.count <= 16 else { return false }
        let inner = folded.dropFirst().dropLast()
        return inner.hasPrefix("資料") || inner.hasPrefix("参考") || inner.hasPrefix("別紙") || inner.hasPrefix("報告")
    }

    static func isNoComments(_ content: Substring) -> Bool {
        let c = WidthFolding.compact(content)
        return ["特になし", "特に無し", "なし", "特になし。", "質疑なし", "意見なし"].contains(c)
    }

    /// Page numbers and similar furniture: `- 1 -`, `－２－`, `1/3`, `P.2`, a lone `3`.
    static func isChrome(_ content: Substring) -> Bool {
        guard content.utf8.count <= 40 else { return false }
        let c = WidthFolding.compact(content)
        guard !c.isEmpty, c.count <= 12 else { return false }
        var body = Substring(c)
        if body.hasPrefix("-"), body.hasSuffix("-"), body.count >= 3 { body = body.dropFirst().dropLast() }
        if body.hasPrefix("P.") || body.hasPrefix("p.") { body = body.dropFirst(2) }
        if body.hasPrefix("ページ") { body = body.dropFirst(3) }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return ["(公開)", "(非公開)", "【公開】", "【非公開】", "【公表用】", "(公表用)", "(案)", "【案】", "公開", "非公開"].contains(c)
        }
        return true
    }
}
