import Foundation
internal import CSQLite

/// Ranks matches by Okapi BM25 (k1 = 1.2, b = 0.75) in one pass over the matches, with
/// no sort of all hits and no lookup per hit.
///
/// FTS5's `ORDER BY rank` runs every match through an internal sorted statement and its
/// `bm25()` reads every match's length from `%_docsize`; for a frequent word that is the
/// whole cost of a search. Gijiroku instead evaluates `gijiroku_collect(elements_fts, ok)`
/// inside `SELECT count(*) … WHERE … MATCH …`: for each match that passes the filters
/// (`ok`), it computes BM25 from the match's term frequencies (each phrase's instances) and
/// the element's length (from ``ElementLengths``, read once per search into memory), and
/// keeps the best `k` in a small heap. The count and the top `k` come out of the same loop.
///
/// A query of one phrase (a word, or words in quotes; each phrase of an OR searched on its
/// own) goes further: with ``sweeps`` set, the function's first call visits every match of
/// the phrase itself through FTS5's `xQueryPhrase`, from a statement that stops at that
/// first row (`… LIMIT 1`). SQLite's per-row work (a virtual-table step and a function call
/// per match) is then skipped: 10–30 % of a frequent word's search.
///
/// When the query has variant spellings (`子供` also searched as `子ども`), hits are ranked
/// first by how many of the query's words they hold as typed, then by BM25: a hit on the
/// typed form comes before any hit on a variant only.
///
/// ```swift
/// database.rank.reset(keep: 10, averageLength: 40, lengths: lengths, phrases: query.phrases)
/// // SELECT count(*) FROM elements_fts WHERE elements_fts MATCH ?1 AND gijiroku_collect(elements_fts, 1)
/// database.rank.ranked   // [(score, rowid)], best first
/// ```
final class BM25Rank {
    static let function = "gijiroku_collect"

    /// The search's state, behind a pointer. The callback reads and writes it for every
    /// match; as a class's stored properties it would be checked for exclusive access at
    /// each touch, which cost about a seventh of an OR search of two frequent words.
    let state: UnsafeMutablePointer<State>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func reset(keep: Int, averageLength: Double, lengths: [UInt8], phrases: [SearchQuery.Phrase] = [],
               facetFilter: (kind: Int?, since: UInt16, until: UInt16)? = nil, facets: [UInt8] = [], allowedElements: [Bool]? = nil) {
        state.pointee.reset(keep: keep, averageLength: averageLength, lengths: lengths, phrases: phrases,
                            facetFilter: facetFilter, facets: facets, allowedElements: allowedElements)
    }

    /// The kept hits, best first, with their BM25 scores.
    var ranked: [(score: Double, rowid: Int64)] { state.pointee.ranked() }

    /// Every element's length code, as given to the last ``reset``.
    var lengths: [UInt8] { state.pointee.lengths }
    var averageLength: Double { state.pointee.averageLength }

    /// Whether matches are gathered for ``rankUnion(of:typed:)`` instead of ranked.
    var gathering: Bool {
        get { state.pointee.gathering }
        set { state.pointee.gathering = newValue }
    }

    /// Whether the callback returns 2 for a row among the best so far (see ``State/marksBest``).
    var marksBest: Bool {
        get { state.pointee.marksBest }
        set { state.pointee.marksBest = newValue }
    }
    var passedRows: Int { state.pointee.passedRows }

    /// Whether the first row's call visits every match of the query's one phrase itself
    /// (``State/sweeps``).
    var sweeps: Bool {
        get { state.pointee.sweeps }
        set { state.pointee.sweeps = newValue }
    }

    /// Takes the matches gathered for one phrase, leaving none.
    func takeGathered() -> Gathered { state.pointee.takeGathered() }

    /// Ranks the union of phrases searched one at a time, as one search of the phrases joined
    /// by OR would (the same scores, tiers and count), and returns how many rows it holds.
    ///
    /// FTS5 evaluates `A OR B` a row at a time, both phrases' position lists together; two
    /// searches of one phrase each, merged here by row, cost less than that one search.
    /// `typed`: per phrase, whether it is the word as typed (tiers, when some phrase is not).
    func rankUnion(of lists: [Gathered], typed: [Bool]) -> Int { state.pointee.rankUnion(of: lists, typed: typed) }

    /// A phrase's passing matches, in row order, with their term parts; how many rows it
    /// matches, filtered or not (its document frequency); and the rows of the table.
    struct Gathered {
        var rowids: [Int64] = []
        var parts: [Double] = []
        var matches = 0
        var rows: Int64 = 0
    }

    struct State {
        /// Average element length in characters, set before each search.
        var averageLength: Double = 100
        /// How many hits to keep.
        var keep = 10
        /// Every element's length code, by element id (see ``ElementLengths``).
        var lengths: [UInt8] = []
        /// Kind and date filters tested from memory (``ElementFacets``), when the search has
        /// no speaker filter: `since`/`until` as days since 1900 (0 and `UInt16.max`: open).
        var facetFilter: (kind: Int?, since: UInt16, until: UInt16)?
        /// Every element's facets, by element id × 3, when ``facetFilter`` is set.
        var facets: [UInt8] = []
        /// The elements of the documents a meeting filter lets through, by element id (`nil`:
        /// no such filter).
        var allowedElements: [Bool]?

        /// Each phrase's query word (its OR-group; -1 for an exclusion) and whether it is the
        /// word as typed; empty when the query has no variant spellings (no tiers).
        var phraseGroups: [Int] = []
        var phraseTyped: [Bool] = []
        /// A query of one phrase, or of phrases joined by OR alone (a word and its variant
        /// spellings, `A OR B`): every row holding a phrase is a match, so each phrase's
        /// document frequency is counted in the pass itself instead of by FTS5's
        /// `xQueryPhrase` before it (which reads every match of every phrase once more). One
        /// phrase's IDF is a constant factor, applied to the kept scores at the end; several
        /// phrases' matches are kept with their term frequencies and scored at the end.
        var deferredIDF = false
        /// For several phrases: each phrase's matches, and each passing match's row, tier and
        /// per-phrase BM25 term parts (phrase-major within a row).
        var phraseMatches: [Int] = []
        var pending: (rowids: [Int64], tiers: [Int], parts: [Double]) = ([], [], [])
        /// Matches seen (before filters), and the rows of the full-text table, for the
        /// deferred IDF.
        var matchedRows = 0
        var rowCount: Int64 = 0
        /// One phrase of an OR searched on its own: each passing match's row and term part
        /// are gathered, in row order, instead of offered to the heap.
        var gathering = false
        var gathered = Gathered()
        /// A query of one phrase: the callback, at the first match, visits every match
        /// through FTS5's `xQueryPhrase`, with no SQL row per match.
        var sweeps = false

        /// The best hits so far: a max-heap, the worst on top (see ``worse(_:_:)``).
        var best: [Entry] = []
        /// Whether the callback says which rows are among the best when they are offered (2),
        /// so that the statement computes their snippets in the same pass; and how many rows
        /// passed, which the statement then does not count.
        var marksBest = false
        var passedRows = 0
        /// Whether the row just collected was among the best when offered.
        var offeredBest = false

        struct Entry {
            /// How many of the query's words the hit holds as typed (0 without variant spellings).
            var tier: Int
            /// BM25, negated: lower is better.
            var score: Double
            var rowid: Int64
        }

        mutating func reset(keep: Int, averageLength: Double, lengths: [UInt8], phrases: [SearchQuery.Phrase],
                            facetFilter: (kind: Int?, since: UInt16, until: UInt16)?, facets: [UInt8], allowedElements: [Bool]?) {
            self.keep = keep
            // One OR-group and no exclusion: the matches are the union of the phrases' matches.
            deferredIDF = !phrases.isEmpty && phrases.allSatisfy { $0.group == 0 }
            phraseMatches = Array(repeating: 0, count: phrases.count)
            pending = ([], [], [])
            gathered = Gathered()
            passedRows = 0
            offeredBest = false
            matchedRows = 0
            rowCount = 0
            self.facetFilter = facetFilter
            self.facets = facets
            self.allowedElements = allowedElements
            self.averageLength = averageLength
            self.lengths = lengths
            norms = (0...255).map { Self.norm(length: ElementLengths.length(of: UInt8($0)), average: averageLength) }
            onceParts = norms.map { 1 * 2.2 / (1 + $0) }
            let tiered = phrases.contains { !$0.typed }
            phraseGroups = tiered ? phrases.map { $0.group ?? -1 } : []
            phraseTyped = tiered ? phrases.map(\.typed) : []
            best.removeAll(keepingCapacity: true)
        }

        /// Whether element `rowid` passes ``facetFilter``. (Mutating only so that a call from
        /// ``collect(_:_:passes:)`` reaches the fields in place: a non-mutating call copied
        /// the whole state, a retain of each of its arrays, for every match.)
        @inline(__always)
        mutating func passesFacets(_ rowid: Int64) -> Bool {
            guard let filter = facetFilter else { return true }
            let id = Int(rowid)
            if let allowed = allowedElements, !(id < allowed.count && allowed[id]) { return false }
            if let kind = filter.kind, ElementFacets.kind(facets, id) != kind { return false }
            if filter.since > 0 || filter.until < UInt16.max {
                let day = ElementFacets.day(facets, id)
                // A document with no date passes no date filter, as in SQL (NULL >= date).
                if day == 0 || day < filter.since || day > filter.until { return false }
            }
            return true
        }

        /// BM25's length normalisation of element `rowid`: k1 · (1 − b + b · length / average).
        /// (Mutating for the same reason as ``passesFacets(_:)``.)
        @inline(__always)
        mutating func norm(_ rowid: Int64) -> Double {
            rowid >= 0 && rowid < lengths.count ? norms[Int(lengths[Int(rowid)])] : Self.norm(length: averageLength, average: averageLength)
        }

        /// BM25's term part of a phrase found `f` times in element `rowid`:
        /// f · (k1 + 1) / (f + norm); a phrase found once, by far the commonest, read from a table.
        @inline(__always)
        mutating func part(_ f: Int, _ rowid: Int64) -> Double {
            if f == 1, rowid >= 0, rowid < lengths.count { return onceParts[Int(lengths[Int(rowid)])] }
            let f = Double(f)
            return f > 0 ? f * 2.2 / (f + norm(rowid)) : 0
        }

        static func norm(length: Double, average: Double) -> Double {
            1.2 * (1 - 0.75 + 0.75 * length / max(1, average))
        }

        /// ``norm(_:)`` and ``part(_:_:)`` for a phrase found once, by length code: worked
        /// out once per search, not twice a division per match.
        var norms: [Double] = []
        var onceParts: [Double] = []

        mutating func ranked() -> [(score: Double, rowid: Int64)] {
            if deferredIDF, phraseMatches.count > 1 { scorePending() }
            let idf = deferredIDF && phraseMatches.count == 1 ? BM25Rank.idf(rows: Double(rowCount), matches: Double(matchedRows)) : 1
            return best.sorted { Self.worse($1, $0) }.map { ($0.score * idf, $0.rowid) }
        }

        /// Scores the matches kept with their term parts, now that every phrase's document
        /// frequency is known, and keeps the best.
        private mutating func scorePending() {
            let count = phraseMatches.count
            let idf = phraseMatches.map { BM25Rank.idf(rows: Double(rowCount), matches: Double($0)) }
            let (rowids, tiers, parts) = pending
            pending = ([], [], [])
            for (k, rowid) in rowids.enumerated() {
                var score = 0.0
                for p in 0..<count { score += idf[p] * parts[k * count + p] }
                offer(-score, rowid, tier: tiers[k])
            }
        }

        /// Keeps a match of several phrases for ``scorePending()``.
        mutating func hold(_ rowid: Int64, tier: Int, parts: UnsafeBufferPointer<Double>) {
            pending.rowids.append(rowid)
            pending.tiers.append(tier)
            pending.parts.append(contentsOf: parts)
        }

        mutating func takeGathered() -> Gathered {
            var taken = Gathered()
            swap(&taken, &gathered)
            taken.matches = matchedRows
            taken.rows = rowCount
            return taken
        }

        mutating func rankUnion(of lists: [Gathered], typed: [Bool]) -> Int {
            let rows = Double(lists.map(\.rows).max() ?? 0)
            let idf = lists.map { BM25Rank.idf(rows: rows, matches: Double($0.matches)) }
            let tiered = typed.contains(false)
            deferredIDF = false
            best.removeAll(keepingCapacity: true)
            // Each list's next row (`Int64.max` once it is used up).
            let count = lists.count
            var next = [Int](repeating: 0, count: count)
            var heads = lists.map { $0.rowids.first ?? .max }
            var total = 0
            while true {
                var row = Int64.max
                for p in 0..<count { row = min(row, heads[p]) }
                guard row != .max else { break }
                var score = 0.0
                var holdsTyped = false
                for p in 0..<count where heads[p] == row {
                    let k = next[p]
                    score += idf[p] * lists[p].parts[k]
                    holdsTyped = holdsTyped || typed[p]
                    next[p] = k + 1
                    heads[p] = k + 1 < lists[p].rowids.count ? lists[p].rowids[k + 1] : .max
                }
                total += 1
                offer(-score, row, tier: tiered && holdsTyped ? 1 : 0)
            }
            return total
        }

        /// Offers a hit; says whether it is among the best so far.
        @discardableResult
        mutating func offer(_ score: Double, _ rowid: Int64, tier: Int = 0) -> Bool {
            let entry = Entry(tier: tier, score: score, rowid: rowid)
            if best.count < keep {
                best.append(entry)
                siftUp(best.count - 1)
                return true
            } else if let worst = best.first, Self.worse(worst, entry) {
                best[0] = entry
                siftDown(0)
                return true
            }
            return false
        }

        private static func worse(_ a: Entry, _ b: Entry) -> Bool {
            if a.tier != b.tier { return a.tier < b.tier }
            return a.score != b.score ? a.score > b.score : a.rowid > b.rowid
        }

        private mutating func siftUp(_ i: Int) {
            var i = i
            while i > 0 {
                let parent = (i - 1) / 2
                guard Self.worse(best[i], best[parent]) else { return }
                best.swapAt(i, parent)
                i = parent
            }
        }

        private mutating func siftDown(_ i: Int) {
            var i = i
            while true {
                let l = 2 * i + 1, r = l + 1
                var top = i
                if l < best.count, Self.worse(best[l], best[top]) { top = l }
                if r < best.count, Self.worse(best[r], best[top]) { top = r }
                guard top != i else { return }
                best.swapAt(i, top)
                i = top
            }
        }
    }

    /// BM25's inverse document frequency of a phrase found in `matches` of `rows` rows.
    static func idf(rows n: Double, matches nq: Double) -> Double {
        max(1e-6, log((n - nq + 0.5) / (nq + 0.5) + 1))
    }

    func register(on database: Database, api: UnsafeMutablePointer<fts5_api>) throws(IndexError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let code = api.pointee.xCreateFunction(api, Self.function, context, gijirokuCollect, nil)
        try database.check(code, "xCreateFunction", .fullTextSearch)
    }
}

/// Per-query data kept by FTS5 between rows: the inverse document frequency of each phrase.
private final class QueryWeights {
    let idf: [Double]
    init(_ idf: [Double]) { self.idf = idf }
}

private func gijirokuCollect(_ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?,
                             _ count: Int32, _ values: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let api, let fts, let user = api.pointee.xUserData(fts) else { sqlite3_result_int(context, 1); return }
    // The second argument says whether the row passed the SQL filters.
    let passes = count < 1 || values.map { sqlite3_value_int($0[0]) != 0 } ?? true
    let state = Unmanaged<BM25Rank>.fromOpaque(user)._withUnsafeGuaranteedRef { $0.state }
    if state.pointee.sweeps {
        state.pointee.sweeps = false
        _ = api.pointee.xQueryPhrase(fts, 0, UnsafeMutableRawPointer(state), gijirokuSweepRow)
        sqlite3_result_int(context, 1)
        return
    }
    let passed = state.pointee.count(api, fts, passes: passes)
    sqlite3_result_int(context, !passed ? 0 : state.pointee.marksBest && state.pointee.offeredBest ? 2 : 1)
}

extension BM25Rank.State {
    /// Collects the current row (``collect(_:_:passes:)``) and counts it when it passes.
    mutating func count(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, passes: Bool) -> Bool {
        offeredBest = false
        let passed = collect(api, fts, passes: passes)
        if passed { passedRows += 1 }
        return passed
    }

    /// Counts and ranks the current row, a match; returns whether it passes the filters: the
    /// SQL ones (`passes`) and the facets (kind, date, meeting). Only rows that pass are
    /// counted and ranked. A mutating method, so that every field is reached in place.
    mutating func collect(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, passes sqlPasses: Bool) -> Bool {
        let rowid = api.pointee.xRowid(fts)
        var passes = sqlPasses
        if passes, facetFilter != nil { passes = passesFacets(rowid) }
        let phraseCount = Int(api.pointee.xPhraseCount(fts))
        if deferredIDF, phraseCount > 1, phraseCount == phraseMatches.count {
            if rowCount == 0 { _ = api.pointee.xRowCount(fts, &rowCount) }
            let norm = norm(rowid)
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: phraseCount) { parts in
                var typed = false
                for p in 0..<phraseCount {
                    let f = phraseFrequency(api, fts, p)
                    parts[p] = Double(f)
                    if f > 0, p < phraseTyped.count, phraseTyped[p] { typed = true }
                }
                // Every match counts towards each phrase's document frequency, filtered or not.
                for p in 0..<phraseCount where parts[p] > 0 { phraseMatches[p] += 1 }
                guard passes else { return false }
                for p in 0..<phraseCount where parts[p] > 0 { parts[p] = parts[p] * 2.2 / (parts[p] + norm) }
                // Tiers only when some phrase is a variant spelling: then the one group is typed or not.
                hold(rowid, tier: !phraseGroups.isEmpty && typed ? 1 : 0, parts: UnsafeBufferPointer(parts))
                return true
            }
        }
        if deferredIDF, phraseCount == 1 {
            // Every match counts towards the phrase's document frequency, filtered or not.
            matchedRows += 1
            if rowCount == 0 { _ = api.pointee.xRowCount(fts, &rowCount) }
            guard passes else { return false }
            let part = part(phraseFrequency(api, fts, 0), rowid)
            if gathering {
                gathered.rowids.append(rowid)
                gathered.parts.append(part)
            } else {
                offeredBest = offer(-part, rowid)
            }
            return true
        }
        guard passes else { return false }

        let weights: QueryWeights
        if let data = api.pointee.xGetAuxdata(fts, 0) {
            weights = Unmanaged<QueryWeights>.fromOpaque(data).takeUnretainedValue()
        } else {
            var rows: Int64 = 0
            _ = api.pointee.xRowCount(fts, &rows)
            var idf: [Double] = []
            for phrase in 0..<phraseCount {
                var hits = 0
                _ = withUnsafeMutablePointer(to: &hits) { counter in
                    api.pointee.xQueryPhrase(fts, Int32(phrase), counter, gijirokuCountRow)
                }
                idf.append(BM25Rank.idf(rows: Double(rows), matches: Double(hits)))
            }
            weights = QueryWeights(idf)
            _ = api.pointee.xSetAuxdata(fts, Unmanaged.passRetained(weights).toOpaque(), gijirokuReleaseWeights)
        }

        let k1 = 1.2
        let norm = norm(rowid)
        var score = 0.0
        var tier = 0
        if !phraseGroups.isEmpty {
            // Variant spellings: the frequencies, and which words appear as typed.
            var typedGroups: Set<Int> = []
            for p in 0..<phraseCount {
                let f = Double(phraseFrequency(api, fts, p))
                guard f > 0 else { continue }
                score += weights.idf[p] * f * (k1 + 1) / (f + norm)
                if p < phraseTyped.count, phraseTyped[p], phraseGroups[p] >= 0 { typedGroups.insert(phraseGroups[p]) }
            }
            tier = typedGroups.count
        } else {
            for p in 0..<phraseCount {
                let f = Double(phraseFrequency(api, fts, p))
                if f > 0 { score += weights.idf[p] * f * (k1 + 1) / (f + norm) }
            }
        }
        offeredBest = offer(-score, rowid, tier: tier)
        return true
    }
}

/// How often phrase `p` occurs in the current row: its instances read straight from the
/// phrase's position list (`xPhraseFirst`/`xPhraseNext`), without the merged and sorted list
/// of every phrase's instances that `xInstCount` builds first.
@inline(__always)
private func phraseFrequency(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, _ p: Int) -> Int {
    var iterator = Fts5PhraseIter()
    var column: Int32 = 0, offset: Int32 = 0
    guard api.pointee.xPhraseFirst(fts, Int32(p), &iterator, &column, &offset) == SQLITE_OK else { return 0 }
    var count = 0
    while column >= 0 {
        count += 1
        api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
    }
    return count
}

private func gijirokuSweepRow(_ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ user: UnsafeMutableRawPointer?) -> Int32 {
    guard let api, let fts, let state = user?.assumingMemoryBound(to: BM25Rank.State.self) else { return SQLITE_OK }
    _ = state.pointee.count(api, fts, passes: true)
    return SQLITE_OK
}

private func gijirokuCountRow(_ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ user: UnsafeMutableRawPointer?) -> Int32 {
    user?.assumingMemoryBound(to: Int.self).pointee += 1
    return SQLITE_OK
}

private func gijirokuReleaseWeights(_ data: UnsafeMutableRawPointer?) {
    if let data { Unmanaged<QueryWeights>.fromOpaque(data).release() }
}
