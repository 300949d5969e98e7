import Gijiroku

/// One searchable element of a record, as it is stored: explanation points, questions,
/// answers, directives, その他 items, notes and paragraphs, each with its agenda item and
/// source lines.
struct IndexedElement {
    enum Kind: String, CaseIterable {
        case explanation, question, answer, directive, other

        /// The small integer stored in `elements.kind`.
        var code: Int { Kind.allCases.firstIndex(of: self)! }
        init?(code: Int) { guard Kind.allCases.indices.contains(code) else { return nil }; self = Kind.allCases[code] }
    }

    var kind: Kind
    var agendaNumber: Int?
    var agendaTitle: String?
    /// For an answer, the ordinal of its question among this document's elements.
    var parentOrdinal: Int?
    var issuer: String?
    var marker: String?
    var lines: LineRange
    var body: String

    /// The elements of a minutes record, in document order.
    static func elements(of minutes: Minutes) -> [IndexedElement] {
        var out: [IndexedElement] = []
        for item in minutes.agenda {
            if let e = item.explanation {
                if let intro = e.intro {
                    out.append(IndexedElement(kind: .explanation, agendaNumber: item.number, agendaTitle: item.title, lines: intro.lines, body: intro.text))
                }
                for point in e.points {
                    out.append(IndexedElement(kind: .explanation, agendaNumber: item.number, agendaTitle: item.title,
                                              marker: point.marker, lines: point.lines, body: point.text))
                }
            }
            for exchange in item.exchanges {
                var questionOrdinal: Int?
                if let question = exchange.question, let lines = exchange.questionLines {
                    questionOrdinal = out.count
                    out.append(IndexedElement(kind: .question, agendaNumber: item.number, agendaTitle: item.title,
                                              marker: exchange.questionMarker, lines: lines, body: question))
                }
                for answer in exchange.answers {
                    out.append(IndexedElement(kind: .answer, agendaNumber: item.number, agendaTitle: item.title,
                                              parentOrdinal: questionOrdinal, marker: answer.marker, lines: answer.lines, body: answer.text))
                }
            }
        }
        for d in minutes.directives {
            let title = minutes.agenda.first { $0.number != nil && $0.number == d.agendaNumber }?.title
            out.append(IndexedElement(kind: .directive, agendaNumber: d.agendaNumber, agendaTitle: title, issuer: d.issuer, lines: d.lines, body: d.text))
        }
        for p in minutes.other + minutes.notes + minutes.paragraphs {
            out.append(IndexedElement(kind: .other, lines: p.lines, body: p.text))
        }
        return out
    }
}
