import Gijiroku

/// A minutes element that carries content and is linked to plan items: an agenda item with
/// its explanation, an exchange (question and answers), a directive, or an その他 item.
///
/// A unit is known by its document and first line (`path:line`), which is what
/// `gijiroku links` and the link table use.
///
/// ```swift
/// let units = LinkUnit.units(of: minutes)
/// units.first?.kind   // .agenda
/// ```
package struct LinkUnit: Sendable, Hashable {
    package enum Kind: String, Sendable, CaseIterable {
        case agenda, exchange, directive, other

        /// The small integer stored in `units.kind`.
        var code: Int { Kind.allCases.firstIndex(of: self)! }
        init?(code: Int) { guard Kind.allCases.indices.contains(code) else { return nil }; self = Kind.allCases[code] }
    }

    package var kind: Kind
    package var lines: LineRange
    var agendaNumber: Int?
    /// The agenda item's title: the unit's own heading for an agenda unit, context for the others.
    var agendaTitle: String?
    var issuer: String?
    /// The unit's own text (an agenda unit's title, intro and points; a question and its answers).
    package var text: String
    /// A directive's deadline, as the parser read it.
    var deadline: Deadline? = nil
    /// A directive's responsible bodies, as the parser read them.
    var responsible: [String] = []
    /// The passages of its agenda item's explanation that an exchange or directive quotes
    /// (``TakenUpPassages``).
    var passages: [String] = []

    /// The text that names the subject: an exchange or directive is read with its agenda
    /// item's title, and the passages of the item's explanation it quotes, as context.
    var context: String? {
        guard kind == .exchange || kind == .directive else { return nil }
        let parts = [agendaTitle].compactMap { $0 } + passages
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// Whether `unit` is an exchange or directive of a numbered agenda item with a quotation
    /// mark in it: one that may quote its item's explanation.
    static func mayQuote(_ unit: LinkUnit) -> Bool {
        (unit.kind == .exchange || unit.kind == .directive) && unit.agendaNumber != nil
            && (unit.text.includes("「") || unit.text.includes("『"))
    }

    /// `units` of one document, each exchange and directive given the passages of its agenda
    /// item's explanation that it quotes.
    static func readingPassages(_ units: [LinkUnit]) -> [LinkUnit] {
        guard units.contains(where: mayQuote) else { return units }
        // Each agenda item's explanation, read into passages once for all its elements.
        var explanations: [Int: TakenUpPassages] = [:]
        for u in units where u.kind == .agenda {
            guard let n = u.agendaNumber else { continue }
            explanations[n] = TakenUpPassages(points: Array(u.text.split(separator: "\n").map(String.init).dropFirst(u.agendaTitle == nil ? 0 : 1)))
        }
        return units.map { u in
            guard mayQuote(u), let explanation = explanations[u.agendaNumber!] else { return u }
            var u = u
            u.passages = explanation.quoted(by: u.text, title: u.agendaTitle)
            return u
        }
    }

    static func units(of minutes: Minutes) -> [LinkUnit] {
        var out: [LinkUnit] = []
        var lastAgendaUnit: (index: Int, titleOnly: Bool)?
        for item in minutes.agenda {
            var parts: [String] = []
            if let title = item.title { parts.append(title) }
            if let e = item.explanation {
                if let intro = e.intro { parts.append(intro.text) }
                parts += e.points.map(\.text)
            }
            if let lines = item.explanation?.lines ?? item.lines, !parts.isEmpty {
                // A unit is known by its first line. Items that share one (the extraction ran
                // them into one line) are one unit, their titles in order; an item with an
                // explanation on a line already taken is the first item's.
                if let last = lastAgendaUnit, out[last.index].lines.start == lines.start {
                    if last.titleOnly, item.explanation == nil {
                        let merged = out[last.index].text + "\n" + parts.joined(separator: "\n")
                        out[last.index].agendaNumber = nil
                        out[last.index].agendaTitle = merged
                        out[last.index].text = merged
                        out[last.index].lines = out[last.index].lines.union(lines)
                    }
                } else {
                    out.append(LinkUnit(kind: .agenda, lines: lines, agendaNumber: item.number, agendaTitle: item.title,
                                        text: parts.joined(separator: "\n")))
                    lastAgendaUnit = (out.count - 1, item.explanation == nil)
                }
            }
            for exchange in item.exchanges {
                let text = ([exchange.question].compactMap { $0 } + exchange.answers.map(\.text)).joined(separator: "\n")
                guard !text.isEmpty else { continue }
                out.append(LinkUnit(kind: .exchange, lines: exchange.lines, agendaNumber: item.number, agendaTitle: item.title, text: text))
            }
        }
        for d in minutes.directives {
            let title = minutes.agenda.first { $0.number != nil && $0.number == d.agendaNumber }?.title
            out.append(LinkUnit(kind: .directive, lines: d.lines, agendaNumber: d.agendaNumber, agendaTitle: title,
                                issuer: d.issuer, text: d.text, deadline: d.deadline, responsible: d.responsible))
        }
        for p in minutes.other {
            out.append(LinkUnit(kind: .other, lines: p.lines, text: p.text))
        }
        return readingPassages(out)
    }
}
