import Gijiroku

/// Runs searches: the bigram full-text match, ranked by BM25 with early termination,
/// filtered by kind, date and meeting, with snippets and each hit's question or answers.
struct Searcher {
    let store: Store
    /// Whether phrases joined by OR alone are searched one at a time and merged
    /// (``BM25Rank/rankUnion(of:typed:)``), which is faster; `false` has FTS5 evaluate the OR
    /// in one pass, as it does under a speaker filter. Both give the same hits (tested).
    var searchesOrApart = true
    /// Whether a query of one phrase has its matches visited inside the ranking function
    /// (``BM25Rank/sweeps``), which is faster; `false` has SQLite step through them a row at a
    /// time. Both give the same hits (tested).
    var sweepsOnePhrase = true

    /// Runs a search: matches ranked by BM25, filtered by kind, date and meeting, with a
    /// highlighted snippet, the meeting, date, agenda item and `path:line`; a question hit
    /// shows its answers and an answer hit its question.
    ///
    /// One pass over the matches counts them and keeps the best `limit` by BM25
    /// (``BM25Rank``); only the hits returned are then joined to their documents and given
    /// snippets.
    ///
    /// ```swift
    /// var query = try SearchQuery(parsing: "区局連携")
    /// query.since = "2018-04-01"
    /// let result = try index.search(query)
    /// result.hits.first?.location   // "Corpus/minutes/….txt:64"
    /// ```
    /// - Throws: ``IndexError`` `.query` for a filter it cannot read, `.fullTextPending`
    ///   while an indexing run has yet to build the full-text index.
    func search(_ query: SearchQuery) throws -> SearchResult {
        if try store.fullTextPending() {
            throw IndexError(.fullTextPending)
        }
        try store.database.sizeCacheForSearching()
        // Variant spellings the index holds nowhere are left out: each costs the search a
        // merge of its (empty) matches and ranking a per-match pass over the instances.
        var query = query
        if !query.variantSpellings.isEmpty {
            let probe = try store.statement("SELECT 1 FROM elements_fts WHERE elements_fts MATCH ?1 LIMIT 1")
            var absent = Set<String>()
            for spelling in Set(query.variantSpellings) where try probe.firstRow([spelling], { _ in true }) == nil {
                absent.insert(spelling)
            }
            query = query.without(absent)
        }
        let (since, until) = try Self.dateRange(since: query.since, until: query.until)
        let kindCode: Int? = query.kind.map { kind in IndexedElement.Kind(rawValue: kind.rawValue)?.code ?? -1 }
        // The meeting filter reads the meeting's name and the title.
        // Who spoke is compared folded (`高橋` finds `髙橋`, spaces ignored).
        let speaker = query.speaker.map { FoldFunction.fold($0, characters: store.database.tokenizer.characters) }.flatMap { $0.isEmpty ? nil : $0 }
        let filtered = kindCode != nil || since != nil || until != nil || query.meeting != nil || speaker != nil
        let limit = max(1, query.limit)
        if query.expression.isEmpty {
            guard filtered else { throw IndexError(.emptyQuery) }
            return try filteredOnly(query, values: [nil, kindCode, since, until, query.meeting, speaker], limit: limit)
        }
        // Kind, date and meeting are tested from memory in the ranking (no join per match):
        // kind and date from the elements' facets, the meeting from the element ids of the
        // documents whose title holds it. Only the speaker filter needs the join.
        let facetsOnly = filtered && speaker == nil
        let facets = facetsOnly ? try ElementFacets.table.load(from: store.database) : []
        let elementIDs = facetsOnly ? Int(try store.nextSequence()) : 0
        let inMemory = facetsOnly && facets.count >= elementIDs * ElementFacets.width
        do {
            // One pass: count the matches that pass the filters and keep the best `limit` of them.
            let filters = filtered && !inMemory ? """
                (?2 IS NULL OR (e.style & 15) = ?2) AND (?3 IS NULL OR d.date >= ?3) AND (?4 IS NULL OR d.date <= ?4)
                AND (?5 IS NULL OR instr(coalesce(d.meeting, '') || ' ' || coalesce(d.title, ''), ?5) > 0) AND (?6 IS NULL OR instr(gijiroku_fold(coalesce(e.speaker, '')), ?6) > 0)
                """ : "1"
            let join = filtered && !inMemory ? "JOIN elements e ON e.id = elements_fts.rowid JOIN documents d ON d.id = e.document_id" : ""
            let collect = try store.statement("""
                SELECT count(*) FROM elements_fts \(join)
                WHERE elements_fts MATCH ?1 AND \(BM25Rank.function)(elements_fts, \(filters))
                """)
            // A query of one phrase visits its matches inside the ranking function, from the
            // first match on (``BM25Rank/sweeps``): no SQL row per match.
            let sweepStatement = try store.statement("SELECT \(BM25Rank.function)(elements_fts, 1) FROM elements_fts WHERE elements_fts MATCH ?1 LIMIT 1")
            func sweep(_ values: [Any?]) throws {
                store.database.rank.sweeps = true
                defer { store.database.rank.sweeps = false }
                _ = try sweepStatement.firstRow(values) { $0.int(0) ?? 0 }
            }
            let facetFilter = inMemory
                ? (kind: kindCode, since: ElementFacets.day(of: since), until: until.map { ElementFacets.day(of: $0) } ?? UInt16.max) : nil
            let allowed = inMemory ? try query.meeting.map { try elements(ofMeetingsNamed: $0, count: elementIDs) } : nil
            store.database.rank.reset(keep: limit, averageLength: try store.averageLength(), lengths: try ElementLengths.load(from: store.database),
                                      phrases: query.phrases, facetFilter: facetFilter, facets: inMemory ? facets : [], allowedElements: allowed)
            let values: [Any?] = filtered && !inMemory ? [query.expression, kindCode, since, until, query.meeting, speaker] : [query.expression]
            let total: Int
            var snippetsMet: [Int: String] = [:]
            // A word of one character is searched by prefix (`"市"*`).
            let prefix = query.phrases.contains { $0.fts.hasSuffix("*") }
            if searchesOrApart, Self.searchesPhrasesApart(query), !filtered || inMemory {
                // Phrases joined by OR alone (`A OR B`, a word and its variant spellings):
                // each phrase searched on its own, the matches merged by row.
                let rank = store.database.rank
                let lengths = rank.lengths
                var lists: [BM25Rank.Gathered] = []
                for phrase in query.phrases {
                    rank.reset(keep: limit, averageLength: rank.averageLength, lengths: lengths, phrases: [phrase],
                               facetFilter: facetFilter, facets: inMemory ? facets : [], allowedElements: allowed)
                    rank.gathering = true
                    defer { rank.gathering = false }
                    try sweep([phrase.fts])
                    lists.append(rank.takeGathered())
                }
                total = rank.rankUnion(of: lists, typed: query.phrases.map(\.typed))
            } else if prefix {
                // A word of one character (a prefix query): FTS5 merges the lists of every term
                // the character begins before its first row, each time it is asked. The rows
                // that are among the best when they are met get their snippets in the same
                // pass (ten to a hundred of them), instead of a second merge for the snippets.
                let rank = store.database.rank
                rank.marksBest = true
                defer { rank.marksBest = false }
                let withSnippets = try store.statement("""
                    SELECT elements_fts.rowid, snippet(elements_fts, 0, '«', '»', '…', 24) FROM elements_fts \(join)
                    WHERE elements_fts MATCH ?1 AND \(BM25Rank.function)(elements_fts, \(filters)) = 2
                    """)
                try withSnippets.bind(values)
                defer { withSnippets.reset() }
                while try withSnippets.step() { if let id = withSnippets.int(0) { snippetsMet[id] = withSnippets.string(1) ?? "" } }
                total = rank.passedRows
            } else if sweepsOnePhrase, query.phrases.count == 1, query.phrases[0].group == 0, !filtered || inMemory {
                // One phrase (a word, or words in quotes), filters from memory or none.
                try sweep(values)
                total = store.database.rank.passedRows
            } else {
                total = try collect.firstRow(values) { $0.int(0) ?? 0 } ?? 0
            }
            let ranked = store.database.rank.ranked.map { (id: Int($0.rowid), score: $0.score) }
            let snippets = snippetsMet.isEmpty ? try self.snippets(ids: ranked.map(\.id), expression: query.expression, prefix: prefix) : snippetsMet
            var hits: [SearchHit] = []
            for (id, score) in ranked {
                guard var hit = try hit(id: id, rank: hits.count + 1, score: score) else { continue }
                hit.snippet = snippets[id] ?? ""
                hit.variants = matchedVariants(of: query, in: hit.text)
                hits.append(hit)
            }
            return SearchResult(query: query.text, expression: query.expression, total: total, hits: hits)
        } catch let error as IndexError where error.sql?.contains("MATCH") == true {
            // Queries are always quoted, so this is not expected; never show SQLite's text.
            throw IndexError(.unsearchableQuery(query.text))
        }
    }

    /// Whether the query is phrases joined by OR alone (one OR-group, no exclusion), which
    /// are searched one at a time and merged (``BM25Rank/rankUnion(of:typed:)``).
    static func searchesPhrasesApart(_ query: SearchQuery) -> Bool {
        query.phrases.count > 1 && query.phrases.allSatisfy { $0.group == 0 }
    }

    /// Which of the `count` element ids belong to a document whose meeting name or title
    /// holds `meeting` (the name may hold a council the title does not: `目黒区議会 定例会`).
    ///
    /// A name of three characters or more without a space is looked up in `document_names`
    /// (trigrams, case kept: a phrase of them matches where `instr` does), so the filter costs
    /// what its documents do. A name held by more than a quarter of the documents, a shorter
    /// one, or one with a space (which may span the meeting's name and the title) is tested
    /// against every document's name through `documents_by_meeting`, which holds just these
    /// columns: at 100 000 documents, 15 ms whatever it finds; the trigrams take 1.3 ms to
    /// count a sixth of them and 0.5 µs to mark each one's elements.
    private func elements(ofMeetingsNamed meeting: String, count: Int) throws -> [Bool] {
        var allowed = [Bool](repeating: false, count: count)
        var s: Statement?
        if !meeting.contains(" "), meeting.unicodeScalars.count >= 3 {
            let phrase = "\"" + meeting.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let documents = try store.statement("SELECT max(id) FROM documents").firstRow([]) { $0.int(0) ?? 0 } ?? 0
            let named = try store.statement("SELECT count(*) FROM document_names WHERE document_names MATCH ?1").firstRow([phrase]) { $0.int(0) ?? 0 } ?? 0
            if named * 4 <= documents {
                s = try store.statement("""
                    SELECT d.first_element, d.last_element FROM document_names n JOIN documents d INDEXED BY documents_elements ON d.id = n.rowid
                    WHERE document_names MATCH ?1 AND d.first_element IS NOT NULL
                    """)
                try s!.bind([phrase])
            }
        }
        if s == nil {
            s = try store.statement(meeting.isEmpty || meeting.contains(" ") ? """
                SELECT first_element, last_element FROM documents
                WHERE first_element IS NOT NULL AND instr(coalesce(meeting, '') || ' ' || coalesce(title, ''), ?1) > 0
                """ : """
                SELECT first_element, last_element FROM documents
                WHERE first_element IS NOT NULL AND (instr(meeting, ?1) > 0 OR instr(title, ?1) > 0)
                """)
            try s!.bind([meeting])
        }
        guard let s else { return allowed }
        while try s.step() {
            guard let first = s.int(0), let last = s.int(1), first <= last, first >= 0, first < count else { continue }
            for id in first...min(last, count - 1) { allowed[id] = true }
        }
        s.reset()
        return allowed
    }

    /// The filters' elements without words: newest meeting first, each meeting's elements in
    /// their order; a hit's snippet is the start of its text.
    private func filteredOnly(_ query: SearchQuery, values: [Any?], limit: Int) throws -> SearchResult {
        let filters = """
            (?2 IS NULL OR (e.style & 15) = ?2) AND (?3 IS NULL OR d.date >= ?3) AND (?4 IS NULL OR d.date <= ?4)
            AND (?5 IS NULL OR instr(coalesce(d.meeting, '') || ' ' || coalesce(d.title, ''), ?5) > 0) AND (?6 IS NULL OR instr(gijiroku_fold(coalesce(e.speaker, '')), ?6) > 0)
            """
        let total = try store.statement("SELECT count(*) FROM elements e JOIN documents d ON d.id = e.document_id WHERE ?1 IS NULL AND \(filters)")
            .firstRow(values) { $0.int(0) ?? 0 } ?? 0
        let select = try store.statement("""
            SELECT e.id FROM elements e JOIN documents d ON d.id = e.document_id WHERE ?1 IS NULL AND \(filters)
            ORDER BY d.date IS NULL, d.date DESC, d.path, e.id LIMIT ?7
            """)
        try select.bind(values + [limit])
        var ids: [Int] = []
        while try select.step() { if let id = select.int(0) { ids.append(id) } }
        select.reset()
        var hits: [SearchHit] = []
        for id in ids {
            guard var hit = try hit(id: id, rank: hits.count + 1, score: 0) else { continue }
            hit.snippet = hit.text.count > 60 ? String(hit.text.prefix(60)) + "…" : hit.text
            hits.append(hit)
        }
        return SearchResult(query: query.text, expression: query.expression, total: total, hits: hits)
    }

    /// The variant spellings a hit holds instead of the words as typed (`子供` → `子ども`).
    private func matchedVariants(of query: SearchQuery, in text: String) -> [SearchHit.MatchedVariant]? {
        let characters = store.database.tokenizer.characters
        let matched = query.expansions.compactMap { expansion -> SearchHit.MatchedVariant? in
            guard let spelling = expansion.spelling(in: text, characters: characters), spelling != expansion.typed else { return nil }
            return SearchHit.MatchedVariant(typed: expansion.typed, matched: spelling)
        }
        return matched.isEmpty ? nil : matched
    }

    private func hit(id: Int, rank: Int, score: Double) throws -> SearchHit? {
        let s = try store.statement("""
            SELECT e.style, e.marker, e.agenda_number, a.title, e.question, e.issuer, e.line_start, e.line_count, e.body,
                   d.path, d.title, d.date, d.first_element, d.last_element, e.item, p.title, d.meeting
            FROM elements e JOIN documents d ON d.id = e.document_id
            LEFT JOIN agenda a ON a.document_id = e.document_id AND a.number = e.agenda_number
            LEFT JOIN plan_items p ON p.document_id = e.document_id AND p.item = e.item
            WHERE e.id = ?1
            """)
        try s.bind([id])
        defer { s.reset() }
        guard try s.step() else { return nil }
        let kind = IndexedElement.decode(style: s.int(0) ?? 0, markerText: s.string(1)).kind.rawValue
        let path = s.string(9) ?? ""
        let start = s.int(6) ?? 0
        let lines = SearchHit.Lines(start: start, end: start + (s.int(7) ?? 0))
        let back = s.int(4)
        let title = s.string(10)
        let range = (s.int(12) ?? 0, s.int(13) ?? -1)
        var hit = SearchHit(rank: rank, score: score, kind: kind, text: s.string(8) ?? "", snippet: "",
                            document: .init(path: path, title: title, meeting: s.string(16), date: s.string(11)),
                            agendaNumber: s.int(2), agendaTitle: s.string(3), issuer: s.string(5),
                            lines: lines, location: SourceLocation(path: path, line: lines.start).description)
        if let item = s.string(14) { hit.planItem = .init(id: item, title: s.string(15) ?? "") }
        if kind == "answer" || kind == "question" {
            // One pass over the document's elements: an answer points back to its question
            // by how many elements stand between them, and follows it directly.
            let elements = try documentElements(from: range.0, to: range.1)
            guard let position = elements.firstIndex(where: { $0.id == id }) else { return hit }
            if kind == "answer", let back, position - back >= 0 {
                hit.question = elements[position - back].related
            }
            if kind == "question" {
                hit.answers = elements[(position + 1)...].enumerated()
                    .prefix { offset, e in e.kind == .answer && e.back == offset + 1 }
                    .map { $0.element.related }
            }
        }
        return hit
    }

    private struct StoredElement {
        let id: Int
        let kind: IndexedElement.Kind
        let back: Int?
        let related: SearchHit.Related
    }

    /// A document's elements in order, with what a hit shows of a related question or answer.
    private func documentElements(from first: Int, to last: Int) throws -> [StoredElement] {
        let s = try store.statement("""
            SELECT id, style, question, marker, body, line_start, line_count FROM elements
            WHERE id BETWEEN ?1 AND ?2 ORDER BY id
            """)
        try s.bind([first, last])
        var elements: [StoredElement] = []
        while try s.step() {
            let decoded = IndexedElement.decode(style: s.int(1) ?? 0, markerText: s.string(3))
            let start = s.int(5) ?? 0
            elements.append(StoredElement(
                id: s.int(0) ?? 0, kind: decoded.kind, back: s.int(2),
                related: .init(marker: decoded.marker, text: s.string(4) ?? "", lines: .init(start: start, end: start + (s.int(6) ?? 0)))))
        }
        return elements
    }

    /// The highlighted snippets of the hits `ids`, by id.
    ///
    /// FTS5 evaluates the match once per lookup it is asked for. For a phrase, a lookup by
    /// row id is a seek, and each hit is looked up on its own. A word of one character (`市`,
    /// a prefix query: `prefix`) first merges the lists of every term that begins with it,
    /// 2.4 ms at 20 000 documents; looking each hit up did that ten times (24 ms of a 32 ms
    /// search), and so does `rowid IN (…)`, which SQLite hands to FTS5 as one lookup per id.
    /// Then FTS5 scans once, over the span of the ids, `+rowid` keeping the list of ids out of
    /// its hands so that SQLite tests each row of the span against it.
    private func snippets(ids: [Int], expression: String, prefix: Bool) throws -> [Int: String] {
        guard let low = ids.min(), let high = ids.max() else { return [:] }
        var out: [Int: String] = [:]
        guard prefix else {
            let s = try store.statement("SELECT snippet(elements_fts, 0, '«', '»', '…', 24) FROM elements_fts WHERE elements_fts MATCH ?1 AND rowid = ?2")
            for id in ids { out[id] = try s.firstRow([expression, id]) { $0.string(0) ?? "" } ?? "" }
            return out
        }
        let s = try store.statement("""
            SELECT rowid, snippet(elements_fts, 0, '«', '»', '…', 24) FROM elements_fts
            WHERE elements_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND +rowid IN (SELECT value FROM json_each(?4))
            """)
        try s.bind([expression, low, high, "[" + ids.map(String.init).joined(separator: ",") + "]"])
        defer { s.reset() }
        while try s.step() { if let id = s.int(0) { out[id] = s.string(1) ?? "" } }
        return out
    }

    /// `--since` and `--until` as ISO dates.
    /// - Throws: ``IndexError`` `.unreadableDate`, or `.emptyDateRange` when since is after until.
    static func dateRange(since: String?, until: String?) throws(IndexError) -> (since: String?, until: String?) {
        let from = try since.map { text throws(IndexError) in try isoDate(text, field: .since) }
        let to = try until.map { text throws(IndexError) in try isoDate(text, field: .until) }
        if let from, let to, from > to { throw IndexError(.emptyDateRange(since: from, until: to)) }
        return (from, to)
    }

    /// `2019-05-01`, `2019/5/1`, `令和元年5月1日` → `2019-05-01`.
    static func isoDate(_ text: String, field: IndexError.DateField) throws(IndexError) -> String {
        guard let found = JapaneseDate.find(in: text) else {
            throw IndexError(.unreadableDate(field: field, text: text))
        }
        return found.date.iso
    }
}
