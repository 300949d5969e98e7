import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku speakers [--meeting TEXT] [--since DATE] [--format text|json|csv] [--db PATH]`
///
/// Who spoke in the indexed verbatim records, how many times and how many characters, per
/// meeting body and year. CSV is UTF-8 with a BOM, for Excel.
enum SpeakersCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.isEmpty else {
            return console.usage(.usageExtraArguments, ["arguments": arguments.positional.joined(separator: " ")])
        }
        return console.withIndex { console in
            let index = try SearchIndex(path: console.databasePath(arguments), readOnly: true)
            let report = try index.speakers(SpeakerFilter(meeting: arguments.value("meeting"), since: arguments.value("since")))
            switch arguments.value("format") {
            case "json": console.writeJSON(try RecordEncoder.json(report))
            case "csv": console.writeCSV(csv(report, in: CSV.language(arguments, console)))
            default: write(report, &console)
            }
            return ExitCode.found(report.speakers.count, arguments)
        }
    }

    static func write(_ report: SpeakerReport, _ console: inout Console) {
        guard !report.speakers.isEmpty else { console.note(console.text(.speakersNone)); return }
        var heading = ""
        for s in report.speakers {
            let group = "\(s.meeting)  \(s.year.map(String.init) ?? console.text(.wordNoDate))"
            if group != heading { console.write((heading.isEmpty ? "" : "\n") + group + "\n"); heading = group }
            let who = [s.name, s.role].compactMap { $0 }.joined(separator: " ")
            console.write("  " + console.text(.speakersLine, ["who": who.isEmpty ? s.label : who, "label": s.label, "turns": String(s.turns),
                                                               "characters": String(s.characters), "meetings": String(s.meetings)]) + "\n")
        }
    }

    static let columns: [MessageKey] = [.csvMeeting, .csvYear, .csvLabel, .csvName, .csvRole, .csvTurns, .csvCharacters, .csvMeetings]

    /// One row per speaker of a body and year.
    static func csv(_ report: SpeakerReport, in language: Language) -> String {
        var out = ""
        for s in report.speakers {
            out += CSV.row([s.meeting, s.year.map(String.init) ?? "", s.label, s.name ?? "", s.role ?? "",
                            String(s.turns), String(s.characters), String(s.meetings)])
        }
        return CSV.document(columns, in: language, rows: out)
    }
}
