import Foundation
import Testing
import GijirokuMessages
import GijirokuTestSupport
@testable import GijirokuCLI

/// The one argument parser, on the command table's real commands.
@Suite struct ArgumentParserTests {
    func parse(_ command: String, _ arguments: [String]) throws(UsageError) -> ParsedArguments? {
        try ArgumentParser(command: CommandTable.find([command])!.spec).parse(arguments)
    }

    @Test func valuesAreReadWithASpaceOrAnEqualsSign() throws {
        let a = try #require(try parse("search", ["市長", "--limit", "3", "--format=json", "子育て"]))
        #expect(a.value("limit") == "3" && a.value("format") == "json")
        #expect(a.positional == ["市長", "子育て"])
        let b = try #require(try parse("parse", ["-f", "jsonl", "-q", "a.txt", "-"]))
        #expect(b.value("format") == "jsonl" && b.flag("quiet") && b.positional == ["a.txt", "-"])
    }

    @Test func helpIsAskedForAnywhereBeforeDoubleDash() throws {
        #expect(try parse("index", ["-h"]) == nil)
        #expect(try parse("index", ["a.txt", "--help"]) == nil)
        #expect(try parse("search", ["--", "-h"])?.positional == ["-h"])
    }

    @Test func exclusionsAndWordsAfterDoubleDashAreQueryText() throws {
        #expect(try parse("search", ["保育", "-補正予算"])?.positional == ["保育", "-補正予算"])
        #expect(try parse("search", ["--", "--limit", "-x"])?.positional == ["--limit", "-x"])
        #expect(try parse("search", ["-ICT"])?.positional == ["-ICT"])   // an ASCII word not near any option
    }

    @Test(arguments: [
        ("search", ["市長", "-limit", "3"], MessageKey.usageUnknownOption, "--limit"),
        ("parse", ["--fromat", "json", "a.txt"], .usageUnknownOption, "--format"),
        ("index", ["--prnue", "a"], .usageUnknownOption, "--prune"),
        ("parse", ["-x", "a.txt"], .usageUnknownOption, nil),
        ("parse", ["--format", "xml", "a.txt"], .usageBadChoice, nil),
        ("search", ["市長", "--kind", "answr"], .usageBadChoice, "answer"),
        ("search", ["市長", "--limit"], .usageMissingValue, nil),
        ("search", ["市長", "--limit", "3", "--limit=4"], .usageRepeatedOption, nil),
        ("index", ["--prune=yes", "a"], .usageFlagTakesNoValue, nil),
    ] as [(String, [String], MessageKey, String?)])
    func mistakesAreUsageErrorsWithANearMiss(_ command: String, _ arguments: [String], _ key: MessageKey, _ suggestion: String?) {
        #expect {
            _ = try parse(command, arguments)
        } throws: { error in
            guard let e = error as? UsageError else { return false }
            return e.message.key == key && e.suggestion == suggestion
        }
    }

    @Test(arguments: [("fromat", "format"), ("serch", "search"), ("limt", "limit"), ("db", nil), ("directive", "directives"), ("zzzzzz", nil)] as [(String, String?)])
    func theNearestNameIsSuggested(_ typed: String, _ expected: String?) {
        let names = ["format", "search", "limit", "directives", "kind", "quiet"]
        #expect(Suggestion.nearest(to: typed, in: names) == expected)
    }
}
