import Gijiroku

/// One searchable element of a record, as it is stored: explanation points, questions,
/// answers, directives, その他 items, notes and paragraphs, each with its agenda item and
/// source lines.
struct IndexedElement: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case explanation, question, answer, directive, other, plan, document, attendees, speech, decision

        /// The small integer stored in `elements.kind`.
        var code: Int { Kind.allCases.firstIndex(of: self)! }
        init?(code: Int) { guard Kind.allCases.indices.contains(code) else { return nil }; self = Kind.allCases[code] }
    }

    var kind: Kind

    /// `elements.style` holds the kind in its low 4 bits, a marker's code above them.
    static let kindBits = 4
    static let kindMask = (1 << kindBits) - 1

    /// Markers stored as a small code in `elements.style`; others are stored as text.
    static let markers: [String] = ["", "・", "⇒", "→", "○", "〇", "●", "◎", "◆", "◇", "■", "□", "❖", "◉", "-", "･", "•", "◯", "➡", "⇨"]

    /// `elements.style` and `elements.marker` for this element.
    var style: (code: Int, markerText: String?) {
        let m = marker ?? ""
        if let i = Self.markers.firstIndex(where: { $0.utf8.elementsEqual(m.utf8) }) { return (kind.code | i << Self.kindBits, nil) }
        return (kind.code, m)
    }

    /// The body's length in characters (Unicode scalars), counted on its UTF-8 bytes.
    var characterCount: Int {
        body.utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// The kind and marker stored in `style` and `marker`.
    static func decode(style: Int, markerText: String?) -> (kind: Kind, marker: String?) {
        let kind = Kind(code: style & kindMask) ?? .other
        let code = style >> kindBits
        if let markerText { return (kind, markerText) }
        return (kind, code > 0 && code < markers.count ? markers[code] : nil)
    }
    var agendaNumber: Int?
    var agendaTitle: String?
    /// For a plan element, the item it belongs to (`1-1-3`).
    var item: String?
    /// For an answer, the position of its question among this document's elements.
    var parentOrdinal: Int?
    var issuer: String?
    /// Who spoke or issued it, as `--speaker` matches it: an utterance's label, name and
    /// post, a directive's issuer, an explanation's presenter (separated by U+001F).
    var speaker: String?
    var marker: String?
    var lines: LineRange
    var body: String
    /// A decision's outcome (`approved` …) and how it was decided (`異議なし`).
    var outcome: String?
    var method: String?

    /// The elements of a plan: each item's title, then its bullets, chapters before their
    /// sections before their measures.
    static func elements(of plan: Plan) -> [IndexedElement] {
        var out: [IndexedElement] = []
        func add(_ item: PlanItem) {
            out.append(IndexedElement(kind: .plan, item: item.id, lines: item.lines, body: item.title))
            for bullet in item.bullets {
                out.append(IndexedElement(kind: .plan, item: item.id, lines: bullet.lines, body: bullet.text))
            }
            item.children.forEach(add)
        }
        plan.items.forEach(add)
        return out
    }

    /// The elements of a document: each heading's title and paragraphs, and the preamble.
    static func elements(of document: Document) -> [IndexedElement] {
        var out = document.preamble.map { IndexedElement(kind: .document, lines: $0.lines, body: $0.text) }
        func add(_ s: DocumentSection) {
            if !s.title.isEmpty { out.append(IndexedElement(kind: .document, lines: s.lines, body: s.title)) }
            out += s.paragraphs.map { IndexedElement(kind: .document, lines: $0.lines, body: $0.text) }
            s.children.forEach(add)
        }
        document.outline.forEach(add)
        return out
    }

    /// Every item of a plan, depth first.
    static func items(of plan: Plan) -> [PlanItem] {
        var out: [PlanItem] = []
        func add(_ item: PlanItem) { out.append(item); item.children.forEach(add) }
        plan.items.forEach(add)
        return out
    }

    /// The elements of a minutes record, in document order.
    static func elements(of minutes: Minutes) -> [IndexedElement] {
        var out: [IndexedElement] = []
        for item in minutes.agenda {
            if let e = item.explanation {
                if let intro = e.intro {
                    out.append(IndexedElement(kind: .explanation, agendaNumber: item.number, agendaTitle: item.title, speaker: e.presenter,
                                              lines: intro.lines, body: intro.text))
                }
                for point in e.points {
                    out.append(IndexedElement(kind: .explanation, agendaNumber: item.number, agendaTitle: item.title, speaker: e.presenter,
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
        // Decisions: the sentence that states each, findable by itself (`--kind decision`).
        for d in minutes.decisions {
            let title = minutes.agenda.first { $0.number != nil && $0.number == d.agendaNumber }?.title
            var e = IndexedElement(kind: .decision, agendaNumber: d.agendaNumber, agendaTitle: title, lines: d.lines, body: d.text)
            e.outcome = d.outcome.rawValue
            e.method = d.method
            out.append(e)
        }
        for d in minutes.directives {
            let title = minutes.agenda.first { $0.number != nil && $0.number == d.agendaNumber }?.title
            out.append(IndexedElement(kind: .directive, agendaNumber: d.agendaNumber, agendaTitle: title, issuer: d.issuer,
                                      speaker: d.issuer, lines: d.lines, body: d.text))
        }
        // A verbatim record: its questions and answers as such, every other utterance as speech.
        // Each under its item of the order of business, when the record gives one.
        func item(_ number: Int?) -> String? { number.flatMap { n in minutes.agenda.first { $0.number == n }?.title } }
        var inExchange = Set<Int>()
        for exchange in minutes.exchanges {
            var questionOrdinal: Int?
            if let question = exchange.question, let lines = exchange.questionLines, let questioner = exchange.questioner {
                questionOrdinal = out.count
                inExchange.insert(lines.start)
                out.append(IndexedElement(kind: .question, agendaNumber: exchange.agendaNumber, agendaTitle: item(exchange.agendaNumber),
                                          issuer: questioner.label, speaker: speakerKey(questioner),
                                          marker: exchange.questionMarker, lines: lines, body: question))
            }
            for answer in exchange.answers {
                inExchange.insert(answer.lines.start)
                out.append(IndexedElement(kind: .answer, agendaNumber: exchange.agendaNumber, agendaTitle: item(exchange.agendaNumber),
                                          parentOrdinal: questionOrdinal, issuer: answer.speaker?.label,
                                          speaker: answer.speaker.map(speakerKey), marker: answer.marker, lines: answer.lines, body: answer.text))
            }
        }
        for s in minutes.speeches where !inExchange.contains(s.lines.start) {
            out.append(IndexedElement(kind: .speech, agendaNumber: s.agendaNumber, agendaTitle: item(s.agendaNumber),
                                      issuer: s.speaker.label, speaker: speakerKey(s.speaker), lines: s.lines, body: s.text))
        }
        for p in minutes.other + minutes.notes + minutes.paragraphs {
            out.append(IndexedElement(kind: .other, lines: p.lines, body: p.text))
        }
        // Who attended, as the header wrote it with broken lines rejoined (都市戦略 / 本部長 →
        // 都市戦略本部長): one element per attendance field.
        for field in minutes.header where [.attendees, .secretariat, .absentees].contains(field.field) && !field.value.isEmpty {
            out.append(IndexedElement(kind: .attendees, lines: field.lines, body: field.value))
        }
        return out
    }

    /// What `--speaker` matches of an utterance: its label without spaces, its name and its post.
    static func speakerKey(_ speaker: Speaker) -> String {
        [speaker.label.filter { $0 != " " && $0 != "\u{3000}" && $0 != "\n" }, speaker.name ?? "", speaker.role ?? ""]
            .joined(separator: "\u{1F}")
    }
}
