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
            guard let from = b.bytes(0..<explained).lastOffset(of: "から") else { return nil }
            // Back from から to the start of the presenter's phrase: a 、」。 outside brackets, or
            // the bracket that opens around it. Byte by byte: each mark is matched whole, from
            // its lead byte, which no other scalar contains.
            var depth = 0
            var start = 0
            var i = from
            while i > 0 {
                i -= 1
                switch b[i] {
                case 0x29: depth += 1                                   // )
                case 0x28: depth -= 1                                   // (
                case 0xEF where i + 2 < from && b[i + 1] == 0xBC:
                    if b[i + 2] == 0x89 { depth += 1 }                  // ）
                    if b[i + 2] == 0x88 { depth -= 1 }                  // （
                case 0xE3 where depth == 0 && i + 2 < from && b[i + 1] == 0x80 && (b[i + 2] == 0x81 || b[i + 2] == 0x8D || b[i + 2] == 0x82):
                    start = i + 3                                       // 、」。
                default:
                    continue
                }
                if start > 0 { break }
                if depth < 0 { start = b[i] == 0x28 ? i + 1 : i + 3; break }
            }
            let presenter = b.bytes(start..<from).trimmingSpaces
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
            guard b.hasPrefix("議題") else { return nil }
            var rest = b.bytes(6..<b.count)   // after 議題 (two 3-byte scalars)
            if let numbering = Numbering.scan(rest) { rest = rest.bytes(numbering.restStart..<rest.count) }
            if rest.hasPrefix("「"), let close = rest.offset(of: "」", from: 3) {
                return String(decoding: rest.bytes(3..<close), as: UTF8.self)
            }
            guard let at = rest.offset(of: "について") else { return nil }
            return String(decoding: rest.bytes(0..<(at + "について".utf8.count)), as: UTF8.self)
        }
    }
}
