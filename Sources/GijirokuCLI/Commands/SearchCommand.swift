import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku search [QUERY...] [--kind K] [--since DATE] [--until DATE] [--meeting TEXT] [--speaker TEXT] [--limit N] [--format text|json|csv] [--exact] [--synonyms FILE] [--db PATH]`
///
/// Words are ANDed, `"…"` is a phrase, `OR` joins alternatives, a leading `-` excludes.
/// Each word also matches its word variants (shipped and the user's; not with `--exact`),
/// hits on the words as typed first, and a hit says which variant it matched.
/// Without words, a filter alone lists every element it lets through, newest first.
/// Prints ranked hits with the snippet highlighted, the meeting, date, kind, agenda item
/// and `path:line`; a question with its answers, an answer with its question.
enum SearchCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        // No words: every element the filters let through, newest first (a filter is needed).
        let words = arguments.positional.joined(separator: " ")
        var query: SearchQuery
        let variants = arguments.flag("exact") ? nil : SynonymsCommand.variants(arguments, &console).variants
        do { query = words.trimmingCharacters(in: .whitespaces).isEmpty ? .everything : try SearchQuery(parsing: words, variants: variants) }
        catch { return console.usage(UsageError(error.message(separator: console.text(.listSeparator)))) }
        query.kind = arguments.value("kind").flatMap(SearchQuery.Kind.init(rawValue:))
        if let text = arguments.value("limit") {
            guard let n = Int(text), n > 0, n <= 1_000_000 else { return console.usage(.usageLimitRange, ["value": text]) }
            query.limit = n
        }
        query.since = arguments.value("since")
        query.until = arguments.value("until")
        query.meeting = arguments.value("meeting")
        query.speaker = arguments.value("speaker")
        if query.expression.isEmpty, !query.hasFilter {
            return console.usage(UsageError(IndexError(.emptyQuery).message(separator: console.text(.listSeparator))))
        }

        let result: SearchResult
        do {
            let index = try SearchIndex(path: console.databasePath(arguments), readOnly: true)
            result = try index.search(query)
        } catch let error as IndexError {
            return error.category == .query ? console.usage(UsageError(error.message(separator: console.text(.listSeparator)))) : console.fail(error)
        } catch {
            console.error(.indexDatabaseFailed)
            return ExitCode.ioError
        }

        if arguments.value("format") == "json" {
            do { console.writeJSON(try RecordEncoder.json(result)) }
            catch { console.error(.outputEncodingFailed, ["reason": "\(error)"]); return ExitCode.dataError }
            return ExitCode.found(result.total, arguments)
        }
        if arguments.value("format") == "csv" {
            console.writeCSV(csv(result, in: CSV.language(arguments, console)))
            if result.hits.isEmpty { console.note(console.text(.searchNoHits, ["query": query.text])) }
            return ExitCode.found(result.total, arguments)
        }
        if result.hits.isEmpty {
            console.note(query.expression.isEmpty ? console.text(.searchSummaryFiltersOnly, ["total": "0", "shown": "0"]) : console.text(.searchNoHits, ["query": query.text]))
            return ExitCode.found(0, arguments)
        }
        for hit in result.hits {
            let kindName = console.text(kindKey(hit.kind))
            let date = hit.kind == "plan" ? "" : (hit.document.date ?? console.text(.wordNoDate)) + "  "
            var head = "\(hit.rank). [\(kindName)] \(date)\(hit.document.title ?? hit.document.path)"
            if let issuer = hit.issuer { head += "  （\(issuer)）" }
            console.write(head + "\n")
            if let item = hit.planItem { console.write("   \(item.id) \(item.title)\n") }
            if hit.agendaNumber != nil || hit.agendaTitle != nil {
                console.write("   \(console.agendaLine(number: hit.agendaNumber, title: hit.agendaTitle))\n")
            }
            console.write("   \(hit.snippet)\n")
            for v in hit.variants ?? [] { console.write("   " + console.text(.searchVariantMatched, ["typed": v.typed, "matched": v.matched]) + "\n") }
            if let q = hit.question { console.write("   \(console.text(.searchQuestionMark)) \(Self.indented(q.text))\n") }
            for a in hit.answers ?? [] { console.write("   \(a.marker ?? console.text(.searchAnswerMark)) \(Self.indented(a.text))\n") }
            console.write("   \(hit.location)\n\n")
        }
        let summary: MessageKey = query.expression.isEmpty ? .searchSummaryFiltersOnly : .searchSummary
        console.write(console.text(summary, ["total": String(result.total), "shown": String(result.hits.count), "query": query.text]) + "\n")
        return ExitCode.found(result.total, arguments)
    }

    static let columns: [MessageKey] = [.csvRank, .csvScore, .csvKind, .csvDate, .csvMeeting, .csvTitle, .csvAgendaNumber, .csvAgendaTitle,
                                        .csvIssuer, .csvPlanItem, .csvText, .csvQuestion, .csvAnswers, .csvPath, .csvLine, .csvVariants]

    /// One row per hit, with the JSON's fields (UTF-8 with a BOM, for Excel); a hit's
    /// answers (or its question) one per line in their cell, each with its marker; kinds
    /// in `language`.
    static func csv(_ result: SearchResult, in language: Language) -> String {
        var out = ""
        for hit in result.hits {
            let answers = (hit.answers ?? []).map { ($0.marker ?? "") + $0.text }.joined(separator: "\n")
            out += CSV.row([String(hit.rank), String(format: "%.6f", hit.score), CSV.kind(hit.kind, in: language), hit.document.date ?? "", hit.document.meeting ?? "",
                            hit.document.title ?? "", hit.agendaNumber.map(String.init) ?? "", hit.agendaTitle ?? "", hit.issuer ?? "",
                            hit.planItem.map { "\($0.id) \($0.title)" } ?? "", hit.text, hit.question.map { ($0.marker ?? "") + $0.text } ?? "",
                            answers, hit.document.path, String(hit.lines.start),
                            (hit.variants ?? []).map { "\($0.typed)→\($0.matched)" }.joined(separator: "\n")])
        }
        return CSV.document(columns, in: language, rows: out)
    }

    /// The catalogue name of an element kind.
    static func kindKey(_ kind: String) -> MessageKey {
        switch kind {
        case "explanation": return .kindExplanation
        case "question": return .kindQuestion
        case "answer": return .kindAnswer
        case "directive": return .kindDirective
        case "plan": return .kindPlan
        case "document": return .kindDocument
        case "attendees": return .kindAttendees
        case "speech": return .kindSpeech
        case "decision": return .kindDecision
        case "agenda": return .kindAgenda
        case "exchange": return .kindExchange
        default: return .kindOther
        }
    }

    /// A question's or answer's paragraphs, each after the first indented under the first:
    /// `Q: 一括質問でお伺いします。` then `      まず、…`.
    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
    }
}
