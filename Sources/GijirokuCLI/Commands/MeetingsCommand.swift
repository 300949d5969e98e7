import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku meetings [--meeting TEXT] [--since DATE] [--until DATE] [--format text|json|csv] [--db PATH]`
///
/// One line per indexed meeting, newest first: date, body, title, and how many agenda
/// items, exchanges, directives, decisions and utterances it holds, with `path:line`.
enum MeetingsCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.isEmpty else {
            return console.usage(.usageExtraArguments, ["arguments": arguments.positional.joined(separator: " ")])
        }
        return console.withIndex { console in
            let index = try SearchIndex(path: console.databasePath(arguments), readOnly: true)
            let list = try index.meetings(MeetingFilter(meeting: arguments.value("meeting"), since: arguments.value("since"),
                                                        until: arguments.value("until")))
            switch arguments.value("format") {
            case "json": console.writeJSON(try RecordEncoder.json(list))
            case "csv": console.writeCSV(csv(list, in: CSV.language(arguments, console)))
            default: write(list, &console)
            }
            if list.meetings.isEmpty, arguments.value("format") != "text" && arguments.value("format") != nil {
                console.note(console.text(.meetingsNone))
            }
            return ExitCode.found(list.meetings.count, arguments)
        }
    }

    static func write(_ list: MeetingList, _ console: inout Console) {
        guard !list.meetings.isEmpty else { console.note(console.text(.meetingsNone)); return }
        for m in list.meetings {
            console.write("\(m.date ?? console.text(.wordNoDate))  \(m.meeting ?? "")  \(m.title ?? "")\n")
            console.write("   " + console.text(.meetingsCounts, ["agenda": String(m.agendaItems), "exchanges": String(m.exchanges),
                                                                   "directives": String(m.directives), "decisions": String(m.decisions),
                                                                   "speeches": String(m.speeches)]))
            console.write("   \(SourceLocation(path: m.path, line: m.line))\n")
        }
        console.write(console.text(.meetingsCount, ["count": String(list.meetings.count)]) + "\n")
    }

    static let columns: [MessageKey] = [.csvDate, .csvMeeting, .csvSession, .csvTitle, .csvAgendaItems, .csvExchanges, .csvDirectives,
                                        .csvDecisions, .csvSpeeches, .csvPath, .csvLine]

    static func csv(_ list: MeetingList, in language: Language) -> String {
        var out = ""
        for m in list.meetings {
            out += CSV.row([m.date ?? "", m.meeting ?? "", m.session.map(String.init) ?? "", m.title ?? "", String(m.agendaItems),
                            String(m.exchanges), String(m.directives), String(m.decisions), String(m.speeches), m.path, String(m.line)])
        }
        return CSV.document(columns, in: language, rows: out)
    }
}
