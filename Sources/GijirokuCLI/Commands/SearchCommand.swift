import Foundation
import Gijiroku
import GijirokuIndex

/// `gijiroku search QUERY [--kind K] [--since DATE] [--until DATE] [--meeting TEXT] [--limit N] [--format text|json] [--db PATH]`
///
/// Words are ANDed, `"…"` is a phrase, `OR` joins alternatives, a leading `-` excludes.
/// Prints ranked hits with the snippet highlighted, the meeting, date, kind, agenda item
/// and `path:line`; a question with its answers, an answer with its question.
enum SearchCommand {
    static let kindNames: [String: String] = ["explanation": "説明", "question": "質問", "answer": "回答", "directive": "指示",
                                               "other": "その他", "plan": "計画", "document": "文書", "attendees": "出席者"]

    static func run<O: TextOutputStream, E: TextOutputStream>(_ arguments: [String], output: inout O, errors: inout E) -> Int32 {
        var options = OptionReader(arguments, command: "search")
        let db = options.value("--db") ?? SearchIndex.defaultPath
        let kind = options.value("--kind")
        let since = options.value("--since")
        let until = options.value("--until")
        let meeting = options.value("--meeting")
        let limitText = options.value("--limit")
        let format = options.value("--format") ?? "text"
        let words = options.positional
        if let problem = options.problem { errors.write(problem + "\n"); return ExitCode.usage }
        guard format == "text" || format == "json" else {
            errors.write("gijiroku search: error: --format は text か json です\n")
            return ExitCode.usage
        }
        var query: SearchQuery
        do {
            query = try SearchQuery(parsing: words.joined(separator: " "))
        } catch {
            errors.write("gijiroku search: error: \(error)\n")
            return ExitCode.usage
        }
        if let kind {
            guard let k = SearchQuery.Kind(rawValue: kind) else {
                errors.write("gijiroku search: error: --kind は \(SearchQuery.Kind.allCases.map(\.rawValue).joined(separator: "、")) のいずれかです\n")
                return ExitCode.usage
            }
            query.kind = k
        }
        if let limitText {
            guard let n = Int(limitText), n > 0, n <= 10_000 else {
                errors.write("gijiroku search: error: --limit は 1 から 10000 の数です\n")
                return ExitCode.usage
            }
            query.limit = n
        }
        query.since = since
        query.until = until
        query.meeting = meeting

        let result: SearchResult
        do {
            let index = try SearchIndex(path: db, readOnly: true)
            result = try index.search(query)
        } catch let error as IndexError {
            errors.write("gijiroku search: error: \(error.message)\n")
            return error.kind == .query ? ExitCode.usage : ExitCode.dataError
        } catch {
            errors.write("gijiroku search: error: \(error)\n")
            return ExitCode.dataError
        }

        if format == "json" {
            do { output.write(try RecordEncoder.json(result)) }
            catch { errors.write("gijiroku search: error: \(error)\n"); return ExitCode.dataError }
            return ExitCode.success
        }
        if result.hits.isEmpty {
            output.write("「\(query.text)」は見つかりませんでした\n")
            return ExitCode.success
        }
        for hit in result.hits {
            let kindName = kindNames[hit.kind] ?? hit.kind
            let date = hit.kind == "plan" ? "" : (hit.document.date ?? "日付不明") + "  "
            var head = "\(hit.rank). [\(kindName)] \(date)\(hit.document.title ?? hit.document.path)"
            if let issuer = hit.issuer { head += "  （\(issuer)）" }
            output.write(head + "\n")
            if let item = hit.planItem { output.write("   \(item.id) \(item.title)\n") }
            if hit.agendaNumber != nil || hit.agendaTitle != nil {
                output.write("   議題\(hit.agendaNumber.map(String.init) ?? "") \(hit.agendaTitle ?? "")\n")
            }
            output.write("   \(hit.snippet)\n")
            if let q = hit.question { output.write("   問: \(q.text)\n") }
            for a in hit.answers ?? [] { output.write("   \(a.marker ?? "答") \(a.text)\n") }
            output.write("   \(hit.location)\n\n")
        }
        output.write("\(result.total)件中 \(result.hits.count)件を表示（\(query.text)）\n")
        return ExitCode.success
    }
}
