import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages
import GijirokuSite

/// `gijiroku site --out DIR [--title TEXT] [--format text|json] [--synonyms FILE] [--db PATH]`
///
/// Writes the index as a static site: a search page, a page per meeting, the directive
/// register, the plans and the list of meetings, opened straight from disk or served by any
/// static web server. Only the files that changed are written; the previous site stays
/// until the new one is complete.
enum SiteCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.isEmpty else {
            return console.usage(.usageExtraArguments, ["arguments": arguments.positional.joined(separator: " ")])
        }
        guard let out = arguments.value("out"), !out.isEmpty else {
            return console.usage(.siteNeedsOut)
        }
        let words = SynonymsCommand.variants(arguments, &console).variants
        let site = StaticSite(title: arguments.value("title") ?? StaticSite.defaultTitle, words: words)
        return console.withIndex { console in
            let index = try SearchIndex(path: console.databasePath(arguments), readOnly: true, words: words)
            let report: SiteReport
            do {
                report = try site.build(from: index, into: URL(fileURLWithPath: out))
            } catch let error as SiteError {
                console.error(error.message)
                return ExitCode.ioError
            }
            if arguments.value("format") == "json" {
                console.writeJSON(try RecordEncoder.json(report))
            } else {
                let c = report.counts
                console.write(console.text(.siteWrote, [
                    "path": report.path, "documents": String(report.documents), "size": StatsCommand.size(report.bytes),
                    "pages": String(c.pagesWritten), "pagesUnchanged": String(c.pagesUnchanged),
                    "data": String(c.dataWritten), "dataUnchanged": String(c.dataUnchanged), "removed": String(c.removed),
                ]) + "\n")
                console.write(console.text(.siteOpen, ["url": URL(fileURLWithPath: out).standardizedFileURL.appendingPathComponent("index.html").absoluteString]) + "\n")
            }
            return ExitCode.success
        }
    }
}
