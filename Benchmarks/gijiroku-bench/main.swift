// Benchmark (never a test): parsing throughput on a generated archive, against `wc -m`.
//
//   swift build -c release && swift run -c release gijiroku-bench [--mb 50] [--verbatim] [--keep DIR]
//
// Generates an archive of at least --mb megabytes of minutes from the corpus documents
// (each copy varied so that no two files are equal; with --verbatim, verbatim records of
// plenary size made from the corpus's verbatim records), parses every file on one core
// (read, SHA-256, decode, detect the kind, parse: everything `gijiroku parse` does before
// printing), runs the release `gijiroku parse` on the folder writing JSON Lines and
// pretty JSON to a pipe, and times `wc -m` (LC_ALL=C.UTF-8, so it decodes UTF-8
// characters) on the same files, `wc -m` and the two runs of the binary taken in turn.
import Foundation
import Gijiroku
import GijirokuInput

var megabytes = 50
var keep: String?
var breakdown = false
var profileOnly = false
var convertMode = false
var documentCount = 10_000
var verbatim = false
var reindexMode = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let arg = arguments.next() {
    switch arg {
    case "--mb": megabytes = Int(arguments.next() ?? "") ?? megabytes
    case "--keep": keep = arguments.next()
    case "--breakdown": breakdown = true
    case "--profile": profileOnly = true
    case "--convert": convertMode = true
    case "--documents": documentCount = Int(arguments.next() ?? "") ?? documentCount
    case "--verbatim": verbatim = true
    case "--reindex": reindexMode = true; documentCount = 2_000
    default:
        FileHandle.standardError.write(Data("usage: gijiroku-bench [--mb N] [--verbatim] [--keep DIR] [--breakdown] [--profile] | --convert [--documents N] | --reindex\n".utf8))
        exit(64)
    }
}

// The release `gijiroku` binary beside this one is timed end to end: it must be built.
let cliBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gijiroku").path
if !profileOnly, !FileManager.default.isExecutableFile(atPath: cliBinary) {
    FileHandle.standardError.write(Data("gijiroku-bench: error: \(cliBinary) is not built; run `swift build -c release` first\n".utf8))
    exit(69)
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpusDir = root.appendingPathComponent("Corpus/minutes")
let corpusTexts: [String] = try FileManager.default.contentsOfDirectory(atPath: corpusDir.path).sorted()
    .filter { $0.hasSuffix(".txt") }
    .map { try TextDecoder().decode(Data(contentsOf: corpusDir.appendingPathComponent($0)), path: $0).text }
// Summary minutes, or with --verbatim the verbatim records.
let templates = corpusTexts.filter { (MinutesParser().parse(text: $0, path: "", sha256: "").form == .verbatim) == verbatim }

let dir = URL(fileURLWithPath: keep ?? NSTemporaryDirectory() + "gijiroku-bench-\(getpid())")
try? FileManager.default.removeItem(at: dir)
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)

// Generate documents the size of real minutes (the reference minutes are 11–12 KB):
// the header of one corpus document followed by the bodies (from the first block label
// on) of several others, with the city's name varied so that no two files are equal.
let cities = ["汐見川", "青葉台", "白砂浜", "朝霧野", "雲雀丘", "水鏡", "若草", "月見坂"]
func split(_ text: String) -> (header: String, body: String) {
    guard let r = text.range(of: "\n＜") ?? text.range(of: "\n<") else { return (text, "") }
    return (String(text[..<r.lowerBound]) + "\n", String(text[r.lowerBound...]))
}
/// A verbatim record: its header (the lines before the first speech), and the rest.
func splitVerbatim(_ text: String) -> (header: String, body: String) {
    let first = MinutesParser().parse(text: text, path: "", sha256: "").speeches.first?.lines.start ?? 1
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.prefix(first - 1).joined(separator: "\n") + "\n", lines.dropFirst(first - 1).joined(separator: "\n") + "\n")
}
let parts = templates.map(verbatim ? splitVerbatim : split)
let headers = parts.map(\.header)
let bodies = parts.map(\.body).filter { !$0.isEmpty }
var files: [URL] = []
var totalBytes = 0
var n = 0
while convertMode || reindexMode ? n < documentCount : totalBytes < megabytes * 1_000_000 {
    var text = headers[n % headers.count]
    var k = 0
    if verbatim {
        // A plenary day's record is 100–400 KB: the record's own proceedings, again and again.
        let body = parts[n % parts.count].body
        while text.utf8.count < 100_000 + (n % 7) * 40_000 { text += body }
    }
    while text.utf8.count < 9_000 + (n % 5) * 1_000 {
        text += bodies[(n + k * 7) % bodies.count]
        k += 1
    }
    text = text.replacingOccurrences(of: "汐見川", with: cities[(n / headers.count) % cities.count])
    // The first 1 000 documents in their own folder, for the memory run at 1 000.
    let folder = convertMode ? dir.appendingPathComponent(n < 1_000 ? "first/\(n / 100)" : String(format: "rest/%02d/%03d", n % 16, n / 160)) : dir
    if convertMode { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    let url = folder.appendingPathComponent(String(format: "minutes-%06d.txt", n))
    let data = Data(text.utf8)
    try data.write(to: url)
    files.append(url)
    totalBytes += data.count
    n += 1
}

// --reindex: `gijiroku index` of 2 000 documents when 100, 1 000 or 2 000 of them changed,
// against indexing as many new documents into an index of the others.
if reindexMode {
    func runIndex(_ db: String, _ paths: [String]) throws -> Double {
        let listFile = dir.appendingPathComponent("list-\(UUID().uuidString)").path
        try paths.joined(separator: "\n").write(toFile: listFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: listFile) }
        return try shell("xargs -d '\\n' \"$0\" index --db \"$1\" --quiet < \"$2\" > /dev/null", cliBinary, db, listFile)
    }
    let paths = files.map(\.path)
    print("Gijiroku re-index benchmark: \(paths.count) documents, \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB, release binary, one run each")
    print("")
    print("| changed of \(paths.count) | re-index (changed files replaced) | index as many new files into an index of the rest | ratio |")
    print("|---|---|---|---|")
    for changed in [100, 1_000, paths.count] {
        // Re-index: a full index, then `changed` files edited and the whole folder indexed again.
        let db = dir.appendingPathComponent("reindex-\(changed).sqlite").path
        _ = try runIndex(db, paths)
        for path in paths.prefix(changed) {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            handle.seekToEndOfFile()
            handle.write(Data("\n（追記）資料の一部を差し替えた。\n".utf8))
            try handle.close()
        }
        let reindex = try runIndex(db, paths)
        // New: an index of the other files, then the `changed` files added to it.
        let fresh = dir.appendingPathComponent("new-\(changed).sqlite").path
        if changed < paths.count { _ = try runIndex(fresh, Array(paths.dropFirst(changed))) }
        let added = try runIndex(fresh, Array(paths.prefix(changed)))
        print("| \(changed) | \(String(format: "%.2f", reindex)) s | \(String(format: "%.2f", added)) s | \(String(format: "%.2f", reindex / added))× |")
    }
    if keep == nil { try? FileManager.default.removeItem(at: dir) }
    exit(0)
}

// --convert: `gijiroku convert` on the archive, 1 job and all cores, against `cat`.
if convertMode {
    let binary = cliBinary
    // Every run writes a fresh folder, and all are deleted only at the end: deleting ten
    // thousand files just before a run makes ext4's inode allocator scan the recently
    // deleted ones (`recently_deleted`), which would slow whichever run came second.
    var outputs: [String] = []
    /// Peak resident memory of each convert run, read from its own `wait4` (not
    /// `RUSAGE_CHILDREN`, which `swift run` fills with the build it ran before exec'ing us).
    var peaks: [Double] = []
    func convertRun(_ input: String, jobs: Int) throws -> Double {
        let out = NSTemporaryDirectory() + "gijiroku-convert-bench-\(getpid())-\(outputs.count)"
        outputs.append(out)
        let arguments = [binary, "convert", input, "--out", out, "--jobs", String(jobs), "--quiet"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        var usage = rusage()
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned)) }
        var status: Int32 = 0
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let time = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        peaks.append(Double(usage.ru_maxrss) / 1024)   // kilobytes on Linux
        return time
    }
    func peakMB() -> Double { peaks.max() ?? 0 }
    // Peak memory at 1 000 documents first (a subset of the folders), then at the whole archive.
    let small = dir.appendingPathComponent("first").path
    let smallCount = (FileManager.default.enumerator(atPath: small)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".txt") }.count
    _ = try convertRun(small, jobs: ProcessInfo.processInfo.activeProcessorCount)
    let peakSmall = peakMB()
    let cores = ProcessInfo.processInfo.activeProcessorCount
    // Two runs of each, alternating; the faster of each pair is reported.
    var ones: [Double] = [], alls: [Double] = []
    for _ in 0..<2 {
        ones.append(try convertRun(dir.path, jobs: 1))
        alls.append(try convertRun(dir.path, jobs: cores))
    }
    let one = ones.min()!, all = alls.min()!
    let peakLarge = peakMB()
    let catTime = try shell("find \"$0\" -type f -exec cat {} + > /dev/null", dir.path)
    let mb = Double(totalBytes) / 1e6
    print("gijiroku convert benchmark (release build: \(_isDebugAssertConfiguration() ? "NO, debug" : "yes")), \(cores) cores")
    print("archive: \(files.count) documents, \(fmt(mb, 1)) MB (\(fmt(mb * 1000 / Double(files.count), 1)) KB each) in nested folders\n")
    print("| run | time | documents/s | MB/s |")
    print("|---|---|---|---|")
    print("| gijiroku convert --jobs 1 | \(fmt(one)) s | \(fmt(Double(files.count) / one, 0)) | \(fmt(mb / one, 1)) |")
    print("| gijiroku convert --jobs \(cores) | \(fmt(all)) s | \(fmt(Double(files.count) / all, 0)) | \(fmt(mb / all, 1)) |")
    print("| cat (same files) | \(fmt(catTime)) s | \(fmt(Double(files.count) / catTime, 0)) | \(fmt(mb / catTime, 1)) |")
    print("\nruns: --jobs 1 \(ones.map { fmt($0) }.joined(separator: " s, ")) s; --jobs \(cores) \(alls.map { fmt($0) }.joined(separator: " s, ")) s")
    print("speedup on \(cores) cores over 1: \(fmt(one / all))× — target ≥ 1.8×: \(one / all >= 1.8 ? "met" : "NOT met")")
    print("peak resident memory: \(fmt(peakSmall, 1)) MB at \(smallCount) documents, \(fmt(peakLarge, 1)) MB at \(files.count) — target < 200 MB and flat: \(peakLarge < 200 && peakLarge < peakSmall * 1.25 + 10 ? "met" : "NOT met")")
    for out in outputs { try? FileManager.default.removeItem(atPath: out) }
    if keep == nil { try? FileManager.default.removeItem(at: dir) }
    exit(0)
}

// --profile: parse the corpus documents in memory in a loop, nothing else (for perf);
// with PROFILE_MODE=e2e, read and parse the files as `gijiroku parse` does.
if profileOnly {
    var sink = 0
    let texts = try files.map { try TextDecoder().decode(Data(contentsOf: $0), path: "").text }
    let loops = Int(ProcessInfo.processInfo.environment["PROFILE_LOOPS"] ?? "") ?? 5
    let endToEnd = ProcessInfo.processInfo.environment["PROFILE_MODE"] == "e2e"
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<loops {
        if endToEnd { for url in files { sink &+= try SourceFile(path: url.path).parse().warnings.count } }
        else { for t in texts { sink &+= MinutesParser().parse(text: t, path: "", sha256: "").agenda.count } }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let mb = Double(texts.reduce(0) { $0 + $1.utf8.count }) * Double(loops) / 1e6
    print("sink \(sink); parse(text:) \(fmt(elapsed)) s for \(fmt(mb, 1)) MB: \(fmt(mb / elapsed, 1)) MB/s")
    exit(0)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The wall time of `/bin/sh -c script arguments…`, from spawning it to its exit, read with
/// `posix_spawn` and `waitpid`. (Foundation's `Process.waitUntilExit()` on Linux looks for the
/// exit every 50 ms, which rounded every time up to the next 50 ms: 10 % of `wc -m`'s 0.5 s.)
func shell(_ script: String, _ arguments: String...) throws -> Double {
    let argv = (["/bin/sh", "-c", script] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
    guard spawned == 0 else { throw NSError(domain: NSPOSIXErrorDomain, code: Int(spawned)) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if status != 0 { FileHandle.standardError.write(Data("gijiroku-bench: sh -c \(script) exited with status \(status)\n".utf8)) }
    return elapsed
}

// Where the time goes, on the same files already in memory (diagnostic only).
if breakdown {
    let blobs = try files.map { try Data(contentsOf: $0) }
    let texts = try blobs.map { try TextDecoder().decode($0, path: "").text }
    var sink = 0
    func stage(_ name: String, _ body: () throws -> Void) rethrows {
        let t = try seconds(body)
        print("  \(name): \(String(format: "%.3f", t)) s (\(String(format: "%.1f", Double(totalBytes) / 1e6 / t)) MB/s)")
    }
    print("breakdown over \(files.count) files in memory:")
    try stage("read files") { for url in files { sink &+= try Data(contentsOf: url).count } }
    try stage("decode") { for b in blobs { sink &+= try TextDecoder().decode(b, path: "").text.utf8.count } }
    stage("sha256") { for b in blobs { sink &+= SHA256.hex(of: b).count } }
    stage("split lines") { for t in texts { sink &+= SourceLine.split(t).count } }
    stage("parse(text:) without sha") { for t in texts { sink &+= MinutesParser().parse(text: t, path: "", sha256: "").agenda.count } }
    // Thread scaling: the same work on 1 and on 2 threads.
    let works: [(String, @Sendable (String) -> Void)] = [("parse", { (t: String) in _ = MinutesParser().parse(text: t, path: "", sha256: "") }),
                          ("parse + JSON", { (t: String) in _ = try? RecordEncoder.json(MinutesParser().parse(text: t, path: "", sha256: "")) })]
    for (label, work) in works {
        let one = seconds { for t in texts { work(t) } }
        let two = seconds {
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                for (i, t) in texts.enumerated() where i % 2 == half { work(t) }
            }
        }
        print("  threads, \(label): 1 thread \(String(format: "%.3f", one)) s, 2 threads \(String(format: "%.3f", two)) s, speedup \(String(format: "%.2f", one / two))×")
    }
    print("  (sink \(sink))")
}

// Parse, one core; best of three runs. `ParsedDocument.read(path:)` is what `gijiroku parse`
// does for each file before printing: read, SHA-256, decode, detect the kind, parse.
var checksum = 0
var parseTimes: [Double] = []
for _ in 0..<3 {
    checksum = 0
    parseTimes.append(try seconds {
        for url in files {
            guard case .minutes(let m) = try SourceFile(path: url.path).parse() else { preconditionFailure("\(url.path) not detected as minutes") }
            checksum &+= m.agenda.count + m.attendees.count + m.warnings.count
        }
    })
}
let parseTime = parseTimes.min()!

// The same, told the kind (`gijiroku parse --kind minutes`): no detection.
var knownKindTimes: [Double] = []
for _ in 0..<3 {
    knownKindTimes.append(try seconds {
        for url in files { _ = try SourceFile(path: url.path).parse(kind: .minutes) }
    })
}
let knownKindTime = knownKindTimes.min()!

// The parsing stage alone, on the same files already decoded in memory (best of three):
// what the end-to-end figure spends outside reading, decoding and hashing.
let decodedTexts = try files.map { try TextDecoder().decode(Data(contentsOf: $0), path: $0.path).text }
var memoryTimes: [Double] = []
var memoryChecksum = 0
for _ in 0..<3 {
    memoryChecksum = 0
    memoryTimes.append(seconds {
        for text in decodedTexts {
            let m = MinutesParser().parse(text: text, path: "", sha256: "")
            memoryChecksum &+= m.agenda.count + m.attendees.count + m.warnings.count
        }
    })
}
// The same records either way.
precondition(memoryChecksum == checksum, "in-memory parse gave different records")
let memoryTime = memoryTimes.min()!

// Baseline: wc -m over the same files, best of three.
func runWC() throws -> Double {
    try shell("export LC_ALL=C.UTF-8; cd \"$0\" && ls | xargs wc -m | tail -n 1 > /dev/null", dir.path)
}

// The release binary end to end, as a user runs it: `gijiroku parse DIR` writing JSON Lines
// and pretty JSON into a pipe read by `cat`.
func runCLI(_ format: String) throws -> Double {
    try shell("\"$0\" parse \"$1\" --format \"$2\" --quiet | cat > /dev/null", cliBinary, dir.path, format)
}
// Taken in turn with `wc -m`, five rounds of the three: this machine's speed drifts from one
// minute to the next (another tenant's load), and a baseline timed a minute before the
// binary it is set against can move a ratio by a third. The best time of each over the
// rounds, and the median of each round's own ratio.
var rounds: [(wc: Double, jsonl: Double, json: Double)] = []
for _ in 0..<5 { rounds.append((try runWC(), try runCLI("jsonl"), try runCLI("json"))) }
let wcTime = rounds.map(\.wc).min()!
let jsonlTime = rounds.map(\.jsonl).min()!
let jsonTime = rounds.map(\.json).min()!
func median(_ values: [Double]) -> Double { let s = values.sorted(); return s[s.count / 2] }
let jsonlRoundRatio = median(rounds.map { $0.jsonl / $0.wc })
let jsonRoundRatio = median(rounds.map { $0.json / $0.wc })

let mb = Double(totalBytes) / 1_000_000
func fmt(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
print("Gijiroku parse benchmark (release build: \(_isDebugAssertConfiguration() ? "NO, debug" : "yes"))")
print("archive: \(files.count) files (\(fmt(mb * 1000 / Double(files.count), 1)) KB on average), \(fmt(mb, 1)) MB of UTF-8 \(verbatim ? "verbatim records" : "summary minutes") generated from \(templates.count) corpus documents")
print("")
print("| what | time (best of 3; of 5 rounds for the last three) | throughput | vs wc -m |")
print("|---|---|---|---|")
print("| gijiroku parse (1 core: read, SHA-256, decode, detect the kind, parse) | \(fmt(parseTime)) s | \(fmt(mb / parseTime, 1)) MB/s | \(fmt(parseTime / wcTime, 1))× |")
print("| gijiroku parse --kind minutes (the same without detecting the kind) | \(fmt(knownKindTime)) s | \(fmt(mb / knownKindTime, 1)) MB/s | \(fmt(knownKindTime / wcTime, 1))× |")
print("| parse(text:) only, text already decoded in memory (1 core) | \(fmt(memoryTime)) s | \(fmt(mb / memoryTime, 1)) MB/s | \(fmt(memoryTime / wcTime, 1))× |")
print("| gijiroku parse DIR --format jsonl \\| cat (release binary: all of the above, and the JSON written to a pipe) | \(fmt(jsonlTime)) s | \(fmt(mb / jsonlTime, 1)) MB/s | \(fmt(jsonlTime / wcTime, 2))× |")
print("| gijiroku parse DIR --format json \\| cat (pretty JSON) | \(fmt(jsonTime)) s | \(fmt(mb / jsonTime, 1)) MB/s | \(fmt(jsonTime / wcTime, 2))× |")
print("| wc -m (LC_ALL=C.UTF-8) | \(fmt(wcTime)) s | \(fmt(mb / wcTime, 1)) MB/s | 1.0× |")
print("")
print("target: at least 50 MB/s on one core, end to end without writing — \(mb / parseTime >= 50 ? "met" : "NOT met")  (checksum \(checksum))")
print("each round's own ratio, median of 5: jsonl \(fmt(jsonlRoundRatio))×, json \(fmt(jsonRoundRatio))×")
print("target: --format jsonl at most 1.5× wc -m — \(jsonlTime / wcTime <= 1.5 ? "met" : "NOT met"); --format json at most 2× — \(jsonTime / wcTime <= 2 ? "met" : "NOT met")")
if keep == nil { try? FileManager.default.removeItem(at: dir) }
