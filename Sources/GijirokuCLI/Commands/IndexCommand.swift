import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuInput
import GijirokuMessages

/// `gijiroku index PATH... [--db PATH] [--prune] [--synonyms FILE] [--quiet]`
///
/// Walks files and folders, parses what it recognises and stores it in the index:
/// unchanged files (same SHA-256) are skipped, changed ones replaced in one transaction,
/// `--prune` removes documents whose files are gone. Reports counts and every failure;
/// one bad file never stops the run. Links are made with the shipped word variants and the
/// user's (`synonyms.txt` beside the index, or `--synonyms`), made anew when those change.
enum IndexCommand {
    static func run(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        let db = console.databasePath(arguments)
        let quiet = arguments.flag("quiet")
        guard !arguments.positional.isEmpty else { return console.usage(.indexNoInput) }
        guard let limits = arguments.inputLimits else { return console.usage(.usageMaxFileSize, ["value": arguments.value("max-file-size") ?? ""]) }
        let walk = FileWalker.walk(arguments.positional)
        for path in walk.missing { console.error(at: SourceLocation(path: path), Console.missing(path)) }
        for path in walk.unreadable { console.error(at: SourceLocation(path: path), Message(.inputFolderUnreadable)) }
        // `--prune` removes only what the run saw to be gone: with a root missing (an
        // unmounted share) or a folder it could not list, it removes nothing.
        let unseen = walk.missing.count + walk.unreadable.count
        let prune = arguments.flag("prune")
        if prune, unseen > 0 { console.error(Message(.indexPruneSkipped, ["count": String(unseen)])) }
        // Nothing to read at all (`index nosuch.txt`): no database is made.
        if walk.files.isEmpty, unseen > 0 { return ExitCode.of(failures: unseen, total: unseen) }
        // One writer at a time: a second run waits for the first, saying so.
        let seconds: Double
        if let text = arguments.value("wait") {
            guard let n = Double(text), n >= 0 else { return console.usage(.usageNotANumber, ["option": "--wait", "value": text]) }
            seconds = n
        } else {
            seconds = 600
        }
        let lock: WriterLock
        do {
            lock = try WriterLock.acquire(for: db, timeout: seconds) { console.error(.indexWaiting, ["path": db]) }
        } catch { return console.fail(error) }
        defer { lock.release() }
        let words = SynonymsCommand.variants(arguments, &console).variants
        let index: SearchIndex
        do { index = try SearchIndex(path: db, words: words) } catch let error as IndexError {
            console.error(error.message(separator: console.text(.listSeparator)))
            if let sqlite = error.sqlite { console.errors.write("  SQLite: \(sqlite)\n") }
            return error.exitCode
        } catch {
            console.error(.indexDatabaseFailed)
            return ExitCode.ioError
        }

        // A document is known by its canonical path (absolute, links resolved): `index arch`
        // after `index /abs/arch`, or through a link, finds the same documents.
        let files = walk.files.map { FileWalker.canonical($0.path) }
        // What an older run stored under a relative spelling of these files is replaced, not kept twice.
        var canonical = FileWalker.CanonicalPaths()
        _ = try? index.forgetAliases(of: Set(files)) { stored in
            let resolved = canonical.canonical(stored)
            return resolved == stored ? nil : resolved
        }
        // Progress on standard error as the batches are written, as `convert` shows it; then
        // the link refresh's, as elements linked of all.
        var progress = Progress(total: files.count, quiet: quiet)
        var linking: Progress?
        func show(_ step: IndexProgress) {
            switch step {
            case .files(let done, let failed):
                progress.update(done: done, failures: failed, console: &console)
            case .links(let done, let total):
                if linking == nil {
                    progress.finish(console: &console)
                    if !quiet { console.note(console.text(.linksRefreshing, ["units": String(total)])) }
                    linking = Progress(total: total, quiet: quiet, line: .progressElementsLine)
                }
                linking?.update(done: done, failures: 0, console: &console)
            }
        }
        let report = prune && unseen == 0
            ? index.index(files: files, pruningUnder: arguments.positional.map(FileWalker.canonical), limits: limits, progress: show)
            : index.index(files: files, limits: limits, progress: show)
        (linking ?? progress).finish(console: &console)
        for failure in report.failed { describe(failure, &console) }
        if !quiet {
            for path in report.added { console.write(console.text(.indexAdded, ["path": path]) + "\n") }
            for path in report.updated { console.write(console.text(.indexUpdated, ["path": path]) + "\n") }
            for path in report.removed { console.write(console.text(.indexRemoved, ["path": path]) + "\n") }
        }
        let counts = (try? index.counts()) ?? (documents: 0, elements: 0)
        let summary: [String: String] = [
            "db": db, "added": String(report.added.count), "updated": String(report.updated.count),
            "unchanged": String(report.unchanged.count), "removed": String(report.removed.count),
            "failed": String(report.failed.count + unseen),
            "documents": String(counts.documents), "elements": String(counts.elements),
        ]
        console.write(console.text(.indexSummary, summary) + "\n")
        if report.rebuiltForCharacterVariants { console.note(console.text(.indexCharacterVariantsChanged, ["db": db])) }
        if report.parserRevisionChanged {
            // A run with no file read has read nothing again: it says what will.
            let read = !report.added.isEmpty || !report.updated.isEmpty
            console.note(console.text(read ? .indexParserRevisionChanged : .indexParserRevisionChangedNothingRead, ["db": db]))
        }
        if report.linkerRevisionChanged, let links = report.links, links.planItems > 0 { console.note(console.text(.indexLinkerRevisionChanged, ["db": db])) }
        if report.linkWordsChanged, let links = report.links, links.planItems > 0 { console.note(console.text(.indexLinkWordsChanged, ["db": db])) }
        if report.fullTextBuiltAtEnd, !quiet { console.write(console.text(.indexFullTextAtEnd) + "\n") }
        if let links = report.links, !quiet {
            if links.planItems == 0 {
                console.write(console.text(.indexLinksNoPlans) + "\n")
            } else {
                console.write(console.text(.indexLinksSummary, [
                    "added": String(links.added), "updated": String(links.updated), "unchanged": String(links.unchanged),
                    "removed": String(links.removed), "items": String(links.planItems),
                ]) + "\n")
            }
        }
        return ExitCode.of(failures: report.failed.count + unseen, total: walk.files.count + unseen)
    }

    private static func describe(_ failure: IndexFailure, _ console: inout Console) {
        let location = SourceLocation(path: failure.path ?? "gijiroku index")
        switch failure.reason {
        case .input(let error): console.error(at: error.location, error.message)
        case .write(let why): console.error(at: location, Message(.indexCannotWrite, ["reason": why]))
        case .prune(let why): console.error(Message(.indexCannotPrune, ["reason": why]))
        case .fullText(let why): console.error(Message(.indexCannotBuildFullText, ["reason": why]))
        case .links(let why): console.error(Message(.indexCannotRefreshLinks, ["reason": why]))
        }
    }
}
