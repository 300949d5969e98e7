import Foundation
import Gijiroku

/// Every indexed plan item with the weighted terms that describe it: the vocabulary minutes
/// units are linked against.
///
/// An item's profile is the set of content bigrams (``ContentTerms/profileBigrams(of:words:)``:
/// no `率化` from `効率化`) of its title, weighted ``titleWeight``, and of its bullets, weighted
/// 1. A term's weight across the catalogue is its BM25 inverse document frequency over the
/// plan items and every linkable minutes element in the index, so `推進` or `事業`, which
/// many share, count for little and `保育` or `避難` for much.
package struct PlanCatalog: Sendable {
    package struct Item: Sendable, Hashable {
        package var planPath: String
        var planTitle: String?
        package var id: String
        var level: String
        package var title: String
        var bullets: [String]
    }

    /// A title's terms weigh this much more than a bullet's.
    package static let defaultTitleWeight = 3.0

    package let items: [Item]
    /// The word variants the items and the units are read with.
    let words: WordVariants
    let profiles: [[ContentTerms.Term: Double]]
    let idf: [ContentTerms.Term: Double]
    let masses: [Double]
    let averageMass: Double
    /// Folded item titles → items, for quoted references.
    let byTitle: [String: [Int]]
    /// Item IDs → items (in every plan that has the ID).
    package let byID: [String: [Int]]
    /// Whether the item is a chapter with sections or measures below it: linked only where a
    /// unit names it (`第１章`), never by shared words. Its text spans its whole field, so it
    /// shares a few words with nearly any discussion; the discussions of its sections and
    /// measures are counted for it in the plan overview.
    let isDivided: [Bool]
    /// Term → the items whose profile has it, with its weight there: scoring a unit touches
    /// only the items that share a term with it.
    let postings: [ContentTerms.Term: Postings]
    /// A term's items, grouped by its weight in them (a title's or a bullet's), with the
    /// smallest profile mass in each group, which bounds the term's part of any item's
    /// score. Items are 32-bit catalogue positions in catalogue order, so that scoring
    /// streams 4 bytes per item, not 16.
    struct Postings {
        var groups: [(weight: Double, minimumMass: Double, items: [Int32])] = []

        mutating func add(_ item: Int, weight: Double, mass: Double) {
            if let g = groups.firstIndex(where: { $0.weight == weight }) {
                groups[g].items.append(Int32(item))
                groups[g].minimumMass = min(groups[g].minimumMass, mass)
            } else {
                groups.append((weight, mass, [Int32(item)]))
            }
        }
    }
    /// The plans' titles, for explicit references by title.
    let planTitles: [(path: String, title: String)]
    /// Each item's parent: the item of its plan whose ID is its own less the last number
    /// (`2-1-3` → `2-1`), or the nearest above it that the catalogue has.
    let parents: [Int?]

    /// - Parameters:
    ///   - items: the plan items.
    ///   - background: the terms (``ContentTerms/bigrams(of:variants:)``, read with `words`)
    ///     of every linkable minutes element in the index; a term common in minutes (`事業`,
    ///     `見直`) weighs less than one only plans share.
    ///   - words: the word variants every text is read with: the shipped groups and the
    ///     user's (a group `ICT AI IoT` makes `AI` in a question the `ICT` of a measure).
    package init(items: [Item], background: [[ContentTerms.Term]] = [], titleWeight: Double = PlanCatalog.defaultTitleWeight,
                 words: WordVariants = .shipped) {
        self.items = items
        self.words = words
        var profiles: [[ContentTerms.Term: Double]] = []
        var df: [ContentTerms.Term: Int] = [:]
        // Each item's title and bullets read into their runs once.
        let read = items.map { item in
            (title: ContentTerms.spans(of: item.title, variants: words), bullets: item.bullets.map { ContentTerms.spans(of: $0, variants: words) })
        }
        // The two-character words the plans write on their own: a suffix's bigram inside a
        // longer run is kept only where it is one of them (`女性`, not `率化`).
        let words = Set(read.flatMap { [$0.title] + $0.bullets }.flatMap { ContentTerms.twoCharacterWords(of: $0) })
        for (title, bullets) in read {
            var profile: [ContentTerms.Term: Double] = [:]
            for bullet in bullets { for t in ContentTerms.profileBigrams(of: bullet, words: words) { profile[t] = 1 } }
            for t in ContentTerms.profileBigrams(of: title, words: words) { profile[t] = titleWeight }
            for t in profile.keys { df[t, default: 0] += 1 }
            profiles.append(profile)
        }
        df.merge(ContentTerms.documentFrequencies(background), uniquingKeysWith: +)
        let n = Double(items.count + background.count)
        self.profiles = profiles
        // Scaled so that a term found nowhere else weighs 1 whatever the index's size, which
        // keeps the thresholds meaningful from a dozen meetings to thousands.
        let rarest = log(1 + (n + 0.5) / 0.5)
        self.idf = df.mapValues { log(1 + (n - Double($0) + 0.5) / (Double($0) + 0.5)) / rarest }
        self.masses = profiles.map { $0.values.reduce(0, +) }
        self.averageMass = masses.isEmpty ? 1 : max(1, masses.reduce(0, +) / Double(masses.count))
        var byTitle: [String: [Int]] = [:]
        var byID: [String: [Int]] = [:]
        for (i, item) in items.enumerated() {
            byTitle[WidthFolding.fold(item.title), default: []].append(i)
            byID[item.id, default: []].append(i)
        }
        self.byTitle = byTitle
        self.byID = byID
        var byPlanAndID: [String: Int] = [:]
        for (i, item) in items.enumerated() { byPlanAndID[item.planPath + "\u{1F}" + item.id] = i }
        // The nearest ancestor the catalogue has (an excerpt may lack a level).
        self.parents = items.map { item in
            var id = Substring(item.id)
            while let cut = id.lastIndex(of: "-") {
                id = id[..<cut]
                if let p = byPlanAndID[item.planPath + "\u{1F}" + id] { return p }
            }
            return nil
        }
        var isDivided = [Bool](repeating: false, count: items.count)
        for (i, p) in parents.enumerated() where p != nil && !items[p!].id.contains("-") && items[i].planPath == items[p!].planPath {
            isDivided[p!] = true
        }
        self.isDivided = isDivided
        var postings: [ContentTerms.Term: Postings] = [:]
        for (i, profile) in profiles.enumerated() {
            for (t, w) in profile { postings[t, default: Postings()].add(i, weight: w, mass: masses[i]) }
        }
        self.postings = postings
        var titles: [(String, String)] = []
        for item in items {
            if let t = item.planTitle, !t.isEmpty, !titles.contains(where: { $0.0 == item.planPath }) { titles.append((item.planPath, t)) }
        }
        self.planTitles = titles
    }

    /// The items of parsed plans, for tests and tools that do not go through the index.
    init(plans: [Plan], background: [[ContentTerms.Term]] = [], words: WordVariants = .shipped) {
        var items: [Item] = []
        func add(_ item: PlanItem, _ plan: Plan) {
            items.append(Item(planPath: plan.source.path, planTitle: plan.title, id: item.id, level: item.level.rawValue,
                              title: item.title, bullets: item.bullets.map(\.text)))
            item.children.forEach { add($0, plan) }
        }
        for plan in plans { plan.items.forEach { add($0, plan) } }
        self.init(items: items, background: background, words: words)
    }

    /// Whether item ID `a` comes before `b` in plan order (`2-10` after `2-9`).
    static func idPrecedes(_ a: String, _ b: String) -> Bool {
        a.split(separator: "-").compactMap { Int($0) }.lexicographicallyPrecedes(b.split(separator: "-").compactMap { Int($0) })
    }

    /// Whether item `a` contains item `b` (same plan, `b`'s ID below `a`'s).
    func isAncestor(_ a: Int, of b: Int) -> Bool {
        var up = parents[b]
        while let p = up {
            if p == a { return true }
            up = parents[p]
        }
        return false
    }
}

/// One link from a minutes unit to a plan item, with its evidence.
package struct PlanLink: Sendable, Hashable {
    /// The item's position in the catalogue.
    package var item: Int
    var score: Double
    /// The explicit reference that names the item (`第２章第１節`, `「公共施設の脱炭素化」`).
    var reference: String?
    /// The shared terms, strongest first (`保育士`, `家賃補助`).
    var terms: [String]
}

/// Links a minutes unit to the plan items it is about.
///
/// The score of an item is the sum, over the content bigrams the unit shares with the
/// item's profile, of the bigram's rarity across the index (scaled IDF) times its weight in the
/// profile (a title counts three times a bullet), divided by BM25's length normalisation
/// of the profile. For exchanges and directives, the agenda title and the parts of its
/// explanation the unit quotes (``LinkUnit/passages``) count at half weight. Explicit references (`第２章第１節`, a quoted item title, `施策2-1-3`) come
/// first whatever their score. Of the rest, an item is kept when its score reaches
/// ``minimumScore`` and ``relativeScore`` of the best; an item whose descendant is kept is
/// dropped (the most specific item wins), a chapter with sections or measures is linked only
/// by a reference (``PlanCatalog/isDivided``); at most ``maximumLinks`` are returned.
///
/// The thresholds and weights were chosen on `Corpus/gold/links.json` (the README has the
/// tables of precision and recall against each), not guessed.
///
/// ```swift
/// let linker = PlanLinker(catalog: PlanCatalog(plans: [plan]))
/// linker.links(for: unit).map { linker.catalog.items[$0.item].id }   // ["1-1-1"]
/// ```
package struct PlanLinker: Sendable {
    /// Raised whenever a change to the linker (its terms, weights or thresholds) can change a
    /// link: an index whose links another revision made makes them anew at its next run.
    /// 1: a suffix's bigram inside a longer word is no term of a plan item (`率化` of `効率化`).
    /// 2: an exchange or directive is read with the passages of its agenda item's explanation
    /// that it quotes (``TakenUpPassages``).
    /// 3: every text is read with the user's word variants too (`synonyms.txt`); the index keeps
    /// their fingerprint (`statistics.link_words`) and makes its links anew when they change.
    static let revision = 3

    let catalog: PlanCatalog
    package var minimumScore = 2.75
    package var relativeScore = 0.6
    var maximumLinks = 3
    /// The terms of the agenda title and of the parts of its explanation quoted, read as
    /// context for an exchange or directive, weigh this much.
    package var contextWeight = 0.5
    /// How far an item's profile size pulls its score down (BM25's b).
    package var lengthNormalisation = 0.5 { didSet { norms = Self.norms(catalog, lengthNormalisation) } }
    /// Each item's length normalisation, which its summed terms are divided by.
    private(set) var norms: [Double]
    /// Whether scoring stops meeting new items once they could no longer reach
    /// ``minimumScore`` (faster with many plans; `false` scores every item that shares a
    /// term). Both give the same links (tested).
    var prunes = true

    package init(catalog: PlanCatalog) {
        self.catalog = catalog
        norms = Self.norms(catalog, lengthNormalisation)
    }

    private static func norms(_ catalog: PlanCatalog, _ b: Double) -> [Double] {
        catalog.masses.map { norm(ofMass: $0, catalog, b) }
    }

    /// BM25's length normalisation of a profile of `mass`, with `b` as ``lengthNormalisation``.
    private static func norm(ofMass mass: Double, _ catalog: PlanCatalog, _ b: Double) -> Double {
        1 - b + b * mass / catalog.averageMass
    }

    /// Every item's score for `unit`, best first, before thresholds: for evaluation.
    /// `terms`: the unit text's ``ContentTerms/bigrams(of:)``, when the caller has them.
    func scores(for unit: LinkUnit, terms: [ContentTerms.Term]? = nil) -> [(item: Int, score: Double)] {
        unsortedScores(for: unit, terms: terms).scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    }

    /// The best score of any item for `unit`, and the scores of the items that reach
    /// `floor` (every item above 0 by default) or are among `including`, in no particular
    /// order.
    private func unsortedScores(for unit: LinkUnit, terms: [ContentTerms.Term]?, contextTerms: [ContentTerms.Term]? = nil,
                                floor: Double = 0, including: [Int] = []) -> (best: Double, scored: [(item: Int, score: Double)]) {
        var weights: [ContentTerms.Term: Double] = [:]
        if let context = unit.context { for t in contextTerms ?? ContentTerms.bigrams(of: context, variants: catalog.words) { weights[t] = contextWeight } }
        for t in terms ?? ContentTerms.bigrams(of: unit.text, variants: catalog.words) { weights[t] = 1 }
        // Only the items that share a term are visited (with many plans, a unit shares terms
        // with a small part of them). The terms are visited strongest first. With a floor,
        // once the terms left could not lift an item not yet met to it (each adds at most its
        // weight × its weight in a title or a bullet ÷ the smallest length normalisation of
        // the items that have it there), the items met so far are the only ones read: no new item is met, kept
        // or sorted. Every term adds to every item of its list, met or not, without a branch;
        // an item met later is never read. Every item's terms are added in the same order
        // either way, so its score is the same to the last bit.
        //
        // Each term with its weight for the unit, its items, and the most it can add to one.
        var ordered: [(term: ContentTerms.Term, weight: Double, groups: [(weight: Double, minimumMass: Double, items: [Int32])], reach: Double)] = []
        ordered.reserveCapacity(weights.count)
        for (t, u) in weights {
            // A term that weighs nothing (context weighed 0) adds nothing, and would meet its
            // items without lifting their sums from 0: they would be counted again and again.
            guard u > 0, let idf = catalog.idf[t], let postings = catalog.postings[t] else { continue }
            let c = u * idf
            // The most the term adds to an item's score: its weight over the smallest length
            // normalisation, in the group (title or bullet) where that is largest.
            let reach = postings.groups.reduce(0.0) { r, g in
                max(r, c * g.weight / max(1e-9, Self.norm(ofMass: g.minimumMass, catalog, lengthNormalisation)))
            }
            ordered.append((t, c, postings.groups, reach))
        }
        ordered.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
        var left = ordered.reduce(0) { $0 + $1.reach }
        var sums = [Double](repeating: 0, count: catalog.items.count)
        // The items met, in the order met: an item is met when a term first adds to its sum
        // (every weight is above 0). Counted without a branch, since which of a term's items
        // are new is anyone's guess.
        var touched = [Int](unsafeUninitializedCapacity: catalog.items.count + 1) { met, count in
            sums.withUnsafeMutableBufferPointer { sums in
                var meeting = true
                for (_, c, groups, reach) in ordered {
                    if meeting, floor > 0, left < floor * (1 - 1e-9) { meeting = false }
                    for (w, _, items) in groups {
                        let add = c * w
                        if meeting {
                            for i in items {
                                let i = Int(truncatingIfNeeded: i)
                                met[count] = i
                                count &+= sums[i] == 0 ? 1 : 0
                                sums[i] += add
                            }
                        } else {
                            for i in items { sums[Int(truncatingIfNeeded: i)] += add }
                        }
                    }
                    left -= reach
                }
            }
        }
        // Items named explicitly are read whatever they score: their scores are shown. Which
        // items are met or named is marked in an array, not a set: with many plans a unit
        // meets hundreds of items and names a hundred (第１章 in each plan).
        var named: [Bool] = []
        if !including.isEmpty {
            named = [Bool](repeating: false, count: catalog.items.count)
            var seen = [Bool](repeating: false, count: catalog.items.count)
            for i in touched { seen[i] = true }
            for i in including {
                named[i] = true
                if !seen[i] { seen[i] = true; touched.append(i) }
            }
        }
        var out: [(item: Int, score: Double)] = []
        var best = 0.0
        for i in touched where sums[i] > 0 {
            let score = sums[i] / norms[i]
            if !catalog.isDivided[i] { best = max(best, score) }
            if score >= floor || (!named.isEmpty && named[i]) { out.append((item: i, score: score)) }
        }
        return (best, out)
    }

    /// The items `unit` is explicitly about, with the words that say so.
    func references(in unit: LinkUnit) -> [(item: Int, text: String)] {
        referenceGroups(in: unit).flatMap { group in group.items.map { (item: $0, text: group.text) } }
    }

    /// The unit's explicit references, each with the items it may name: `第１章` names the
    /// `1` of every plan (of the plan the unit names by title, where it names one), a quoted
    /// title every item so titled. An item is in the first reference that names it only.
    func referenceGroups(in unit: LinkUnit) -> [(text: String, items: [Int])] {
        var out: [(text: String, items: [Int])] = []
        var taken = Set<Int>()
        // (Byte search: this runs for every plan's title at every unit.)
        let mentioned = Set(catalog.planTitles.filter { unit.text.includes($0.title) }.map(\.path))
        for (text, id) in PlanReferences.numbered(in: unit.text) {
            let items = (catalog.byID[id] ?? []).filter { i in
                (mentioned.isEmpty || mentioned.contains(catalog.items[i].planPath)) && taken.insert(i).inserted
            }
            if !items.isEmpty { out.append((text, items)) }
        }
        for quote in PlanReferences.quoted(in: unit.text) {
            let items = (catalog.byTitle[WidthFolding.fold(quote)] ?? []).filter { taken.insert($0).inserted }
            if !items.isEmpty { out.append(("「\(quote)」", items)) }
        }
        return out
    }

    /// `terms`, `contextTerms`: the ``ContentTerms/bigrams(of:)`` of the unit's text and of
    /// its context, when the caller has them (a meeting's exchanges share their agenda title).
    package func links(for unit: LinkUnit, terms: [ContentTerms.Term]? = nil, contextTerms: [ContentTerms.Term]? = nil) -> [PlanLink] {
        let groups = referenceGroups(in: unit)
        // Only the items over the minimum (and the explicit ones) are kept and sorted: with many
        // plans, most items score a little.
        let (best, scored) = unsortedScores(for: unit, terms: terms, contextTerms: contextTerms,
                                            floor: prunes ? minimumScore : 0, including: groups.flatMap(\.items))
        let scoreOf = groups.isEmpty ? [:] : Dictionary(scored.map { ($0.item, $0.score) }, uniquingKeysWith: max)
        // One reference names one item. Where plans share it (each has a 第２章, two have an
        // item 「地域防災力の向上」), it names the item of the plan the unit's words fit best;
        // on equal scores, the plan indexed first.
        let explicit = groups.map { group in
            (item: group.items.dropFirst().reduce(group.items[0]) { scoreOf[$1, default: 0] > scoreOf[$0, default: 0] ? $1 : $0 },
             text: group.text)
        }
        // Explicit references first, the most specific of them.
        var kept: [PlanLink] = []
        for (i, text) in explicit where !explicit.contains(where: { catalog.isAncestor(i, of: $0.item) }) {
            kept.append(PlanLink(item: i, score: scoreOf[i, default: 0], reference: text, terms: []))
        }
        var lexical = scored.filter { c in
            c.score >= minimumScore && c.score >= relativeScore * best && !kept.contains { $0.item == c.item } && !catalog.isDivided[c.item]
        }
        // An item above another one kept (an explicit reference or a candidate) is dropped:
        // every kept item's ancestors are marked, walking up the parents.
        var broader = Set<Int>()
        for item in kept.map(\.item) + lexical.map(\.item) {
            var up = catalog.parents[item]
            while let p = up, broader.insert(p).inserted { up = catalog.parents[p] }
        }
        lexical.removeAll { broader.contains($0.item) }
        // The strongest of the rest (equal scores: the item first in the catalogue), in order.
        // Only the few shown are ordered: with many plans, dozens of items pass.
        let room = max(0, maximumLinks - kept.count)
        var strongest: [(item: Int, score: Double)] = []
        for c in lexical where room > 0 {
            let k = strongest.firstIndex { c.score > $0.score || (c.score == $0.score && c.item < $0.item) } ?? strongest.count
            guard k < room else { continue }
            strongest.insert(c, at: k)
            if strongest.count > room { strongest.removeLast() }
        }
        var result = Array((kept + strongest.map { PlanLink(item: $0.item, score: $0.score, reference: nil, terms: []) }).prefix(maximumLinks))
        guard !result.isEmpty else { return result }
        // The unit's text is read once for every kept link's shared terms.
        let evidence = Evidence(texts: [unit.text, unit.context].compactMap { $0 }, words: catalog.words)
        for k in result.indices { result[k].terms = sharedTerms(evidence, result[k].item) }
        return result
    }

    /// A unit's text read for the evidence of its links: each run (``ContentTerms/Span``)
    /// with its word, or its bigrams where they stand.
    struct Evidence {
        var runs: [(span: ContentTerms.Span, word: ContentTerms.Term?, bigrams: [ContentTerms.Term?])]

        init(texts: [String], words: WordVariants) {
            runs = texts.flatMap { ContentTerms.spans(of: $0, variants: words) }.map { span in
                (span, span.isLatin ? ContentTerms.word(span.scalars) : nil, span.placedBigrams)
            }
        }
    }

    /// The runs of the unit's text made of bigrams the item's profile shares (or its Latin
    /// and katakana words the profile has), strongest first: `保育士確保` when the profile has
    /// `保育`, `育士` and `士確`, each weighing its bigrams' rarity together.
    func sharedTerms(_ evidence: Evidence, _ item: Int) -> [String] {
        let profile = catalog.profiles[item]
        // Each term as its scalars with its weight, the same text once at its best weight.
        // Kept as scalars, not strings, until the few shown: hashing Japanese strings costs
        // more than finding them.
        var found: [(scalars: ArraySlice<Unicode.Scalar>, weight: Double)] = []
        func add(_ scalars: ArraySlice<Unicode.Scalar>, _ weight: Double) {
            if let k = found.firstIndex(where: { $0.scalars == scalars }) {
                found[k].weight = max(found[k].weight, weight)
            } else {
                found.append((scalars, weight))
            }
        }
        for (span, word, bigrams) in evidence.runs {
            if let word {
                if profile[word] != nil {
                    add(span.scalars.map(ContentTerms.lowercased)[...], catalog.idf[word] ?? 0)
                }
                continue
            }
            // A run is shared bigrams and the generic ones joined to them (`事務` in `事務事業`,
            // `促進` in `定住促進`: shown, not weighed), and a suffix's (`率化` of `効率化`, no
            // plan term), with at least one shared.
            var k = 0
            while k < bigrams.count {
                var end = k
                var weight = 0.0
                var shared = false
                while end < bigrams.count {
                    if let t = bigrams[end] {
                        if profile[t] != nil {
                            weight += catalog.idf[t] ?? 0
                            shared = true
                        } else if !span.joinsSuffix(at: end) {
                            break
                        }
                    }
                    end += 1
                }
                if shared { add(span.scalars[k...end], weight) }
                k = max(end, k + 1)
            }
        }
        // Strongest first (equal weights in text order). A term inside a longer shared term
        // (事業 in 事務事業) adds nothing.
        found.sort { a, b in
            a.weight != b.weight ? a.weight > b.weight
                : String(String.UnicodeScalarView(a.scalars)) < String(String.UnicodeScalarView(b.scalars))
        }
        var kept: [ArraySlice<Unicode.Scalar>] = []
        for (term, _) in found where !kept.contains(where: { Self.contains($0, term) }) {
            kept.append(term)
            if kept.count == 6 { break }
        }
        return kept.map { String(String.UnicodeScalarView($0)) }
    }

    /// Whether `part` occurs in `whole`, scalar for scalar.
    private static func contains(_ whole: ArraySlice<Unicode.Scalar>, _ part: ArraySlice<Unicode.Scalar>) -> Bool {
        guard part.count <= whole.count else { return false }
        if part.isEmpty { return true }
        var start = whole.startIndex
        while start + part.count <= whole.endIndex {
            if whole[start..<(start + part.count)].elementsEqual(part) { return true }
            start += 1
        }
        return false
    }
}
