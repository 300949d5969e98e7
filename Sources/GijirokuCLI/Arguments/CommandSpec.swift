import Foundation
import GijirokuInput
import GijirokuMessages

/// One option of a command, as the command table declares it: the parser, `--help` and the
/// usage errors are all made from this.
///
/// ```swift
/// OptionSpec("format", value: "FORMAT", help: .optionFormat, choices: ["text", "json"], defaultValue: "text")
/// ```
struct OptionSpec: Sendable {
    /// The long name without dashes (`format` for `--format`).
    let name: String
    /// A one-letter alias (`q` for `-q`), if any.
    let short: Character?
    /// The placeholder of the value (`PATH`), or `nil` for a flag.
    let value: String?
    /// What the option means.
    let help: MessageKey
    /// The values it accepts, when they are a closed set.
    let choices: [String]?
    /// The value used when the option is not given, as shown in help.
    let defaultValue: String?

    init(_ name: String, short: Character? = nil, value: String? = nil, help: MessageKey,
         choices: [String]? = nil, defaultValue: String? = nil) {
        self.name = name
        self.short = short
        self.value = value
        self.help = help
        self.choices = choices
        self.defaultValue = defaultValue
    }

    var isFlag: Bool { value == nil }
    var spelled: String { "--" + name }
}

/// A command of the table: its name, what it does, its synopsis, options, examples, and the
/// function that runs it once the arguments are parsed.
struct CommandSpec: Sendable {
    /// `parse`, `search`, `directives set` …
    let name: String
    /// One line: what the command does.
    let summary: MessageKey
    /// A paragraph of detail for `--help`.
    let details: MessageKey?
    /// The arguments after the name (`FILE|DIR...`).
    let synopsis: String
    let options: [OptionSpec]
    /// Example command lines, each with its explanation.
    let examples: [(command: String, explanation: MessageKey)]
    /// Whether a word starting with `-` may be a positional argument (a search's `-除外語`).
    let dashWordsArePositional: Bool
    /// Commands reached by the first positional argument (`directives set`).
    let subcommands: [CommandSpec]
    let run: @Sendable (ParsedArguments, inout Console) -> Int32

    init(_ name: String, summary: MessageKey, details: MessageKey? = nil, synopsis: String, options: [OptionSpec],
         examples: [(command: String, explanation: MessageKey)] = [], dashWordsArePositional: Bool = false,
         subcommands: [CommandSpec] = [], run: @escaping @Sendable (ParsedArguments, inout Console) -> Int32) {
        self.name = name
        self.summary = summary
        self.details = details
        self.synopsis = synopsis
        self.options = options
        self.examples = examples
        self.dashWordsArePositional = dashWordsArePositional
        self.subcommands = subcommands
        self.run = run
    }

    /// Every option the command reads, `--help` included.
    var allOptions: [OptionSpec] { options + [CommandSpec.helpOption] }

    static let helpOption = OptionSpec("help", short: "h", help: .optionHelp)
}

/// What the parser found on a command line: option values by long name, and the positional arguments.
struct ParsedArguments: Sendable {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positional: [String] = []

    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The input limits `--max-file-size MB` asks for (whole megabytes, 1 to 1 048 576), the
    /// standard ones without it; `nil` when its value is not such a number.
    var inputLimits: InputLimits? {
        guard let text = value("max-file-size") else { return .standard }
        guard let mb = Int(text), mb >= 1, mb <= 1 << 20 else { return nil }
        return InputLimits(fileSize: mb << 20)
    }

    /// The number of threads `--jobs N` asks for (1 to 256), every core without it; `nil`
    /// when its value is not such a number.
    var jobs: Int? {
        guard let text = value("jobs") else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let n = Int(text), n >= 1, n <= 256 else { return nil }
        return n
    }
}
