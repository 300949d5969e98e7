import GijirokuMessages

/// Reads a command line against a command's options: `--opt value` and `--opt=value`
/// alike, flags, one-letter aliases, `--` before words that only look like options.
///
/// Everything that is wrong is a ``UsageError`` with a message of the catalogue: an
/// unknown option (with the nearest known one), a missing value, a value outside the
/// option's choices, an option given twice. In a search, a dash word is query text (an
/// excluded word) unless it is ASCII close to an option (`-limit` → `--limit`).
///
/// ```swift
/// let parsed = try ArgumentParser(command: spec).parse(["市長", "--limit=3"])
/// parsed.value("limit")   // "3"
/// ```
struct ArgumentParser {
    let command: CommandSpec

    /// The parsed arguments; `nil` when `--help` or `-h` asks for help.
    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments? {
        var parsed = ParsedArguments()
        let options = command.allOptions
        var i = 0
        var onlyPositional = false
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") {
                parsed.positional.append(arg)
                continue
            }
            if arg == "--" { onlyPositional = true; continue }
            let spec: OptionSpec
            var inlineValue: String?
            if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                let name = body.firstIndex(of: "=").map { String(body[..<$0]) } ?? String(body)
                if let eq = body.firstIndex(of: "=") { inlineValue = String(body[body.index(after: eq)...]) }
                guard let found = options.first(where: { $0.name == name }) else {
                    throw UsageError(.usageUnknownOption, ["option": "--" + name], suggestion: Suggestion.nearest(to: name, in: options.map(\.name)).map { "--" + $0 })
                }
                spec = found
            } else {
                let body = arg.dropFirst()
                if body.count == 1, let found = options.first(where: { $0.short == body.first }) {
                    spec = found
                } else if command.dashWordsArePositional {
                    // An exclusion such as -補正予算 is query text; ASCII close to an option is a slip.
                    if body.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }),
                       let near = Suggestion.nearest(to: String(body), in: options.map(\.name)) {
                        throw UsageError(.usageUnknownOption, ["option": arg], suggestion: "--" + near)
                    }
                    parsed.positional.append(arg)
                    continue
                } else {
                    let near = Suggestion.nearest(to: String(body.drop { $0 == "-" }), in: options.map(\.name))
                    throw UsageError(.usageUnknownOption, ["option": arg], suggestion: near.map { "--" + $0 })
                }
            }
            if spec.name == CommandSpec.helpOption.name { return nil }
            if spec.isFlag {
                guard inlineValue == nil else { throw UsageError(.usageFlagTakesNoValue, ["option": spec.spelled]) }
                guard !parsed.flags.contains(spec.name) else { throw UsageError(.usageRepeatedOption, ["option": spec.spelled]) }
                parsed.flags.insert(spec.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < arguments.count else { throw UsageError(.usageMissingValue, ["option": spec.spelled, "value": spec.value ?? ""]) }
                value = arguments[i]
                i += 1
            }
            guard parsed.values[spec.name] == nil else { throw UsageError(.usageRepeatedOption, ["option": spec.spelled]) }
            if let choices = spec.choices, !choices.contains(value) {
                throw UsageError(.usageBadChoice, ["option": spec.spelled, "value": value, "choices": choices.joined(separator: ", ")],
                                 suggestion: Suggestion.nearest(to: value, in: choices))
            }
            parsed.values[spec.name] = value
        }
        return parsed
    }
}

/// A command line that cannot be run as written: exit code 64, with the message and, for a
/// near miss, the name that was probably meant.
struct UsageError: Error, Sendable {
    let message: Message
    let suggestion: String?

    init(_ key: MessageKey, _ arguments: [String: String] = [:], suggestion: String? = nil) {
        message = Message(key, arguments)
        self.suggestion = suggestion
    }
}

extension UsageError {
    /// A usage error whose words come from elsewhere (a query the index refused).
    init(_ message: Message) {
        self.message = message
        self.suggestion = nil
    }
}
