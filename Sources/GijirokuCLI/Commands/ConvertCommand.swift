import Foundation
import Gijiroku

/// `gijiroku convert INPUT... --out DIR [--format json|jsonl|csv|markdown] [--jobs N] [--force] [--quiet]`
///
/// Converts whole archives. The output mirrors the input tree (`a/b/c.pdf` →
/// `DIR/a/b/c.json`), or is one `records.jsonl`, or two CSV files (`exchanges.csv`,
/// `directives.csv`). Files are parsed on every core, a chunk at a time, and written in
/// input order, so output does not depend on `--jobs` and memory does not grow with the
/// archive. Every output is written to `DIR/.gijiroku-tmp/` and renamed into place, so a
/// run killed at any moment leaves only complete files. An output newer than its input and
/// made by the same Gijiroku version is skipped unless `--force`. Failures never stop the
/// run: each is a line of `DIR/failures.jsonl`. Exit code 0 when all succeeded, 1 when some
/// failed, 2 on a usage error.
enum ConvertCommand {
    enum Format: String { case json, jsonl, csv, markdown }

    static let usageError: Int32 = 2
    static let chunkSize = 256

    static func run<O: TextOutputStream, E: TextOutputStream>(_ arguments: [String], output: inout O, errors: inout E) -> Int32 {
        var options = OptionReader(arguments, command: "convert")
        let out = options.value("--out")
        let formatText = options.value("--format") ?? "json"
        let jobsText = options.value("--jobs")
        let force = options.flag("--force")
        let quiet = options.flag("--quiet") || options.flag("-q")
        let inputs = options.positional
        if let problem = options.problem { errors.write(problem + "\n"); return usageError }
        guard let out, !out.isEmpty else { errors.write("gijiroku convert: error: --out DIR を指定してください\n"); return usageError }
        guard let format = Format(rawValue: formatText) else {
            errors.write("gijiroku convert: error: --format は json、jsonl、csv、markdown のいずれかです\n"); return usageError
        }
        guard !inputs.isEmpty else { errors.write("gijiroku convert: error: 変換するファイルまたはフォルダを指定してください\n"); return usageError }
        let jobs: Int
        if let jobsText {
            guard let n = Int(jobsText), n >= 1, n <= 256 else { errors.write("gijiroku convert: error: --jobs は 1 以上の数です\n"); return usageError }
            jobs = n
        } else {
            jobs = ProcessInfo.processInfo.activeProcessorCount
        }

        let start = Date()
        let files = ArchiveFiles.expand(inputs)
        var converter = Converter(outputDirectory: out, format: format, jobs: jobs, force: force)
        do { try converter.prepare() } catch {
            errors.write("gijiroku convert: error: 出力先を用意できません: \(out): \(error)\n"); return 1
        }
        var progress = Progress(total: files.entries.count + files.missing.count, quiet: quiet)
        for path in files.missing { converter.fail(path, reason: "ファイルまたはフォルダがありません", line: nil) }
        var i = 0
        while i < files.entries.count {
            let chunk = Array(files.entries[i..<min(files.entries.count, i + chunkSize)])
            converter.convert(chunk)
            i += chunk.count
            progress.update(done: i + files.missing.count, failures: converter.summary.failed, errors: &errors)
        }
        do { try converter.finish() } catch {
            errors.write("gijiroku convert: error: 出力を書き終えられません: \(error)\n"); return 1
        }
        progress.finish(errors: &errors)
        for failure in converter.failures { errors.write("\(failure.path)\(failure.line.map { ":\($0)" } ?? ""): error: \(failure.reason)\n") }
        output.write(converter.summary.report(seconds: Date().timeIntervalSince(start), outputDirectory: out))
        return converter.summary.failed == 0 ? 0 : 1
    }
}

/// The files of an archive with the path each output takes under the output directory.
struct ArchiveFiles {
    struct Entry: Sendable { let path: String; let relative: String }
    var entries: [Entry] = []
    var missing: [String] = []

    static func expand(_ inputs: [String]) -> ArchiveFiles {
        var result = ArchiveFiles()
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                // A link to nothing, for example: report it rather than skip it.
                if (try? fm.destinationOfSymbolicLink(atPath: input)) != nil {
                    result.entries.append(Entry(path: input, relative: (input as NSString).lastPathComponent))
                } else {
                    result.missing.append(input)
                }
                continue
            }
            guard isDirectory.boolValue else {
                result.entries.append(Entry(path: input, relative: (input as NSString).lastPathComponent))
                continue
            }
            let (files, _) = InputFiles.expand([input], includeBrokenLinks: true)
            let base = input.hasSuffix("/") ? input : input + "/"
            for file in files {
                result.entries.append(Entry(path: file, relative: file.hasPrefix(base) ? String(file.dropFirst(base.count)) : (file as NSString).lastPathComponent))
            }
        }
        return result
    }
}
