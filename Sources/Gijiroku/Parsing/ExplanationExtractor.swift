import Foundation

/// Reads an explanation block (`＜議題説明①＞`): the opening sentence with its presenter
/// and materials, then the points in order, sub-headings such as `（資料１）` kept.
///
/// ```swift
/// // 議題（１）「…について」事務局（都市経営戦略部）から資料１、資料２について、次のような説明があった。
/// // → presenter "事務局（都市経営戦略部）", materials ["資料１", "資料２"]
/// ```
struct ExplanationExtractor {
    struct Result {
        var explanation: Explanation
        /// The agenda title named in the opening sentence, for minutes whose header lists no agenda.
        var titleFromIntro: String?
        var notes: [Passage] = []
    }

    func extract(_ block: Block) -> Result {
        var explanation = Explanation(lines: block.label.map { LineRange($0.number) } ?? block.elements.first?.range ?? LineRange(0))
        var titleFromIntro: String?
        var notes: [Passage] = []
        for (n, element) in block.elements.enumerated() {
            explanation.lines = explanation.lines.union(element.range)
            switch element.kind {
            case .note:
                notes.append(Passage(text: element.text, lines: element.range))
            case .heading:
                explanation.points.append(Point(kind: .heading, marker: nil, text: element.text, lines: element.range))
            case .plain where n == 0 && explanation.intro == nil && isIntro(element.text):
                let text = element.text
                explanation.intro = Passage(text: text, lines: element.range)
                explanation.presenter = Self.presenter(in: text)
                explanation.materials = Self.materials(in: text)
                titleFromIntro = Self.agendaTitle(in: text)
            default:
                explanation.points.append(Point(kind: .item, marker: element.marker.map(String.init), text: element.text, lines: element.range))
            }
        }
        if explanation.materials.isEmpty {
            explanation.materials = explanation.points.filter { $0.kind == .heading }.flatMap { Self.materials(in: $0.text) }
        }
        return Result(explanation: explanation, titleFromIntro: titleFromIntro, notes: notes)
    }

    private func isIntro(_ text: String) -> Bool {
        UTF8Search.hasPrefix(text, "議題") || ["説明があった", "説明が行われた", "説明がなされた", "報告があった"].contains { UTF8Search.contains(text, $0) }
    }

    /// The words before `から` in `…、事務局（都市経営戦略部）から次のような説明があった`.
    static func presenter(in text: String) -> String? {
        guard let explained = UTF8Search.range(of: "説明", in: text) ?? UTF8Search.range(of: "報告", in: text) else { return nil }
        let head = text[..<explained.lowerBound]
        guard let from = UTF8Search.lastRange(of: "から", in: head) else { return nil }
        // Back from から to the start of the presenter's phrase: a 、」。 outside brackets, or
        // the bracket that opens around it.
        let before = head[..<from.lowerBound].unicodeScalars
        var depth = 0
        var start = before.startIndex
        var i = before.endIndex
        while i > before.startIndex {
            i = before.index(before: i)
            let c = before[i]
            if c == "）" || c == ")" { depth += 1 }
            if c == "（" || c == "(" { depth -= 1 }
            if depth == 0, c == "、" || c == "」" || c == "。" { start = before.index(after: i); break }
            if depth < 0 { start = before.index(after: i); break }
        }
        var presenter = TitleExtractor.trimSpaces(String(Substring(before[start...])))
        if UTF8Search.hasPrefix(presenter, "議題") { presenter = "" }
        return presenter.isEmpty ? nil : presenter
    }

    /// What may continue a material's number (`資料１－２`, `資料３の２`, `資料Ａ`), and what
    /// may not end it.
    static let continuing = Set("－-ー‐のＡＢＣＤＥＦABCDEF".unicodeScalars)
    static let trailing = Set("－-ーの‐".unicodeScalars)

    /// Every `資料…` reference, as written, without repeats.
    static func materials(in text: String) -> [String] {
        guard UTF8Search.contains(text, "資料") else { return [] }
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        var i = 0
        while i + 1 < scalars.count {
            guard scalars[i] == "資", scalars[i + 1] == "料" else { i += 1; continue }
            var end = i + 2
            while end < scalars.count, JapaneseNumber.asciiDigit(scalars[end]) != nil || Self.continuing.contains(scalars[end]) { end += 1 }
            while end > i + 2, Self.trailing.contains(scalars[end - 1]) { end -= 1 }
            if end > i + 2 {
                let name = String(scalars: scalars[i..<end])
                if !found.contains(name) { found.append(name) }
            }
            i = end
        }
        return found
    }

    /// `議題（１）「…について」…` or `議題（１）…について、…` → the title.
    static func agendaTitle(in text: String) -> String? {
        guard UTF8Search.hasPrefix(text, "議題") else { return nil }
        var rest = text[text.utf8.index(text.utf8.startIndex, offsetBy: "議題".utf8.count)...]
        if let n = Numbering.parse(rest) { rest = n.rest }
        let scalars = rest.unicodeScalars
        if scalars.first == "「", let close = scalars.firstIndex(of: "」") {
            return String(Substring(scalars[scalars.index(after: scalars.startIndex)..<close]))
        }
        guard let offset = UTF8Search.offset(of: "について", in: rest) else { return nil }
        return String(rest[..<rest.utf8.index(rest.utf8.startIndex, offsetBy: offset + "について".utf8.count)])
    }
}
