import Foundation
import GijirokuMessages

/// What a conversion did: counts per outcome, kind and encoding, and warnings.
struct ConvertSummary {
    var converted = 0
    var skipped = 0
    var ignored = 0
    var failed = 0
    var warnings = 0
    var kinds: [String: Int] = [:]
    var encodings: [String: Int] = [:]

    func report(seconds: Double, outputDirectory: String, console: Console) -> String {
        func list(_ d: [String: Int]) -> String {
            d.isEmpty ? console.text(.wordNone) : d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: console.text(.listSeparator))
        }
        let failuresNote = failed > 0 ? console.text(.convertFailuresListed, ["path": outputDirectory + "/failures.jsonl"]) : ""
        return console.text(.convertSummary, [
            "converted": String(converted), "skipped": String(skipped), "failed": String(failed), "ignored": String(ignored),
            "seconds": String(format: "%.1f", seconds), "kinds": list(kinds), "encodings": list(encodings),
            "warnings": String(warnings), "out": outputDirectory, "failuresNote": failuresNote,
        ]) + "\n"
    }
}
