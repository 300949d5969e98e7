import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku links [DOCUMENT|ELEMENT] [--plan ITEM] [--explain] [--format text|json] [--synonyms FILE] [--db PATH]`
///
/// From a meeting (its path or file name) or one of its elements (`path:line`) to the
/// plan items it is about, best first, with the evidence; from a plan (its path) to each of
/// its items with how often and when meetings discussed it; from a plan item (`--plan 2-1-3`,
/// or `--plan PLAN#2-1-3` when two plans share the ID) to every meeting element that
/// discussed it, newest first.
enum LinksCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        let plan = arguments.value("plan")
        let targets = arguments.positional
        let json = arguments.value("format") == "json"
        guard (plan == nil) != targets.isEmpty, targets.count <= 1 else { return console.usage(.linksWhatToShow) }
        let explain = arguments.flag("explain")
        if explain, plan != nil || targets.first.map({ !$0.contains(":") }) ?? true { return console.usage(.linksExplainNeedsElement) }
        let words = SynonymsCommand.variants(arguments, &console).variants
        return console.withIndex { console in
            let db = console.databasePath(arguments)
            let index = try SearchIndex(path: db, readOnly: true, words: words)
            // The user's synonyms changed since the links were made: they are shown as made,
            // an explanation scores with the new ones.
            if try index.linksMadeWithOtherWords { console.note(console.text(explain ? .linksOtherWordsExplain : .linksOtherWords, ["db": db])) }
            if explain {
                let why = try index.explainLinks(targets[0])
                if json { console.writeJSON(try RecordEncoder.json(why)) } else { write(why, &console) }
            } else if let plan {
                let report = try index.links(toItem: plan)
                if json { console.writeJSON(try RecordEncoder.json(report)) } else { write(report, &console) }
            } else if try index.kind(ofDocument: targets[0]) == "plan" {
                let report = try index.planOverview(targets[0])
                if json { console.writeJSON(try RecordEncoder.json(report)) } else { write(report, &console) }
            } else {
                let report = try index.links(from: targets[0])
                if json { console.writeJSON(try RecordEncoder.json(report)) } else { write(report, &console) }
            }
            return ExitCode.success
        }
    }

    static func write(_ report: LinksReport, _ console: inout Console) {
        console.write("\(report.document.title ?? report.document.path)  \(report.document.date ?? console.text(.wordNoDate))\n")
        if report.note != nil { console.write("（\(console.text(.linksNoPlansYet))）\n") }
        let shown = report.elements.flatMap { $0.links.map { (plan: $0.plan, item: $0.item.id) } }
        for e in report.elements {
            var head = "\n[\(console.text(SearchCommand.kindKey(e.kind)))"
            if e.kind == "agenda", let n = e.agendaNumber { head += "\(n)" }
            head += "] \(firstLine(e.text))"
            if let issuer = e.issuer { head += "（\(issuer)）" }
            console.write(head + "\n   \(e.location)\n")
            if e.links.isEmpty { console.write("   → \(console.text(.linksNone))\n") }
            for l in e.links {
                console.write("   → \(l.item.id) \(l.item.title)\(inPlan(l.plan, l.item.id, among: shown, console))  \(console.text(.linksEvidence)): \(evidence(l, console))\n")
            }
        }
    }

    /// The plan an item is in, said when another plan of the items shown has the same
    /// chapter: every plan numbers its items from 1, so `2-1` could be either's. (The files
    /// of one plan split by chapter need no saying.)
    static func inPlan(_ plan: PlanLinkRecord.Plan, _ item: String, among shown: [(plan: PlanLinkRecord.Plan, item: String)],
                       _ console: Console) -> String {
        let chapter = item.split(separator: "-").first
        guard shown.contains(where: { $0.plan != plan && $0.item.split(separator: "-").first == chapter }) else { return "" }
        return console.text(.linksInPlan, ["plan": plan.title ?? (plan.path as NSString).lastPathComponent])
    }

    static func write(_ why: LinkExplanation, _ console: inout Console) {
        let e = why.element
        var head = "[\(console.text(SearchCommand.kindKey(e.kind)))"
        if e.kind == "agenda", let n = e.agendaNumber { head += "\(n)" }
        console.write(head + "] \(firstLine(e.text))\n   \(e.location)\n")
        if let context = why.context {
            console.write("   " + console.text(.linksExplainContext, ["context": context, "weight": String(format: "%.2f", why.contextWeight)]) + "\n")
        }
        if !why.passages.isEmpty {
            console.write("   " + console.text(.linksExplainPassages) + "\n")
            for passage in why.passages { console.write("      " + passage + "\n") }
        }
        if !why.readings.isEmpty {
            let readings = why.readings.map { "\($0.written) → \($0.readAs)" }.joined(separator: console.text(.listSeparator))
            console.write("   " + console.text(.linksExplainReadings, ["readings": readings]) + "\n")
        }
        console.write("   " + console.text(.linksExplainThresholds, ["minimum": String(format: "%.2f", why.minimumScore),
                                                                        "relative": String(format: "%.2f", why.relativeScore),
                                                                        "best": String(format: "%.2f", why.bestScore)]) + "\n")
        if why.candidates.isEmpty { console.write("   " + console.text(.linksExplainNone) + "\n") }
        let shown = why.candidates.map { (plan: $0.plan, item: $0.item.id) }
        for c in why.candidates {
            let outcome: MessageKey = switch c.outcome {
            case "linked": .linksOutcomeLinked
            case "broader-than-a-link": .linksOutcomeBroader
            case "chapter-not-named": .linksOutcomeChapterNotNamed
            case "below-minimum": .linksOutcomeBelowMinimum
            case "below-relative": .linksOutcomeBelowRelative
            default: .linksOutcomeBeyondMaximum
            }
            let mark = c.outcome == "linked" ? "→" : "×"
            console.write("\n   \(mark) \(c.item.id) \(c.item.title)\(inPlan(c.plan, c.item.id, among: shown, console))  \(console.text(.linksExplainScore, ["score": String(format: "%.2f", c.score)]))  \(console.text(outcome))\n")
            if let reference = c.reference { console.write("      " + console.text(.linksExplainReference, ["reference": reference]) + "\n") }
            let terms = c.terms.map { "\($0.text) \(String(format: "%.2f", $0.weight))" + ($0.fromContext ? console.text(.linksExplainFromContext) : "") }
            if !terms.isEmpty { console.write("      " + terms.joined(separator: console.text(.listSeparator)) + "\n") }
        }
    }

    static func write(_ report: PlanItemLinksReport, _ console: inout Console) {
        console.write("\(report.item.id) \(report.item.title)  （\(report.plan.title ?? report.plan.path)）\n")
        if report.elements.isEmpty { console.write(console.text(.linksItemUndiscussed) + "\n") }
        for e in report.elements {
            console.write("\n\(e.document.date ?? console.text(.wordNoDate))  \(e.document.title ?? e.document.path)\n")
            var head = "   [\(console.text(SearchCommand.kindKey(e.kind)))"
            if e.kind == "agenda", let n = e.agendaNumber { head += "\(n)" }
            console.write(head + "] \(firstLine(e.text))" + (e.issuer.map { "（\($0)）" } ?? "") + "\n")
            console.write("   \(console.text(.linksEvidence)): \(evidence(e.link, console))\n   \(e.location)\n")
        }
    }

    static func write(_ report: PlanOverviewReport, _ console: inout Console) {
        console.write("\(report.plan.title ?? report.plan.path)\n")
        for item in report.items {
            let indent = String(repeating: "  ", count: item.id.split(separator: "-").count - 1)
            var line = "\(indent)\(item.id) \(item.title)  "
            if item.elements == 0 { line += console.text(.linksNotDiscussed) }
            else {
                // The range of the dated meetings; the undated ones counted beside it.
                var dates = item.firstDate.map { first in item.lastDate.map { $0 == first ? first : "\(first)～\($0)" } ?? first }
                if item.undatedMeetings > 0 {
                    let undated = console.text(.linksUndatedMeetings, ["count": String(item.undatedMeetings)])
                    dates = dates.map { $0 + console.text(.listSeparator) + undated } ?? undated
                }
                line += console.text(.linksDiscussedCount, ["elements": String(item.elements), "meetings": String(item.meetings), "dates": dates ?? "?"])
            }
            console.write(line + "\n")
        }
    }

    static func evidence(_ l: PlanLinkRecord, _ console: Console) -> String {
        var parts: [String] = []
        if let r = l.reference { parts.append(console.text(.linksExplicit, ["reference": r])) }
        if !l.terms.isEmpty { parts.append(l.terms.joined(separator: "・")) }
        parts.append(console.text(.linksScore, ["score": String(format: "%.1f", l.score)]))
        return parts.joined(separator: console.text(.listSeparator))
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 60 ? String(line.prefix(60)) + "…" : line
    }
}
