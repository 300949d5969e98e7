import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuInput

/// The files the search page's script reads, each a script that hands its data to
/// `Gijiroku.receive(key, data)` (a page opened from disk may load scripts but not fetch
/// files):
///
/// | file | what | loaded |
/// |---|---|---|
/// | `data/meta.js` | BM25's figures, the shard count, the kinds, the character and word variants | always |
/// | `data/docs.js` | each document: id, element range, date, list order | always |
/// | `data/lengths.js` | each element's length code (``ElementLengths``), in the documents' order | always |
/// | `data/t/N.js`, `data/q/N.js` | postings and positions (``SearchData``) | per token |
/// | `data/d/ID.js` | a document's title, date, path and elements, for showing hits | per hit |
/// | `data/titles.js`, `data/speakers.js`, `data/kinds.js` | for the meeting, speaker and kind filters | when used |
///
/// ```swift
/// let files = SearchFiles(model: model, words: .shipped).files()
/// files.first?.path   // "data/meta.js"
/// ```
struct SearchFiles {
    let model: SiteModel
    let words: WordVariants
    var characters: CharacterVariants = .shipped

    /// Every file, path and content.
    func files() -> [(path: String, content: Data)] {
        let data = SearchData(snapshot: model.snapshot, characters: characters)
        var out: [(String, Data)] = []
        out.append(("data/meta.js", script("meta", json: meta(shards: data.shardCount))))
        // Documents with elements, by their first element (the script finds an element's
        // document by binary search).
        let documents = model.snapshot.documents.compactMap { d in model.elements(of: d).first.map { (d, $0.id) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        let order = documents.indices.sorted { SiteModel.newestFirst(documents[$0], documents[$1]) }
        var rank = [Int](repeating: 0, count: documents.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        var table: [UInt8] = []
        var previousEnd = 0
        var titles: [String] = []
        var speakerNames: [String: Int] = [:]
        var speakers: [UInt8] = [], kinds: [UInt8] = [], lengths: [UInt8] = []
        for (i, d) in documents.enumerated() {
            let elements = model.elements(of: d)
            let first = elements.first!.id
            Varint.append(d.id, to: &table)
            Varint.append(first - previousEnd, to: &table)
            Varint.append(elements.count, to: &table)
            Varint.append(Self.day(d.date), to: &table)
            Varint.append(rank[i], to: &table)
            previousEnd = first + elements.count
            titles.append(d.title ?? "")
            for e in elements {
                // The element ids of a document are consecutive (the index numbers them so).
                let folded = FoldFunction.fold(e.speaker ?? "", characters: characters)   // as `--speaker` compares
                var code = 0
                if !folded.isEmpty {
                    if let found = speakerNames[folded] { code = found } else { code = speakerNames.count + 1; speakerNames[folded] = code }
                }
                Varint.append(code, to: &speakers)
                kinds.append(UInt8(SearchData.kinds.firstIndex(of: e.kind) ?? 0))
                lengths.append(e.lengthCode)
            }
        }
        out.append(("data/docs.js", script("docs", base64: table)))
        out.append(("data/titles.js", script("titles", json: titles)))
        let names = speakerNames.sorted { $0.value < $1.value }.map(\.key)
        out.append(("data/speakers.js", script("speakers", json: ["names": names, "codes": Data(speakers).base64EncodedString()] as [String: Any])))
        out.append(("data/kinds.js", script("kinds", base64: kinds)))
        out.append(("data/lengths.js", script("lengths", base64: lengths)))
        for (n, members) in data.shards().enumerated() {
            out.append(("data/t/\(n).js", script("t/\(n)", base64: data.postingsShard(members))))
            out.append(("data/q/\(n).js", script("q/\(n)", base64: data.positionsShard(members))))
        }
        out += model.snapshot.documents.concurrentMap { d in
            ("data/d/\(d.id).js", Data(("Gijiroku.receive(\"d/\(d.id)\"," + document(d) + ");\n").utf8))
        }
        return out
    }

    /// `20190501` for `2019-05-01` (ordered as the ISO dates are); 0 for none.
    static func day(_ iso: String?) -> Int {
        guard let iso, iso.utf8.count == 10 else { return 0 }
        let digits = iso.filter(\.isNumber)
        return digits.count == 8 ? Int(digits) ?? 0 : 0
    }

    private func meta(shards: Int) -> [String: Any] {
        let snapshot = model.snapshot
        var fold: [[Int]] = []
        for (variant, target) in characters.mappings { fold.append([Int(variant.value), target.map { Int($0.value) } ?? -1]) }
        let groups = words.groups.map { g in g.forms.map { String(String.UnicodeScalarView(WordVariants.key($0, characters: characters))) } }
        return ["version": 1, "rows": snapshot.rowCount, "averageLength": snapshot.averageLength, "shards": shards,
                "documents": snapshot.documents.count, "kinds": SearchData.kinds,
                "kindLabels": SearchData.kinds.map(kindLabel), "fold": fold, "variants": groups,
                "text": Self.interfaceText]
    }

    /// The texts the script shows, from the message catalogue.
    static var interfaceText: [String: String] {
        // Templates the script fills keep their placeholders (a placeholder given no value is
        // left as written), plurals (`{count|result|results}`) included.
        ["results": text(.siteResultCount), "none": text(.siteNoResults), "more": text(.siteMore),
         "chart": text(.siteChartTitle), "loading": text(.siteLoading), "answers": text(.kindAnswer), "question": text(.kindQuestion),
         "agenda": text(.siteAgendaItem), "noDate": text(.wordNoDate),
         "emptyQuery": text(.siteEmptyQuery), "onlyExclusions": text(.siteOnlyExclusions),
         "tooLong": text(.queryTooLong, ["maximum": String(SearchQuery.maximumLength)]), "variant": text(.siteVariantMatched),
         "year": text(.siteYearCount), "page": text(.sitePageOf)]
    }

    /// A document's hits as the search page shows them, as JSON written directly (this is
    /// written for every document of the archive; `JSONSerialization` took a quarter of a
    /// site's build).
    private func document(_ d: ArchiveSnapshot.Document) -> String {
        var out = "{\"agenda\":{"
        for (i, n) in d.agenda.keys.sorted().enumerated() {
            out += (i > 0 ? "," : "") + JSONText.scriptString(String(n)) + ":" + JSONText.scriptString(d.agenda[n] ?? "")
        }
        out += "},\"date\":" + JSONText.scriptString(d.date ?? "")
        // Each element: kind, marker, text, speaker, agenda number, first line, lines after it,
        // how many elements back its question is; its id is `first` + its position.
        out += ",\"elements\":["
        let elements = model.elements(of: d)
        for (i, e) in elements.enumerated() {
            out += i > 0 ? ",[" : "["
            out += String(SearchData.kinds.firstIndex(of: e.kind) ?? 0) + "," + JSONText.scriptString(e.marker ?? "") + ","
            out += JSONText.scriptString(e.body) + "," + JSONText.scriptString(SiteModel.speakerLabel(e) ?? "") + ","
            out += String(e.agendaNumber ?? 0) + "," + String(e.lines.start) + "," + String(e.lines.end - e.lines.start) + ","
            out += String(e.questionBack ?? 0) + "]"
        }
        out += "],\"first\":" + String(elements.first?.id ?? 0) + ",\"id\":" + String(d.id)
        out += ",\"meeting\":" + JSONText.scriptString(d.meeting ?? "") + ",\"page\":" + JSONText.scriptString(model.page(of: d))
        out += ",\"path\":" + JSONText.scriptString(d.path) + ",\"title\":" + JSONText.scriptString(model.title(of: d)) + "}"
        return out
    }

    private func script(_ key: String, base64 bytes: [UInt8]) -> Data {
        Data(("Gijiroku.receive(\"" + key + "\",\"" + Data(bytes).base64EncodedString() + "\");\n").utf8)
    }

    private func script(_ key: String, json value: Any) -> Data {
        let body = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        // JSON is a JavaScript expression (U+2028 and U+2029 are allowed in strings since ES2019).
        return Data(("Gijiroku.receive(\"" + key + "\",").utf8) + body + Data(");\n".utf8)
    }
}
