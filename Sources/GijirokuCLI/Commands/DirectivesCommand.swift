import Foundation
import Gijiroku
import GijirokuIndex

/// `gijiroku directives [--status S] [--issuer TEXT] [--since DATE] [--as-of DATE] [--format text|json|csv] [--db PATH]`
/// and `gijiroku directives set ID (--status S [--note TEXT] | --note TEXT | --clear) [--db PATH]`.
///
/// The register of directives, newest first: meeting, date, issuer, text, agenda item,
/// responsible bodies, deadline, follow-ups, plan items and status. CSV is UTF-8 with a BOM
/// and one row per directive, for Excel.
enum DirectivesCommand {
    static let statusNames: [DirectiveStatus: String] = [.open: "未対応", .followedUp: "対応報告あり", .overdue: "期限超過", .done: "完了"]

    static func run<O: TextOutputStream, E: TextOutputStream>(_ arguments: [String], output: inout O, errors: inout E) -> Int32 {
        if arguments.first == "set" { return set(Array(arguments.dropFirst()), output: &output, errors: &errors) }
        var options = OptionReader(arguments, command: "directives")
        let db = options.value("--db") ?? SearchIndex.defaultPath
        let statusText = options.value("--status")
        let issuer = options.value("--issuer")
        let since = options.value("--since")
        let asOf = options.value("--as-of")
        let format = options.value("--format") ?? "text"
        let rest = options.positional
        if let problem = options.problem { errors.write(problem + "\n"); return ExitCode.usage }
        guard rest.isEmpty else {
            errors.write("gijiroku directives: error: 余分な引数です: \(rest.joined(separator: " "))（状況の設定は gijiroku directives set ID --status …）\n")
            return ExitCode.usage
        }
        guard ["text", "json", "csv"].contains(format) else {
            errors.write("gijiroku directives: error: --format は text、json、csv のいずれかです\n")
            return ExitCode.usage
        }
        guard let status = readStatus(statusText, &errors) else { return ExitCode.usage }
        do {
            let index = try SearchIndex(path: db, readOnly: true)
            let register = try index.directives(DirectiveFilter(status: status, issuer: issuer, since: since, asOf: asOf))
            switch format {
            case "json": output.write(try RecordEncoder.json(register))
            case "csv": output.write(csv(register))
            default: write(register, to: &output)
            }
            return ExitCode.success
        } catch let error as IndexError {
            errors.write("gijiroku directives: error: \(error.message)\n")
            return error.kind == .query ? ExitCode.usage : ExitCode.dataError
        } catch {
            errors.write("gijiroku directives: error: \(error)\n")
            return ExitCode.dataError
        }
    }

    static func set<O: TextOutputStream, E: TextOutputStream>(_ arguments: [String], output: inout O, errors: inout E) -> Int32 {
        var options = OptionReader(arguments, command: "directives set")
        let db = options.value("--db") ?? SearchIndex.defaultPath
        let statusText = options.value("--status")
        let note = options.value("--note")
        let clear = options.flag("--clear")
        let ids = options.positional
        if let problem = options.problem { errors.write(problem + "\n"); return ExitCode.usage }
        guard ids.count == 1, clear != (statusText != nil || note != nil) else {
            errors.write("gijiroku directives set: error: 使い方: gijiroku directives set ID --status done|open|followed-up|overdue [--note 文] | --note 文 | --clear\n")
            return ExitCode.usage
        }
        guard let status = readStatus(statusText, &errors) else { return ExitCode.usage }
        do {
            let index = try SearchIndex(path: db)
            let id = try index.setDirectiveStatus(ids[0], status: status, note: note, clear: clear)
            if clear { output.write("\(id): 手で設定した状況とメモを消しました（自動判定に戻ります）\n") }
            else { output.write("\(id): " + [status.map { "状況 \($0.rawValue)" }, note.map { "メモ「\($0)」" }].compactMap { $0 }.joined(separator: "、") + " を設定しました\n") }
            return ExitCode.success
        } catch let error as IndexError {
            errors.write("gijiroku directives set: error: \(error.message)\n")
            return error.kind == .notFound || error.kind == .ambiguous ? ExitCode.usage : ExitCode.dataError
        } catch {
            errors.write("gijiroku directives set: error: \(error)\n")
            return ExitCode.dataError
        }
    }

    /// `--status`: `.some(nil)` when not given, `nil` (after saying why) when it names no status.
    static func readStatus<E: TextOutputStream>(_ text: String?, _ errors: inout E) -> DirectiveStatus?? {
        guard let text else { return .some(nil) }
        if let status = DirectiveStatus(rawValue: text) { return status }
        errors.write("gijiroku directives: error: --status は \(DirectiveStatus.allCases.map(\.rawValue).joined(separator: "、")) のいずれかです（\(text)）\n")
        return nil
    }

    static func write<O: TextOutputStream>(_ register: DirectiveRegister, to output: inout O) {
        if register.directives.isEmpty { output.write("該当する指示はありません（\(register.asOf) 時点）\n"); return }
        for d in register.directives {
            var status = statusNames[d.status] ?? d.status.rawValue
            if d.statusSetByHand { status += "（手動）" }
            output.write("[\(d.id)] \(d.date ?? "日付不明")  \(d.meeting ?? "")  \(d.issuer)  \(status)\n")
            output.write("   \(d.text)\n")
            if let a = d.agenda { output.write("   議題\(a.number) \(a.title ?? "")\n") }
            if !d.responsible.isEmpty { output.write("   担当: \(d.responsible.joined(separator: "、"))\n") }
            if let deadline = d.deadline {
                var line = "   期限: \(deadline.text)"
                if let date = deadline.date { line += " → \(date)" }
                if let problem = deadline.problem { line += "（\(problem)）" }
                output.write(line + "\n")
            }
            for f in d.followUps {
                output.write("   対応: \(f.document.date ?? "") 議題\(f.agendaNumber.map(String.init) ?? "") \(f.title ?? "")  \(f.location)\n")
            }
            for p in d.planItems { output.write("   計画: \(p.item.id) \(p.item.title)\n") }
            if let note = d.note { output.write("   メモ: \(note)\n") }
            output.write("   \(d.sources.map(\.location).joined(separator: "、"))\n\n")
        }
        output.write("\(register.directives.count)件（\(register.asOf) 時点）\n")
    }

    static let csvHeader = ["id", "meeting", "date", "issuer", "directive", "agenda_number", "agenda_title", "responsible",
                            "deadline", "deadline_date", "deadline_problem", "status", "automatic_status", "note",
                            "follow_ups", "plan_items", "source"]

    /// One row per directive, UTF-8 with a BOM so Excel reads it as UTF-8.
    static func csv(_ register: DirectiveRegister) -> String {
        var out = "\u{FEFF}" + CSV.row(csvHeader)
        for d in register.directives {
            out += CSV.row([
                d.id, d.meeting ?? "", d.date ?? "", d.issuer, d.text, d.agenda.map { String($0.number) } ?? "", d.agenda?.title ?? "",
                d.responsible.joined(separator: "、"), d.deadline?.text ?? "", d.deadline?.date ?? "", d.deadline?.problem ?? "",
                d.status.rawValue, d.automaticStatus.rawValue, d.note ?? "",
                d.followUps.map { "\($0.document.date ?? "") \($0.title ?? "")" }.joined(separator: "\n"),
                d.planItems.map { "\($0.item.id) \($0.item.title)" }.joined(separator: "\n"),
                d.sources.map(\.location).joined(separator: "\n"),
            ])
        }
        return out
    }
}
