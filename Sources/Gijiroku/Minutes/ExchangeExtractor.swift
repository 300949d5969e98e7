/// Reads a comments block (`＜意見等①＞`) into exchanges: each `・` line (or unmarked
/// paragraph) opens a question or comment; each `⇒` or `→` line is one answer to the
/// exchange above it; `特になし` says the block had no comments.
///
/// ```swift
/// // ・区で行う事業はあまりなく、局と区の連携が必要…
/// // ⇒今も、区局連携のシステム、規則はあるが…
/// // → one exchange with one answer marked "⇒"
/// ```
struct ExchangeExtractor {
    struct Result {
        var exchanges: [Exchange] = []
        var noComments = false
        var layout: [LayoutLine] = []
        var notes: [Passage] = []
        var warnings: [ParseWarning] = []
    }

    func extract(_ block: Block) -> Result {
        var result = Result()
        result.exchanges.reserveCapacity(block.elements.count)
        // By index: a copy of each element would retain and release its lines.
        for n in block.elements.indices {
            switch block.elements[n].kind {
            case .noComments:
                result.noComments = true
                for line in block.elements[n].lines { result.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .noComments)) }
            case .note:
                result.notes.append(Passage(text: block.elements[n].text, lines: block.elements[n].range))
            case .marked where LineClassifier.marksAnswer(block.elements[n].marker):
                let marker = block.elements[n].marker!
                let answer = Answer(marker: String(marker), text: block.elements[n].text, lines: block.elements[n].range)
                if !result.exchanges.isEmpty {
                    // In place: a copy of the last exchange would copy its answers on every append.
                    let last = result.exchanges.count - 1
                    result.exchanges[last].answers.append(answer)
                    result.exchanges[last].lines = result.exchanges[last].lines.union(answer.lines)
                } else {
                    result.exchanges.append(Exchange(question: nil, questionMarker: nil, questionLines: nil, answers: [answer]))
                    result.warnings.append(ParseWarning(line: answer.lines.start, .answerWithoutQuestion(String(marker))))
                }
            default:
                result.exchanges.append(Exchange(question: block.elements[n].text, questionMarker: block.elements[n].marker.map(String.init),
                                                 questionLines: block.elements[n].range))
            }
        }
        if result.noComments, !result.exchanges.isEmpty, let line = result.layout.first?.line {
            result.warnings.append(ParseWarning(line: line, .exchangesInEmptyBlock(result.exchanges.count)))
        }
        return result
    }
}
