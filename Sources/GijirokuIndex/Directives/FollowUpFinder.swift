import Foundation
import Gijiroku

/// Finds the later agenda items of the same meeting body that take up a directive.
///
/// A candidate is an agenda item (title and explanation) of a later meeting of the same
/// body. Its coverage of the directive is the share of the directive's term weight (content
/// bigrams weighted by their rarity among all minutes elements in the index) that the item
/// also contains. An item is a follow-up when its coverage reaches ``minimumCoverage``, or
/// ``cuedCoverage`` when it says it acts on a directive (`指示を受け`, `指示を踏まえ`). The
/// two thresholds were chosen on `Corpus/gold/directives.json`. Only the next
/// ``window`` meetings of the body are read: a follow-up comes within a few meetings, and
/// reading every later meeting for every directive grows with the square of the archive.
///
/// ```swift
/// let finder = FollowUpFinder(background: allUnitTexts.map { Set(ContentTerms.bigrams(of: $0)) }, words: .shipped)
/// finder.coverage(of: "保育士確保策を取りまとめること。", by: "保育士確保策について\n市長指示を受け、…")
/// ```
struct FollowUpFinder {
    static let minimumCoverage = 0.5
    static let cuedCoverage = 0.3
    /// How many later meetings (meeting dates) of the same body are read for follow-ups.
    static let window = 12
    static let cues = ["指示を受け", "指示を踏まえ", "指示のあった", "指示があった", "指示事項"]

    let idf: [ContentTerms.Term: Double]
    let defaultIDF: Double
    /// The word variants texts are read with (the background's too).
    let words: WordVariants

    /// - Parameters:
    ///   - background: the terms of every minutes element in the index, read with `words`.
    ///   - words: the shipped word variants and the user's, as the links read them.
    init(background: [Set<ContentTerms.Term>], words: WordVariants) {
        self.words = words
        let df = ContentTerms.documentFrequencies(background)
        let n = Double(max(1, background.count))
        idf = df.mapValues { log(1 + (n - Double($0) + 0.5) / (Double($0) + 0.5)) }
        defaultIDF = log(1 + (n + 0.5) / 0.5)
    }

    /// A directive's terms with their weights, and their total.
    func weights(of directive: String) -> (terms: [(ContentTerms.Term, Double)], total: Double) {
        let terms = ContentTerms.bigrams(of: directive, variants: words).map { ($0, idf[$0] ?? defaultIDF) }
        return (terms, terms.reduce(0) { $0 + $1.1 })
    }

    /// The share of the directive's term weight that a candidate with these terms contains.
    func coverage(_ weights: (terms: [(ContentTerms.Term, Double)], total: Double), in candidate: Set<ContentTerms.Term>) -> Double {
        guard weights.total > 0 else { return 0 }
        var covered = 0.0
        for (t, w) in weights.terms where candidate.contains(t) { covered += w }
        return covered / weights.total
    }

    /// Whether an agenda item with this coverage takes the directive up.
    func accepts(coverage: Double, cued: Bool) -> Bool {
        coverage >= Self.minimumCoverage || (cued && coverage >= Self.cuedCoverage)
    }

    /// Whether a text says it acts on a directive (`指示を受け`).
    static func isCued(_ text: String) -> Bool { cues.contains { text.includes($0) } }

    /// The share of the directive's term weight that `candidate` contains.
    func coverage(of directive: String, by candidate: String) -> Double {
        coverage(weights(of: directive), in: Set(ContentTerms.bigrams(of: candidate, variants: words)))
    }
}
