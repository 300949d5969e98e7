// Search benchmark (never a test): Gijiroku against SQLite FTS5 `trigram`, Groonga
// (TokenBigram + NormalizerAuto) and `grep -rc`, on one generated archive, in one run.
//
//   swift run -c release gijiroku-search-bench [--documents 20000] [--runs 50] [--keep DIR]
//   swift run -c release gijiroku-search-bench --query 'A OR B' --db DIR/gijiroku.sqlite [--loops 200]
//     (one query on a kept index, for profiling)
//
// The archive: minutes-like documents written one element per line (so that `grep -c`,
// which counts lines, counts the same things an element index counts), in folders by
// year. Each element is a new sentence: clauses (split at 、) of the corpus's sentences of
// the same kind recombined at random, with the numbers varied, so that the archive's
// vocabulary grows as a real archive's does instead of repeating a few hundred sentences. Groonga is installed from
// Debian (`groonga-bin`) when it is missing and the machine allows it; otherwise its
// column says so.
import Foundation
import Gijiroku
import GijirokuIndex
import CSQLite

var documentCount = 20_000
var runs = 50
var keep: String?
/// With `--plans N`: after the queries, how long the link refresh takes with one plan, then
/// with N plans (of 40 items each, drawn from the corpus's four basic-plan excerpts), on the
/// same archive.
var planCount = 0
/// With `--query Q --db PATH`: only that query, `--loops` times on an existing index, and its
/// mean time (to run under `perf record`).
var profileQuery: String?
var profileDB: String?
var loops = 200
/// With `--query`: the filters a user would add (`--meeting M`, `--since DATE`).
var profileMeeting: String?
var profileSince: String?
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--documents": documentCount = Int(args.next() ?? "") ?? documentCount
    case "--runs": runs = Int(args.next() ?? "") ?? runs
    case "--keep": keep = args.next()
    case "--plans": planCount = Int(args.next() ?? "") ?? planCount
    case "--query": profileQuery = args.next()
    case "--db": profileDB = args.next()
    case "--loops": loops = Int(args.next() ?? "") ?? loops
    case "--meeting": profileMeeting = args.next()
    case "--since": profileSince = args.next()
    default:
        FileHandle.standardError.write(Data("usage: gijiroku-search-bench [--documents N] [--runs N] [--plans N] [--keep DIR] | --query Q --db PATH [--loops N] [--meeting M] [--since DATE]\n".utf8))
        exit(64)
    }
}

if let q = profileQuery {
    guard let db = profileDB else {
        FileHandle.standardError.write(Data("gijiroku-search-bench: --query needs --db PATH (an index, such as the one --keep DIR leaves)\n".utf8))
        exit(64)
    }
    let reader: SearchIndex
    do {
        reader = try SearchIndex(path: db, readOnly: true)
    } catch {
        // An index of an older schema is read only once `gijiroku index` has brought it up to date.
        FileHandle.standardError.write(Data("gijiroku-search-bench: \(db): cannot be read (\(error)); run gijiroku index on its archive once, or build a new one with --keep DIR\n".utf8))
        exit(74)
    }
    var query = try SearchQuery(parsing: q)
    query.limit = 10
    query.meeting = profileMeeting
    query.since = profileSince
    var total = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<max(1, loops) { total = try reader.search(query).total }
    let mean = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(max(1, loops))
    print("\(q): \(total) hits, \(String(format: "%.3f", mean)) ms a search (mean of \(max(1, loops)))")
    exit(0)
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ ns: UInt64) -> Double { Double(ns) / 1e6 }
func fmt(_ x: Double, _ d: Int = 2) -> String { String(format: "%.\(d)f", x) }
func say(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

@discardableResult
func shell(_ command: String, input: Data? = nil) -> (status: Int32, out: Data) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    let inPipe = Pipe()
    p.standardInput = input == nil ? FileHandle.nullDevice : inPipe
    // Waited for through the termination handler: `waitUntilExit()` on Linux looks for the
    // exit every 50 ms, which added up to 50 ms to every grep timed through here.
    let exited = DispatchSemaphore(value: 0)
    p.terminationHandler = { _ in exited.signal() }
    do { try p.run() } catch { return (127, Data()) }
    if let input {
        DispatchQueue.global().async { inPipe.fileHandleForWriting.write(input); try? inPipe.fileHandleForWriting.close() }
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    exited.wait()
    return (p.terminationStatus, data)
}

// MARK: Generate

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpus = root.appendingPathComponent("Corpus/minutes")
var pool: (explanation: [String], question: [String], answer: [String], directive: [String]) = ([], [], [], [])
for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() where name.hasSuffix(".txt") {
    guard case .minutes(let m) = try ParsedDocument.parse(Data(contentsOf: corpus.appendingPathComponent(name)), source: InputSource(path: name), kind: .minutes) else { continue }
    for item in m.agenda {
        pool.explanation += item.explanation?.points.filter { $0.kind == .item }.map(\.text) ?? []
        for x in item.exchanges {
            if let q = x.question { pool.question.append(q) }
            pool.answer += x.answers.map(\.text)
        }
    }
    pool.directive += m.directives.map(\.text)
}

let work = URL(fileURLWithPath: keep ?? NSTemporaryDirectory() + "gijiroku-search-bench-\(getpid())")
try? FileManager.default.removeItem(at: work)
let archive = work.appendingPathComponent("archive")
try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)

var rng = SystemRandomNumberGenerator()
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB; return z ^ (z >> 31) }
}
var seeded = Seeded(state: 2026)
func clausesOf(_ sentences: [String]) -> [String] {
    sentences.flatMap { $0.split(separator: "、").map(String.init) }.filter { $0.count >= 4 }
}
let clauses = (explanation: clausesOf(pool.explanation), question: clausesOf(pool.question),
               answer: clausesOf(pool.answer), directive: clausesOf(pool.directive))
let digits = Array("０１２３４５６７８９")
/// A sentence of one to three clauses, numbers varied.
func sentence(from clauses: [String], _ rng: inout Seeded) -> String {
    let n = 1 + Int(rng.next() % 3)
    var parts = (0..<n).map { _ in clauses.randomElement(using: &rng)! }
    for i in parts.indices {
        parts[i] = String(parts[i].map { c in digits.contains(c) ? digits[Int(rng.next() % 10)] : c })
        if i < parts.count - 1, parts[i].hasSuffix("。") { parts[i].removeLast() }
    }
    var s = parts.joined(separator: "、")
    if !s.hasSuffix("。") && !s.hasSuffix("？") && !s.hasSuffix("か。") { s += "。" }
    return s
}
let bodies = ["行財政改革", "子育て・定住戦略", "観光・にぎわい", "防災・減災", "総合計画", "デジタル推進"]
var files: [String] = []
var bytes = 0
for n in 0..<documentCount {
    let year = 2010 + n % 16
    let month = 1 + (n / 16) % 12, day = 1 + (n / 192) % 28
    let dir = archive.appendingPathComponent(String(year))
    if n < 16 { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
    var lines = ["■第\(1 + n % 9)回汐見川市\(bodies[n % bodies.count])本部会議 議事概要",
                 "【日 時】 \(year)年\(month)月\(day)日  午後２時～午後３時",
                 "【場 所】 本庁舎４階 庁議室",
                 "【出席者】 大森副市長、立花副市長、教育長、総務局長、財政局長",
                 "【議 事】⑴ 事業の進捗について",
                 "＜議題説明(1)＞"]
    for _ in 0..<(6 + Int(seeded.next() % 5)) { lines.append("・" + sentence(from: clauses.explanation, &seeded)) }
    lines.append("＜意見等＞")
    for _ in 0..<(2 + Int(seeded.next() % 3)) {
        lines.append("・" + sentence(from: clauses.question, &seeded))
        lines.append("⇒" + sentence(from: clauses.answer, &seeded))
    }
    lines.append("（市長指示）")
    lines.append("・" + sentence(from: clauses.directive, &seeded))
    let text = lines.joined(separator: "\n") + "\n"
    let url = dir.appendingPathComponent(String(format: "minutes-%05d.txt", n))
    try Data(text.utf8).write(to: url)
    files.append(url.path)
    bytes += text.utf8.count
}
say("generated \(files.count) documents, \(fmt(Double(bytes) / 1e6, 1)) MB, in \(archive.path)")

// MARK: Gijiroku: from text files to a searchable database

let gijirokuPath = work.appendingPathComponent("gijiroku.sqlite").path
// Each timed build starts with no writes pending: generating the archive leaves the system
// hundreds of MB to flush, which the first build would otherwise wait for on its account.
sync()
var t0 = now()
let writer = try SearchIndex(path: gijirokuPath)
let report = writer.index(files: files)   // a large run merges the full-text index itself
let gijirokuBuild = ms(now() - t0)
precondition(report.failed.isEmpty, "\(report.failed.prefix(3))")
let (_, elementCount) = try writer.counts()
func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value) ?? 0
}
let gijirokuSize = fileSize(gijirokuPath) + fileSize(gijirokuPath + "-wal")
var gijirokuFTS: Int64 = 0
say("gijiroku: \(elementCount) elements indexed in \(fmt(gijirokuBuild / 1000)) s")

// MARK: FTS5 trigram on the same rows

let trigramPath = work.appendingPathComponent("trigram.sqlite").path
var tri: OpaquePointer?
sqlite3_open(trigramPath, &tri)
func exec(_ db: OpaquePointer?, _ sql: String) {
    var err: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(db, sql, nil, nil, &err) != SQLITE_OK { say("sqlite: \(err.map { String(cString: $0) } ?? "?") in \(sql)"); exit(1) }
}
exec(tri, "PRAGMA journal_mode = WAL; ATTACH '\(gijirokuPath)' AS g")
sync()
t0 = now()
exec(tri, """
    BEGIN; CREATE VIRTUAL TABLE tri USING fts5(body, date UNINDEXED, tokenize='trigram');
    INSERT INTO tri(rowid, body, date) SELECT e.id, e.body, d.date FROM g.elements e JOIN g.documents d ON d.id = e.document_id;
    COMMIT; INSERT INTO tri(tri) VALUES('optimize');
    """)
let trigramBuild = ms(now() - t0)
exec(tri, "DETACH g; PRAGMA wal_checkpoint(TRUNCATE)")
let trigramSize = fileSize(trigramPath) + fileSize(trigramPath + "-wal")
// FTS5's 'optimize' leaves the old segments' pages free in the file; Gijiroku gives them
// back after a run (auto_vacuum + incremental_vacuum). For a like-for-like size, the
// trigram database is also compacted (not counted in its build time).
exec(tri, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE)")
let trigramCompact = fileSize(trigramPath) + fileSize(trigramPath + "-wal")

// MARK: FTS5 trigram in Gijiroku's own schema
//
// The database a Gijiroku with SQLite's trigram tokenizer would have: the same tables and
// rows (documents, elements, agenda, units, …, copied), and the external-content FTS5
// table over the same elements with the same options, `trigram` in place of the bigram
// tokenizer. Only the tokenizer differs, so the sizes compare the two full-text indexes.
let sameSchemaPath = work.appendingPathComponent("trigram-same-schema.sqlite").path
var same: OpaquePointer?
sqlite3_open(sameSchemaPath, &same)
exec(same, "PRAGMA journal_mode = WAL; ATTACH '\(gijirokuPath)' AS g")
gijirokuFTS = { var st: OpaquePointer?
    sqlite3_prepare_v2(same, "SELECT sum(pgsize) FROM dbstat('g') WHERE name LIKE 'elements_fts%'", -1, &st, nil)
    defer { sqlite3_finalize(st) }
    return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0 }()
var schemaSQL: [(name: String, type: String, sql: String)] = []
var ss: OpaquePointer?
sqlite3_prepare_v2(same, "SELECT name, type, sql FROM g.sqlite_schema WHERE sql IS NOT NULL AND type IN ('table', 'index') AND name NOT LIKE 'elements_fts%' ORDER BY type = 'index', rowid", -1, &ss, nil)
while sqlite3_step(ss) == SQLITE_ROW {
    schemaSQL.append((String(cString: sqlite3_column_text(ss, 0)), String(cString: sqlite3_column_text(ss, 1)), String(cString: sqlite3_column_text(ss, 2))))
}
sqlite3_finalize(ss)
// Other full-text tables (the documents' names) are declared and built again from their
// content, not copied with their shadow tables.
let virtualTables = schemaSQL.filter { $0.sql.hasPrefix("CREATE VIRTUAL TABLE") }.map(\.name)
schemaSQL.removeAll { table in virtualTables.contains { table.name.hasPrefix($0 + "_") } }
exec(same, "BEGIN; " + schemaSQL.map { $0.sql + ";" }.joined(separator: "\n")
     + schemaSQL.filter { $0.type == "table" && !virtualTables.contains($0.name) }.map { "INSERT INTO main.\($0.name) SELECT * FROM g.\($0.name);" }.joined(separator: "\n")
     + virtualTables.map { "INSERT INTO main.\($0)(\($0)) VALUES('rebuild');" }.joined(separator: "\n")
     + "CREATE VIRTUAL TABLE elements_fts USING fts5(body, content='elements', content_rowid='id', tokenize='trigram', columnsize=0); COMMIT")
sync()
t0 = now()
exec(same, "INSERT INTO elements_fts(elements_fts) VALUES('rebuild'); INSERT INTO elements_fts(elements_fts) VALUES('optimize')")
let sameSchemaIndexBuild = ms(now() - t0)
exec(same, "DETACH g; VACUUM; PRAGMA wal_checkpoint(TRUNCATE)")
let sameSchemaSize = fileSize(sameSchemaPath) + fileSize(sameSchemaPath + "-wal")
func ftsBytes(_ db: OpaquePointer?, _ table: String) -> Int64 {
    var st: OpaquePointer?
    sqlite3_prepare_v2(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE '\(table)%'", -1, &st, nil)
    defer { sqlite3_finalize(st) }
    return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0
}
let sameSchemaFTS = ftsBytes(same, "elements_fts")
sqlite3_close(same)

// MARK: Groonga: load the same rows, then build the index statically

var groongaAvailable = shell("command -v groonga").status == 0
if !groongaAvailable, shell("command -v apt-get").status == 0 {
    say("groonga not found: installing groonga-bin from Debian …")
    shell("(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq groonga-bin) >/dev/null 2>&1")
    groongaAvailable = shell("command -v groonga").status == 0
}
let groongaDB = work.appendingPathComponent("groonga/db").path
var groongaBuild = Double.nan
var groongaSize: Int64 = 0
if groongaAvailable {
    try FileManager.default.createDirectory(atPath: (groongaDB as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    // Rows as Groonga load JSON.
    var rows: [[String: Any]] = []
    var g: OpaquePointer?
    sqlite3_open_v2(gijirokuPath, &g, SQLITE_OPEN_READONLY, nil)
    var s: OpaquePointer?
    sqlite3_prepare_v2(g, "SELECT e.id, e.body, replace(d.date, '-', ''), e.style & 15, coalesce(d.title, '') FROM elements e JOIN documents d ON d.id = e.document_id ORDER BY e.id", -1, &s, nil)
    while sqlite3_step(s) == SQLITE_ROW {
        rows.append(["_key": Int(sqlite3_column_int64(s, 0)), "body": String(cString: sqlite3_column_text(s, 1)),
                     "date": Int(sqlite3_column_int64(s, 2)), "kind": Int(sqlite3_column_int64(s, 3)),
                     "title": String(cString: sqlite3_column_text(s, 4))])
    }
    sqlite3_finalize(s)
    sqlite3_close(g)
    let json = try JSONSerialization.data(withJSONObject: rows)
    let commands = """
        table_create Elements TABLE_HASH_KEY UInt32
        column_create Elements body COLUMN_SCALAR Text
        column_create Elements date COLUMN_SCALAR Int32
        column_create Elements kind COLUMN_SCALAR Int32
        column_create Elements title COLUMN_SCALAR ShortText
        load --table Elements
        \(String(decoding: json, as: UTF8.self))
        table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenBigram --normalizer NormalizerAuto
        column_create Terms elements_body COLUMN_INDEX|WITH_POSITION Elements body
        column_create Elements date_index COLUMN_SCALAR Int32

        """
    sync()
    t0 = now()
    let r = shell("groonga -n '\(groongaDB)' > /dev/null", input: Data(commands.utf8))
    groongaBuild = ms(now() - t0)
    if r.status != 0 { say("groonga failed to build its database"); groongaAvailable = false }
    for f in (try? FileManager.default.contentsOfDirectory(atPath: (groongaDB as NSString).deletingLastPathComponent)) ?? [] {
        groongaSize += fileSize((groongaDB as NSString).deletingLastPathComponent + "/" + f)
    }
}

// MARK: Queries

struct Query {
    let name: String
    let gijiroku: String
    let since: String?
    let literal: String          // for trigram, and for grep unless `grep` says otherwise
    let groonga: String
    var kind: SearchQuery.Kind? = nil
    var meeting: String? = nil
    /// A shell command that counts the matching lines in DIRS (per-file counts or one total);
    /// nil: `grep -rcF literal DIRS`.
    var grep: String? = nil
}
let queries = [
    Query(name: "2-character word (予算)", gijiroku: "予算", since: nil, literal: "予算", groonga: "予算"),
    Query(name: "4-character word (家賃補助)", gijiroku: "家賃補助", since: nil, literal: "家賃補助", groonga: "家賃補助"),
    Query(name: "phrase (\"保育士確保策\")", gijiroku: "\"保育士確保策\"", since: nil, literal: "保育士確保策", groonga: "\"保育士確保策\""),
    Query(name: "word + date (検討, since 2020)", gijiroku: "検討", since: "2020-01-01", literal: "検討", groonga: "検討"),
    Query(name: "word + kind (予算, answers)", gijiroku: "予算", since: nil, literal: "予算", groonga: "予算", kind: .answer,
          grep: "grep -rcE '^⇒.*予算' DIRS"),
    Query(name: "word + meeting (検討, 行財政改革)", gijiroku: "検討", since: nil, literal: "検討", groonga: "検討", meeting: "行財政改革",
          grep: "grep -rlF '行財政改革' DIRS | xargs grep -cF '検討'"),
    // The title line and the （市長指示） heading of each file hold 市 but are not elements.
    Query(name: "1-character word (市)", gijiroku: "市", since: nil, literal: "市", groonga: "市",
          grep: "grep -rhF '市' DIRS | grep -cvE '^(■|（市長指示）$)'"),
    Query(name: "three words (市長 予算 検討)", gijiroku: "市長 予算 検討", since: nil, literal: "市長", groonga: "市長 予算 検討",
          grep: "grep -rhF '市長' DIRS | grep -F '予算' | grep -cF '検討'"),
    Query(name: "OR (保育士 OR 家賃補助)", gijiroku: "保育士 OR 家賃補助", since: nil, literal: "保育士", groonga: "保育士 OR 家賃補助",
          grep: "grep -rcE '保育士|家賃補助' DIRS"),
]

func stats(_ samples: [Double]) -> (median: Double, p95: Double) {
    let s = samples.sorted()
    return (s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.95))])
}

/// Gijiroku's and Groonga's samples of a query are taken in this many alternating rounds.
let rounds = max(1, min(5, runs / 4))

/// `count` timed runs of `q` in one Groonga process (commands on standard input, elapsed time
/// from each response header), after two untimed ones; `nil` when Groonga answered none.
func groongaSamples(_ q: Query, count: Int) -> (elapsed: [Double], hits: Int)? {
    var conditions = q.since.map { ["date >= \($0.replacingOccurrences(of: "-", with: ""))"] } ?? []
    // The stored kind code (IndexedElement.Kind's order: explanation, question, answer …).
    if let kind = q.kind { conditions.append("kind == \(["explanation", "question", "answer", "directive"].firstIndex(of: kind.rawValue)!)") }
    if let meeting = q.meeting { conditions.append("title @ \"\(meeting)\"") }
    let filter = conditions.isEmpty ? "" : " --filter '\(conditions.joined(separator: " && "))'"
    let escaped = q.groonga.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    let command = "select Elements --match_columns body --query \"\(escaped)\"\(filter) --sort_keys -_score --limit 10 --output_columns '_key,_score,snippet_html(body)'\n"
    // cache_limit 0: Groonga would otherwise answer repeated queries from its query cache.
    let out = shell("groonga '\(groongaDB)'", input: Data(("cache_limit 0\n" + String(repeating: command, count: count + 2)).utf8)).out
    var elapsed: [Double] = []
    var hits = 0
    for line in String(decoding: out, as: UTF8.self).split(separator: "\n") {
        guard let response = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], response.count > 1,
              let header = response.first as? [Any], header.count >= 3, let seconds = header[2] as? Double,
              response.last is [Any] else { continue }
        elapsed.append(seconds * 1000)
        if let body = response.last as? [Any], let first = body.first as? [Any], let countRow = first.first as? [Any],
           let n = countRow.first as? Int { hits = n }
    }
    guard elapsed.count > 2 else { return nil }
    return (Array(elapsed.dropFirst(2)), hits)
}

let reader = try SearchIndex(path: gijirokuPath, readOnly: true)
var table: [(String, String, String, String, String)] = []   // query, engine, median, p95, hits
var gijirokuFrequentMedian = Double.nan
for q in queries {
    // Gijiroku: ranked top 10 with snippets, plus the total count; Groonga the same. Their
    // samples are taken in alternating rounds (Gijiroku's share of a round, then a Groonga
    // process with the same share), so that a slow spell of the machine falls on both
    // rather than on one engine's block of runs.
    var query = try SearchQuery(parsing: q.gijiroku)
    query.since = q.since
    query.kind = q.kind
    query.meeting = q.meeting
    query.limit = 10
    var samples: [Double] = []
    var hits = 0
    for _ in 0..<3 { hits = try reader.search(query).total }
    var groongaElapsed: [Double] = []
    var groongaHits = 0
    for round in 0..<rounds {
        // The runs shared out: the first rounds take one more when they do not divide.
        let share = runs / rounds + (round < runs % rounds ? 1 : 0)
        for _ in 0..<share {
            let t = now()
            let result = try reader.search(query)
            samples.append(ms(now() - t))
            hits = result.total
        }
        if groongaAvailable, let (elapsed, n) = groongaSamples(q, count: share) {
            groongaElapsed += elapsed
            groongaHits = n
        }
    }
    let g = stats(samples)
    if q.gijiroku == "予算", q.kind == nil { gijirokuFrequentMedian = g.median }
    table.append((q.name, "Gijiroku (bigram, ranked top 10 + snippets + count)", fmt(g.median), fmt(g.p95), String(hits)))

    // FTS5 trigram: the same shape of query (one literal, no kind or meeting filter).
    if q.kind == nil, q.meeting == nil, q.grep == nil {
        var st: OpaquePointer?
        let where_ = q.since == nil ? "tri MATCH ?1" : "tri MATCH ?1 AND date >= '\(q.since!)'"
        sqlite3_prepare_v2(tri, "SELECT rowid, snippet(tri, 0, '«', '»', '…', 24) FROM tri WHERE \(where_) ORDER BY rank LIMIT 10", -1, &st, nil)
        var ct: OpaquePointer?
        sqlite3_prepare_v2(tri, "SELECT count(*) FROM tri WHERE \(where_)", -1, &ct, nil)
        samples = []
        var triHits = 0
        let pattern = "\"" + q.literal + "\""
        for _ in 0..<(runs + 3) {
            let t = now()
            sqlite3_reset(st); sqlite3_bind_text(st, 1, pattern, -1, gijiroku_sqlite_transient())
            while sqlite3_step(st) == SQLITE_ROW {}
            sqlite3_reset(ct); sqlite3_bind_text(ct, 1, pattern, -1, gijiroku_sqlite_transient())
            if sqlite3_step(ct) == SQLITE_ROW { triHits = Int(sqlite3_column_int64(ct, 0)) }
            samples.append(ms(now() - t))
        }
        sqlite3_finalize(st); sqlite3_finalize(ct)
        samples.removeFirst(3)
        let tr = stats(samples)
        table.append((q.name, "FTS5 trigram (ranked top 10 + snippets + count)", fmt(tr.median), fmt(tr.p95), String(triHits)))
    }

    if !groongaElapsed.isEmpty {
        let gr = stats(groongaElapsed)
        table.append((q.name, "Groonga TokenBigram (select, top 10 + snippets + count)", fmt(gr.median), fmt(gr.p95), String(groongaHits)))
    }

    // grep -rc over the raw text files (process start included), in the date's folders.
    let years = (2010...2025).filter { q.since == nil || String($0) >= String(q.since!.prefix(4)) }
    let dirs = years.map { "'\(archive.appendingPathComponent(String($0)).path)'" }.joined(separator: " ")
    samples = []
    var grepHits = 0
    for _ in 0..<(runs + 3) {
        let t = now()
        let command = (q.grep ?? "grep -rcF '\(q.literal)' DIRS").replacingOccurrences(of: "DIRS", with: dirs)
        let out = shell("export LC_ALL=C.UTF-8; " + command).out
        samples.append(ms(now() - t))
        grepHits = String(decoding: out, as: UTF8.self).split(separator: "\n").reduce(0) { $0 + (Int($1.split(separator: ":").last ?? "") ?? 0) }
    }
    samples.removeFirst(3)
    let gp = stats(samples)
    table.append((q.name, "grep -rc (process, all files)", fmt(gp.median), fmt(gp.p95), String(grepHits)))
}

// MARK: Word variants

// A word with variant spellings is searched as an OR of them; the same word with `--exact`
// (variants: nil) is the baseline, in the same run. The words are spelled as the archive
// spells them, so both find the same elements and the ratio is the cost of the expansion.
var variantRows: [(word: String, spellings: Int, exact: Double, expanded: Double, exactHits: Int, expandedHits: Int)] = []
for word in ["子ども", "取組", "待機児童"] {
    var medians: [Double] = []
    var totals: [Int] = []
    var spellings = 1
    for variants in [WordVariants?.none, .some(.shipped)] {
        var query = try SearchQuery(parsing: word, variants: variants)
        query.limit = 10
        if variants != nil { spellings = query.phrases.count }
        var samples: [Double] = []
        var total = 0
        for _ in 0..<(runs + 3) {
            let t = now()
            total = try reader.search(query).total
            samples.append(ms(now() - t))
        }
        samples.removeFirst(3)
        medians.append(stats(samples).median)
        totals.append(total)
    }
    variantRows.append((word, spellings, medians[0], medians[1], totals[0], totals[1]))
}

// MARK: Report

print("Gijiroku search benchmark (release build: \(_isDebugAssertConfiguration() ? "NO, debug" : "yes")), \(runs) runs per query")
print("archive: \(files.count) documents, \(fmt(Double(bytes) / 1e6, 1)) MB, \(elementCount) elements\n")
print("| engine | index build | database size |")
print("|---|---|---|")
print("| Gijiroku (parse text files + bigram FTS5) | \(fmt(gijirokuBuild / 1000)) s | \(fmt(Double(gijirokuSize) / 1e6, 1)) MB, of which full-text index \(fmt(Double(gijirokuFTS) / 1e6, 1)) MB |")
print("| FTS5 trigram, same rows in Gijiroku's schema (index built from the stored rows) | \(fmt(sameSchemaIndexBuild / 1000)) s | \(fmt(Double(sameSchemaSize) / 1e6, 1)) MB compacted, of which full-text index \(fmt(Double(sameSchemaFTS) / 1e6, 1)) MB |")
print("| FTS5 trigram, minimal table (body + date only) | \(fmt(trigramBuild / 1000)) s | \(fmt(Double(trigramSize) / 1e6, 1)) MB as built, \(fmt(Double(trigramCompact) / 1e6, 1)) MB compacted |")
print(groongaAvailable
      ? "| Groonga TokenBigram (load + static index) | \(fmt(groongaBuild / 1000)) s | \(fmt(Double(groongaSize) / 1e6, 1)) MB |"
      : "| Groonga | not available on this machine | |")
print("\n| query | engine | median ms | p95 ms | hits |")
print("|---|---|---|---|---|")
for row in table { print("| \(row.0) | \(row.1) | \(row.2) | \(row.3) | \(row.4) |") }

print("\n| word (its spellings) | --exact median ms | with variants median ms | ratio | hits exact → with variants |")
print("|---|---|---|---|---|")
for r in variantRows {
    print("| \(r.word) (\(r.spellings)) | \(fmt(r.exact)) | \(fmt(r.expanded)) | \(fmt(r.expanded / r.exact)) | \(r.exactHits) → \(r.expandedHits) |")
}

// Gijiroku's median against Groonga's, query by query (target: at most 1.0×).
let groongaMedians = Dictionary(table.filter { $0.1.hasPrefix("Groonga") }.map { ($0.0, Double($0.2) ?? .nan) }, uniquingKeysWith: { a, _ in a })
var ratios: [(String, Double)] = []
for row in table where row.1.hasPrefix("Gijiroku") {
    if let g = groongaMedians[row.0], let ours = Double(row.2) { ratios.append((row.0, ours / g)) }
}
if !ratios.isEmpty {
    print("\n| query | Gijiroku ÷ Groonga (median) |")
    print("|---|---|")
    for (name, ratio) in ratios { print("| \(name) | \(fmt(ratio))× |") }
}

let grepHits = Dictionary(table.filter { $0.1.hasPrefix("grep") }.map { ($0.0, $0.4) }, uniquingKeysWith: { a, _ in a })
let ours = table.filter { $0.1.hasPrefix("Gijiroku") }
let countsEqual = ours.allSatisfy { grepHits[$0.0] == $0.4 }
print("\ntargets:")
print("- ranked top 10 + snippets for a frequent 2-character word, median ≤ 3 ms: \(fmt(gijirokuFrequentMedian)) ms — \(gijirokuFrequentMedian <= 3 ? "met" : "NOT met")")
if groongaAvailable {
    print("- index build no slower than Groonga's load + static index: \(fmt(gijirokuBuild / 1000)) s vs \(fmt(groongaBuild / 1000)) s — \(gijirokuBuild <= groongaBuild ? "met" : "NOT met")")
}
print("- database no larger than FTS5 trigram's on the same rows (Gijiroku's schema, trigram tokenizer), both without free pages: \(fmt(Double(gijirokuSize) / 1e6, 1)) MB vs \(fmt(Double(sameSchemaSize) / 1e6, 1)) MB — \(gijirokuSize <= sameSchemaSize ? "met" : "NOT met")")
print("  against trigram's minimal table (body + date, no paths, lines, meetings or agenda): \(fmt(Double(gijirokuSize) / 1e6, 1)) MB vs \(fmt(Double(trigramCompact) / 1e6, 1)) MB — \(gijirokuSize <= trigramCompact ? "also no larger" : "larger")")
print("- hit counts equal grep's for every query: \(countsEqual ? "met" : "NOT met")")
let worstVariantRatio = variantRows.map { $0.expanded / $0.exact }.max() ?? 0
print("- a word with its variants costs at most 1.5× the same word with --exact (median): worst \(fmt(worstVariantRatio))× — \(worstVariantRatio <= 1.5 ? "met" : "NOT met")")
sqlite3_close(tri)
// MARK: Links with many plans

if planCount > 0 {
    // Plans of 40 items each (2 chapters, 3 sections each, 5–6 measures a section), each in a
    // folder of its own (a plan's items are scoped by its path), in the corpus plans' layout.
    // Every title and bullet is drawn from the corpus's four plan excerpts, so each plan mixes
    // their subjects differently. The archive was indexed without plans: it has no links yet.
    var titles: (chapter: [String], section: [String], measure: [String]) = ([], [], [])
    var bullets: [String] = []
    let plansRoot = root.appendingPathComponent("Corpus/plans")
    for name in try FileManager.default.contentsOfDirectory(atPath: plansRoot.path).sorted() where name.hasSuffix(".txt") {
        guard case .plan(let plan) = try ParsedDocument.parse(Data(contentsOf: plansRoot.appendingPathComponent(name)), source: InputSource(path: name), kind: .plan) else { continue }
        func collect(_ item: PlanItem) {
            switch item.level {
            case .chapter: titles.chapter.append(item.title)
            case .section: titles.section.append(item.title)
            default: titles.measure.append(item.title)
            }
            bullets += item.bullets.map(\.text)
            item.children.forEach(collect)
        }
        plan.items.forEach(collect)
    }
    let fullWidth = Array("０１２３４５６７８９")
    var planRNG = Seeded(state: 40)
    func pick(_ list: [String]) -> String { list[Int(planRNG.next() % UInt64(list.count))] }
    var planFiles: [String] = []
    var itemsPerPlan = 0
    for k in 0..<planCount {
        let folder = work.appendingPathComponent("plans/\(k)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ["汐見川市 第\(k + 1)次個別計画", ""]
        var items = 0
        for chapter in 1...2 {
            lines += [" " + pick(titles.chapter), pick(titles.chapter), "", "第 \(chapter) 章", "", "◉" + pick(bullets), ""]
            items += 1
            for section in 1...3 {
                lines += ["第\(fullWidth[section])節　" + pick(titles.section), "", "現状と課題", "●" + pick(bullets), "", "施策展開", ""]
                items += 1
                for measure in 1...(section == 3 ? 6 : 5) {
                    lines.append("\(measure) " + pick(titles.measure))
                    for _ in 0..<(2 + Int(planRNG.next() % 2)) { lines.append("❖" + pick(bullets)) }
                    lines.append("")
                    items += 1
                }
            }
        }
        itemsPerPlan = items
        let file = folder.appendingPathComponent("plan-\(k + 1).txt")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        planFiles.append(file.path)
    }
    print("\nplans: \(planCount) generated, \(itemsPerPlan) items each")
    let linking = try SearchIndex(path: gijirokuPath)
    // The builds above leave the system hundreds of MB of writes to flush; each timed run
    // starts with none pending, so that it does not wait for the disk on their account.
    sync()
    var t = now()
    let one = linking.index(files: [planFiles[0]])
    let oneTime = ms(now() - t)
    let oneItems = one.links?.planItems ?? 0
    sync()
    t = now()
    let all = linking.index(files: Array(planFiles.dropFirst()))
    let allTime = ms(now() - t)
    let allItems = all.links?.planItems ?? 0
    print("\n| link refresh over the archive (\(elementCount) elements) | plan items | time | links |")
    print("|---|---|---|---|")
    print("| 1 plan indexed | \(oneItems) | \(fmt(oneTime / 1000)) s | \((one.links?.added ?? 0)) |")
    print("| \(planCount) plans indexed (the other \(planCount - 1) added) | \(allItems) | \(fmt(allTime / 1000)) s | \((all.links.map { $0.added + $0.updated + $0.unchanged } ?? 0)) |")
    print("- link refresh with \(planCount) plans at most 2× the refresh with 1 plan: \(fmt(allTime / oneTime))× — \(allTime <= 2 * oneTime ? "met" : "NOT met")")
}

if keep == nil { try? FileManager.default.removeItem(at: work) }
