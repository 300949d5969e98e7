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

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row per exchange.
    static func exchanges(of m: Minutes) -> String {
        var out = ""
        for item in m.agenda {
            for x in item.exchanges {
                out += row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", item.number.map(String.init) ?? "", item.title ?? "",
                            x.question ?? "", x.answers.map(\.text).joined(separator: "\n"), x.answers.map(\.marker).joined(),
                            String(x.lines.start)])
            }
        }
        return out
    }

    /// One row per directive.
    static func directives(of m: Minutes) -> String {
        m.directives.map { d in
            row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", d.issuer, d.text, d.agendaNumber.map(String.init) ?? "",
                 d.responsible.joined(separator: "、"), d.deadline?.text ?? "", d.deadline?.date ?? "", String(d.lines.start)])
        }.joined()
    }
}
