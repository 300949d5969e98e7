import Foundation
import Gijiroku

/// Finds the later agenda items of the same meeting body that take up a directive.
///
/// A candidate is an agenda item (title and explanation) of a later meeting of the same
/// body. Its coverage of the directive is the share of the directive's term weight (content
/// bigrams weighted by their rarity among all minutes elements in the index) that the item
/// also contains. An item is a follow-up when its coverage reaches ``minimumCoverage``, or
/// ``cuedCoverage`` when it says it acts on a directive (`指示を受け`, `指示を踏まえ`). The
/// two thresholds were chosen on `Corpus/gold/directives.json`.
///
/// ```swift
/// let finder = FollowUpFinder(background: allUnitTexts)
/// finder.coverage(of: "保育士確保策を取りまとめること。", by: "保育士確保策について\n市長指示を受け、…")
/// ```
struct FollowUpFinder {
    static let minimumCoverage = 0.5
    static let cuedCoverage = 0.3
    static let cues = ["指示を受け", "指示を踏まえ", "指示のあった", "指示があった", "指示事項"]

    let idf: [ContentTerms.Term: Double]
    let defaultIDF: Double

    init(background: [String]) {
        var df: [ContentTerms.Term: Int] = [:]
        for text in background { for t in ContentTerms.bigrams(of: text) { df[t, default: 0] += 1 } }
        let n = Double(max(1, background.count))
        idf = df.mapValues { log(1 + (n - Double($0) + 0.5) / (Double($0) + 0.5)) }
        defaultIDF = log(1 + (n + 0.5) / 0.5)
    }

    /// The share of the directive's term weight that `candidate` contains, and the shared
    /// terms' weights.
    func coverage(of directive: String, by candidate: String) -> (coverage: Double, shared: [ContentTerms.Term]) {
        let terms = ContentTerms.bigrams(of: directive)
        let other = Set(ContentTerms.bigrams(of: candidate))
        var total = 0.0, covered = 0.0
        var shared: [ContentTerms.Term] = []
        for t in terms {
            let w = idf[t] ?? defaultIDF
            total += w
            if other.contains(t) { covered += w; shared.append(t) }
        }
        return (total > 0 ? covered / total : 0, shared)
    }

    func isFollowUp(directive: String, candidate: String) -> (Bool, Double) {
        let c = coverage(of: directive, by: candidate).coverage
        let cued = Self.cues.contains { candidate.contains($0) }
        return (c >= Self.minimumCoverage || (cued && c >= Self.cuedCoverage), c)
    }
}
