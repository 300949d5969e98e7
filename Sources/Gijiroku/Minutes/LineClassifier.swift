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

    /// Whether a scalar marks an answer: `⇒ → ➡ ⇨ ➔ ⇢`.
    static func isAnswerMarker(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "⇒", "→", "➡", "⇨", "➔", "⇢": return true
        default: return false
        }
    }

    /// The words that open a question or an answer in summary minutes, longest first.
    static let qaWords: [(word: String, answer: Bool)] = [
        ("質問", false), ("回答", true), ("答弁", true), ("問", false), ("答", true), ("Ｑ", false), ("Ａ", true), ("Q", false), ("A", true),
    ]

    /// `質問 新しい経路では…`, `答：…`, `Ｑ．…`: the word (as written, its separator left out) and
    /// whether it opens an answer. The word must be followed by a space, a colon or a full stop.
    static func qaWord(_ content: Substring) -> (marker: Substring, answer: Bool)? {
        // Every line comes here: its first scalar settles most of them.
        switch content.unicodeScalars.first {
        case "質", "回", "答", "問", "Ｑ", "Ａ", "Q", "A": break
        default: return nil
        }
        for (word, answer) in qaWords where content.hasPrefix(word) {
            let after = content.dropFirst(word.count)
            // (Q and A in ASCII only before a colon or a stop: `A bus…` is a sentence.)
            guard let sep = after.first, (word.first!.isASCII ? ":：.．" : " 　:：.．)）").contains(sep), after.dropFirst().first != nil else { continue }
            // A colon or a stop after the word belongs to the marker (`Ｑ．`, `答：`): the text starts after it.
            return (content.prefix(word.count + (sep == " " || sep == "　" ? 0 : 1)), answer)
        }
        return nil
    }

    /// Whether an element's marker opens an answer: an arrow, or `回答`, `答`, `Ａ` ….
    static func marksAnswer(_ marker: Substring?) -> Bool {
        guard let marker, let first = marker.unicodeScalars.first else { return false }
        if isAnswerMarker(first) { return true }
        // Most markers are points (`・`, `○`): their first scalar settles it, before the words
        // are compared by characters.
        return answerWordStarts.contains(first) && qaWords.contains { $0.answer && marker.hasPrefix($0.word) }
    }

    /// The first scalars of the answer words (`回`, `答`, `Ａ`, `A`).
    private static let answerWordStarts: [Unicode.Scalar] = qaWords.filter(\.answer).compactMap { $0.word.unicodeScalars.first }

    /// Whether a scalar marks a point: `・ ･ • ○ 〇 ◯ ● ◎ ◆ ◇ ■ □ ◉ ❖ ▪ - －`.
    static func isBulletMarker(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "・", "･", "•", "○", "〇", "◯", "●", "◎", "◆", "◇", "■", "□", "◉", "❖", "▪", "-", "－": return true
        default: return false
        }
    }

    static func classify(_ content: Substring) -> Kind {
        content.withUTF8Bytes { classify(content, $0) }
    }

    /// Classifies a line from its UTF-8 bytes; `content` is only sliced for the marker.
    private static func classify(_ content: Substring, _ bytes: UTF8Bytes) -> Kind {
        guard let (first, width) = bytes.firstScalar else { return .blank }
        // The commonest lines first: a point (・), an answer (⇒), a circle item (○). None of
        // these can start numbering or page furniture, so they need no further test.
        switch first {
        case "・", "○", "●", "◎", "◆", "◇", "◯", "•", "･":
            return .bullet(marker: content.prefix(bytes: width))
        case "⇒", "→":
            return .answer(marker: content.prefix(bytes: width))
        default:
            break
        }
        switch first {
        case "＜", "<", "〈", "《", "【", "［", "[", "〔":
            if let label = blockLabel(bytes) { return label }
        case "（", "(":
            if let label = blockLabel(bytes) { return label }
            if isSubheading(bytes) { return .subheading }
        case "※":
            return .note
        case "特", "な":
            if isNoComments(bytes) { return .noComments }
        case "市", "本", "指", "主", "質", "意", "概", "決", "結", "会", "審", "議", "報", "協", "内":
            if bytes.count <= 24, let label = blockLabel(bytes) { return label }
        default:
            break
        }
        if isAnswerMarker(first) {
            return .answer(marker: content.prefix(bytes: width))
        }
        // `質問 …` / `回答 …`, `問 …` / `答 …`, `Ｑ …` / `Ａ …`, `Q:` / `A:`: a question and its answer in words.
        if let word = qaWord(content) {
            return word.answer ? .answer(marker: word.marker) : .bullet(marker: word.marker)
        }
        if let numbering = Numbering.parse(content) {
            // `1 協議事項`, `1 重要な報告事項`: a web page's numbered sections.
            if numbering.rest.utf8.count <= 24,
               let section = numbering.rest.withUTF8Bytes({ rest in WidthFolding.withCompacted(rest) { numberedSectionLabel($0) } }) {
                return .blockLabel(section, number: nil, issuer: nil)
            }
            return .numbered(numbering)
        }
        if isChrome(content) { return .chrome }
        if isBulletMarker(first) {
            if first == "-" || first == "－" {
                // "- 1 -" was caught as chrome above; a lone dash is a bullet only before text.
                guard bytes.count > width else { return .text }
            }
            if first == "■" || first == "□", let label = blockLabel(bytes) { return label }
            return .bullet(marker: content.prefix(bytes: width))
        }
        return .text
    }

    /// The closing bracket of an opening one.
    static func closer(of open: Unicode.Scalar) -> StaticString? {
        switch open {
        case "＜": return "＞"
        case "<": return ">"
        case "〈": return "〉"
        case "《": return "》"
        case "【": return "】"
        case "［": return "］"
        case "[": return "]"
        case "〔": return "〕"
        case "（": return "）"
        case "(": return ")"
        default: return nil
        }
    }

    /// `＜議題説明(1)＞`, `＜ 意 見 等 ④＞`, `【その他】`, `（市長指示）`, `■市長指示`.
    static func blockLabel(_ content: Substring) -> Kind? {
        content.withUTF8Bytes { blockLabel($0) }
    }

    private static func blockLabel(_ bytes: UTF8Bytes) -> Kind? {
        // A label is short: anything longer is a line that merely starts with a bracket.
        guard bytes.count <= 160, let (open, openWidth) = bytes.firstScalar else { return nil }
        if let close = closer(of: open) {
            // The closer must come early (within 40 characters) and end the line.
            guard let at = bytes.offset(of: close, from: openWidth), bytes.bytes(0..<at).scalarCount < 40,
                  bytes.isSpace(from: at + close.utf8CodeUnitCount) else { return nil }
            return WidthFolding.withCompacted(bytes.bytes(openWidth..<at)) { blockLabel(inner: $0, bracketed: open == "（" || open == "(") }
        }
        // A bare heading alone on its line (`市長指示`, `主な意見`), as web pages write them.
        if bytes.count <= 24, bareHeadingStarts.contains(open) {
            return WidthFolding.withCompacted(bytes) { c in
                bareHeadings.contains { c.equals($0) } ? blockLabel(inner: c, bracketed: false) : nil
            }
        }
        guard open == "■" || open == "□", bytes.scalarCount < 16 else { return nil }
        return WidthFolding.withCompacted(bytes.bytes(openWidth..<bytes.count)) { blockLabel(inner: $0, bracketed: false) }
    }

    static let bareHeadings: [StaticString] = ["市長指示", "本部長指示", "指示事項", "主な意見", "質疑応答", "意見交換", "主な発言", "概要", "決定事項", "結論", "会議の結果", "審議結果",
                                               "議事の経過", "議事経過", "会議の経過", "審議の経過", "議事内容", "審議内容", "会議内容", "報告事項", "協議事項", "審議事項",
                                               "内容"]
    static let bareHeadingStarts: ScalarSet = ["市", "本", "指", "主", "質", "意", "概", "決", "結", "会", "審", "議", "報", "協", "内"]

    /// Reads the compacted text inside a label's brackets (or after ■/□).
    private static func blockLabel(inner compacted: UTF8Bytes, bracketed: Bool) -> Kind? {
        guard let lastStart = compacted.lastScalarStart else { return nil }
        let last = compacted.scalar(at: lastStart).0
        // The label's name, and a trailing number: ① ⑴ (1) （１） 1
        var name = compacted
        var number: Int?
        if (0x2460...0x2487).contains(last.value) {
            number = Int(last.value - (last.value < 0x2474 ? 0x2460 : 0x2474)) + 1
            name = compacted.bytes(0..<lastStart)
        } else if last == ")", let openIndex = compacted.lastIndex(of: UInt8(ascii: "(")) {
            let digits = String(decoding: compacted.bytes((openIndex + 1)..<lastStart), as: UTF8.self)
            if let n = JapaneseNumber.value(of: digits) {
                number = n
                name = compacted.bytes(0..<openIndex)
            }
        } else {
            let start = compacted.trailingASCIIDigitsStart()
            if start < compacted.count, compacted.count - start <= 9 {
                number = compacted.asciiNumber(in: start..<compacted.count)
                name = compacted.prefix(upTo: start)
            }
        }
        if name.hasSuffix("指示") || name.equals("指示事項") {
            let issuer = name.removingSuffix("指示").map { String(decoding: $0, as: UTF8.self) } ?? ""
            return .blockLabel(.directives, number: number, issuer: issuer.isEmpty ? nil : issuer)
        }
        if bracketed { return nil }   // （資料１）, （１）: not block labels
        if name.hasSuffix("説明") || name.hasPrefix("議題説明") || name.equals("報告") { return .blockLabel(.explanation, number: number, issuer: nil) }
        if name.hasPrefix("意見") || name.hasPrefix("質疑") || name.hasPrefix("質問") || name.hasPrefix("主な意見")
            || name.isOne(of: ["発言要旨", "主な発言"]) {
            return .blockLabel(.comments, number: number, issuer: nil)
        }
        if name.isOne(of: ["その他", "その他報告", "概要", "決定事項", "結論", "会議の結果", "審議結果"]) {
            return .blockLabel(.other, number: number, issuer: nil)
        }
        if let section = sectionLabel(name) { return .blockLabel(section, number: number, issuer: nil) }
        return nil
    }

    /// Body section headings that are not one of the reference blocks (`議事の経過`).
    static let sectionNames: [StaticString] = ["議事の経過", "議事経過", "会議の経過", "審議の経過", "議事内容", "会議概要", "議事概要",
                                               "発言の要旨", "決定事項", "報告事項", "協議事項", "審議事項", "審議内容", "会議内容", "議事の概要", "会議の概要",
                                               "内容"]

    /// Sections that hold the meeting's proceedings item by item (`内容`, `議事内容`): a
    /// numbered heading in them heads an agenda item when the record lists none.
    static let contentSectionNames: [StaticString] = ["内容", "議事内容", "会議内容", "審議内容"]

    /// Whether a section's label names the meeting's proceedings (`内容`, `議事内容`).
    static func namesContents<S: StringProtocol>(_ label: S) -> Bool {
        Substring(WidthFolding.compact(label)).withUTF8Bytes { $0.isOne(of: contentSectionNames) }
    }

    static func sectionLabel<S: StringProtocol>(_ compacted: S) -> BlockKind? {
        compacted.withUTF8Bytes { sectionLabel($0) }
    }

    private static func sectionLabel(_ compacted: UTF8Bytes) -> BlockKind? {
        if compacted.isOne(of: sectionNames) { return .section }
        if compacted.equals("その他") { return .other }
        return nil
    }

    /// The name after a section's number (`1 協議事項`, `1 重要な報告事項`). (`2 指示事項`
    /// over a sentence that says directives were given, without them, stays that sentence.)
    private static func numberedSectionLabel(_ compacted: UTF8Bytes) -> BlockKind? {
        if let section = sectionLabel(compacted) { return section }
        return namesAgendaItems(compacted) ? .section : nil
    }

    /// Whether a section's name says that its items are the meeting's agenda items, reported
    /// or discussed (`報告事項`, `重要な報告事項`, `協議事項`, `審議事項`).
    static func namesAgendaItems<S: StringProtocol>(_ name: S) -> Bool {
        var text = WidthFolding.compact(name)
        if let numbering = Numbering.parse(Substring(text)) { text = String(numbering.rest) }
        return Substring(text).withUTF8Bytes { namesAgendaItems($0) }
    }

    private static func namesAgendaItems(_ compacted: UTF8Bytes) -> Bool {
        compacted.scalarCount <= 10 && (compacted.hasSuffix("報告事項") || compacted.hasSuffix("協議事項") || compacted.hasSuffix("審議事項"))
    }

    /// `（資料１）`, `（参考）`, `(資料２－１)`: a sub-heading between explanation points.
    static func isSubheading(_ content: Substring) -> Bool {
        content.withUTF8Bytes { isSubheading($0) }
    }

    private static func isSubheading(_ bytes: UTF8Bytes) -> Bool {
        // At most 16 characters once compacted: 48 bytes, and a few spaces between them.
        guard bytes.count <= 64 else { return false }
        return WidthFolding.withCompacted(bytes) { folded in
            guard folded.scalarCount <= 16, let inner = folded.enclosed(by: "(", ")") else { return false }
            return inner.hasPrefix("資料") || inner.hasPrefix("参考") || inner.hasPrefix("別紙") || inner.hasPrefix("報告")
        }
    }

    static func isNoComments(_ content: Substring) -> Bool {
        content.withUTF8Bytes { isNoComments($0) }
    }

    private static func isNoComments(_ bytes: UTF8Bytes) -> Bool {
        guard bytes.count <= 64 else { return false }
        return WidthFolding.withCompacted(bytes) { $0.isOne(of: ["特になし", "特に無し", "なし", "特になし。", "質疑なし", "意見なし"]) }
    }

    /// The first characters of page furniture: a digit, a dash, P, ペ(ージ), a bracket, 公(開), 非(公開).
    private static func mayStartChrome(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "0"..."9", "０"..."９", "-", "－", "‐", "―", "P", "p", "ペ", "(", "（", "【", "公", "非": return true
        default: return false
        }
    }

    /// Page numbers and similar furniture: `- 1 -`, `－２－`, `1/3`, `P.2`, a lone `3`.
    static func isChrome(_ content: Substring) -> Bool {
        guard content.utf8.count <= 40, let first = content.unicodeScalars.first, mayStartChrome(first) else { return false }
        return content.withUTF8Bytes { bytes in
            WidthFolding.withCompacted(bytes) { c in
                guard !c.isEmpty, c.scalarCount <= 12 else { return false }
                var body = c
                if body.scalarCount >= 3, let inner = body.enclosed(by: "-", "-") { body = inner }
                if let rest = body.removingPrefix("P.") ?? body.removingPrefix("p.") ?? body.removingPrefix("ページ") { body = rest }
                // `3` or `1/3`: one or two numbers of one to three digits.
                let parts = body.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                if parts.count <= 2, parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(UTF8Bytes.isASCIIDigit) }) {
                    return true
                }
                return c.isOne(of: ["(公開)", "(非公開)", "【公開】", "【非公開】", "【公表用】", "(公表用)", "(案)", "【案】", "公開", "非公開"])
            }
        }
    }
}
