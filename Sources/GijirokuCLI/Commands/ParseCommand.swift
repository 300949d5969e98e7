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
        var output = Output(format: format, severalFiles: walk.files.count > 1, buffered: console.outputIsTerminal ? 0 : 65_536)
        output.start(console: &console)
        // Standard input is read once, here, for the first `-`.
        let paths = walk.files.map(\.path)
        var given: [Int: Data] = [:]
        if let first = paths.firstIndex(of: "-") { given[first] = Data(console.standardInput()) }
        // Progress on standard error for a folder or many files, as `convert` shows it.
        var progress = Progress(total: walk.files.count, quiet: quiet || walk.files.count < 2)
        defer { progress.finish(console: &console) }
        // Files are read, parsed and rendered on `jobs` threads and written here in input
        // order as soon as each is ready: the output does not depend on `--jobs`, and the
        // workers go on with the next files while one is written.
        let arrayFromStart = output.array
        ParsePipeline(jobs: jobs, kind: kind, limits: limits).stream(paths, given: given, transform: { _, document, _ in
            Rendered(document, format: format, array: arrayFromStart)
        }) { i, outcome in
            defer { progress.update(done: i + 1, failures: failures, console: &console) { output.flush(console: &$0) } }
            switch outcome {
            case .done(let rendered):
                failures += output.write(rendered, path: paths[i], quiet: quiet, strict: strict, console: &console)
            case .failed(let error):
                output.flush(console: &console)
                console.error(at: error.location, error.message)
                failures += 1
            case .skipped, .unchanged:
                break
            }
        }
        output.finish(console: &console)
        return ExitCode.of(failures: failures, total: walk.files.count + walk.missing.count)
    }

    /// What has been written so far: whether the records are an array (several files in
    /// JSON, or one file of several meetings), and how many.
    ///
    /// JSON is gathered into blocks of ``buffered`` bytes before it is written: one record
    /// at a time, a folder of 4 233 files took 9 525 `write` calls into the pipe. Anything
    /// else written (a warning or an error on standard error, Markdown, the array's end)
    /// writes what is gathered first, so the order of everything said is kept.
    struct Output {
        let format: String
        let severalFiles: Bool
        private(set) var array: Bool
        private var written = 0
        /// How many bytes of JSON are gathered before they are written (0: each record at once).
        let buffered: Int
        private var pending: [UInt8] = []

        /// - Parameter buffered: 64 KiB into a pipe or a file; at a terminal, 0.
        init(format: String, severalFiles: Bool, buffered: Int = 0) {
            self.format = format
            self.severalFiles = severalFiles
            self.buffered = buffered
            array = format == "json" && severalFiles
            if buffered > 0 { pending.reserveCapacity(buffered + buffered / 2) }
        }

        /// Writes the JSON gathered so far.
        mutating func flush(console: inout Console) {
            guard !pending.isEmpty else { return }
            console.writeJSON(pending)
            pending.removeAll(keepingCapacity: true)
        }

        /// Gathers `before` (a separator), `json` and `after` (a line end), and writes them
        /// once a block is full.
        private mutating func writeJSON(after before: StaticString = "", _ json: [UInt8], then after: StaticString = "", console: inout Console) {
            before.withUTF8Buffer { pending += $0 }
            pending += json
            after.withUTF8Buffer { pending += $0 }
            if pending.count >= buffered { flush(console: &console) }
        }

        func start(console: inout Console) {
            if array { console.write("[\n") }
        }

        /// Writes one file's warnings and records, in that order; the number of failures
        /// they count (a record that could not be encoded, warnings under `--strict`).
        mutating func write(_ rendered: Rendered, path: String, quiet: Bool, strict: Bool, console: inout Console) -> Int {
            var failures = 0
            if !quiet, !rendered.warnings.isEmpty {
                flush(console: &console)
                for w in rendered.warnings { console.warning(at: SourceLocation(path: path, line: w.line), w.text) }
            }
            if strict && !rendered.warnings.isEmpty { failures += 1 }
            if format == "json", !array, rendered.pieces.count > 1 {
                flush(console: &console)
                array = true
                console.write("[\n")
            }
            for piece in rendered.pieces {
                switch piece {
                case .failure(let reason):
                    flush(console: &console)
                    console.error(at: SourceLocation(path: path), Message(.outputEncodingFailed, ["reason": reason.description]))
                    failures += 1
                case .success(.markdown(let text)):
                    flush(console: &console)
                    console.write(text)
                    if severalFiles || rendered.pieces.count > 1 { console.write("\n---\n\n") }
                case .success(.json(let json)):
                    if format == "jsonl" {
                        writeJSON(json, then: "\n", console: &console)
                    } else {
                        writeJSON(after: array && written > 0 ? ",\n" : "", json, console: &console)
                        written += 1
                    }
                }
            }
            return failures
        }

        mutating func finish(console: inout Console) {
            flush(console: &console)
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
