import GijirokuMessages

/// The text of `gijiroku help` and of each command's `--help`, made from ``CommandTable``.
enum HelpText {
    /// Every command with its one-line summary, the index location and the exit codes.
    static func overview(_ language: Language) -> String {
        var out = "gijiroku \(GijirokuCommand.version): \(Message(.helpTagline).text(in: language))\n\n"
        out += Message(.helpUsageHeading).text(in: language) + "\n"
        out += "  gijiroku COMMAND [OPTIONS] [ARGUMENTS]\n  gijiroku help COMMAND\n  gijiroku --version\n\n"
        out += Message(.helpCommandsHeading).text(in: language) + "\n"
        let rows = CommandTable.commands.flatMap { c in [c] + c.subcommands }
        let width = rows.map(\.name.count).max() ?? 0
        for c in rows {
            out += "  gijiroku " + c.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + Message(c.summary).text(in: language) + "\n"
        }
        out += "\n" + Message(.helpIndexLocation).text(in: language) + "\n"
        out += Message(.helpLanguage).text(in: language) + "\n"
        out += Message(.helpExitCodes).text(in: language) + "\n"
        return out
    }

    /// Usage, details, every option with its meaning and default, examples and exit codes.
    static func command(_ c: CommandSpec, language: Language) -> String {
        func t(_ key: MessageKey, _ a: [String: String] = [:]) -> String { Message(key, a).text(in: language) }
        var out = "gijiroku \(c.name): \(t(c.summary))\n\n"
        out += t(.helpUsageHeading) + "\n  gijiroku \(c.name) \(c.synopsis)\n"
        for sub in c.subcommands { out += "  gijiroku \(sub.name) \(sub.synopsis)\n" }
        if let details = c.details { out += "\n" + t(details) + "\n" }
        out += "\n" + t(.helpOptionsHeading) + "\n"
        let labels = c.allOptions.map { o -> String in
            var label = o.short.map { "-\($0), " } ?? "    "
            label += o.spelled + (o.value.map { " " + $0 } ?? "")
            return label
        }
        let width = labels.map(\.count).max() ?? 0
        for (o, label) in zip(c.allOptions, labels) {
            var line = "  " + label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + t(o.help)
            if let choices = o.choices { line += t(.helpChoices, ["choices": choices.joined(separator: ", ")]) }
            if let d = o.defaultValue { line += t(.helpDefault, ["default": d]) }
            out += line + "\n"
        }
        if !c.examples.isEmpty {
            out += "\n" + t(.helpExamplesHeading) + "\n"
            for e in c.examples { out += "  \(e.command)\n      \(t(e.explanation))\n" }
        }
        if !c.subcommands.isEmpty {
            out += "\n" + t(.helpSubcommands, ["commands": c.subcommands.map { "gijiroku help \($0.name)" }.joined(separator: ", ")]) + "\n"
        }
        out += "\n" + t(.helpExitCodes) + "\n"
        return out
    }
}
