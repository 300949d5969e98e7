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
        // The commonest lines first: a point (・), an answer (⇒), a circle item (○). None of
        // these can start numbering or page furniture, so they need no further test.
        switch first {
        case "・", "○", "●", "◎", "◆", "◇", "◯", "•", "･":
            return .bullet(marker: Substring(content.unicodeScalars.prefix(1)))
        case "⇒", "→":
            return .answer(marker: Substring(content.unicodeScalars.prefix(1)))
        default:
            break
        }
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
            // Cheap rejection before any allocation: the closer must come early (within 40
            // characters) and end the line.
            let utf8 = content.utf8
            guard let at = UTF8Search.offset(of: String(close), in: content) else { return nil }
            let closeIndex = utf8.index(utf8.startIndex, offsetBy: at)
            guard utf8[..<closeIndex].lazy.filter({ $0 & 0xC0 != 0x80 }).count < 40 else { return nil }
            let afterClose = utf8.index(closeIndex, offsetBy: UTF8.width(close))
            guard content[afterClose...].unicodeScalars.allSatisfy(SourceLine.isSpace) else { return nil }
            let afterOpen = utf8.index(utf8.startIndex, offsetBy: UTF8.width(open))
            return blockLabel(inner: WidthFolding.compact(content[afterOpen..<closeIndex]), bracketed: open == "（" || open == "(")
        }
        guard open == "■" || open == "□", content.unicodeScalars.count < 16 else { return nil }
        return blockLabel(inner: WidthFolding.compact(Substring(content.unicodeScalars.dropFirst())), bracketed: false)
    }

    /// Reads the compacted text inside a label's brackets (or after ■/□).
    private static func blockLabel(inner compacted: String, bracketed: Bool) -> Kind? {
        let scalars = compacted.unicodeScalars
        guard let last = scalars.last else { return nil }
        // The label's name, and a trailing number: ① ⑴ (1) （１） 1
        var name = Substring(compacted)
        var number: Int?
        if (0x2460...0x2487).contains(last.value) {
            number = Int(last.value - (last.value < 0x2474 ? 0x2460 : 0x2474)) + 1
            name = Substring(scalars[..<scalars.index(before: scalars.endIndex)])
        } else if last == ")", let openIndex = scalars.lastIndex(of: "(") {
            let digits = Substring(scalars[scalars.index(after: openIndex)..<scalars.index(before: scalars.endIndex)])
            if let n = JapaneseNumber.value(of: digits) {
                number = n
                name = Substring(scalars[..<openIndex])
            }
        } else {
            var start = scalars.endIndex
            while start > scalars.startIndex, JapaneseNumber.asciiDigit(scalars[scalars.index(before: start)]) != nil {
                start = scalars.index(before: start)
            }
            if start < scalars.endIndex {
                number = Int(String(Substring(scalars[start...])))
                name = Substring(scalars[..<start])
            }
        }
        if UTF8Search.hasSuffix(name, "指示") || UTF8Search.equals(name, "指示事項") {
            let issuer = UTF8Search.hasSuffix(name, "指示") ? String(name.dropLast(2)) : ""
            return .blockLabel(.directives, number: number, issuer: issuer.isEmpty ? nil : issuer)
        }
        if bracketed { return nil }   // （資料１）, （１）: not block labels
        if UTF8Search.hasSuffix(name, "説明") || UTF8Search.hasPrefix(name, "議題説明") || UTF8Search.equals(name, "報告") { return .blockLabel(.explanation, number: number, issuer: nil) }
        if UTF8Search.hasPrefix(name, "意見") || UTF8Search.hasPrefix(name, "質疑") || UTF8Search.hasPrefix(name, "質問") || UTF8Search.hasPrefix(name, "主な意見")
            || UTF8Search.isOne(of: ["発言要旨", "主な発言"], name) {
            return .blockLabel(.comments, number: number, issuer: nil)
        }
        if UTF8Search.isOne(of: ["その他", "その他報告"], name) { return .blockLabel(.other, number: number, issuer: nil) }
        if let section = sectionLabel(name) { return .blockLabel(section, number: number, issuer: nil) }
        return nil
    }

    /// Body section headings that are not one of the reference blocks (`議事の経過`).
    static let sectionNames = ["議事の経過", "議事経過", "会議の経過", "審議の経過", "議事内容", "会議概要", "議事概要",
                               "発言の要旨", "決定事項", "報告事項", "審議内容", "会議内容", "議事の概要", "会議の概要"]

    static func sectionLabel<S: StringProtocol>(_ compacted: S) -> BlockKind? {
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
