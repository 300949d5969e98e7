import Foundation
import Testing
import GijirokuMessages
import GijirokuTestSupport
@testable import GijirokuCLI

/// Help for every command, and every usage error as a user sees it, in both languages.
@Suite struct HelpAndUsageTests {
    static let commands = CommandTable.commands.flatMap { c in [c] + c.subcommands }.map(\.name)

    @Test(arguments: commands, Language.allCases)
    func everyCommandHasHelpWithItsOptionsDefaultsExamplesAndExitCodes(_ name: String, _ language: Language) throws {
        let spec = try #require(CommandTable.find(name.split(separator: " ").map(String.init))?.spec)
        let words = name.split(separator: " ").map(String.init)
        let asked = [CLI.run(["help"] + words, language: language), CLI.run(words + ["--help"], language: language), CLI.run(words + ["-h"], language: language)]
        for r in asked {
            #expect(r.code == 0 && r.err.isEmpty)
            #expect(r.out == asked[0].out)
        }
        let help = asked[0].out
        #expect(help.hasPrefix("gijiroku \(name): \(Message(spec.summary).text(in: language))"))
        for option in spec.allOptions {
            #expect(help.contains(option.spelled), "\(name): \(option.spelled)")
            #expect(help.contains(Message(option.help).text(in: language)), "\(name): \(option.spelled)")
            if let d = option.defaultValue { #expect(help.contains(d), "\(name): default of \(option.spelled)") }
        }
        for example in spec.examples { #expect(help.contains(example.command)) }
        // A default is said once, by the help, not again in the option's own words.
        for line in help.split(separator: "\n") {
            let said = line.components(separatedBy: language == .japanese ? "既定" : "default").count - 1
            #expect(said <= 1, "\(name): \(line)")
        }
        #expect(help.contains(Message(.helpExitCodes).text(in: language)))
    }

    @Test(arguments: Language.allCases)
    func theOverviewListsEveryCommandAndTheVersionIsPrinted(_ language: Language) {
        for args in [["help"], ["--help"], ["-h"]] {
            let r = CLI.run(args, language: language)
            #expect(r.code == 0)
            for name in Self.commands { #expect(r.out.contains("gijiroku \(name) ")) }
        }
        #expect(CLI.run([], language: language).code == 64)
        #expect(CLI.run(["--version"], language: language).out == "gijiroku \(GijirokuCommand.version)\n")
    }

    @Test(arguments: [
        (["serch", "市長"], "search"),
        (["search", "市長", "-limit", "3"], "--limit"),
        (["parse", "--fromat", "json", "a.txt"], "--format"),
        (["help", "linsk"], "links"),
        (["directives", "--status", "opne"], "open"),
    ] as [([String], String)], Language.allCases)
    func aNearMissSuggestsTheNameAndPointsToHelp(_ mistake: ([String], String), _ language: Language) {
        let (arguments, suggestion) = mistake
        let r = CLI.run(arguments, language: language)
        #expect(r.code == 64)
        #expect(r.out.isEmpty)
        #expect(r.err.contains(Message(.usageDidYouMean, ["suggestion": suggestion]).text(in: language)), "\(r.err)")
        #expect(r.err.contains("--help"))
    }

    @Test(arguments: [
        ["parse"], ["parse", "--format", "xml", "a.txt"], ["parse", "--kind"], ["convert", "Corpus"], ["convert", "--out", "/tmp/x"],
        ["convert", "Corpus", "--out", "/tmp/x", "--jobs", "0"], ["convert", "Corpus", "--out", "/tmp/x", "--jobs", "100000"],
        ["index"], ["index", "--prune=1", "a"], ["search", "--limit", "3", "--limit", "4", "市長"], ["search", "市長", "--limit", "0"],
        ["links"], ["links", "a.txt", "--plan", "1"], ["directives", "extra"], ["directives", "set"], ["frobnicate"],
    ], Language.allCases)
    func usageErrorsExit64WithTheCommandsNameAndNoOutput(_ arguments: [String], _ language: Language) {
        let r = CLI.run(arguments + ["--db", CLI.freshDatabase()], language: language)
        #expect(r.code == 64, "\(arguments): \(r.err)")
        #expect(r.out.isEmpty)
        let label = Message(.labelError).text(in: language)
        #expect(r.err.hasPrefix("gijiroku") && r.err.contains(": \(label): "), "\(r.err)")
    }

    @Test func anIndexCommandThatIsOnlyAskedForHelpCreatesNothing() throws {
        let db = CLI.freshDatabase()
        #expect(CLI.run(["index", "-h", "--db", db]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func messagesFollowTheLanguage() {
        let ja = CLI.run(["parse", "/nonexistent/議事概要.txt"], language: .japanese)
        let en = CLI.run(["parse", "/nonexistent/議事概要.txt"], language: .english)
        #expect(ja.err == "/nonexistent/議事概要.txt: error: ファイルまたはフォルダがありません\n")
        #expect(en.err == "/nonexistent/議事概要.txt: error: no such file or folder\n")
        #expect(ja.code == 65 && en.code == 65)
    }
}
