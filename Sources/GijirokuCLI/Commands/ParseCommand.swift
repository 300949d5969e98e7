import Foundation
import Gijiroku

/// `gijiroku parse FILE|DIR... [--format json|jsonl|markdown] [--strict]`
///
/// Parses each file into a ``Minutes`` record and writes it to standard output: JSON (an
/// array when there are several files), JSON Lines, or Markdown. Warnings and errors go
/// to standard error compiler-style (`path:line: warning: …`). A bad file never stops
/// the others. `--strict` makes warnings count as failures.
enum ParseCommand {
    enum Format: String { case json, jsonl, markdown }

    static func run<O: TextOutputStream, E: TextOutputStream>(
        _ arguments: [String], standardInput: () -> [UInt8], output: inout O, errors: inout E
    ) -> Int32 {
        var format = Format.json
        var kind: DocumentKind?
        var strict = false
        var quiet = false
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            switch arg {
            case "--format", "-f":
                guard i + 1 < arguments.count, let f = Format(rawValue: arguments[i + 1]) else {
                    errors.write("gijiroku parse: error: --format は json、jsonl、markdown のいずれかです\n")
                    return ExitCode.usage
                }
                format = f
                i += 1
            case let a where a.hasPrefix("--format="):
                guard let f = Format(rawValue: String(a.dropFirst("--format=".count))) else {
                    errors.write("gijiroku parse: error: --format は json、jsonl、markdown のいずれかです\n")
                    return ExitCode.usage
                }
                format = f
            case "--kind":
                guard i + 1 < arguments.count, let k = DocumentKind(rawValue: arguments[i + 1]) else {
                    errors.write("gijiroku parse: error: --kind は minutes、plan、document のいずれかです\n")
                    return ExitCode.usage
                }
                kind = k
                i += 1
            case "--strict": strict = true
            case "--quiet", "-q": quiet = true
            case "--help", "-h":
                output.write(GijirokuCommand.usage + "\n")
                return ExitCode.success
            case let a where a.hasPrefix("-") && a != "-":
                errors.write("gijiroku parse: error: 不明なオプションです: \(a)\n")
                return ExitCode.usage
            default:
                paths.append(arg)
            }
            i += 1
        }
        guard !paths.isEmpty else {
            errors.write("gijiroku parse: error: ファイルを指定してください（標準入力は -）\n")
            return ExitCode.usage
        }

        let (files, missing) = InputFiles.expand(paths)
        var failures = missing.count
        for path in missing { errors.write("\(path): error: ファイルまたはフォルダがありません\n") }
        // Several files in JSON: an array, written record by record so memory stays flat.
        let array = format == .json && files.count > 1
        var written = 0
        if array { output.write("[\n") }
        for path in files {
            do {
                let document = try ParsedDocument.read(path: path, kind: kind) { Data(standardInput()) }
                if !quiet {
                    for w in document.warnings {
                        errors.write("\(path)\(w.line.map { ":\($0)" } ?? ""): warning: \(w.message)\n")
                    }
                }
                if strict && !document.warnings.isEmpty { failures += 1 }
                switch format {
                case .json:
                    let json = try RecordEncoder.json(document)
                    if array {
                        if written > 0 { output.write(",\n") }
                        output.write(Self.indented(String(json.dropLast())))
                    } else {
                        output.write(json)
                    }
                    written += 1
                case .jsonl: output.write(try RecordEncoder.jsonLine(document) + "\n")
                case .markdown:
                    switch document {
                    case .minutes(let m): output.write(MarkdownRenderer().render(m))
                    case .plan(let p): output.write(PlanMarkdownRenderer().render(p))
                    case .document(let d): output.write(DocumentMarkdownRenderer().render(d))
                    }
                    if files.count > 1 { output.write("\n---\n\n") }
                }
            } catch let error as InputError {
                errors.write("\(error)\n")
                failures += 1
            } catch {
                errors.write("\(path): error: \(error)\n")
                failures += 1
            }
        }
        if array { output.write(written > 0 ? "\n]\n" : "]\n") }
        let total = files.count + missing.count
        if failures == 0 { return ExitCode.success }
        return failures >= total ? ExitCode.dataError : ExitCode.someFailed
    }

    /// A record indented by two spaces, as an element of the array.
    static func indented(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

}
