import Foundation
import Testing
import GijirokuTestSupport

/// `gijiroku site`: the command, its messages and its JSON report; then the site itself in
/// headless Chromium (Tests/Browser/site_browser_test.py, through chromium-driver and
/// Selenium, which `.ci/run` installs).
@Suite("gijiroku site")
struct SiteCommandTests {
    func indexedCorpus() -> String {
        let db = CLI.freshDatabase()
        let r = CLI.run(["index", Repository.corpus.path, "--db", db, "--quiet"])
        precondition(r.code == 0, r.err)
        return db
    }

    @Test("writes the site and says what it wrote and where to open it; a second run writes nothing")
    func writesAndReports() throws {
        let db = indexedCorpus()
        let out = try Repository.temporaryFolder().appendingPathComponent("site").path
        let first = CLI.run(["site", "--out", out, "--db", db, "--title", "汐見川市 会議録"])
        #expect(first.code == 0, "\(first.err)")
        #expect(first.out.contains("\(out): "))
        #expect(first.out.contains("ページ"))
        #expect(first.out.contains("ブラウザで開く: file://"))
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("<title>汐見川市 会議録</title>"))
        let second = CLI.run(["site", "--out", out, "--db", db, "--format", "json", "--title", "汐見川市 会議録"])
        #expect(second.code == 0)
        let report = try JSONSerialization.jsonObject(with: Data(second.out.utf8)) as! [String: Any]
        let counts = report["counts"] as! [String: Int]
        #expect(counts["pagesWritten"] == 0 && counts["dataWritten"] == 0 && counts["removed"] == 0)
        #expect(counts["pagesUnchanged"]! > 40)
    }

    @Test("refuses a folder it did not write, naming it; asks for --out")
    func refusals() throws {
        let db = indexedCorpus()
        let dir = try Repository.temporaryFolder()
        try Data("x".utf8).write(to: dir.appendingPathComponent("report.docx"))
        let r = CLI.run(["site", "--out", dir.path, "--db", db])
        #expect(r.code == 74)
        #expect(r.err.contains("\(dir.path) は gijiroku site が書き出したフォルダではありません"), "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.docx").path))
        let english = CLI.run(["site", "--out", dir.path, "--db", db], language: .english)
        #expect(english.err.contains("exists and is not a site Gijiroku wrote"), "\(english.err)")
        let missing = CLI.run(["site", "--db", db])
        #expect(missing.code == 64)
        #expect(missing.err.contains("--out DIR"))
        let noIndex = CLI.run(["site", "--out", dir.path + "/new", "--db", dir.path + "/none.sqlite"])
        #expect(noIndex.code != 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/new"), "nothing is written without an index")
    }

    @Test(.enabled(if: Python.hasJSONSchema, "python3 with jsonschema is not installed (.ci/run installs it)"))
    func reportMatchesItsSchema() throws {
        let db = indexedCorpus()
        let dir = try Repository.temporaryFolder()
        let r = CLI.run(["site", "--out", dir.appendingPathComponent("site").path, "--db", db, "--format", "json"])
        let file = dir.appendingPathComponent("site.json").path
        try r.out.write(toFile: file, atomically: true, encoding: .utf8)
        let (status, out) = try Python.validateSchemas([file])
        #expect(status == 0, "\(out)")
        #expect(out.contains("1 site checked, 0 invalid"), "\(out)")
    }

    /// Whether headless Chromium can be driven: chromium, chromedriver and Python's selenium.
    static var browser: Bool {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        let has = { (name: String) in path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
        return has("chromium") && has("chromedriver") && Python.available && (try? Python.run(["-c", "import selenium"]).status) == 0
    }

    @Test("the site in headless Chromium: pages, searches equal to the CLI's, register, plans, safety",
          .enabled(if: browser, "chromium, chromium-driver or Python's selenium is not installed (.ci/run installs them)"),
          .timeLimit(.minutes(10)))
    func inTheBrowser() throws {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary), "build first: swift build")
        let screenshots = try Repository.temporaryFolder("gijiroku-site-screenshots")
        // The real records in ../shared too, when they are there.
        let shared = ["reference", "realworld"].map { Repository.shared.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let (status, output) = try Python.run([Repository.root.appendingPathComponent("Tests/Browser/site_browser_test.py").path,
                                               CLI.binary, "--screenshots", screenshots.path] + shared.flatMap { ["--with", $0] })
        #expect(status == 0, "\(output)")
        #expect(output.contains("\nOK"), "\(output)")
        for page in ["search", "meeting", "verbatim", "directives", "plans", "plan", "meetings", "hostile"] {
            #expect(FileManager.default.fileExists(atPath: screenshots.appendingPathComponent(page + ".png").path), "\(page).png")
        }
    }
}
