import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku stats [--format text|json|csv] [--csv-header ja|en] [--db PATH]`
///
/// What the index holds: documents by kind, meetings by body and year, elements by kind,
/// speakers, directives by status, links by plan, the database's size and when it was last
/// indexed. CSV is one row per figure (section, item, count).
enum StatsCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.isEmpty else {
            return console.usage(.usageExtraArguments, ["arguments": arguments.positional.joined(separator: " ")])
        }
        return console.withIndex { console in
            let stats = try SearchIndex(path: console.databasePath(arguments), readOnly: true).statistics()
            switch arguments.value("format") {
            case "json": console.writeJSON(try RecordEncoder.json(stats))
            case "csv": console.writeCSV(csv(stats, in: CSV.language(arguments, console)))
            default: write(stats, &console)
            }
            return ExitCode.success
        }
    }

    /// `12.3 MB`.
    static func size(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

    static func write(_ s: IndexStatistics, _ console: inout Console) {
        let none = console.text(.statsNone)
        func list(_ counts: [IndexStatistics.Count], _ name: (String) -> String) -> String {
            counts.isEmpty ? none : counts.map { "\(name($0.name)) \($0.count)" }.joined(separator: console.text(.listSeparator))
        }
        console.write(console.text(.statsHeading, ["db": s.path]) + "\n")
        console.write(console.text(.statsSize, ["size": size(s.bytes), "time": s.lastIndexed ?? none]) + "\n\n")
        console.write("\(console.text(.statsDocuments)): \(list(s.documents) { $0 })\n")
        console.write("\(console.text(.statsMeetings)):\(s.meetings.isEmpty ? " " + none : "")\n")
        var body = ""
        for m in s.meetings {
            if m.meeting != body { console.write("  \(m.meeting)\n"); body = m.meeting }
            console.write("    \(m.year.map(String.init) ?? console.text(.wordNoDate)): \(m.count)\n")
        }
        console.write("\(console.text(.statsElements)): \(list(s.elements) { console.text(SearchCommand.kindKey($0)) })\n")
        console.write("\(console.text(.statsSpeakers)): \(s.speakers) \(console.text(.statsPeople))\n")
        console.write("\(console.text(.statsDirectives)): \(list(s.directives) { DirectiveStatus(rawValue: $0).map { DirectivesCommand.statusName($0, console) } ?? $0 })\n")
        console.write("\(console.text(.statsLinks)):\(s.links.isEmpty ? " " + none : "")\n")
        for l in s.links { console.write("  \(l.title ?? l.plan)  \(l.count)\n") }
    }

    static let columns: [MessageKey] = [.csvSection, .csvItem, .csvYear, .csvCount]

    /// One row per figure: section, item, year (meetings only), count.
    static func csv(_ s: IndexStatistics, in language: Language) -> String {
        func text(_ key: MessageKey) -> String { CSV.text(key, in: language) }
        var out = CSV.row([text(.csvSize), s.path, "", String(s.bytes)])
        out += CSV.row([text(.csvLastIndexed), s.lastIndexed ?? "", "", ""])
        for c in s.documents { out += CSV.row([text(.statsDocuments), c.name, "", String(c.count)]) }
        for m in s.meetings { out += CSV.row([text(.statsMeetings), m.meeting, m.year.map(String.init) ?? "", String(m.count)]) }
        for c in s.elements { out += CSV.row([text(.statsElements), CSV.kind(c.name, in: language), "", String(c.count)]) }
        out += CSV.row([text(.statsSpeakers), "", "", String(s.speakers)])
        for c in s.directives {
            out += CSV.row([text(.statsDirectives), DirectiveStatus(rawValue: c.name).map { CSV.status($0, in: language) } ?? c.name, "", String(c.count)])
        }
        for l in s.links { out += CSV.row([text(.statsLinks), l.title ?? l.plan, "", String(l.count)]) }
        return CSV.document(columns, in: language, rows: out)
    }
}
