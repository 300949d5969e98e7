import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
import GijirokuIndex
@testable import GijirokuCLI

/// `gijiroku synonyms` and the word variants of `gijiroku search`, in-process.
@Suite struct SynonymsCommandTests {
    func run(_ arguments: [String], environment: [String: String] = [:]) -> CLI.Run { CLI.run(arguments, environment: environment) }

    /// An index of the corpus's minutes in a fresh folder; its synonyms file is beside it.
    func corpusIndex() -> String {
        let db = CLI.freshDatabase()
        _ = run(["index", ParseCommandTests.corpus, "--db", db, "--quiet"])
        return db
    }

    @Test func listShowsTheGroupsThatHoldAWordWithTheirSource() {
        let db = CLI.freshDatabase()
        let r = run(["synonyms", "子供", "--db", db])
        #expect(r.code == 0)
        #expect(r.out.hasPrefix("子ども 子供 こども  （同梱 words.variants:"))
        let all = run(["synonyms", "--db", db])
        #expect(all.out.contains("グループ（うち利用者分 0、"))
        let json = run(["synonyms", "ＷＧ", "--format", "json", "--db", db])
        #expect(json.out.contains("\"source\":\"shipped\"") || json.out.contains("\"source\" : \"shipped\"") || json.out.contains("\"source\": \"shipped\""))
        let none = run(["synonyms", "存在しない語", "--db", db, "--fail-empty"])
        #expect(none.code == 1)
        #expect(none.err.contains("存在しない語"))
    }

    @Test func aUserGroupIsAddedUsedBySearchWithoutReindexingAndRemoved() throws {
        let db = corpusIndex()
        // 学童保育 and 放課後児童クラブ are shipped as one group; 児童クラブ is not.
        #expect(run(["search", "児童クラブ", "--db", db, "--exact"]).out.contains("児童クラブ"))
        let before = run(["search", "待機児童", "--db", db, "--format", "json"]).out
        let added = run(["synonyms", "add", "待機児童", "待機児", "保育待機", "--db", db])
        #expect(added.code == 0)
        let file = (db as NSString).deletingLastPathComponent + "/synonyms.txt"
        #expect(added.out.contains(file))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("待機児童 待機児 保育待機\n"))
        // The shipped group 待機児童/待機児 is extended, and searching uses it at once.
        #expect(added.out.contains("待機児童 待機児 保育待機"))
        let search = run(["search", "保育待機", "--db", db])
        #expect(search.code == 0)
        #expect(search.out.contains("表記ゆれ: 保育待機 → 待機児童"))
        #expect(run(["synonyms", "--user", "--db", db]).out.contains("待機児童 待機児 保育待機"))
        // Removed: the search finds nothing again.
        let removed = run(["synonyms", "remove", "保育待機", "--db", db])
        #expect(removed.code == 0)
        #expect(removed.out.contains("保育待機"))
        #expect(run(["search", "保育待機", "--db", db]).err.contains("見つかりませんでした"))
        #expect(run(["search", "待機児童", "--db", db, "--format", "json"]).out == before)
    }

    /// Links read the user's groups too, from the next `index`: until then `links` says that
    /// it shows the links as they were made; the run that makes them anew says so.
    @Test func linksReadAUserGroupFromTheNextIndexRunWhichSaysSo() throws {
        let db = CLI.freshDatabase()
        let plan = (ParseCommandTests.corpus as NSString).deletingLastPathComponent + "/plans/shiomigawa-basic-plan-ch1-2.txt"
        let minutes = ParseCommandTests.corpus + "/shiomigawa-kosodate-02.txt"
        #expect(run(["index", plan, minutes, "--db", db, "--quiet"]).code == 0)
        let before = run(["links", "shiomigawa-kosodate-02.txt", "--db", db, "--format", "json"])
        #expect(before.code == 0 && !before.err.contains("synonyms.txt"))
        let added = run(["synonyms", "add", "家賃補助", "保育士", "--db", db])
        #expect(added.code == 0)
        #expect(added.err.contains("次の gijiroku index から"))
        let stale = run(["links", "shiomigawa-kosodate-02.txt", "--db", db, "--format", "json"])
        #expect(stale.out == before.out)
        #expect(stale.err.contains("表記ゆれ（synonyms.txt）が変わっています"))
        let reindexed = run(["index", plan, minutes, "--db", db])
        #expect(reindexed.code == 0)
        #expect(reindexed.err.contains("表記ゆれ（synonyms.txt）が変わったため、リンクを作り直しました"))
        let after = run(["links", "shiomigawa-kosodate-02.txt", "--db", db, "--format", "json"])
        #expect(after.out != before.out && !after.err.contains("synonyms.txt"))
        // A named file that is missing is an error on standard error; the run goes on with the shipped groups.
        let missing = run(["index", plan, "--db", db, "--synonyms", "/nonexistent/synonyms.txt", "--quiet"])
        #expect(missing.err.contains("/nonexistent/synonyms.txt"))
    }

    @Test func aGroupThatWouldMatchEverythingIsRefusedWithAReason() {
        let db = CLI.freshDatabase()
        let oneKana = run(["synonyms", "add", "こども", "こ", "--db", db])
        #expect(oneKana.code != 0)
        #expect(oneKana.err.contains("「こ」は1文字です"))
        #expect(run(["synonyms", "add", "ひとつ", "--db", db]).code == 64)
        let again = run(["synonyms", "add", "子供", "こども", "--db", db])
        #expect(again.code != 0)
        #expect(again.err.contains("すでに同じグループです"))
        #expect(!FileManager.default.fileExists(atPath: (db as NSString).deletingLastPathComponent + "/synonyms.txt"))
    }

    @Test func shippedGroupsAreNotRemovedAndSayWhatToDoInstead() {
        let r = run(["synonyms", "remove", "子供", "--db", CLI.freshDatabase()])
        #expect(r.code != 0)
        #expect(r.err.contains("同梱のグループ"))
        #expect(r.err.contains("--exact"))
    }

    @Test func aMalformedUserFileIsReportedByLineAndTheRestIsUsed() throws {
        let db = corpusIndex()
        let file = (db as NSString).deletingLastPathComponent + "/synonyms.txt"
        try "# mine\nひとつだけ\n待機児童 保育待機\nが ガ\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = run(["search", "保育待機", "--db", db])
        #expect(r.code == 0)
        #expect(r.err.contains("\(file):2:"))
        #expect(r.err.contains("\(file):4:"))
        #expect(r.out.contains("表記ゆれ: 保育待機 → 待機児童"))
    }

    @Test func aMissingOrUnreadableFileIsAClearErrorAndTheShippedGroupsAreStillUsed() throws {
        let db = corpusIndex()
        let missing = run(["search", "子供", "--db", db, "--synonyms", "/nonexistent/mine.txt"])
        #expect(missing.code == 0)
        #expect(missing.err.contains("/nonexistent/mine.txt"))
        #expect(missing.out.contains("表記ゆれ: 子供 → "))
        let viaEnvironment = run(["search", "子供", "--db", db], environment: ["GIJIROKU_SYNONYMS": "/nonexistent/env.txt"])
        #expect(viaEnvironment.err.contains("/nonexistent/env.txt"))
        let binary = (db as NSString).deletingLastPathComponent + "/binary.txt"
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: binary))
        let unreadable = run(["search", "子供", "--db", db, "--synonyms", binary])
        #expect(unreadable.err.contains("UTF-8"))
        #expect(unreadable.out.contains("表記ゆれ: 子供 → "))
    }

    @Test func exactSearchesWithoutWordVariants() throws {
        let db = corpusIndex()
        func result(_ arguments: [String]) throws -> [String: Any] {
            let out = run(["search", "こども", "--db", db, "--format", "json"] + arguments).out
            return try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        }
        let exact = try result(["--exact"])
        let wide = try result([])
        #expect(exact["expression"] as? String == "\"こど ども\"")
        #expect((wide["expression"] as? String)?.contains(" OR ") == true)
        let exactHits = try #require(exact["hits"] as? [[String: Any]])
        let wideHits = try #require(wide["hits"] as? [[String: Any]])
        #expect(exactHits.allSatisfy { $0["variants"] == nil })
        #expect(wideHits.count > exactHits.count)
        let variants = wideHits.compactMap { $0["variants"] as? [[String: String]] }.flatMap { $0 }
        #expect(!variants.isEmpty && variants.allSatisfy { $0["typed"] == "こども" && $0["matched"] != "こども" })
    }

    @Test func anIndexBuiltWithAnotherCharacterTableIsRebuiltByTheNextRunWhichSaysSo() throws {
        let db = CLI.freshDatabase()
        let other = try CharacterVariants(table: "甲 丙\n", file: "other.variants")
        let file = ParseCommandTests.corpus + "/shiomigawa-kodomo-tokubetsu-2025-variants.txt"
        _ = try SearchIndex(path: db, characters: other).index(files: [file])
        // Searching it with the shipped table: refused, saying what to do.
        let search = run(["search", "子供", "--db", db])
        #expect(search.code != 0)
        #expect(search.err.contains("別の異体字の表"))
        #expect(search.err.contains("gijiroku index"))
        // The next run rebuilds it and says so; then searching works.
        let index = run(["index", file, "--db", db, "--quiet"])
        #expect(index.code == 0)
        #expect(index.err.contains("異体字の表が変わった"))
        #expect(run(["search", "子供", "--db", db]).code == 0)
        #expect(!run(["index", file, "--db", db, "--quiet"]).err.contains("異体字"))
    }
}
