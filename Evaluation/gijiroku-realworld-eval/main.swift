// Evaluates the parser on real meeting records against their hand-made gold:
// `swift run gijiroku-realworld-eval [../shared/realworld] [--mistakes]`.
import Foundation
import GijirokuEvaluation

let arguments = Array(CommandLine.arguments.dropFirst())
let folder = arguments.first { !$0.hasPrefix("--") } ?? "../shared/realworld"
let showMistakes = arguments.contains("--mistakes")

func percent(_ a: Int, _ b: Int) -> String { b == 0 ? "–" : String(format: "%.1f%%", 100 * Double(a) / Double(b)) }

do {
    let report = try RealRecordEvaluation.run(folder: folder)
    print("| file | header fields | turns (found/gold) | labels found | Q&A (found/gold) | agenda (found/gold) |")
    print("|---|---|---|---|---|---|")
    for f in report.files {
        let qa = f.goldQA.map { "\(f.foundQA)/\($0)" } ?? "\(f.foundQA)/–"
        let agenda = "\(f.foundAgenda)/" + (f.goldAgenda.map(String.init) ?? "–")
        print("| \(f.file) | \(f.fieldsRight)/\(f.fieldsStated) | \(f.foundTurns)/\(f.goldTurns) | \(f.goldLabels.count - f.missingLabels.count)/\(f.goldLabels.count) | \(qa) | \(agenda) |")
        if showMistakes {
            for m in f.fieldMistakes { print("|   | \(m) | | | |") }
            for l in f.missingLabels { print("|   | | | missing \(l.replacingOccurrences(of: "\n", with: "⏎")) | |") }
            if let e = f.error { print("|   | error: \(e) | | | |") }
        }
    }
    print("")
    print("header fields: \(report.headerFieldsRight) of \(report.headerFieldsStated) (\(percent(report.headerFieldsRight, report.headerFieldsStated))); dates invented where none is stated: \(report.inventedDates)")
    print("speaker turns: \(report.turnsMatched) of \(report.goldTurns) (\(percent(report.turnsMatched, report.goldTurns))), \(report.extraTurns) more than the gold")
    print("speaker labels: \(report.labelsFound) of \(report.goldLabels) (\(percent(report.labelsFound, report.goldLabels)))")
    print("Q&A pairs within one of the gold: \(report.qaWithinOne) of \(report.qaFiles) files")
    print("agenda item counts equal to the gold: \(report.agendaExact) of \(report.agendaFiles) files")
    print("council records whose meeting name holds the council: \(report.councilNamed) of \(report.councilFiles)")
    print("meeting names keeping a day, year, session or issue: \(report.datedMeetingNames.count) of \(report.meetingNames)")
    if showMistakes {
        for f in report.files where f.goldCouncil != nil && f.foundMeeting?.contains(f.goldCouncil!) != true {
            print("  \(f.file): \(f.foundMeeting ?? "no name") (council \(f.goldCouncil!))")
        }
        for name in report.datedMeetingNames { print("  dated: \(name)") }
    }
} catch {
    FileHandle.standardError.write(Data("gijiroku-realworld-eval: error: \(error)\n".utf8))
    exit(1)
}
