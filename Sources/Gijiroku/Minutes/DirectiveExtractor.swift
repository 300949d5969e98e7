/// Reads a directives block (`（市長指示）`, or the lines after
/// `市長から以下のとおり指示があった`): each `・` line with its continuation lines is one
/// directive from the block's issuer.
///
/// ```swift
/// // （市長指示）
/// // ・ 三世代同居・近居支援については、…検討を進めてほしい。
/// // → Directive(issuer: "市長", text: "三世代同居・近居支援については、…")
/// ```
struct DirectiveExtractor {
    struct Result {
        var directives: [Directive] = []
        var notes: [Passage] = []
        var warnings: [ParseWarning] = []
    }

    func extract(_ block: Block, intro: Element?, agendaNumber: Int?) -> Result {
        var result = Result()
        let issuer = block.issuer ?? "市長"
        let overall = intro.map { UTF8Search.contains($0.text, "全体を通して") || UTF8Search.contains($0.text, "全体を通じて") } ?? false
        result.directives.reserveCapacity(block.elements.count)
        // By index: a copy of each element would retain and release its lines.
        for n in block.elements.indices {
            let range = block.elements[n].range
            switch block.elements[n].kind {
            case .note:
                result.notes.append(Passage(text: block.elements[n].text, lines: range))
            case .noComments:
                result.warnings.append(ParseWarning(line: range.start, .directiveBlockNote(String(block.elements[n].text))))
            default:
                result.directives.append(Directive(issuer: issuer, text: block.elements[n].text, agendaNumber: overall ? nil : agendaNumber, lines: range))
            }
        }
        if result.directives.isEmpty {
            let line = block.label?.number ?? intro?.range.start
            result.warnings.append(ParseWarning(line: line, .directiveWithoutBody))
        }
        return result
    }
}
