// Evaluates the plan linker on the gold file: the threshold table the linker's thresholds
// were chosen from, and how the result moves with each weight (one changed at a time):
// `swift run gijiroku-link-eval [Corpus/gold/links.json] [--mistakes]`.
import Foundation
import GijirokuEvaluation

let arguments = Array(CommandLine.arguments.dropFirst())
let gold = arguments.first { !$0.hasPrefix("--") } ?? "Corpus/gold/links.json"
let showMistakes = arguments.contains("--mistakes")

func f1(_ r: LinkEvaluation.Result) -> Double {
    r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0
}

do {
    let minimums: [Double] = [0, 1, 1.5, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 4]
    let relatives: [Double] = [0, 0.3, 0.4, 0.5, 0.6]
    let thresholds = minimums.flatMap { m in relatives.map { LinkEvaluation.Parameters(minimumScore: m, relativeScore: $0) } }
    // Each weight varied alone, the thresholds chosen again for each value (best F1).
    let variations: [(name: String, values: [Double], set: (inout LinkEvaluation.Parameters, Double) -> Void)] = [
        ("title weight", [1, 2, 3, 4, 6], { $0.titleWeight = $1 }),
        ("context weight", [0, 0.25, 0.5, 0.75, 1], { $0.contextWeight = $1 }),
        ("length normalisation", [0, 0.25, 0.5, 0.75, 1], { $0.lengthNormalisation = $1 }),
    ]
    var grid = thresholds
    for v in variations {
        for value in v.values {
            for t in thresholds { var p = t; v.set(&p, value); grid.append(p) }
        }
    }
    let results = try LinkEvaluation.runGrid(gold: gold, grid + [LinkEvaluation.Parameters()])
    let current = results.last!
    print("gold: \(current.elements) elements, \(current.goldPairs) gold pairs, \(current.emptyElements) elements that should link to nothing")
    print("\nthresholds (other parameters as in use)")
    print("minimum  relative  precision@3  recall@3  F1     links  empty-ok")
    for r in results.prefix(thresholds.count) {
        print(String(format: "%7.2f  %8.2f  %11.3f  %8.3f  %.3f  %5d  %d/%d", r.minimumScore, r.relativeScore, r.precision, r.recall, f1(r),
                     r.predicted, r.emptyCorrect, r.emptyElements))
    }
    print("\nsensitivity: each weight alone, with its best thresholds")
    print("parameter             value  best F1  precision@3  recall@3  minimum  relative")
    var offset = thresholds.count
    for v in variations {
        for value in v.values {
            let block = results[offset..<(offset + thresholds.count)]
            offset += thresholds.count
            let best = block.max { f1($0) < f1($1) }!
            print(v.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + String(format: "  %5.2f  %7.3f  %11.3f  %8.3f  %7.2f  %8.2f", value, f1(best), best.precision, best.recall,
                           best.minimumScore, best.relativeScore))
        }
    }
    let p = current.parameters
    print(String(format: "\nin use: title %.2f, context %.2f, length %.2f, minimum %.2f, relative %.2f → precision@3 %.3f, recall@3 %.3f (%d of %d links right, %d of %d gold pairs found)",
                 p.titleWeight ?? 0, p.contextWeight ?? 0, p.lengthNormalisation ?? 0, current.minimumScore, current.relativeScore,
                 current.precision, current.recall, current.correct, current.predicted, current.correct, current.goldPairs))
    if showMistakes { current.mistakes.forEach { print("  " + $0) } }
} catch {
    FileHandle.standardError.write(Data("gijiroku-link-eval: error: \(error)\n".utf8))
    exit(1)
}
