import Foundation
import Testing
import GijirokuTestSupport
import GijirokuIndex
@testable import GijirokuCLI

/// `gijiroku stats` and `gijiroku meetings`, and the CSV every command writes, in-process.
@Suite struct OverviewCommandTests {
    func run(_ arguments: [String]) -> CLI.Run { CLI.run(arguments) }

    /// An index of the corpus's minutes and plans.
    func indexedCorpus() -> String {
        let db = CLI.freshDatabase()
        _ = run(["index", ParseCommandTests.corpus, Repository.root.appendingPathComponent("Corpus/plans").path, "--db", db, "--quiet"])
        return db
    }

    @Test func statsSaysWhatTheIndexHolds() throws {
        let db = indexedCorpus()
        let text = run(["stats", "--db", db])
        #expect(text.code == 0)
        #expect(text.out.hasPrefix("索引 \(db)\n容量 "))
        #expect(text.out.contains("文書: minutes 46、plan 4"))
        #expect(text.out.contains("汐見川市行財政改革推進本部会議\n    2019: 3\n    2018: 2\n"))
        #expect(text.out.contains("指示事項: "))
        let json = run(["stats", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "stats")
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.first { $0["name"] as? String == "minutes" }?["count"] as? Int == 46)
        let elements = try #require(object["elements"] as? [[String: Any]])
        let counted = elements.compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(counted == (try SearchIndex(path: db, readOnly: true).counts().elements))
        #expect((object["speakers"] as? Int ?? 0) > 20)
        #expect((object["links"] as? [[String: Any]])?.count == 4)
        let csv = run(["stats", "--format", "csv", "--db", db])
        #expect(csv.out.hasPrefix("\u{FEFF}区分,項目,年,件数\r\n容量,"))
        #expect(csv.out.contains("\r\n文書,minutes,,46\r\n"))
    }

    @Test func meetingsListsEachMeetingNewestFirstWithWhatItHolds() throws {
        let db = indexedCorpus()
        let all = run(["meetings", "--format", "json", "--db", db])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [String: Any])
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(meetings.count == 46)
        let dates = meetings.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted(by: >))
        let variants = try #require(meetings.first { ($0["path"] as? String)?.hasSuffix("kodomo-tokubetsu-2025-variants.txt") == true })
        #expect(variants["exchanges"] as? Int == 3)
        #expect(variants["speeches"] as? Int == 13)
        let filtered = run(["meetings", "--meeting", "推進本部", "--since", "2019-04-01", "--until", "2020-12-31", "--db", db])
        #expect(filtered.code == 0)
        let lines = filtered.out.split(separator: "\n").filter { $0.hasPrefix("20") }
        #expect(!lines.isEmpty && lines.allSatisfy { $0 >= "2019-04-01" && $0 <= "2020-12-31~" && $0.contains("推進本部") })
        #expect(filtered.out.hasSuffix("会議 \(lines.count) 件\n"))
        let csv = run(["meetings", "--format", "csv", "--csv-header", "en", "--db", db])
        #expect(csv.out.hasPrefix("\u{FEFF}date,meeting,session,title,agenda_items,exchanges,directives,decisions,speeches,path,line\r\n"))
        let none = run(["meetings", "--meeting", "存在しない会議", "--fail-empty", "--db", db])
        #expect(none.code == 1 && none.out.isEmpty && none.err.contains("該当する会議はありません"))
    }

    @Test func aDateRangeThatCannotMatchIsAUsageError() {
        let db = indexedCorpus()
        for command in [["meetings"], ["search", "予算"]] {
            let r = run(command + ["--since", "2021-01-01", "--until", "2020-01-01", "--db", db])
            #expect(r.code == 64)
            #expect(r.err.contains("--since 2021-01-01 が --until 2020-01-01 より後です"))
        }
    }

    @Test func anUnknownChoiceListsTheValidOnes() {
        let r = run(["search", "予算", "--kind", "speach", "--db", CLI.freshDatabase()])
        #expect(r.code == 64)
        #expect(r.err.contains("speech"))
        #expect(r.err.contains("decision"))
    }

    @Test func anIndexThatDoesNotExistSaysHowToCreateItAndCreatesNothing() {
        let db = CLI.freshDatabase()
        for command in [["stats"], ["meetings"], ["search", "予算"], ["speakers"], ["decisions"], ["directives"]] {
            let r = run(command + ["--db", db])
            #expect(r.code != 0)
            #expect(r.err.contains("gijiroku index"), "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: (db as NSString).deletingLastPathComponent))
    }

    @Test(.enabled(if: Python.available, "python3 is not installed"))
    func convertWritesTheRegistersDirectiveLayoutWithItsIDsInJapanese() throws {
        let db = indexedCorpus()
        let out = Repository.scratch.appendingPathComponent("gijiroku-csv-\(UUID().uuidString)").path
        #expect(run(["convert", ParseCommandTests.corpus, "--out", out, "--format", "csv", "--quiet"]).code == 0)
        let register = out + "/register.csv"
        try run(["directives", "--format", "csv", "--db", db]).out.write(toFile: register, atomically: true, encoding: .utf8)
        let script = """
        import csv, sys
        def read(p): return list(csv.reader(open(p, encoding="utf-8-sig", newline="")))
        converted, register = read(sys.argv[1] + "/directives.csv"), read(sys.argv[1] + "/register.csv")
        assert converted[0] == register[0], (converted[0], register[0])
        ids = {r[0] for r in register[1:]}
        print(converted[0][0], converted[0][11], len(converted) - 1, sum(1 for r in converted[1:] if r[0] in ids), len(register) - 1)
        exchanges = read(sys.argv[1] + "/exchanges.csv")
        print(exchanges[0][7], sum(1 for r in exchanges[1:] if r[7].count("\\n") >= 1 and r[7].startswith("⇒")))
        """
        let (status, text) = try Python.run(["-c", script, out])
        #expect(status == 0, "\(text)")
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // Every directive convert writes carries the ID the register gives it.
        #expect(lines.first?.prefix(2) == ["ID", "状況"])
        if let l = lines.first, l.count == 5 { #expect(l[2] == l[3] && Int(l[3])! >= Int(l[4])!) }
        // Several answers of one exchange: one per line in their cell, each with its marker.
        #expect(lines.last?.first == "回答" && Int(lines.last?.last ?? "0")! > 0)
    }
}

/// Every CSV a command prints, read back by Python's `csv`: a BOM, one header, rows as
/// wide as the header, in both languages.
@Suite struct EveryCSVTests {
    @Test(.enabled(if: Python.available, "python3 is not installed"), arguments: ["ja", "en"])
    func everyCSVReadsBackWithItsHeader(_ language: String) throws {
        let db = CLI.freshDatabase()
        let plans = Repository.root.appendingPathComponent("Corpus/plans").path
        _ = CLI.run(["index", ParseCommandTests.corpus, plans, "--db", db, "--quiet"])
        let folder = Repository.scratch.appendingPathComponent("gijiroku-every-csv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let commands: [String: [String]] = [
            "search": ["search", "保育", "--limit", "50"], "decisions": ["decisions"], "directives": ["directives"],
            "speakers": ["speakers"], "meetings": ["meetings"], "stats": ["stats"],
        ]
        for (name, command) in commands {
            let r = CLI.run(command + ["--format", "csv", "--csv-header", language, "--db", db])
            #expect(r.code == 0, "\(name): \(r.err)")
            try r.out.write(toFile: folder + "/\(name).csv", atomically: true, encoding: .utf8)
        }
        #expect(CLI.run(["convert", ParseCommandTests.corpus, "--out", folder + "/convert", "--format", "csv", "--csv-header", language,
                         "--quiet"]).code == 0)
        let script = """
        import csv, glob, os, sys
        for path in sorted(glob.glob(sys.argv[1] + "/*.csv") + glob.glob(sys.argv[1] + "/convert/*.csv")):
            raw = open(path, "rb").read()
            assert raw.startswith(b"\\xef\\xbb\\xbf"), path + ": no BOM"
            rows = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
            assert rows and all(len(r) == len(rows[0]) for r in rows), path + ": ragged rows"
            assert len(rows) > 1, path + ": no rows"
            print(os.path.relpath(path, sys.argv[1]), rows[0][0])
        """
        let (status, out) = try Python.run(["-c", script, folder])
        #expect(status == 0, "\(out)")
        let firstColumns = Dictionary(out.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }, uniquingKeysWith: { a, _ in a })
        #expect(firstColumns.count == 10)
        #expect(firstColumns["meetings.csv"] == (language == "ja" ? "日付" : "date"))
        #expect(firstColumns["directives.csv"] == (language == "ja" ? "ID" : "id"))
        #expect(firstColumns["convert/directives.csv"] == firstColumns["directives.csv"])
        #expect(firstColumns["convert/decisions.csv"] == firstColumns["decisions.csv"])
        #expect(firstColumns["stats.csv"] == (language == "ja" ? "区分" : "section"))
    }
}
