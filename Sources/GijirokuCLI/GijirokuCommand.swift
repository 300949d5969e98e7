/// The `gijiroku` command: dispatches to one subcommand per file under `Commands/`.
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

    static let usage = """
    gijiroku \(version): Japanese meeting minutes into structured, searchable records

    使い方 / Usage:
      gijiroku parse FILE|DIR... [--format json|jsonl|markdown] [--kind minutes|plan|document] [--strict]
                                  parse minutes (議事概要), plans (総合計画) and other
                                  documents (reports, drafts) into records;
                                  the kind is detected unless --kind says; DIR is walked;
                                  "-" reads standard input
      gijiroku convert INPUT... --out DIR [--format json|jsonl|csv|markdown] [--jobs N] [--force] [--quiet]
                                  convert whole archives: the output mirrors the input tree;
                                  resumable; failures listed in DIR/failures.jsonl
      gijiroku index PATH... [--db PATH] [--prune] [--quiet]
                                  store minutes, plans and documents in the index and
                                  link minutes to plan items; unchanged files are
                                  skipped, --prune drops documents whose files are gone
      gijiroku search QUERY [--kind question|answer|directive|explanation|other|plan|document|attendees]
                      [--since DATE] [--until DATE] [--meeting TEXT] [--limit N]
                      [--format text|json] [--db PATH]
                                  words are ANDed, "…" is a phrase, OR joins, -word excludes
      gijiroku links MINUTES|PATH:LINE|PLAN [--format text|json] [--db PATH]
      gijiroku links --plan ITEM|PLAN#ITEM [--format text|json] [--db PATH]
                                  a meeting's elements → the plan items they are about,
                                  with the evidence; a plan → how often each item was
                                  discussed; a plan item → every element that discussed
                                  it, newest first
      gijiroku directives [--status open|followed-up|overdue|done] [--issuer TEXT]
                          [--since DATE] [--as-of DATE] [--format text|json|csv] [--db PATH]
      gijiroku directives set ID --status done|open|followed-up|overdue [--note TEXT] [--db PATH]
      gijiroku directives set ID --clear [--db PATH]
                                  the register of directives (市長指示): deadlines,
                                  follow-ups, status; statuses set by hand survive re-indexing
      gijiroku --help | --version

    Index: $GIJIROKU_DB, else $XDG_DATA_HOME/gijiroku/index.sqlite, else
    ~/.local/share/gijiroku/index.sqlite; --db overrides.

    Exit codes: 0 ok, 1 some inputs failed, 64 usage error, 65 bad input data.
    """

    /// Runs one command line.
    /// - Parameters:
    ///   - arguments: the arguments after the program name.
    ///   - standardInput: reads standard input, for `parse -`.
    ///   - output: where results go (standard output in the binary).
    ///   - errors: where warnings and errors go (standard error in the binary).
    /// - Returns: the exit code (``ExitCode``).
    public static func run<O: TextOutputStream, E: TextOutputStream>(
        _ arguments: [String], standardInput: () -> [UInt8] = { readStandardInput() },
        output: inout O, errors: inout E
    ) -> Int32 {
        guard let command = arguments.first else {
            errors.write(usage + "\n")
            return ExitCode.usage
        }
        switch command {
        case "--help", "-h", "help":
            output.write(usage + "\n")
            return ExitCode.success
        case "--version":
            output.write("gijiroku \(version)\n")
            return ExitCode.success
        case "parse":
            return ParseCommand.run(Array(arguments.dropFirst()), standardInput: standardInput, output: &output, errors: &errors)
        case "convert":
            return ConvertCommand.run(Array(arguments.dropFirst()), output: &output, errors: &errors)
        case "index":
            return IndexCommand.run(Array(arguments.dropFirst()), output: &output, errors: &errors)
        case "search":
            return SearchCommand.run(Array(arguments.dropFirst()), output: &output, errors: &errors)
        case "links":
            return LinksCommand.run(Array(arguments.dropFirst()), output: &output, errors: &errors)
        case "directives":
            return DirectivesCommand.run(Array(arguments.dropFirst()), output: &output, errors: &errors)
        default:
            errors.write("gijiroku: error: 不明なサブコマンドです: \(command)\n\n" + usage + "\n")
            return ExitCode.usage
        }
    }
}
