import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku decisions [--outcome OUTCOME] [--since DATE] [--meeting TEXT] [--format text|json|csv] [--db PATH]`
///
/// Every decision of the indexed records, newest first, with its outcome and how it was
/// decided, its item, meeting, date and `path:line`. CSV is UTF-8 with a BOM, for Excel.
enum DecisionsCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.isEmpty else {
            return console.usage(.usageExtraArguments, ["arguments": arguments.positional.joined(separator: " ")])
        }
        return console.withIndex { console in
            let index = try SearchIndex(path: console.databasePath(arguments), readOnly: true)
            let filter = DecisionFilter(outcome: arguments.value("outcome").flatMap(Decision.Outcome.init(rawValue:)),
                                        since: arguments.value("since"), meeting: arguments.value("meeting"))
            let list = try index.decisions(filter)
            switch arguments.value("format") {
            case "json": console.writeJSON(try RecordEncoder.json(list))
            case "csv": console.writeCSV(csv(list, in: CSV.language(arguments, console)))
            default: write(list, &console)
            }
            return ExitCode.found(list.decisions.count, arguments)
        }
    }

    static func outcomeKey(_ outcome: Decision.Outcome) -> MessageKey { outcome.messageKey }

    static func write(_ list: DecisionList, _ console: inout Console) {
        guard !list.decisions.isEmpty else { console.note(console.text(.decisionsNone)); return }
        for d in list.decisions {
            let item = d.agendaNumber.map { n in " " + (d.agendaTitle.map { "\(n). \($0)" } ?? "\(n)") } ?? ""
            console.write(console.text(.decisionsLine, ["date": d.date ?? console.text(.wordNoDate), "meeting": d.meeting,
                                                        "outcome": console.text(outcomeKey(d.outcome)),
                                                        "method": d.method.map { "・\($0)" } ?? "", "item": item]) + "\n")
            console.write("  \(d.text)\n  \(d.path):\(d.line)\n")
        }
    }

    /// One row per decision in the layout of ``CSV/decisionColumns``; outcomes in `language`.
    static func csv(_ list: DecisionList, in language: Language) -> String {
        var out = ""
        for d in list.decisions {
            out += CSV.row([d.date ?? "", d.meeting, CSV.outcome(d.outcome, in: language), d.method ?? "", d.agendaNumber.map(String.init) ?? "",
                            d.agendaTitle ?? "", d.text, d.path, String(d.line)])
        }
        return CSV.document(CSV.decisionColumns, in: language, rows: out)
    }
}
