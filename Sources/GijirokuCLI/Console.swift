import Foundation
import Gijiroku
import GijirokuIndex
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

    /// The catalogue text of `key` in the console's language.
    func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
        Message(key, arguments).text(in: language)
    }

    func text(_ message: Message) -> String { message.text(in: language) }

    mutating func write(_ text: String) { output.write(text) }

    /// `gijiroku CMD: error: …` on standard error.
    mutating func error(_ message: Message) {
        errors.write("\(commandName): \(text(.labelError)): \(text(message))\n")
    }

    mutating func error(_ key: MessageKey, _ arguments: [String: String] = [:]) { error(Message(key, arguments)) }

    /// `path:line: error: …`, compiler-style, for a problem with one input.
    mutating func error(at location: SourceLocation, _ message: Message) {
        errors.write("\(location): \(text(.labelError)): \(text(message))\n")
    }

    /// `path:line: warning: …` for a parse warning.
    mutating func warning(at location: SourceLocation, _ message: Message) {
        errors.write("\(location): \(text(.labelWarning)): \(text(message))\n")
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
