import Foundation
import Gijiroku
import GijirokuInput
import GijirokuMessages

/// `gijiroku parse FILE|DIR|- ... [--format json|jsonl|markdown] [--kind K] [--strict] [--jobs N] [--max-file-size MB] [--quiet]`
///
/// Parses each file into a record (one per meeting when a page holds several) and writes it
/// to standard output: JSON (an array when there are several records), JSON Lines, or Markdown. Warnings and errors go to standard
/// error compiler-style (`path:line: warning: …`). A bad file never stops the others.
/// `--strict` makes warnings count as failures.
enum ParseCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        let format = arguments.value("format") ?? "json"
        let kind = arguments.value("kind").flatMap(DocumentKind.init(rawValue:))
        let strict = arguments.flag("strict")
        let quiet = arguments.flag("quiet")
        guard !arguments.positional.isEmpty else { return console.usage(.parseNoInput) }
        guard let limits = arguments.inputLimits else { return console.usage(.usageMaxFileSize, ["value": arguments.value("max-file-size") ?? ""]) }
        guard let jobs = arguments.jobs else { return console.usage(.usageJobsRange, ["value": arguments.value("jobs") ?? ""]) }

        let walk = FileWalker.walk(arguments.positional)
        var failures = walk.missing.count
        for path in walk.missing { console.error(at: SourceLocation(path: path), Console.missing(path)) }
        for path in walk.unreadable { console.error(at: SourceLocation(path: path), Message(.inputFolderUnreadable)) }
        failures += walk.unreadable.count
        // Several files in JSON, or one file of several meetings: an array, written record
        // by record so memory stays flat.
        var output = Output(format: format, severalFiles: walk.files.count > 1)
        output.start(console: &console)
        // Standard input is read once, here, for the first `-`.
        let paths = walk.files.map(\.path)
        var given: [Int: Data] = [:]
        if let first = paths.firstIndex(of: "-") { given[first] = Data(console.standardInput()) }
        // Progress on standard error for a folder or many files, as `convert` shows it.
        var progress = Progress(total: walk.files.count, quiet: quiet || walk.files.count < 2)
        defer { progress.finish(console: &console) }
        // Files are read, parsed and rendered on `jobs` threads a window at a time, and
        // written in input order: the output does not depend on `--jobs`. The next window is
        // parsed while this one is written.
        let window = max(16, 16 * jobs)
        let pipeline = ParsePipeline(jobs: jobs, kind: kind, limits: limits)
        let arrayFromStart = output.array
        let windows = stride(from: 0, to: paths.count, by: window).map { $0..<min(paths.count, $0 + window) }
        let givenData = given
        func parse(_ range: Range<Int>) -> Ahead<[ParsePipeline.Outcome<Rendered>]> {
            let files = Array(paths[range])
            let inWindow = givenData.filter { range.contains($0.key) }.reduce(into: [Int: Data]()) { $0[$1.key - range.lowerBound] = $1.value }
            return Ahead {
                pipeline.run(files, given: inWindow) { _, document, _ in Rendered(document, format: format, array: arrayFromStart) }
            }
        }
        var ahead = windows.first.map(parse)
        for (k, range) in windows.enumerated() {
            let windowStart = range.lowerBound
            let outcomes = ahead!.value()
            ahead = k + 1 < windows.count ? parse(windows[k + 1]) : nil
            for (offset, outcome) in outcomes.enumerated() {
                let path = paths[windowStart + offset]
                defer { progress.update(done: windowStart + offset + 1, failures: failures, console: &console) }
                let rendered: Rendered
                switch outcome {
                case .done(let done): rendered = done
                case .failed(let error):
                    console.error(at: error.location, error.message)
                    failures += 1
                    continue
                case .skipped, .unchanged: continue
                }
                failures += output.write(rendered, path: path, quiet: quiet, strict: strict, console: &console)
            }
        }
        output.finish(console: &console)
        return ExitCode.of(failures: failures, total: walk.files.count + walk.missing.count)
    }

    /// What has been written so far: whether the records are an array (several files in
    /// JSON, or one file of several meetings), and how many.
    struct Output {
        let format: String
        let severalFiles: Bool
        private(set) var array: Bool
        private var written = 0

        init(format: String, severalFiles: Bool) {
            self.format = format
            self.severalFiles = severalFiles
            array = format == "json" && severalFiles
        }

        func start(console: inout Console) {
            if array { console.write("[\n") }
        }

        /// Writes one file's warnings and records, in that order; the number of failures
        /// they count (a record that could not be encoded, warnings under `--strict`).
        mutating func write(_ rendered: Rendered, path: String, quiet: Bool, strict: Bool, console: inout Console) -> Int {
            var failures = 0
            if !quiet {
                for w in rendered.warnings { console.warning(at: SourceLocation(path: path, line: w.line), w.text) }
            }
            if strict && !rendered.warnings.isEmpty { failures += 1 }
            if format == "json", !array, rendered.pieces.count > 1 {
                array = true
                console.write("[\n")
            }
            for piece in rendered.pieces {
                switch piece {
                case .failure(let reason):
                    console.error(at: SourceLocation(path: path), Message(.outputEncodingFailed, ["reason": reason.description]))
                    failures += 1
                case .success(.markdown(let text)):
                    console.write(text)
                    if severalFiles || rendered.pieces.count > 1 { console.write("\n---\n\n") }
                case .success(.json(let json)):
                    if format == "jsonl" {
                        console.writeJSON(json)
                        console.writeJSON("\n")
                    } else {
                        if array && written > 0 { console.write(",\n") }
                        console.writeJSON(json)
                        written += 1
                    }
                }
            }
            return failures
        }

        func finish(console: inout Console) {
            if array { console.write(written > 0 ? "\n]\n" : "]\n") }
        }
    }

    /// A file's records as the output shows them, made on the worker that parsed it: its
    /// warnings, and each record's text (or why it could not be encoded).
    struct Rendered: Sendable {
        struct EncodingFailure: Error, Sendable { let description: String }

        /// One record as written: JSON as UTF-8 bytes, Markdown as text (shown with its
        /// control characters escaped).
        enum Piece: Sendable {
            case json([UInt8])
            case markdown(String)
        }

        let warnings: [ParseWarning]
        let pieces: [Result<Piece, EncodingFailure>]

        /// - Parameter array: whether the JSON records are elements of an array (several files).
        init(_ document: ParsedDocument, format: String, array: Bool) {
            warnings = document.warnings
            // A page of several meetings gives one record per meeting.
            let records = document.meetings
            let asArray = array || records.count > 1
            pieces = records.map { record in
                if format == "markdown" { return .success(.markdown(Markdown.render(record))) }
                do {
                    switch format {
                    case "jsonl": return .success(.json(try RecordEncoder.jsonLineUTF8(record)))
                    default: return .success(.json(try asArray ? RecordEncoder.jsonElementUTF8(record) : RecordEncoder.jsonUTF8(record)))
                    }
                } catch {
                    return .failure(EncodingFailure(description: "\(error)"))
                }
            }
        }
    }
}

/// Work started on another thread now, its result taken later (`value()` waits for it).
final class Ahead<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result, once the work has finished (once only).
    func value() -> T {
        done.wait()
        return result!
    }
}
