import Foundation
import GijirokuIndex

/// `gijiroku index PATH... [--db PATH] [--prune] [--quiet]`
///
/// Walks files and folders, parses what it recognises and stores it in the index:
/// unchanged files (same SHA-256) are skipped, changed ones replaced in one transaction,
/// `--prune` removes documents whose files are gone. Reports counts and every failure;
/// one bad file never stops the run.
enum IndexCommand {
    static func run<O: TextOutputStream, E: TextOutputStream>(_ arguments: [String], output: inout O, errors: inout E) -> Int32 {
        var options = OptionReader(arguments, command: "index")
        let db = options.value("--db") ?? SearchIndex.defaultPath
        let prune = options.flag("--prune")
        let quiet = options.flag("--quiet") || options.flag("-q")
        let paths = options.positional
        if let problem = options.problem { errors.write(problem + "\n"); return ExitCode.usage }
        guard !paths.isEmpty else {
            errors.write("gijiroku index: error: 登録するファイルまたはフォルダを指定してください\n")
            return ExitCode.usage
        }
        let (files, missing) = InputFiles.expand(paths)
        for path in missing { errors.write("\(path): error: ファイルまたはフォルダがありません\n") }
        let index: SearchIndex
        do { index = try SearchIndex(path: db) }
        catch { errors.write("gijiroku index: error: \(error)\n"); return ExitCode.dataError }

        let report = index.index(files: files, prune: prune)
        for failure in report.failed { errors.write(failure.reason + "\n") }
        if !quiet {
            for path in report.added { output.write("追加 \(path)\n") }
            for path in report.updated { output.write("更新 \(path)\n") }
            for path in report.removed { output.write("削除 \(path)\n") }
        }
        let counts = (try? index.counts()) ?? (0, 0)
        output.write("索引 \(db): 追加 \(report.added.count)、更新 \(report.updated.count)、変更なし \(report.unchanged.count)、"
                     + "削除 \(report.removed.count)、失敗 \(report.failed.count + missing.count)"
                     + "（文書 \(counts.0)、要素 \(counts.1)）\n")
        if report.fullTextBuiltAtEnd, !quiet {
            output.write("全文索引: 要素を書き終えてから、まとめて作りました\n")
        }
        if let links = report.links, !quiet {
            if links.planItems == 0 {
                output.write("計画項目への関連付け: 計画が登録されていないため、ありません\n")
            } else {
                output.write("計画項目への関連付け: 追加 \(links.added)、更新 \(links.updated)、変更なし \(links.unchanged)、削除 \(links.removed)"
                             + "（計画項目 \(links.planItems)）\n")
            }
        }
        let failures = report.failed.count + missing.count
        if failures == 0 { return ExitCode.success }
        return failures >= files.count + missing.count ? ExitCode.dataError : ExitCode.someFailed
    }
}
