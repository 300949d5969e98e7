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
        explanation.points.reserveCapacity(block.elements.count)
        // By index: a copy of each element would retain and release its lines.
        for n in block.elements.indices {
            let range = block.elements[n].range
            explanation.lines = explanation.lines.union(range)
            switch block.elements[n].kind {
            case .note:
                notes.append(Passage(text: block.elements[n].text, lines: range))
            case .heading:
                explanation.points.append(Point(kind: .heading, marker: nil, text: block.elements[n].text, lines: range))
            case .plain where n == 0 && explanation.intro == nil:
                let text = block.elements[n].text
                guard isIntro(text) else {
                    explanation.points.append(Point(kind: .item, marker: nil, text: text, lines: range))
                    continue
                }
                explanation.intro = Passage(text: text, lines: range)
                explanation.presenter = Self.presenter(in: text)
                explanation.materials = Self.materials(in: text)
                titleFromIntro = Self.agendaTitle(in: text)
            default:
                explanation.points.append(Point(kind: .item, marker: block.elements[n].marker.map(String.init), text: block.elements[n].text, lines: range))
            }
        }
        if explanation.materials.isEmpty {
            explanation.materials = explanation.points.filter { $0.kind == .heading }.flatMap { Self.materials(in: $0.text) }
        }
        return Result(explanation: explanation, titleFromIntro: titleFromIntro, notes: notes)
    }

    private static let introPhrases: [StaticString] = ["説明があった", "説明が行われた", "説明がなされた", "報告があった"]

    private func isIntro(_ text: String) -> Bool {
        text.withUTF8Bytes { b in b.hasPrefix("議題") || Self.introPhrases.contains { b.offset(of: $0) != nil } }
    }

    /// The words before `から` in `…、事務局（都市経営戦略部）から次のような説明があった`.
    static func presenter(in text: String) -> String? {
        text.withUTF8Bytes { b -> String? in
            guard let explained = b.offset(of: "説明") ?? b.offset(of: "報告") else { return nil }
            // The last から before 説明.
            guard let from = b.prefix(upTo: explained).lastOffset(of: "から") else { return nil }
            // Back from から to the start of the presenter's phrase.
            let presenter = b.bytes(b.phraseStart(before: from)..<from).trimmingSpaces
            guard !presenter.isEmpty, !presenter.hasPrefix("議題") else { return nil }
            return String(decoding: presenter, as: UTF8.self)
        }
    }

    /// What may continue a material's number (`資料１－２`, `資料３の２`, `資料Ａ`), and what
    /// may not end it.
    static func continues(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "－", "-", "ー", "‐", "の", "Ａ", "Ｂ", "Ｃ", "Ｄ", "Ｅ", "Ｆ", "A", "B", "C", "D", "E", "F": return true
        default: return JapaneseNumber.asciiDigit(c) != nil
        }
    }

    static func mayEnd(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "－", "-", "ー", "の", "‐": return false
        default: return true
        }
    }

    /// Every `資料…` reference, as written, without repeats.
    static func materials(in text: String) -> [String] {
        text.withUTF8Bytes { b in
            var found: [String] = []
            var search = 0
            while let at = b.offset(of: "資料", from: search) {
                // The scalars after 資料 that continue its number, without a trailing の or dash.
                var end = at + 6
                var lastGood = end
                while end < b.count {
                    let (c, width) = b.scalar(at: end)
                    guard continues(c) else { break }
                    end += width
                    if mayEnd(c) { lastGood = end }
                }
                if lastGood > at + 6 {
                    let name = String(decoding: b.bytes(at..<lastGood), as: UTF8.self)
                    if !found.contains(name) { found.append(name) }
                }
                search = max(lastGood, at + 6)
            }
            return found
        }
    }

    /// `議題（１）「…について」…` or `議題（１）…について、…` → the title.
    static func agendaTitle(in text: String) -> String? {
        text.withUTF8Bytes { b -> String? in
            guard var rest = b.removingPrefix("議題") else { return nil }
            if let numbering = Numbering.scan(rest) { rest = rest.suffix(from: numbering.restStart) }
            if let quoted = rest.removingPrefix("「"), let close = quoted.offset(of: "」") {
                return String(decoding: quoted.prefix(upTo: close), as: UTF8.self)
            }
            guard let at = rest.offset(of: "について") else { return nil }
            return String(decoding: rest.bytes(0..<(at + "について".utf8.count)), as: UTF8.self)
        }
    }
}

extension ExplanationExtractor {
    /// `-資料1に基づき、事務局から説明-`, `（資料２により事務局が説明）`: who explained the item with
    /// what, in one line.
    static func note(_ element: Element) -> Explanation? {
        let text = TitleExtractor.trimSpaces(element.lines.map { String($0.content) }.joined())
        guard text.count <= 60, let first = text.first, let last = text.last, UTF8Search.contains(text, "説明") else { return nil }
        let inner: Substring
        if "-－‐―(（".contains(first), "-－‐―)）".contains(last) {
            inner = text.dropFirst().dropLast()
        } else if ["説明があった。", "説明した。", "説明を行った。", "説明が行われた。"].contains(where: { text.hasSuffix($0) }), text.filter({ $0 == "。" }).count == 1 {
            inner = text[...]   // `事務局から資料１に基づき説明があった。`
        } else {
            return nil
        }
        // Who: the words before から/より/が ahead of 説明, after the last 、; or the sentence's first words before から.
        var presenter: String?
        for particle in ["から", "より", "が"] {
            // (Byte searches: Foundation's `range(of:)` compares characters, at every line that says 説明.)
            if let r = UTF8Search.range(of: particle + "説明", in: inner) ?? UTF8Search.range(of: particle + "の説明", in: inner) {
                var head = inner[..<r.lowerBound]
                // `資料1により事務局が説明`: who, after what was used.
                for cut in ["、", "により", "に基づき", "を基に", "をもとに"] {
                    if let c = UTF8Search.lastRange(of: cut, in: head) { head = head[c.upperBound...] }
                }
                presenter = String(head)
                break
            }
        }
        if presenter == nil, let r = UTF8Search.range(of: "から", in: inner), inner.distance(from: inner.startIndex, to: r.lowerBound) <= 16 {
            presenter = String(inner[..<r.lowerBound])
        }
        var materials: [String] = []
        var s = ScalarScanner(inner)
        while !s.isAtEnd {
            let start = s.index
            if s.scan("資料"), s.scanNumber() != nil {
                materials.append(String(String.UnicodeScalarView(s.scalars[start..<s.index])))
            } else { s.index = start + 1 }
        }
        return Explanation(presenter: presenter.map { TitleExtractor.trimSpaces($0) }, materials: materials,
                           intro: Passage(text: text, lines: element.range), lines: element.range)
    }

}
