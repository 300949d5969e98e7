import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuInput
import GijirokuMessages

/// Where a command writes, in which language, and what it may read from its environment.
///
/// Commands never print directly: results go to ``output``, messages to ``errors``, both
/// in ``language``; tests pass strings, the binary passes the standard streams.
struct Console {
    var output: any TextOutputStream
    var errors: any TextOutputStream
    let language: Language
    let environment: [String: String]
    let standardInput: () -> [UInt8]
    /// The command's name as printed before its messages (`gijiroku search`).
    var commandName = "gijiroku"

    /// Whether results go straight to a terminal (where a person reads them as they come),
    /// not to a pipe, a file or a string.
    var outputIsTerminal: Bool {
        guard let stream = output as? StandardStream else { return false }
        return isatty(stream.handle.fileDescriptor) != 0
    }

    /// An agenda item as a line shows it: its number and its title, either of which may be
    /// missing (a record that numbers its items without titles), with no space left over.
    ///
    /// ```swift
    /// console.agendaLine(number: 2, title: "予算について")   // "議題2 予算について"
    /// console.agendaLine(number: 2, title: nil)              // "議題2"; in English "Agenda 2"
    /// ```
    func agendaLine(number: Int?, title: String?) -> String {
        // The English word ends in a space (`Agenda 2`), which goes when no number follows.
        let label = (text(.wordAgenda) + (number.map(String.init) ?? "")).trimmingCharacters(in: .whitespaces)
        return [label, title ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The catalogue text of `key` in the console's language.
    func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
        Message(key, arguments).text(in: language)
    }

    func text(_ message: Message) -> String { message.text(in: language) }

    /// Writes `text` with its control characters shown, never obeyed: a document or a file
    /// name that holds an escape sequence cannot retitle, clear or colour the terminal.
    mutating func write(_ text: String) { output.write(Self.visible(text)) }

    /// Writes CSV: its rows end in CR LF, as spreadsheets expect, which `write` would show as
    /// `\u{D}`; every other control character is shown escaped, as `write` shows it.
    mutating func writeCSV(_ csv: String) {
        output.write(csv.components(separatedBy: "\r\n").map(Self.visible).joined(separator: "\r\n"))
    }

    /// A line for the person at the terminal, not the output: standard error, without a
    /// label (`「子供」は見つかりませんでした`), so that a script reading standard output
    /// gets nothing where nothing was found.
    mutating func note(_ text: String) { errors.write(Self.visible(text) + "\n") }

    /// Writes JSON as it is: the writer escapes every control character in its strings
    /// (C0, DEL and C1 as `\u00XX`), so no escape sequence can reach the terminal, and
    /// `visible`'s `\u{1B}` would make it invalid JSON.
    mutating func writeJSON(_ json: String) { output.write(json) }

    /// The same for JSON already written as UTF-8: handed on as bytes where the output takes them.
    mutating func writeJSON(_ json: [UInt8]) {
        if var stream = output as? any ByteOutputStream {
            stream.write(bytes: json)
            output = stream
        } else {
            output.write(String(decoding: json, as: UTF8.self))
        }
    }

    /// C0 controls except tab and newline, DEL, C1 controls (and so ESC and CSI) as `\u{1B}`.
    ///
    /// ```swift
    /// Console.visible("議事\u{1B}]0;title\u{07}録")   // "議事\\u{1B}]0;title\\u{07}録"
    /// ```
    static func visible(_ text: String) -> String {
        // Cheap first: most outputs hold no control character at all.
        var bytes = text
        let clean = bytes.withUTF8 { utf8 in
            for b in utf8 where (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F || b == 0xC2 { return false }
            return true
        }
        guard !clean else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) {
                out.append(contentsOf: "\\u{\(String(v, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The message for a path given that was not found, saying why when it can.
    static func missing(_ path: String) -> Message {
        switch FileWalker.missingReason(path) {
        case .symlinkLoop: return Message(.inputSymlinkLoop)
        case .notPermitted: return Message(.inputFolderUnreadable)
        case .nothingThere: return Message(.inputNoSuchPath)
        }
    }

    /// `gijiroku CMD: error: …` on standard error.
    mutating func error(_ message: Message) {
        errors.write(Self.visible("\(commandName): \(text(.labelError)): \(text(message))") + "\n")
    }

    mutating func error(_ key: MessageKey, _ arguments: [String: String] = [:]) { error(Message(key, arguments)) }

    /// `path:line: error: …`, compiler-style, for a problem with one input.
    mutating func error(at location: SourceLocation, _ message: Message) {
        errors.write(Self.visible("\(Self.shown(location)): \(text(.labelError)): \(text(message))") + "\n")
    }

    /// `path:line: warning: …` for a parse warning.
    mutating func warning(at location: SourceLocation, _ message: Message) {
        errors.write(Self.visible("\(Self.shown(location)): \(text(.labelWarning)): \(text(message))") + "\n")
    }

    /// `path:line`, the path quoted when it holds a newline (which would split the line).
    static func shown(_ location: SourceLocation) -> String {
        // (On bytes: Foundation's `contains` searches through CFString, at every warning.)
        guard location.path.utf8.contains(UInt8(ascii: "\n")) else { return location.description }
        let quoted = "\"" + location.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
        return quoted + location.description.dropFirst(location.path.count)
    }

    /// A usage error, with the suggestion and a pointer to the command's help.
    mutating func usage(_ error: UsageError) -> Int32 {
        var line = "\(commandName): \(text(.labelError)): \(text(error.message))"
        if let suggestion = error.suggestion { line += text(.usageDidYouMean, ["suggestion": suggestion]) }
        errors.write(line + "\n" + text(.usageSeeHelp, ["command": commandName]) + "\n")
        return ExitCode.usage
    }

    mutating func usage(_ key: MessageKey, _ arguments: [String: String] = [:]) -> Int32 {
        usage(UsageError(key, arguments))
    }

    /// `--db`, or the default index of the environment.
    func databasePath(_ arguments: ParsedArguments) -> String {
        arguments.value("db") ?? SearchIndex.defaultPath(environment: environment)
    }

    /// An index error: its message, and the exit code its kind calls for.
    mutating func fail(_ error: IndexError) -> Int32 {
        self.error(error.message(separator: text(.listSeparator)))
        return error.exitCode
    }

    /// Runs a command's work on the index: an index error becomes its message and exit code,
    /// an output that cannot be encoded a data error.
    mutating func withIndex(_ body: (inout Console) throws -> Int32) -> Int32 {
        do {
            return try body(&self)
        } catch let error as IndexError {
            return fail(error)
        } catch {
            self.error(.outputEncodingFailed, ["reason": "\(error)"])
            return ExitCode.dataError
        }
    }
}
