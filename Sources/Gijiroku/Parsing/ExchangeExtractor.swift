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
        for element in block.elements {
            switch element.kind {
            case .noComments:
                result.noComments = true
                for line in element.lines { result.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .noComments)) }
            case .note:
                result.notes.append(Passage(text: element.text, lines: element.range))
            case .marked where element.marker.flatMap { $0.unicodeScalars.first }.map(LineClassifier.isAnswerMarker) == true:
                let answer = Answer(marker: String(element.marker!), text: element.text, lines: element.range)
                if !result.exchanges.isEmpty {
                    // In place: a copy of the last exchange would copy its answers on every append.
                    let last = result.exchanges.count - 1
                    result.exchanges[last].answers.append(answer)
                    result.exchanges[last].lines = result.exchanges[last].lines.union(answer.lines)
                } else {
                    result.exchanges.append(Exchange(question: nil, questionMarker: nil, questionLines: nil, answers: [answer]))
                    result.warnings.append(ParseWarning(line: element.range.start, message: "質問のない回答です（\(element.marker!)の前に・の行がありません）"))
                }
            default:
                result.exchanges.append(Exchange(question: element.text, questionMarker: element.marker.map(String.init),
                                                 questionLines: element.range))
            }
        }
        if result.noComments, !result.exchanges.isEmpty, let line = result.layout.first?.line {
            result.warnings.append(ParseWarning(line: line, message: "「特になし」とされたブロックに意見等が\(result.exchanges.count)件あります"))
        }
        return result
    }
}
