import Gijiroku

extension SearchIndex {
    /// Runs a search: matches ranked by BM25, filtered by kind, date and meeting, with a
    /// highlighted snippet, the meeting, date, agenda item and `path:line`; a question hit
    /// shows its answers and an answer hit its question.
    ///
    /// Ranking and snippets run on the full-text table alone (`ORDER BY rank LIMIT n`), so
    /// that FTS5 sorts the matches itself and only the hits returned are joined to their
    /// documents.
    ///
    /// ```swift
    /// var query = try SearchQuery(parsing: "区局連携")
    /// query.since = "2018-04-01"
    /// let result = try index.search(query)
    /// result.hits.first?.location   // "Corpus/minutes/….txt:64"
    /// ```
    /// - Throws: ``IndexError`` `.query` for a filter it cannot read.
    public func search(_ query: SearchQuery) throws -> SearchResult {
        let since = try query.since.map { try Self.isoDate($0, option: "--since") }
        let until = try query.until.map { try Self.isoDate($0, option: "--until") }
        let kindCode: Int? = query.kind.map { kind in IndexedElement.Kind(rawValue: kind.rawValue)?.code ?? -1 }
        let filtered = kindCode != nil || since != nil || until != nil || query.meeting != nil
        let limit = max(1, query.limit)
        do {
            // One pass: count the matches that pass the filters and keep the best `limit` of them.
            let filters = filtered ? """
                (?2 IS NULL OR e.kind = ?2) AND (?3 IS NULL OR d.date >= ?3) AND (?4 IS NULL OR d.date <= ?4)
                AND (?5 IS NULL OR instr(coalesce(d.meeting, ''), ?5) > 0 OR instr(coalesce(d.title, ''), ?5) > 0)
                """ : "1"
            let join = filtered ? "JOIN elements e ON e.id = elements_fts.rowid JOIN documents d ON d.id = e.document_id" : ""
            let collect = try statement("""
                SELECT count(*) FROM elements_fts \(join)
                WHERE elements_fts MATCH ?1 AND \(BM25Rank.function)(elements_fts, \(filters))
                """)
            database.rank.reset(keep: limit, averageLength: try averageLength())
            let values: [Any?] = filtered ? [query.expression, kindCode, since, until, query.meeting] : [query.expression]
            let total = try collect.firstRow(values) { $0.int(0) ?? 0 } ?? 0
            let ranked = database.rank.ranked.map { (id: Int($0.rowid), snippet: String?.none, score: $0.score) }
            var hits: [SearchHit] = []
            for (id, snippet, score) in ranked {
                guard var hit = try hit(id: id, rank: hits.count + 1, score: score) else { continue }
                hit.snippet = try snippet ?? self.snippet(id: id, expression: query.expression)
                hits.append(hit)
            }
            return SearchResult(query: query.text, expression: query.expression, total: total, hits: hits)
        } catch let error as IndexError where error.sql?.contains("MATCH") == true {
            // Queries are always quoted, so this is not expected; never show SQLite's text.
            throw IndexError(.query, "この検索語では検索できません: \(query.text)")
        }
    }

    private func hit(id: Int, rank: Int, score: Double) throws -> SearchHit? {
        let s = try statement("""
            SELECT e.kind, e.agenda_number, a.title, e.parent_id, e.issuer, e.line_start, e.line_end, e.body,
                   d.path, d.title, d.meeting, d.date, e.document_id
            FROM elements e JOIN documents d ON d.id = e.document_id
            LEFT JOIN agenda a ON a.document_id = e.document_id AND a.number = e.agenda_number
            WHERE e.id = ?1
            """)
        try s.bind([id])
        defer { s.reset() }
        guard try s.step() else { return nil }
        let kind = IndexedElement.Kind(code: s.int(0) ?? -1)?.rawValue ?? "other"
        let path = s.string(8) ?? ""
        let lines = SearchHit.Lines(start: s.int(5) ?? 0, end: s.int(6) ?? 0)
        let parent = s.int(3)
        let document = s.int(12) ?? 0
        var hit = SearchHit(rank: rank, score: score, kind: kind, text: s.string(7) ?? "", snippet: "",
                            document: .init(path: path, title: s.string(9), meeting: s.string(10), date: s.string(11)),
                            agendaNumber: s.int(1), agendaTitle: s.string(2), issuer: s.string(4),
                            lines: lines, location: "\(path):\(lines.start)")
        if kind == "answer", let parent { hit.question = try related("id = ?1", [parent]).first }
        if kind == "question" {
            hit.answers = try related("""
                id BETWEEN (SELECT first_element FROM documents WHERE id = ?1) AND (SELECT last_element FROM documents WHERE id = ?1)
                AND parent_id = ?2
                """, [document, id])
        }
        return hit
    }

    private func snippet(id: Int, expression: String) throws -> String {
        let s = try statement("SELECT snippet(elements_fts, 0, '«', '»', '…', 24) FROM elements_fts WHERE elements_fts MATCH ?1 AND rowid = ?2")
        return try s.firstRow([expression, id]) { $0.string(0) ?? "" } ?? ""
    }

    private func related(_ condition: String, _ values: [Any?]) throws -> [SearchHit.Related] {
        let s = try statement("SELECT marker, body, line_start, line_end FROM elements WHERE \(condition) ORDER BY ordinal")
        try s.bind(values)
        var out: [SearchHit.Related] = []
        while try s.step() {
            out.append(.init(marker: s.string(0), text: s.string(1) ?? "", lines: .init(start: s.int(2) ?? 0, end: s.int(3) ?? 0)))
        }
        return out
    }

    /// `2019-05-01`, `2019/5/1`, `令和元年5月1日` → `2019-05-01`.
    static func isoDate(_ text: String, option: String) throws(IndexError) -> String {
        guard let found = JapaneseDate.find(in: text) else {
            throw IndexError(.query, "\(option) の日付が読み取れません: \(text)（例: 2019-05-01、令和元年5月1日）")
        }
        return found.date.iso
    }
}
