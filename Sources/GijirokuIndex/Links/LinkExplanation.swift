import Gijiroku

/// Why an element was or was not linked to plan items (`gijiroku links PATH:LINE --explain`):
/// the thresholds, and for the best-scoring items their score, whether they were linked and
/// why not, and the terms that made the score with their weights.
///
/// ```swift
/// let why = try index.explainLinks("minutes-2018-11-saitama-plan-hq.txt:232")
/// why.candidates.first?.terms.first?.text   // "連携"
/// ```
public struct LinkExplanation: Sendable, Hashable, Codable {
    /// Always `"link-explanation"`.
    public var kind = "link-explanation"
    public var element: LinkedElement
    /// The agenda title read as context (exchanges and directives), and its terms' weight.
    public var context: String?
    /// The passages of the agenda item's explanation that the element quotes, read as
    /// context with the agenda title (their terms weigh ``contextWeight``).
    public var passages: [String]
    /// The spellings of the element and its context read as another of their group
    /// (`words.variants` and the user's `synonyms.txt`): `ＡＩ` read as `情報通信技術`, so
    /// that a term shown is the form the plan shares, not the one the element wrote.
    public var readings: [Reading]
    public var contextWeight: Double
    /// A link needs at least this score…
    public var minimumScore: Double
    /// …and this share of the best score.
    public var relativeScore: Double
    public var bestScore: Double
    public var candidates: [Candidate]

    public struct Candidate: Sendable, Hashable, Codable {
        public var item: PlanLinkRecord.Item
        public var plan: PlanLinkRecord.Plan
        public var score: Double
        /// `linked`, or why not: `below-minimum`, `below-relative`, `broader-than-a-link`
        /// (an item above one that is linked), `chapter-not-named` (a chapter with sections
        /// or measures, linked only where the element names it), `beyond-the-maximum`.
        public var outcome: String
        /// The words that name the item explicitly (`2-1-3`, 「…」), when they do.
        public var reference: String?
        /// The shared terms, strongest first, each with its share of the score.
        public var terms: [Term]
    }

    public struct Reading: Sendable, Hashable, Codable {
        /// The spelling as its group lists it (`ＡＩ`).
        public var written: String
        /// The spelling it is read as (`情報通信技術`).
        public var readAs: String
    }

    public struct Term: Sendable, Hashable, Codable {
        public var text: String
        public var weight: Double
        /// Whether it came from the context (the agenda title), not the element's own text.
        public var fromContext: Bool
    }
}

extension PlanLinker {
    /// The explanation of `unit`'s links: the `limit` best-scoring items and every explicit
    /// reference, with the terms behind each score.
    func explain(_ unit: LinkUnit, limit: Int = 5) -> (best: Double, candidates: [(item: Int, score: Double, outcome: String, reference: String?,
                                                                                     terms: [(text: String, weight: Double, context: Bool)])]) {
        let linked = links(for: unit)
        let linkedItems = Set(linked.map(\.item))
        let scored = scores(for: unit)
        // The bar is set by the items that may be linked by their words.
        let best = scored.first { !catalog.isDivided[$0.item] }?.score ?? 0
        let references = Dictionary(references(in: unit).map { ($0.item, $0.text) }, uniquingKeysWith: { a, _ in a })
        var shown = Array(scored.prefix(limit).map(\.item))
        for i in references.keys.sorted() where !shown.contains(i) { shown.append(i) }
        for l in linked where !shown.contains(l.item) { shown.append(l.item) }
        // The unit's terms with their text and weight (its own text 1, the context less).
        var termText: [ContentTerms.Term: (String, Bool)] = [:]
        var weights: [ContentTerms.Term: Double] = [:]
        for (text, weight, context) in [(unit.context, contextWeight, true), (Optional(unit.text), 1.0, false)] {
            guard let text else { continue }
            for (span, word, bigrams) in Evidence(texts: [text], words: catalog.words).runs {
                if let word {
                    termText[word] = (String(String.UnicodeScalarView(span.scalars)), context)
                    weights[word] = weight
                }
                for (k, t) in bigrams.enumerated() {
                    guard let t else { continue }
                    termText[t] = (String(String.UnicodeScalarView(span.scalars[k...k + 1])), context)
                    weights[t] = weight
                }
            }
        }
        let scoreOf = Dictionary(scored.map { ($0.item, $0.score) }, uniquingKeysWith: { a, _ in a })
        let candidates = shown.map { i -> (Int, Double, String, String?, [(String, Double, Bool)]) in
            let score = scoreOf[i] ?? 0
            let norm = norms[i]
            var terms: [(String, Double, Bool)] = []
            for (t, u) in weights {
                guard let w = catalog.profiles[i][t], let idf = catalog.idf[t], let (text, context) = termText[t] else { continue }
                terms.append((text, u * w * idf / norm, context))
            }
            terms.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            let outcome: String
            if linkedItems.contains(i) { outcome = "linked" }
            else if catalog.isDivided[i] { outcome = "chapter-not-named" }
            else if linked.contains(where: { catalog.isAncestor(i, of: $0.item) }) { outcome = "broader-than-a-link" }
            else if score < minimumScore { outcome = "below-minimum" }
            else if score < relativeScore * best { outcome = "below-relative" }
            else { outcome = "beyond-the-maximum" }
            return (i, score, outcome, references[i], Array(terms.prefix(8)))
        }
        return (best, candidates.map { (item: $0.0, score: $0.1, outcome: $0.2, reference: $0.3, terms: $0.4.map { (text: $0.0, weight: $0.1, context: $0.2) }) })
    }
}

extension LinkQueries {
    /// Explains the links of the element at `spec` (`path:line`).
    /// - Throws: ``IndexError`` `.notFound`, `.ambiguous`, `.noElementAtLine`, `.notMinutes`.
    func explainLinks(_ spec: String) throws -> LinkExplanation {
        let report = try links(from: spec)
        guard location(spec).line != nil, let element = report.elements.first else {
            throw IndexError(.noElementAtLine(path: report.document.path, line: location(spec).line ?? 0))
        }
        let links = LinkIndex(store: store)
        let units = try links.storedUnits()
        guard let unit = units.first(where: { $0.path == report.document.path && $0.unit.lines.start == element.lines.start
                                                && $0.unit.kind.rawValue == element.kind })?.unit else {
            throw IndexError(.noElementAtLine(path: report.document.path, line: element.lines.start))
        }
        let catalog = try links.loadCatalog(units: units)
        let linker = PlanLinker(catalog: catalog)
        let (best, candidates) = linker.explain(unit)
        // (A line end parts the texts: no form spans it.)
        let readings = catalog.words.readings(in: [unit.text, unit.context].compactMap { $0 }.joined(separator: "\n"))
            .map { LinkExplanation.Reading(written: $0.written, readAs: $0.readAs) }
        return LinkExplanation(
            element: element, context: unit.context == nil ? nil : unit.agendaTitle, passages: unit.passages, readings: readings,
            contextWeight: linker.contextWeight, minimumScore: linker.minimumScore,
            relativeScore: linker.relativeScore, bestScore: (best * 1000).rounded() / 1000,
            candidates: candidates.map { c in
                let item = catalog.items[c.item]
                return .init(item: .init(id: item.id, level: item.level, title: item.title), plan: .init(path: item.planPath, title: item.planTitle),
                             score: (c.score * 1000).rounded() / 1000, outcome: c.outcome, reference: c.reference,
                             terms: c.terms.map { .init(text: $0.text, weight: ($0.weight * 1000).rounded() / 1000, fromContext: $0.context) })
            })
    }
}
