import Gijiroku
import GijirokuIndex
import GijirokuSite
import GijirokuMessages

/// Every command of `gijiroku`, with its options, defaults, help and examples: the one
/// place the argument parser, `gijiroku help` and `CMD --help` are made from.
enum CommandTable {
    static let db = OptionSpec("db", value: "PATH", help: .optionDB, defaultValue: "$GIJIROKU_DB | $XDG_DATA_HOME/gijiroku/index.sqlite")
    static let quiet = OptionSpec("quiet", short: "q", help: .optionQuiet)
    static let since = OptionSpec("since", value: "DATE", help: .optionSince)
    static let wait = OptionSpec("wait", value: "SECONDS", help: .optionWait, defaultValue: "600")
    static let maxFileSize = OptionSpec("max-file-size", value: "MB", help: .optionMaxFileSize, defaultValue: "256")
    static let failEmpty = OptionSpec("fail-empty", help: .optionFailEmpty)
    static let csvHeader = OptionSpec("csv-header", value: "LANG", help: .optionCSVHeader, choices: ["ja", "en"], defaultValue: "GIJIROKU_LANG / LANG")
    static let jobs = OptionSpec("jobs", short: "j", value: "N", help: .optionJobs, defaultValue: "CPU")
    static let synonyms = OptionSpec("synonyms", value: "FILE", help: .optionSynonyms, defaultValue: "$GIJIROKU_SYNONYMS | synonyms.txt beside the index")

    static let commands: [CommandSpec] = [
        CommandSpec("parse", summary: .commandParse, details: .parseDetails, synopsis: "FILE|DIR|- ... [OPTIONS]", options: [
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionParseFormat, choices: ["json", "jsonl", "markdown"], defaultValue: "json"),
            OptionSpec("kind", value: "KIND", help: .optionParseKind, choices: DocumentKind.allCases.map(\.rawValue)),
            OptionSpec("strict", help: .optionStrict),
            jobs,
            maxFileSize,
            quiet,
        ], examples: [
            ("gijiroku parse Corpus/minutes/shiomigawa-kosodate-01.txt", .exampleParseOne),
            ("gijiroku parse Corpus --format jsonl > records.jsonl", .exampleParseFolder),
            ("cat minutes.txt | gijiroku parse - --format markdown", .exampleParseStdin),
        ], run: ParseCommand.run),
        CommandSpec("convert", summary: .commandConvert, details: .convertDetails, synopsis: "INPUT... --out DIR [OPTIONS]", options: [
            OptionSpec("out", value: "DIR", help: .optionOut),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionConvertFormat, choices: ["json", "jsonl", "csv", "markdown"], defaultValue: "json"),
            csvHeader,
            jobs,
            OptionSpec("force", help: .optionForce),
            maxFileSize,
            quiet,
        ], examples: [
            ("gijiroku convert archive/ --out records/", .exampleConvertJSON),
            ("gijiroku convert archive/ --out sheets/ --format csv", .exampleConvertCSV),
        ], run: ConvertCommand.run),
        CommandSpec("index", summary: .commandIndex, details: .indexDetails, synopsis: "PATH... [OPTIONS]", options: [
            db,
            OptionSpec("prune", help: .optionPrune),
            wait,
            maxFileSize,
            synonyms,
            quiet,
        ], examples: [
            ("gijiroku index Corpus", .exampleIndex),
            ("gijiroku index /mnt/share/kaigiroku --prune", .exampleIndexPrune),
        ], run: IndexCommand.run),
        CommandSpec("search", summary: .commandSearch, details: .searchDetails, synopsis: "[QUERY...] [OPTIONS]", options: [
            OptionSpec("kind", value: "KIND", help: .optionSearchKind, choices: SearchQuery.Kind.allCases.map(\.rawValue)),
            since,
            OptionSpec("until", value: "DATE", help: .optionUntil),
            OptionSpec("meeting", value: "TEXT", help: .optionMeeting),
            OptionSpec("speaker", value: "TEXT", help: .optionSpeaker),
            OptionSpec("limit", short: "n", value: "N", help: .optionLimit, defaultValue: "20"),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSONCSV, choices: ["text", "json", "csv"], defaultValue: "text"),
            csvHeader,
            OptionSpec("exact", help: .optionExact),
            synonyms,
            failEmpty,
            db,
        ], examples: [
            ("gijiroku search 区局連携", .exampleSearchWord),
            ("gijiroku search 保育 -補正予算 --kind answer --since 2019-04-01", .exampleSearchFiltered),
            ("gijiroku search '\"家賃補助\" OR 保育士' --format json", .exampleSearchJSON),
            ("gijiroku search 子育て --speaker 市長 --kind speech", .exampleSearchSpeaker),
            ("gijiroku search --kind directive --since 2020-04-01", .exampleSearchFiltersOnly),
            ("gijiroku search 子供 --exact", .exampleSearchExact),
            ("gijiroku search -- -予算", .exampleSearchDashes),
        ], dashWordsArePositional: true, run: SearchCommand.run),
        CommandSpec("synonyms", summary: .commandSynonyms, details: .synonymsDetails, synopsis: "[WORD...] [OPTIONS]", options: [
            OptionSpec("user", help: .optionUserOnly),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionSynonymsFormat, choices: ["text", "json"], defaultValue: "text"),
            synonyms,
            failEmpty,
            db,
        ], examples: [
            ("gijiroku synonyms 子供", .exampleSynonymsList),
        ], subcommands: [
            CommandSpec("synonyms add", summary: .commandSynonymsAdd, details: .synonymsAddDetails, synopsis: "FORM FORM... [--synonyms FILE]", options: [
                synonyms,
                db,
            ], examples: [
                ("gijiroku synonyms add 放課後児童クラブ 学童保育", .exampleSynonymsAdd),
            ], run: SynonymsCommand.add),
            CommandSpec("synonyms remove", summary: .commandSynonymsRemove, details: .synonymsRemoveDetails, synopsis: "FORM [--synonyms FILE]", options: [
                synonyms,
                db,
            ], examples: [
                ("gijiroku synonyms remove 児童クラブ", .exampleSynonymsRemove),
            ], run: SynonymsCommand.remove),
        ], run: SynonymsCommand.list),
        CommandSpec("site", summary: .commandSite, details: .siteDetails, synopsis: "--out DIR [OPTIONS]", options: [
            OptionSpec("out", short: "o", value: "DIR", help: .optionSiteOut),
            OptionSpec("title", value: "TEXT", help: .optionSiteTitle, defaultValue: StaticSite.defaultTitle),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSON, choices: ["text", "json"], defaultValue: "text"),
            synonyms,
            db,
        ], examples: [
            ("gijiroku site --out site --title 汐見川市会議録", .exampleSite),
        ], run: SiteCommand.run),
        CommandSpec("stats", summary: .commandStats, details: .statsDetails, synopsis: "[OPTIONS]", options: [
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSONCSV, choices: ["text", "json", "csv"], defaultValue: "text"),
            csvHeader,
            db,
        ], examples: [
            ("gijiroku stats --format csv > stats.csv", .exampleStats),
        ], run: StatsCommand.run),
        CommandSpec("meetings", summary: .commandMeetings, details: .meetingsDetails, synopsis: "[OPTIONS]", options: [
            OptionSpec("meeting", value: "TEXT", help: .optionMeeting),
            since,
            OptionSpec("until", value: "DATE", help: .optionUntil),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSONCSV, choices: ["text", "json", "csv"], defaultValue: "text"),
            csvHeader,
            failEmpty,
            db,
        ], examples: [
            ("gijiroku meetings --meeting 推進本部 --since 2019-04-01", .exampleMeetings),
        ], run: MeetingsCommand.run),
        CommandSpec("speakers", summary: .commandSpeakers, details: .speakersDetails, synopsis: "[OPTIONS]", options: [
            OptionSpec("meeting", value: "TEXT", help: .optionMeeting),
            since,
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSONCSV, choices: ["text", "json", "csv"], defaultValue: "text"),
            csvHeader,
            failEmpty,
            db,
        ], examples: [
            ("gijiroku speakers --meeting 議会 --since 2024-04-01", .exampleSpeakers),
        ], run: SpeakersCommand.run),
        CommandSpec("decisions", summary: .commandDecisions, details: .decisionsDetails, synopsis: "[OPTIONS]", options: [
            OptionSpec("outcome", value: "OUTCOME", help: .optionOutcome, choices: Decision.Outcome.allCases.map(\.rawValue)),
            since,
            OptionSpec("meeting", value: "TEXT", help: .optionMeeting),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSONCSV, choices: ["text", "json", "csv"], defaultValue: "text"),
            csvHeader,
            failEmpty,
            db,
        ], examples: [
            ("gijiroku decisions --outcome rejected --since 2024-04-01", .exampleDecisions),
        ], run: DecisionsCommand.run),
        CommandSpec("links", summary: .commandLinks, details: .linksDetails, synopsis: "MINUTES|PATH:LINE|PLAN [OPTIONS] | --plan ITEM", options: [
            OptionSpec("plan", value: "ITEM", help: .optionPlanItem),
            OptionSpec("explain", help: .optionExplain),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSON, choices: ["text", "json"], defaultValue: "text"),
            synonyms,
            db,
        ], examples: [
            ("gijiroku links shiomigawa-sogokeikaku-03.txt", .exampleLinksMeeting),
            ("gijiroku links shiomigawa-kosodate-01.txt:89", .exampleLinksElement),
            ("gijiroku links --plan 2-1-1", .exampleLinksItem),
            ("gijiroku links shiomigawa-kosodate-01.txt:89 --explain", .exampleLinksExplain),
        ], run: LinksCommand.run),
        CommandSpec("directives", summary: .commandDirectives, details: .directivesDetails, synopsis: "[OPTIONS]", options: [
            OptionSpec("status", value: "STATUS", help: .optionStatus, choices: DirectiveStatus.allCases.map(\.rawValue)),
            OptionSpec("issuer", value: "TEXT", help: .optionIssuer),
            since,
            OptionSpec("as-of", value: "DATE", help: .optionAsOf, defaultValue: "today"),
            OptionSpec("format", short: "f", value: "FORMAT", help: .optionFormatTextJSONCSV, choices: ["text", "json", "csv"], defaultValue: "text"),
            csvHeader,
            failEmpty,
            synonyms,
            db,
        ], examples: [
            ("gijiroku directives --status overdue", .exampleDirectivesOverdue),
            ("gijiroku directives --format csv > directives.csv", .exampleDirectivesCSV),
        ], subcommands: [
            CommandSpec("directives set", summary: .commandDirectivesSet, details: .directivesSetDetails,
                        synopsis: "ID (--status STATUS [--note TEXT] | --note TEXT | --clear) [--db PATH]", options: [
                OptionSpec("status", value: "STATUS", help: .optionSetStatus, choices: DirectiveStatus.allCases.map(\.rawValue)),
                OptionSpec("note", value: "TEXT", help: .optionNote),
                OptionSpec("clear", help: .optionClear),
                db,
            ], examples: [
                ("gijiroku directives set 3fa9c2e1 --status done --note 広報戦略に統合", .exampleDirectivesSet),
            ], run: DirectivesCommand.set),
        ], run: DirectivesCommand.list),
    ]

    /// The command a command line names, and the arguments after its name.
    static func find(_ arguments: [String]) -> (spec: CommandSpec, rest: [String])? {
        guard let first = arguments.first, let command = commands.first(where: { $0.name == first }) else { return nil }
        let rest = Array(arguments.dropFirst())
        if let next = rest.first, let sub = command.subcommands.first(where: { $0.name == "\(first) \(next)" }) {
            return (sub, Array(rest.dropFirst()))
        }
        return (command, rest)
    }
}
