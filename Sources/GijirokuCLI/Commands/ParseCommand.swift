import Foundation
import Gijiroku
import GijirokuInput
import GijirokuMessages

/// `gijiroku parse FILE|DIR|- ... [--format json|jsonl|markdown] [--kind K] [--strict] [--max-file-size MB] [--quiet]`
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

        let walk = FileWalker.walk(arguments.positional)
        var failures = walk.missing.count
        for path in walk.missing { console.error(at: SourceLocation(path: path), Console.missing(path)) }
        for path in walk.unreadable { console.error(at: SourceLocation(path: path), Message(.inputFolderUnreadable)) }
        failures += walk.unreadable.count
        // Several files in JSON, or one file of several meetings: an array, written record
        // by record so memory stays flat.
        var array = format == "json" && walk.files.count > 1
        var written = 0
        if array { console.write("[\n") }
        let standardInput = console.standardInput
        // Progress on standard error for a folder or many files, as `convert` shows it.
        var progress = Progress(total: walk.files.count, quiet: quiet || walk.files.count < 2)
        defer { progress.finish(console: &console) }
        for (n, entry) in walk.files.enumerated() {
            defer { progress.update(done: n + 1, failures: failures, console: &console) }
            let document: ParsedDocument
            do {
                document = try SourceFile(path: entry.path, limits: limits) { Data(standardInput()) }.parse(kind: kind)
            } catch {
                console.error(at: error.location, error.message)
                failures += 1
                continue
            }
            if !quiet {
                for w in document.warnings { console.warning(at: SourceLocation(path: entry.path, line: w.line), w.text) }
            }
            if strict && !document.warnings.isEmpty { failures += 1 }
            // A page of several meetings gives one record per meeting.
            let records = document.meetings
            if format == "json", !array, records.count > 1 {
                array = true
                console.write("[\n")
            }
            for record in records {
                switch format {
                case "jsonl":
                    guard let line = encode(record, &console, RecordEncoder.jsonLine) else { failures += 1; continue }
                    console.writeJSON(line + "\n")
                case "markdown":
                    console.write(Markdown.render(record))
                    if walk.files.count > 1 || records.count > 1 { console.write("\n---\n\n") }
                default:
                    guard let json = encode(record, &console, array ? RecordEncoder.jsonElement : RecordEncoder.json) else { failures += 1; continue }
                    if array && written > 0 { console.write(",\n") }
                    console.writeJSON(json)
                    written += 1
                }
            }
        }
        if array { console.write(written > 0 ? "\n]\n" : "]\n") }
        return ExitCode.of(failures: failures, total: walk.files.count + walk.missing.count)
    }

    /// The record's JSON, or `nil` after saying why it cannot be made.
    static func encode(_ document: ParsedDocument, _ console: inout Console, _ encoder: (ParsedDocument) throws -> String) -> String? {
        do { return try encoder(document) } catch {
            console.error(at: SourceLocation(path: document.source.path), Message(.outputEncodingFailed, ["reason": "\(error)"]))
            return nil
        }
    }
}
