import Foundation
import Gijiroku
import GijirokuIndex

/// `gijiroku links [DOCUMENT|ELEMENT] [--plan ITEM] [--format text|json] [--db PATH]`
///
/// From a meeting (its path or file name) or one of its elements (`path:line`) to the
/// plan items it is about, best first, with the evidence; from a plan (its path) to each of
/// its items with how often and when meetings discussed it; from a plan item (`--plan 2-1-3`,
/// or `--plan PLAN#2-1-3` when two plans share the ID) to every meeting element that
/// discussed it, newest first.
enum LinksCommand {
    static let kindNames = ["agenda": "議題", "exchange": "質疑", "directive": "指示", "other": "その他"]

    static func run<O: TextOutputStream, E: TextOutputStream>(_ arguments: [String], output: inout O, errors: inout E) -> Int32 {
        var options = OptionReader(arguments, command: "links")
        let db = options.value("--db") ?? SearchIndex.defaultPath
        let plan = options.value("--plan")
        let format = options.value("--format") ?? "text"
        let targets = options.positional
        if let problem = options.problem { errors.write(problem + "\n"); return ExitCode.usage }
        guard format == "text" || format == "json" else {
            errors.write("gijiroku links: error: --format は text か json です\n")
            return ExitCode.usage
        }
        guard (plan == nil) != targets.isEmpty, targets.count <= 1 else {
            errors.write("gijiroku links: error: 議事録（パスまたは パス:行）を一つ、または --plan 計画項目ID を指定してください\n")
            return ExitCode.usage
        }
        do {
            let index = try SearchIndex(path: db, readOnly: true)
            if let plan {
                let report = try index.links(toItem: plan)
                if format == "json" { output.write(try RecordEncoder.json(report)); return ExitCode.success }
                write(report, to: &output)
            } else if try index.kind(ofDocument: targets[0]) == "plan" {
                let report = try index.planOverview(targets[0])
                if format == "json" { output.write(try RecordEncoder.json(report)); return ExitCode.success }
                write(report, to: &output)
            } else {
                let report = try index.links(from: targets[0])
                if format == "json" { output.write(try RecordEncoder.json(report)); return ExitCode.success }
                write(report, to: &output)
            }
            return ExitCode.success
        } catch let error as IndexError {
            errors.write("gijiroku links: error: \(error.message)\n")
            switch error.kind {
            case .notFound, .ambiguous: return ExitCode.usage
            default: return ExitCode.dataError
            }
        } catch {
            errors.write("gijiroku links: error: \(error)\n")
            return ExitCode.dataError
        }
    }

    static func write<O: TextOutputStream>(_ report: LinksReport, to output: inout O) {
        output.write("\(report.document.title ?? report.document.path)  \(report.document.date ?? "日付不明")\n")
        if let note = report.note { output.write("（\(note)）\n") }
        for e in report.elements {
            var head = "\n[\(kindNames[e.kind] ?? e.kind)"
            if e.kind == "agenda", let n = e.agendaNumber { head += "\(n)" }
            head += "] \(firstLine(e.text))"
            if let issuer = e.issuer { head += "（\(issuer)）" }
            output.write(head + "\n   \(e.location)\n")
            if e.links.isEmpty { output.write("   → 関連する計画項目なし\n") }
            for l in e.links { output.write("   → \(describe(l))\n") }
        }
    }

    static func write<O: TextOutputStream>(_ report: PlanItemLinksReport, to output: inout O) {
        output.write("\(report.item.id) \(report.item.title)  （\(report.plan.title ?? report.plan.path)）\n")
        if report.elements.isEmpty { output.write("この計画項目に関連付いた議事録の要素はありません\n") }
        for e in report.elements {
            output.write("\n\(e.document.date ?? "日付不明")  \(e.document.title ?? e.document.path)\n")
            var head = "   [\(kindNames[e.kind] ?? e.kind)"
            if e.kind == "agenda", let n = e.agendaNumber { head += "\(n)" }
            output.write(head + "] \(firstLine(e.text))" + (e.issuer.map { "（\($0)）" } ?? "") + "\n")
            output.write("   根拠: \(evidence(e.link))\n   \(e.location)\n")
        }
    }

    static func write<O: TextOutputStream>(_ report: PlanOverviewReport, to output: inout O) {
        output.write("\(report.plan.title ?? report.plan.path)\n")
        for item in report.items {
            let indent = String(repeating: "  ", count: item.id.split(separator: "-").count - 1)
            var line = "\(indent)\(item.id) \(item.title)  "
            if item.elements == 0 { line += "議論なし" }
            else {
                line += "\(item.elements)件（会議 \(item.meetings)回、\(item.firstDate ?? "?")"
                line += item.lastDate == item.firstDate ? "）" : "～\(item.lastDate ?? "?")）"
            }
            output.write(line + "\n")
        }
    }

    static func describe(_ l: PlanLinkRecord) -> String {
        "\(l.item.id) \(l.item.title)  根拠: \(evidence(l))"
    }

    static func evidence(_ l: PlanLinkRecord) -> String {
        var parts: [String] = []
        if let r = l.reference { parts.append("明示 \(r)") }
        if !l.terms.isEmpty { parts.append(l.terms.joined(separator: "・")) }
        parts.append(String(format: "得点 %.1f", l.score))
        return parts.joined(separator: "、")
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }
}
