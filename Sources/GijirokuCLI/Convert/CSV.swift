import Gijiroku

/// CSV for spreadsheet users (RFC 4180): fields quoted when they hold a comma, quote or
/// line break, quotes doubled, rows ended with CRLF; the files start with a UTF-8 BOM so
/// that Excel reads them as UTF-8.
///
/// ```swift
/// CSV.row(["会議", "質問, 答え"])   // "会議,\"質問, 答え\"\r\n"
/// ```
enum CSV {
    static let exchangeHeader = ["path", "meeting", "date", "agenda_number", "agenda_title", "question", "answers", "answer_markers", "line"]
    static let directiveHeader = ["path", "meeting", "date", "issuer", "directive", "agenda_number", "responsible", "deadline", "deadline_date", "line"]
    static let speechHeader = ["path", "meeting", "date", "label", "name", "role", "seat", "category", "text", "line"]
    static let decisionHeader = ["path", "meeting", "date", "agenda_number", "outcome", "method", "decision", "line"]

    /// The tables `convert --format csv` writes, one row per element of every record.
    static let tables: [(file: String, header: [String], rows: @Sendable (Minutes) -> String)] = [
        ("exchanges.csv", exchangeHeader, exchanges(of:)),
        ("directives.csv", directiveHeader, directives(of:)),
        ("speeches.csv", speechHeader, speeches(of:)),
        ("decisions.csv", decisionHeader, decisions(of:)),
    ]

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row per exchange (under an agenda item, or a verbatim record's).
    static func exchanges(of m: Minutes) -> String {
        var out = ""
        func add(_ x: Exchange, number: Int?, title: String?) {
            out += row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", number.map(String.init) ?? "", title ?? "",
                        x.question ?? "", x.answers.map(\.text).joined(separator: "\n"), x.answers.map(\.marker).joined(),
                        String(x.lines.start)])
        }
        for item in m.agenda {
            for x in item.exchanges { add(x, number: item.number, title: item.title) }
        }
        for x in m.exchanges { add(x, number: nil, title: nil) }
        return out
    }

    /// One row per utterance of a verbatim record.
    static func speeches(of m: Minutes) -> String {
        m.speeches.map { s in
            row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", s.speaker.label, s.speaker.name ?? "", s.speaker.role ?? "",
                 s.speaker.seat.map(String.init) ?? "", s.speaker.category.rawValue, s.text, String(s.lines.start)])
        }.joined()
    }

    /// One row per decision.
    static func decisions(of m: Minutes) -> String {
        m.decisions.map { d in
            row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", d.agendaNumber.map(String.init) ?? "", d.outcome.rawValue,
                 d.method ?? "", d.text, String(d.lines.start)])
        }.joined()
    }

    /// One row per directive.
    static func directives(of m: Minutes) -> String {
        m.directives.map { d in
            row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", d.issuer, d.text, d.agendaNumber.map(String.init) ?? "",
                 d.responsible.joined(separator: "、"), d.deadline?.text ?? "", d.deadline?.date ?? "", String(d.lines.start)])
        }.joined()
    }
}
