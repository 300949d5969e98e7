// Evaluates the plan linker on the gold files — the corpus's own (Corpus/gold/links.json) and
// the one judged on the real reference documents (Corpus/gold/links-reference.json, when
// ../shared/reference exists) — each and together: the threshold table the linker's
// thresholds were chosen from (on both sets at once), and how the result moves with each
// weight (one changed at a time):
// `swift run gijiroku-link-eval [GOLD.json ...] [--mistakes]`.
import Foundation
import GijirokuEvaluation

let arguments = Array(CommandLine.arguments.dropFirst())
let showMistakes = arguments.contains("--mistakes")
var golds = arguments.filter { !$0.hasPrefix("--") }
if golds.isEmpty {
    golds = ["Corpus/gold/links.json"]
    if (try? LinkEvaluation.root(of: "Corpus/gold/links-reference.json")) != nil { golds.append("Corpus/gold/links-reference.json") }
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
    grid.append(LinkEvaluation.Parameters())
    // Each gold set scored alone, then the sets' counts added: one table for both.
    let perGold = try golds.map { try LinkEvaluation.runGrid(gold: $0, grid) }
    let results = (0..<grid.count).map { k in perGold.dropFirst().reduce(perGold[0][k]) { $0.adding($1[k]) } }
    let current = results.last!
    print("gold: \(golds.joined(separator: " + ")): \(current.elements) elements, \(current.goldPairs) gold pairs, \(current.emptyElements) elements that should link to nothing")
    print("\nthresholds (other parameters as in use), both sets together")
    print("minimum  relative  precision@3  recall@3  F1     links  empty-ok")
    for r in results.prefix(thresholds.count) {
        print(String(format: "%7.2f  %8.2f  %11.3f  %8.3f  %.3f  %5d  %d/%d", r.minimumScore, r.relativeScore, r.precision, r.recall, r.f1,
                     r.predicted, r.emptyCorrect, r.emptyElements))
    }
    print("\nsensitivity: each weight alone, with its best thresholds")
    print("parameter             value  best F1  precision@3  recall@3  minimum  relative")
    var offset = thresholds.count
    for v in variations {
        for value in v.values {
            let block = results[offset..<(offset + thresholds.count)]
            offset += thresholds.count
            let best = block.max { $0.f1 < $1.f1 }!
            print(v.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + String(format: "  %5.2f  %7.3f  %11.3f  %8.3f  %7.2f  %8.2f", value, best.f1, best.precision, best.recall,
                           best.minimumScore, best.relativeScore))
        }
    }
    let p = current.parameters
    func line(_ name: String, _ r: LinkEvaluation.Result) -> String {
        String(format: "%@: precision@3 %.3f, recall@3 %.3f (%d of %d links right, %d of %d gold pairs found, %d of %d empty elements left unlinked)",
               name, r.precision, r.recall, r.correct, r.predicted, r.correct, r.goldPairs, r.emptyCorrect, r.emptyElements)
    }
    print(String(format: "\nin use: title %.2f, context %.2f, length %.2f, minimum %.2f, relative %.2f",
                 p.titleWeight ?? 0, p.contextWeight ?? 0, p.lengthNormalisation ?? 0, current.minimumScore, current.relativeScore))
    for (gold, r) in zip(golds, perGold) {
        print(line(gold, r.last!))
        if showMistakes { r.last!.mistakes.forEach { print("  " + $0) } }
    }
    // The last line: both sets together (the README and .ci/run quote it).
    print(line("in use, all gold sets", current))
} catch {
    FileHandle.standardError.write(Data("gijiroku-link-eval: error: \(error)\n".utf8))
    exit(1)
}
