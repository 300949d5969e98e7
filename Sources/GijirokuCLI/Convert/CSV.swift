import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// CSV for spreadsheet users (RFC 4180): fields quoted when they hold a comma, quote or
/// line break, quotes doubled, rows ended with CRLF; the files start with a UTF-8 BOM so
/// that Excel reads them as UTF-8. Headers and enumerated values (status, outcome, kind,
/// category) are in Japanese or English (`--csv-header ja|en`, by default the message
/// language); each layout below is the one every command that writes that table uses.
///
/// ```swift
/// CSV.row(["会議", "質問, 答え"])                         // "会議,\"質問, 答え\"\r\n"
/// CSV.header(CSV.decisionColumns, in: .japanese)         // "日付,会議,結果,…"
/// ```
enum CSV {
    /// exchanges.csv (`convert`): one row per exchange; its answers one per line in their
    /// cell, each with its marker (`⇒`, or the answering speaker's label in a verbatim record).
    static let exchangeColumns: [MessageKey] = [.csvPath, .csvMeeting, .csvDate, .csvAgendaNumber, .csvAgendaTitle,
                                                .csvQuestioner, .csvQuestion, .csvAnswers, .csvLine]
    /// directives.csv (`convert` and `directives`): one row per directive. `convert` leaves
    /// empty what only the index knows (status, note, follow-ups, plan items).
    static let directiveColumns: [MessageKey] = [.csvID, .csvMeeting, .csvDate, .csvIssuer, .csvDirective, .csvAgendaNumber, .csvAgendaTitle,
                                                 .csvResponsible, .csvDeadline, .csvDeadlineDate, .csvDeadlineProblem, .csvStatus,
                                                 .csvAutomaticStatus, .csvNote, .csvFollowUps, .csvPlanItems, .csvSources]
    /// speeches.csv (`convert`): one row per utterance of a verbatim record.
    static let speechColumns: [MessageKey] = [.csvPath, .csvMeeting, .csvDate, .csvLabel, .csvName, .csvRole, .csvSeat, .csvCategory,
                                              .csvText, .csvLine]
    /// decisions.csv (`convert` and `decisions`): one row per decision.
    static let decisionColumns: [MessageKey] = [.csvDate, .csvMeeting, .csvOutcome, .csvMethod, .csvAgendaNumber, .csvAgendaTitle,
                                                .csvText, .csvPath, .csvLine]

    /// The tables `convert --format csv` writes, one row per element of every record.
    static func tables(in language: Language) -> [(file: String, header: [MessageKey], rows: @Sendable (Minutes) -> String)] {
        [
            ("exchanges.csv", exchangeColumns, { exchanges(of: $0) }),
            ("directives.csv", directiveColumns, { directives(of: $0) }),
            ("speeches.csv", speechColumns, { speeches(of: $0, in: language) }),
            ("decisions.csv", decisionColumns, { decisions(of: $0, in: language) }),
        ]
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The header row of `columns` in `language`.
    static func header(_ columns: [MessageKey], in language: Language) -> String {
        row(columns.map { Message($0).text(in: language) })
    }

    /// A whole CSV document: the BOM, the header, the rows.
    static func document(_ columns: [MessageKey], in language: Language, rows: String) -> String {
        "\u{FEFF}" + header(columns, in: language) + rows
    }

    /// The language of a command's CSV: `--csv-header`, else the message language.
    static func language(_ arguments: ParsedArguments, _ console: Console) -> Language {
        arguments.value("csv-header").flatMap(Language.init(rawValue:)) ?? console.language
    }

    /// Several values in one cell: one per line.
    static func lines(_ values: [String]) -> String { values.joined(separator: "\n") }

    // MARK: Enumerated values

    static func text(_ key: MessageKey, in language: Language) -> String { Message(key).text(in: language) }

    static func outcome(_ outcome: Decision.Outcome, in language: Language) -> String {
        text(DecisionsCommand.outcomeKey(outcome), in: language)
    }

    static func status(_ status: DirectiveStatus, in language: Language) -> String {
        text(DirectivesCommand.statusKey(status), in: language)
    }

    static func category(_ category: SpeakerCategory, in language: Language) -> String {
        let key: MessageKey = switch category {
        case .chair: .categoryChair
        case .member: .categoryMember
        case .official: .categoryOfficial
        case .secretariat: .categorySecretariat
        case .other: .categoryOther
        }
        return text(key, in: language)
    }

    static func kind(_ kind: String, in language: Language) -> String { text(SearchCommand.kindKey(kind), in: language) }

    // MARK: convert's tables

    /// One row per exchange (under an agenda item, or a verbatim record's).
    static func exchanges(of m: Minutes) -> String {
        var out = ""
        func add(_ x: Exchange, number: Int?, title: String?) {
            out += row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", number.map(String.init) ?? "", title ?? "",
                        x.questioner?.label ?? "", x.question ?? "", lines(x.answers.map { ($0.speaker.map { $0.label + " " } ?? $0.marker) + $0.text }),
                        String(x.lines.start)])
        }
        for item in m.agenda {
            for x in item.exchanges { add(x, number: item.number, title: item.title) }
        }
        for x in m.exchanges { add(x, number: nil, title: nil) }
        return out
    }

    /// One row per utterance of a verbatim record.
    static func speeches(of m: Minutes, in language: Language) -> String {
        m.speeches.map { s in
            row([m.source.path, m.meeting.name ?? m.title ?? "", m.date ?? "", s.speaker.label, s.speaker.name ?? "", s.speaker.role ?? "",
                 s.speaker.seat.map(String.init) ?? "", category(s.speaker.category, in: language), s.text, String(s.lines.start)])
        }.joined()
    }

    /// One row per decision, in the layout of `decisions --format csv`.
    static func decisions(of m: Minutes, in language: Language) -> String {
        m.decisions.map { d in
            let title = d.agendaNumber.flatMap { n in m.agenda.first { $0.number == n }?.title }
            return row([m.date ?? "", m.meeting.name ?? m.title ?? "", outcome(d.outcome, in: language), d.method ?? "",
                        d.agendaNumber.map(String.init) ?? "", title ?? "", d.text, m.source.path, String(d.lines.start)])
        }.joined()
    }

    /// One row per directive, in the layout of `directives --format csv` (what only the
    /// index knows left empty).
    static func directives(of m: Minutes) -> String {
        let ids = DirectiveRegister.ids(of: m)
        return m.directives.enumerated().map { k, d in
            let title = d.agendaNumber.flatMap { n in m.agenda.first { $0.number == n }?.title }
            return row([k < ids.count ? ids[k] : "", m.meeting.name ?? m.title ?? "", m.date ?? "", d.issuer, d.text,
                        d.agendaNumber.map(String.init) ?? "", title ?? "", d.responsible.joined(separator: "、"), d.deadline?.text ?? "",
                        d.deadline?.date ?? "", d.deadline?.problem ?? "", "", "", "", "", "",
                        SourceLocation(path: m.source.path, line: d.lines.start).description])
        }.joined()
    }
}
