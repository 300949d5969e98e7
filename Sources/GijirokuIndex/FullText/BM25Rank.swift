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
    /// Each phrase's query word (its OR-group; -1 for an exclusion) and whether it is the
    /// word as typed; empty when the query has no variant spellings (no tiers).
    var phraseGroups: [Int] = []
    var phraseTyped: [Bool] = []
    /// The best hits so far: a max-heap, the worst on top (see ``worse(_:_:)``).
    private(set) var best: [Entry] = []

    struct Entry {
        /// How many of the query's words the hit holds as typed (0 without variant spellings).
        var tier: Int
        /// BM25, negated: lower is better.
        var score: Double
        var rowid: Int64
    }

    func reset(keep: Int, averageLength: Double, lengths: [UInt8], phrases: [SearchQuery.Phrase] = []) {
        self.keep = keep
        self.averageLength = averageLength
        self.lengths = lengths
        let tiered = phrases.contains { !$0.typed }
        phraseGroups = tiered ? phrases.map { $0.group ?? -1 } : []
        phraseTyped = tiered ? phrases.map(\.typed) : []
        best.removeAll(keepingCapacity: true)
    }

    /// The kept hits, best first.
    var ranked: [(score: Double, rowid: Int64)] {
        best.sorted { worse($1, $0) }.map { ($0.score, $0.rowid) }
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
    // The second argument says whether the row passed the filters; only those are ranked.
    let passes = count < 1 || values.map { sqlite3_value_int($0[0]) != 0 } ?? true
    sqlite3_result_int(context, passes ? 1 : 0)
    guard passes, let api, let fts, let user = api.pointee.xUserData(fts) else { return }
    let rank = Unmanaged<BM25Rank>.fromOpaque(user).takeUnretainedValue()

    let phraseCount = Int(api.pointee.xPhraseCount(fts))
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
            let n = Double(rows), nq = Double(hits)
            idf.append(max(1e-6, log((n - nq + 0.5) / (nq + 0.5) + 1)))
        }
        weights = QueryWeights(idf)
        _ = api.pointee.xSetAuxdata(fts, Unmanaged.passRetained(weights).toOpaque(), gijirokuReleaseWeights)
    }

    var instances: Int32 = 0
    _ = api.pointee.xInstCount(fts, &instances)
    let k1 = 1.2, b = 0.75
    let rowid = api.pointee.xRowid(fts)
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
