import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku directives [--status S] [--issuer TEXT] [--since DATE] [--as-of DATE] [--format text|json|csv] [--db PATH]`
/// and `gijiroku directives set ID (--status S [--note TEXT] | --note TEXT | --clear) [--db PATH]`.
///
/// The register of directives, newest first: meeting, date, issuer, text, agenda item,
/// responsible bodies, deadline, follow-ups, plan items and status. CSV is UTF-8 with a BOM
/// and one row per directive, for Excel.
enum DirectivesCommand {
    static func list(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.isEmpty else {
            return console.usage(.directivesExtraArguments, ["arguments": arguments.positional.joined(separator: " ")])
        }
        let status = arguments.value("status").flatMap(DirectiveStatus.init(rawValue:))
        // Follow-ups are found with the word variants the links use (the user's synonyms too).
        let words = SynonymsCommand.variants(arguments, &console).variants
        return console.withIndex { console in
            let index = try SearchIndex(path: console.databasePath(arguments), readOnly: true, words: words)
            let register = try index.directives(DirectiveFilter(status: status, issuer: arguments.value("issuer"),
                                                                since: arguments.value("since"), asOf: arguments.value("as-of")))
            switch arguments.value("format") {
            case "json": console.writeJSON(try RecordEncoder.json(register))
            case "csv": console.writeCSV(csv(register, in: CSV.language(arguments, console)))
            default: write(register, &console)
            }
            return ExitCode.found(register.directives.count, arguments)
        }
    }

    static func set(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        let status = arguments.value("status").flatMap(DirectiveStatus.init(rawValue:))
        let note = arguments.value("note")
        let clear = arguments.flag("clear")
        let ids = arguments.positional
        guard ids.count == 1, clear != (status != nil || note != nil) else { return console.usage(.directivesSetUsage) }
        return console.withIndex { console in
            // An index run may be writing: wait for it (a status is a small write), saying so.
            let db = console.databasePath(arguments)
            let lock = try WriterLock.acquire(for: db, timeout: 600) { console.error(.indexWaiting, ["path": db]) }
            defer { lock.release() }
            let index = try SearchIndex(path: db)
            let id = try index.setDirectiveStatus(ids[0], status: status, note: note, clear: clear)
            if clear {
                console.write(console.text(.directivesCleared, ["id": id]) + "\n")
            } else {
                let what = [status.map { console.text(.directivesStatusSet, ["status": $0.rawValue]) },
                            note.map { console.text(.directivesNoteSet, ["note": $0]) }].compactMap { $0 }
                console.write(console.text(.directivesSet, ["id": id, "what": what.joined(separator: console.text(.listSeparator))]) + "\n")
            }
            return ExitCode.success
        }
    }

    /// The catalogue key of a status's words.
    static func statusKey(_ status: DirectiveStatus) -> MessageKey {
        switch status {
        case .open: return .statusOpen
        case .followedUp: return .statusFollowedUp
        case .overdue: return .statusOverdue
        case .done: return .statusDone
        }
    }

    /// The words for a status.
    static func statusName(_ status: DirectiveStatus, _ console: Console) -> String { console.text(statusKey(status)) }

    static func write(_ register: DirectiveRegister, _ console: inout Console) {
        if register.directives.isEmpty { console.note(console.text(.directivesNone, ["date": register.asOf])); return }
        for d in register.directives {
            var status = statusName(d.status, console)
            if d.statusSetByHand { status += console.text(.directivesByHand) }
            console.write("[\(d.id)] \(d.date ?? console.text(.wordNoDate))  \(d.meeting ?? "")  \(d.issuer)  \(status)\n")
            console.write("   \(d.text)\n")
            if let a = d.agenda { console.write("   \(console.agendaLine(number: a.number, title: a.title))\n") }
            if !d.responsible.isEmpty { console.write("   \(console.text(.directivesResponsible)): \(d.responsible.joined(separator: "、"))\n") }
            if let deadline = d.deadline {
                var line = "   \(console.text(.directivesDeadline)): \(deadline.text)"
                if let date = deadline.date { line += " → \(date)" }
                if let problem = deadline.problem { line += "（\(problem)）" }
                console.write(line + "\n")
            }
            for f in d.followUps {
                console.write("   \(console.text(.directivesFollowUp)): \(f.document.date ?? "") \(console.agendaLine(number: f.agendaNumber, title: f.title))  \(f.location)\n")
            }
            for p in d.planItems { console.write("   \(console.text(.directivesPlan)): \(p.item.id) \(p.item.title)\n") }
            if let note = d.note { console.write("   \(console.text(.directivesNote)): \(note)\n") }
            console.write("   \(d.sources.map(\.location).joined(separator: "、"))\n\n")
        }
        console.write(console.text(.directivesCount, ["count": String(register.directives.count), "date": register.asOf]) + "\n")
    }

    /// One row per directive in the layout of ``CSV/directiveColumns``, UTF-8 with a BOM
    /// so Excel reads it as UTF-8; statuses in `language`.
    static func csv(_ register: DirectiveRegister, in language: Language) -> String {
        var out = ""
        for d in register.directives {
            out += CSV.row([
                d.id, d.meeting ?? "", d.date ?? "", d.issuer, d.text, d.agenda.map { String($0.number) } ?? "", d.agenda?.title ?? "",
                d.responsible.joined(separator: "、"), d.deadline?.text ?? "", d.deadline?.date ?? "", d.deadline?.problem ?? "",
                CSV.status(d.status, in: language), CSV.status(d.automaticStatus, in: language), d.note ?? "",
                d.followUps.map { "\($0.document.date ?? "") \($0.title ?? "")" }.joined(separator: "\n"),
                d.planItems.map { "\($0.item.id) \($0.item.title)" }.joined(separator: "\n"),
                d.sources.map(\.location).joined(separator: "\n"),
            ])
        }
        return CSV.document(CSV.directiveColumns, in: language, rows: out)
    }
}
