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
        text.hasPrefix("議題") || ["説明があった", "説明が行われた", "説明がなされた", "報告があった"].contains { UTF8Search.contains(text, $0) }
    }

    /// The words before `から` in `…、事務局（都市経営戦略部）から次のような説明があった`.
    static func presenter(in text: String) -> String? {
        guard let explained = text.range(of: "説明") ?? text.range(of: "報告") else { return nil }
        let head = text[..<explained.lowerBound]
        guard let from = head.range(of: "から", options: .backwards) else { return nil }
        let before = head[..<from.lowerBound]
        var depth = 0
        var start = before.startIndex
        for i in before.indices.reversed() {
            let c = before[i]
            if c == "）" || c == ")" { depth += 1 }
            if c == "（" || c == "(" { depth -= 1 }
            if depth == 0, c == "、" || c == "」" || c == "。" { start = before.index(after: i); break }
            if depth < 0 { start = before.index(after: i); break }
        }
        var presenter = TitleExtractor.trimSpaces(String(before[start...]))
        if presenter.hasPrefix("議題") { presenter = "" }
        return presenter.isEmpty ? nil : presenter
    }

    /// Every `資料…` reference, as written, without repeats.
    static func materials(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let r = rest.range(of: "資料") {
            var end = r.upperBound
            while end < rest.endIndex, let s = rest[end].unicodeScalars.first,
                  JapaneseNumber.asciiDigit(s) != nil || "－-ー‐のＡＢＣＤＥＦABCDEF".unicodeScalars.contains(s) {
                end = rest.index(after: end)
            }
            var name = String(rest[r.lowerBound..<end])
            while let l = name.unicodeScalars.last, "－-ーの‐".unicodeScalars.contains(l) { name.unicodeScalars.removeLast() }
            if name.count > 2, !found.contains(name) { found.append(name) }
            rest = rest[r.upperBound...]
        }
        return found
    }

    /// `議題（１）「…について」…` or `議題（１）…について、…` → the title.
    static func agendaTitle(in text: String) -> String? {
        guard text.hasPrefix("議題") else { return nil }
        var rest = Substring(text.dropFirst(2))
        if let n = Numbering.parse(rest) { rest = n.rest }
        if rest.hasPrefix("「"), let close = rest.firstIndex(of: "」") {
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        if let r = rest.range(of: "について") { return String(rest[..<r.upperBound]) }
        return nil
    }
}
