import Gijiroku

extension SearchIndex {
    /// Runs a search: matches ranked by BM25, filtered by kind, date and meeting, with a
    /// highlighted snippet, the meeting, date, agenda item and `path:line`; a question hit
    /// shows its answers and an answer hit its question.
    ///
    /// ```swift
    /// var query = try SearchQuery(parsing: "区局連携")
    /// query.since = "2018-04-01"
    /// let result = try index.search(query)
    /// result.hits.first?.location   // "Corpus/minutes/….txt:64"
    /// ```
    /// - Throws: ``IndexError`` `.query` for a filter it cannot read.
    public func search(_ query: SearchQuery) throws -> SearchResult {
        let filters = """
            elements_fts MATCH ?1
              AND (?2 IS NULL OR e.kind = ?2)
              AND (?3 IS NULL OR d.date >= ?3)
              AND (?4 IS NULL OR d.date <= ?4)
              AND (?5 IS NULL OR instr(coalesce(d.meeting, ''), ?5) > 0 OR instr(coalesce(d.title, ''), ?5) > 0)
            """
        let since = try query.since.map { try Self.isoDate($0, option: "--since") }
        let until = try query.until.map { try Self.isoDate($0, option: "--until") }
        let values: [Any?] = [query.expression, query.kind?.rawValue, since, until, query.meeting]
        do {
            let count = try database.prepare("""
                SELECT count(*) FROM elements_fts JOIN elements e ON e.id = elements_fts.rowid
                JOIN documents d ON d.id = e.document_id WHERE \(filters)
                """)
            try count.bind(values)
            let total = try count.step() ? count.int(0) ?? 0 : 0

            let select = try database.prepare("""
                SELECT e.id, e.kind, e.agenda_number, e.agenda_title, e.parent_id, e.issuer, e.marker,
                       e.line_start, e.line_end, e.body, d.path, d.title, d.meeting, d.date,
                       snippet(elements_fts, 0, '«', '»', '…', 24), bm25(elements_fts)
                FROM elements_fts
                JOIN elements e ON e.id = elements_fts.rowid
                JOIN documents d ON d.id = e.document_id
                WHERE \(filters)
                ORDER BY bm25(elements_fts), e.id
                LIMIT ?6
                """)
            try select.bind(values + [max(1, query.limit)])
            var hits: [SearchHit] = []
            while try select.step() {
                let id = select.int(0)!
                let kind = select.string(1) ?? ""
                let path = select.string(10) ?? ""
                let lines = SearchHit.Lines(start: select.int(7) ?? 0, end: select.int(8) ?? 0)
                var hit = SearchHit(
                    rank: hits.count + 1, score: select.double(15), kind: kind, text: select.string(9) ?? "",
                    snippet: select.string(14) ?? "",
                    document: .init(path: path, title: select.string(11), meeting: select.string(12), date: select.string(13)),
                    agendaNumber: select.int(2), agendaTitle: select.string(3), issuer: select.string(5),
                    lines: lines, location: "\(path):\(lines.start)")
                if kind == "answer", let parent = select.int(4) { hit.question = try related(where: "id = ?1", parent).first }
                if kind == "question" { hit.answers = try related(where: "parent_id = ?1", id) }
                hits.append(hit)
            }
            return SearchResult(query: query.text, expression: query.expression, total: total, hits: hits)
        } catch let error as IndexError where error.sql?.contains("MATCH") == true {
            // Queries are always quoted, so this is not expected; never show SQLite's text.
            throw IndexError(.query, "この検索語では検索できません: \(query.text)")
        }
    }

    private func related(where condition: String, _ id: Int) throws -> [SearchHit.Related] {
        let s = try database.prepare("SELECT marker, body, line_start, line_end FROM elements WHERE \(condition) ORDER BY ordinal")
        try s.bind([id])
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
