import Foundation
internal import CSQLite

/// Ranks matches by Okapi BM25 (k1 = 1.2, b = 0.75) in one pass over the matches, with
/// no sort of all hits and no lookup per hit.
///
/// FTS5's `ORDER BY rank` runs every match through an internal sorted statement and its
/// `bm25()` reads every match's length from `%_docsize`; for a frequent word that is the
/// whole cost of a search. Gijiroku instead evaluates `gijiroku_collect(elements_fts, ok)`
/// inside `SELECT count(*) … WHERE … MATCH …`: for each match that passes the filters
/// (`ok`), it computes BM25 from the match's term frequencies (its instances) and the
/// element's length (from ``ElementLengths``, read once per search into memory), and keeps
/// the best `k` in a small heap. The count and the top `k` come out of the same loop.
///
/// When the query has variant spellings (`子供` also searched as `子ども`), hits are ranked
/// first by how many of the query's words they hold as typed, then by BM25: a hit on the
/// typed form comes before any hit on a variant only.
final class BM25Rank {
    static let function = "gijiroku_collect"
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
    /// The elements of the documents a meeting filter lets through, by element id (`nil`: no
    /// such filter).
    var allowedElements: [Bool]?

    /// Whether element `rowid` passes ``facetFilter``.
    @inline(__always)
    func passesFacets(_ rowid: Int64) -> Bool {
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

    /// Each phrase's query word (its OR-group; -1 for an exclusion) and whether it is the
    /// word as typed; empty when the query has no variant spellings (no tiers).
    var phraseGroups: [Int] = []
    var phraseTyped: [Bool] = []
    /// A query of one phrase, or of phrases joined by OR alone (a word and its variant
    /// spellings, `A OR B`): every row holding a phrase is a match, so each phrase's document
    /// frequency is counted in the pass itself instead of by FTS5's `xQueryPhrase` before it
    /// (which reads every match of every phrase once more). One phrase's IDF is a constant
    /// factor, applied to the kept scores at the end; several phrases' matches are kept with
    /// their term frequencies and scored at the end.
    var deferredIDF = false
    /// For several phrases: each phrase's matches, and each passing match's row, tier and
    /// per-phrase BM25 term parts (phrase-major within a row).
    var phraseMatches: [Int] = []
    private(set) var pending: (rowids: [Int64], tiers: [Int], parts: [Double]) = ([], [], [])
    /// Matches seen (before filters), and the rows of the full-text table, for the deferred IDF.
    var matchedRows = 0
    var rowCount: Int64 = 0

    /// The best hits so far: a max-heap, the worst on top (see ``worse(_:_:)``).
    private(set) var best: [Entry] = []

    struct Entry {
        /// How many of the query's words the hit holds as typed (0 without variant spellings).
        var tier: Int
        /// BM25, negated: lower is better.
        var score: Double
        var rowid: Int64
    }

    func reset(keep: Int, averageLength: Double, lengths: [UInt8], phrases: [SearchQuery.Phrase] = [],
               facetFilter: (kind: Int?, since: UInt16, until: UInt16)? = nil, facets: [UInt8] = [], allowedElements: [Bool]? = nil) {
        self.keep = keep
        // One OR-group and no exclusion: the matches are the union of the phrases' matches.
        self.deferredIDF = !phrases.isEmpty && phrases.allSatisfy { $0.group == 0 }
        self.phraseMatches = Array(repeating: 0, count: phrases.count)
        self.pending = ([], [], [])
        self.matchedRows = 0
        self.rowCount = 0
        self.facetFilter = facetFilter
        self.facets = facets
        self.allowedElements = allowedElements
        self.averageLength = averageLength
        self.lengths = lengths
        let tiered = phrases.contains { !$0.typed }
        phraseGroups = tiered ? phrases.map { $0.group ?? -1 } : []
        phraseTyped = tiered ? phrases.map(\.typed) : []
        best.removeAll(keepingCapacity: true)
    }

    /// The kept hits, best first, with their BM25 scores.
    var ranked: [(score: Double, rowid: Int64)] {
        if deferredIDF, phraseMatches.count > 1 { scorePending() }
        let idf = deferredIDF && phraseMatches.count == 1 ? Self.idf(rows: Double(rowCount), matches: Double(matchedRows)) : 1
        return best.sorted { worse($1, $0) }.map { ($0.score * idf, $0.rowid) }
    }

    /// Scores the matches kept with their term parts, now that every phrase's document
    /// frequency is known, and keeps the best.
    private func scorePending() {
        let count = phraseMatches.count
        let idf = phraseMatches.map { Self.idf(rows: Double(rowCount), matches: Double($0)) }
        let (rowids, tiers, parts) = pending
        pending = ([], [], [])
        for (k, rowid) in rowids.enumerated() {
            var score = 0.0
            for p in 0..<count { score += idf[p] * parts[k * count + p] }
            offer(-score, rowid, tier: tiers[k])
        }
    }

    /// Keeps a match of several phrases for ``scorePending()``.
    func hold(_ rowid: Int64, tier: Int, parts: UnsafeBufferPointer<Double>) {
        pending.rowids.append(rowid)
        pending.tiers.append(tier)
        pending.parts.append(contentsOf: parts)
    }

    /// BM25's inverse document frequency of a phrase found in `matches` of `rows` rows.
    static func idf(rows n: Double, matches nq: Double) -> Double {
        max(1e-6, log((n - nq + 0.5) / (nq + 0.5) + 1))
    }

    func offer(_ score: Double, _ rowid: Int64, tier: Int = 0) {
        let entry = Entry(tier: tier, score: score, rowid: rowid)
        if best.count < keep {
            best.append(entry)
            siftUp(best.count - 1)
        } else if let worst = best.first, worse(worst, entry) {
            best[0] = entry
            siftDown(0)
        }
    }

    private func worse(_ a: Entry, _ b: Entry) -> Bool {
        if a.tier != b.tier { return a.tier < b.tier }
        return a.score != b.score ? a.score > b.score : a.rowid > b.rowid
    }

    private func siftUp(_ i: Int) {
        var i = i
        while i > 0 {
            let parent = (i - 1) / 2
            guard worse(best[i], best[parent]) else { return }
            best.swapAt(i, parent)
            i = parent
        }
    }

    private func siftDown(_ i: Int) {
        var i = i
        while true {
            let l = 2 * i + 1, r = l + 1
            var top = i
            if l < best.count, worse(best[l], best[top]) { top = l }
            if r < best.count, worse(best[r], best[top]) { top = r }
            guard top != i else { return }
            best.swapAt(i, top)
            i = top
        }
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
    let rank = Unmanaged<BM25Rank>.fromOpaque(user).takeUnretainedValue()
    let rowid = api.pointee.xRowid(fts)
    // The second argument says whether the row passed the SQL filters, the facets whether
    // it passes the kind and date filters; only rows that pass are counted and ranked.
    var passes = count < 1 || values.map { sqlite3_value_int($0[0]) != 0 } ?? true
    if passes, rank.facetFilter != nil { passes = rank.passesFacets(rowid) }
    sqlite3_result_int(context, passes ? 1 : 0)
    let phraseCount = Int(api.pointee.xPhraseCount(fts))
    if rank.deferredIDF, phraseCount > 1, phraseCount == rank.phraseMatches.count {
        if rank.rowCount == 0 { _ = api.pointee.xRowCount(fts, &rank.rowCount) }
        var instances: Int32 = 0
        _ = api.pointee.xInstCount(fts, &instances)
        let length = rowid >= 0 && rowid < rank.lengths.count ? ElementLengths.length(of: rank.lengths[Int(rowid)]) : rank.averageLength
        let norm = 1.2 * (1 - 0.75 + 0.75 * length / max(1, rank.averageLength))
        withUnsafeTemporaryAllocation(of: Double.self, capacity: phraseCount) { parts in
            parts.initialize(repeating: 0)
            var typed = false
            for i in 0..<instances {
                var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
                guard api.pointee.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phraseCount else { continue }
                parts[Int(phrase)] += 1
                if Int(phrase) < rank.phraseTyped.count, rank.phraseTyped[Int(phrase)] { typed = true }
            }
            // Every match counts towards each phrase's document frequency, filtered or not.
            for p in 0..<phraseCount where parts[p] > 0 { rank.phraseMatches[p] += 1 }
            guard passes else { return }
            for p in 0..<phraseCount where parts[p] > 0 { parts[p] = parts[p] * 2.2 / (parts[p] + norm) }
            // Tiers only when some phrase is a variant spelling: then the one group is typed or not.
            rank.hold(rowid, tier: !rank.phraseGroups.isEmpty && typed ? 1 : 0, parts: UnsafeBufferPointer(parts))
        }
        return
    }
    if rank.deferredIDF, phraseCount == 1 {
        // Every match counts towards the phrase's document frequency, filtered or not.
        rank.matchedRows += 1
        if rank.rowCount == 0 { _ = api.pointee.xRowCount(fts, &rank.rowCount) }
        guard passes else { return }
        var instances: Int32 = 0
        _ = api.pointee.xInstCount(fts, &instances)
        let f = Double(instances)
        let length = rowid >= 0 && rowid < rank.lengths.count ? ElementLengths.length(of: rank.lengths[Int(rowid)]) : rank.averageLength
        let norm = 1.2 * (1 - 0.75 + 0.75 * length / max(1, rank.averageLength))
        rank.offer(f > 0 ? -(f * 2.2 / (f + norm)) : 0, rowid)
        return
    }
    guard passes else { return }

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

    var instances: Int32 = 0
    _ = api.pointee.xInstCount(fts, &instances)
    let k1 = 1.2, b = 0.75
    let length = rowid >= 0 && rowid < rank.lengths.count ? ElementLengths.length(of: rank.lengths[Int(rowid)]) : rank.averageLength
    let norm = k1 * (1 - b + b * length / max(1, rank.averageLength))
    var score = 0.0
    var tier = 0
    if !rank.phraseGroups.isEmpty {
        // Variant spellings: the frequencies, and which words appear as typed.
        var frequency = [Double](repeating: 0, count: phraseCount)
        var typedGroups: Set<Int> = []
        for i in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            guard api.pointee.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phraseCount else { continue }
            let p = Int(phrase)
            frequency[p] += 1
            if p < rank.phraseTyped.count, rank.phraseTyped[p], rank.phraseGroups[p] >= 0 { typedGroups.insert(rank.phraseGroups[p]) }
        }
        for p in 0..<phraseCount where frequency[p] > 0 {
            score += weights.idf[p] * frequency[p] * (k1 + 1) / (frequency[p] + norm)
        }
        tier = typedGroups.count
    } else if phraseCount == 1 {
        let f = Double(instances)
        if f > 0 { score = weights.idf[0] * f * (k1 + 1) / (f + norm) }
    } else {
        var frequency = [Double](repeating: 0, count: phraseCount)
        for i in 0..<instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            if api.pointee.xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phraseCount {
                frequency[Int(phrase)] += 1
            }
        }
        for p in 0..<phraseCount where frequency[p] > 0 {
            score += weights.idf[p] * frequency[p] * (k1 + 1) / (frequency[p] + norm)
        }
    }
    rank.offer(-score, rowid, tier: tier)
}

private func gijirokuCountRow(_ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ user: UnsafeMutableRawPointer?) -> Int32 {
    user?.assumingMemoryBound(to: Int.self).pointee += 1
    return SQLITE_OK
}

private func gijirokuReleaseWeights(_ data: UnsafeMutableRawPointer?) {
    if let data { Unmanaged<QueryWeights>.fromOpaque(data).release() }
}
