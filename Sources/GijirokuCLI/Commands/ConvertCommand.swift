import Foundation
import Gijiroku
import GijirokuInput
import GijirokuMessages

/// `gijiroku convert INPUT... --out DIR [--format json|jsonl|csv|markdown] [--jobs N] [--force] [--quiet]`
///
/// Converts whole archives. The output mirrors the input tree (`a/b/c.pdf` →
/// `DIR/a/b/c.json`), or is one `records.jsonl`, or two CSV files (`exchanges.csv`,
/// `directives.csv`). Files are read and parsed by ``ParsePipeline`` on every core, a
/// chunk at a time, and written in input order, so output does not depend on `--jobs` and
/// memory does not grow with the archive. Every output is written to `DIR/.gijiroku-tmp/`
/// and renamed into place, so a run killed at any moment leaves only complete files. An
/// output newer than its input and made by the same Gijiroku version is skipped unless
/// `--force`. Failures never stop the run: each is a line of `DIR/failures.jsonl`.
enum ConvertCommand {
    enum Format: String { case json, jsonl, csv, markdown }

    /// The input the output folder is, is inside, or holds, if any (paths resolved, symlinks
    /// followed, so `./a/../b` and a link to `b` are `b`).
    static func overlapping(out: String, inputs: [String]) -> String? {
        let o = FileWalker.canonical(out)
        for input in inputs where input != "-" {
            let i = FileWalker.canonical(input)
            if o == i || o.hasPrefix(i.hasSuffix("/") ? i : i + "/") || i.hasPrefix(o.hasSuffix("/") ? o : o + "/") { return input }
        }
        return nil
    }

    static let chunkSize = 256

    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard let out = arguments.value("out"), !out.isEmpty else { return console.usage(.convertNoOut) }
        let format = Format(rawValue: arguments.value("format") ?? "json") ?? .json
        let inputs = arguments.positional
        guard !inputs.isEmpty else { return console.usage(.convertNoInput) }
        guard let limits = arguments.inputLimits else { return console.usage(.usageMaxFileSize, ["value": arguments.value("max-file-size") ?? ""]) }
        guard let jobs = arguments.jobs else { return console.usage(.usageJobsRange, ["value": arguments.value("jobs") ?? ""]) }

        // The output folder is never an input, inside one, or around one: a run would read its
        // own outputs, or write over its inputs (a `.md` rendered over itself).
        if let input = overlapping(out: out, inputs: inputs) {
            return console.usage(.convertOutputOverlapsInput, ["out": out, "input": input])
        }

        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            return console.usage(.convertOutIsAFile, ["out": out])
        }

        let start = Date()
        let walk = FileWalker.walk(inputs, everyFile: true)
        var converter = Converter(outputDirectory: out, format: format, jobs: jobs, force: arguments.flag("force"), limits: limits,
                                  csvLanguage: CSV.language(arguments, console))
        do { try converter.prepare() } catch {
            // In plain words: the POSIX reason under Foundation's error, not its dump.
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying!.code))) : error.localizedDescription
            console.error(.convertCannotPrepare, ["path": out, "reason": reason])
            return ExitCode.ioError
        }
        var progress = Progress(total: walk.files.count + walk.missing.count + walk.unreadable.count, quiet: arguments.flag("quiet"))
        for path in walk.missing { converter.fail(path, Console.missing(path), line: nil) }
        for path in walk.unreadable { converter.fail(path, Message(.inputFolderUnreadable), line: nil) }
        var i = 0
        while i < walk.files.count {
            let chunk = Array(walk.files[i..<min(walk.files.count, i + chunkSize)])
            converter.convert(chunk)
            i += chunk.count
            progress.update(done: i + walk.missing.count + walk.unreadable.count, failures: converter.summary.failed, console: &console)
        }
        do { try converter.finish() } catch {
            console.error(.convertCannotFinish, ["reason": "\(error)"])
            return ExitCode.ioError
        }
        progress.finish(console: &console)
        for failure in converter.failures {
            console.error(at: SourceLocation(path: failure.path, line: failure.line), failure.message)
        }
        console.write(converter.summary.report(seconds: Date().timeIntervalSince(start), outputDirectory: out, console: console))
        return converter.summary.failed == 0 ? ExitCode.success : ExitCode.someFailed
    }
}
