import Foundation
import Gijiroku
import GijirokuMessages

/// The `gijiroku` command: finds the command in ``CommandTable``, parses its arguments with
/// ``ArgumentParser`` and runs it; `help`, `--help`, `-h` and `--version` are answered here.
///
/// Callable in-process, so tests check exit code, standard output and standard error:
///
/// ```swift
/// var out = "", err = ""
/// let code = GijirokuCommand.run(["parse", "Corpus/minutes/shiomigawa-kosodate-01.txt"], output: &out, errors: &err)
/// ```
public enum GijirokuCommand {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// Runs one command line.
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - environment: where the language (`GIJIROKU_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`)
    ///     and the default index (`GIJIROKU_DB`, `XDG_DATA_HOME`, `HOME`) are read.
    ///   - standardInput: reads standard input, for `parse -`.
    ///   - output: where results go (standard output in the binary).
    ///   - errors: where progress, warnings and errors go (standard error in the binary).
    /// - Returns: the exit code (``ExitCode``).
    public static func run<O: TextOutputStream, E: TextOutputStream>(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        standardInput: @escaping () -> [UInt8] = { readStandardInput() },
        output: inout O, errors: inout E
    ) -> Int32 {
        var console = Console(output: output, errors: errors, language: Language(environment: environment),
                              environment: environment, standardInput: standardInput)
        let code = run(arguments, &console)
        // Strings come back with what was written; streams are stateless.
        if let o = console.output as? O { output = o }
        if let e = console.errors as? E { errors = e }
        return code
    }

    static func run(_ arguments: [String], _ console: inout Console) -> Int32 {
        guard let first = arguments.first else {
            console.errors.write(HelpText.overview(console.language))
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h":
            console.write(HelpText.overview(console.language))
            return ExitCode.success
        case "help":
            let rest = Array(arguments.dropFirst())
            guard !rest.isEmpty else { console.write(HelpText.overview(console.language)); return ExitCode.success }
            guard let command = CommandTable.find(rest) else { return unknownCommand(rest.joined(separator: " "), &console) }
            console.write(HelpText.command(command.spec, language: console.language))
            return ExitCode.success
        case "--version", "-V", "version":
            console.write("gijiroku \(version)\n")
            return ExitCode.success
        default:
            guard let found = CommandTable.find(arguments) else { return unknownCommand(first, &console) }
            console.commandName = "gijiroku " + found.spec.name
            let parsed: ParsedArguments?
            do { parsed = try ArgumentParser(command: found.spec).parse(found.rest) }
            catch { return console.usage(error) }
            guard let parsed else {
                console.write(HelpText.command(found.spec, language: console.language))
                return ExitCode.success
            }
            return found.spec.run(parsed, &console)
        }
    }

    private static func unknownCommand(_ name: String, _ console: inout Console) -> Int32 {
        let suggestion = Suggestion.nearest(to: name, in: CommandTable.commands.map(\.name) + ["help"])
        return console.usage(UsageError(.usageUnknownCommand, ["command": name], suggestion: suggestion))
    }
}

/// Reads all of standard input.
public func readStandardInput() -> [UInt8] {
    [UInt8](FileHandle.standardInput.readDataToEndOfFile())
}
