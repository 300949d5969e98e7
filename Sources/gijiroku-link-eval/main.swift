// Evaluates the plan linker on the gold file and sweeps its two thresholds:
// `swift run gijiroku-link-eval [Corpus/gold/links.json] [--mistakes]`.
// The thresholds PlanLinker uses were chosen from this table.
import Foundation
import GijirokuIndex

let arguments = Array(CommandLine.arguments.dropFirst())
let gold = arguments.first { !$0.hasPrefix("--") } ?? "Corpus/gold/links.json"
let showMistakes = arguments.contains("--mistakes")
do {
    let minimums: [Double] = [0, 1, 1.5, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 4]
    let relatives: [Double] = [0, 0.3, 0.4, 0.5, 0.6]
    let grid = minimums.flatMap { m in relatives.map { (Optional(m), Optional($0)) } }
    let results = try LinkEvaluation.runGrid(gold: gold, thresholds: grid)
    let current = try LinkEvaluation.run(gold: gold)
    print("gold: \(current.elements) elements, \(current.goldPairs) gold pairs, \(current.emptyElements) elements that should link to nothing")
    print("minimum  relative  precision@3  recall@3  F1     links  empty-ok")
    for r in results {
        let f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0
        print(String(format: "%7.2f  %8.2f  %11.3f  %8.3f  %.3f  %5d  %d/%d", r.minimumScore, r.relativeScore, r.precision, r.recall, f1,
                     r.predicted, r.emptyCorrect, r.emptyElements))
    }
    print(String(format: "in use: minimum %.2f, relative %.2f → precision@3 %.3f, recall@3 %.3f (%d of %d links right, %d of %d gold pairs found)",
                 current.minimumScore, current.relativeScore, current.precision, current.recall,
                 current.correct, current.predicted, current.correct, current.goldPairs))
    if showMistakes { current.mistakes.forEach { print("  " + $0) } }
} catch {
    FileHandle.standardError.write(Data("gijiroku-link-eval: error: \(error)\n".utf8))
    exit(1)
}
