import Foundation
import Gijiroku
import GijirokuIndex
import GijirokuMessages

/// `gijiroku synonyms [WORD...] [--user] [--format text|json]`,
/// `gijiroku synonyms add FORM FORM...` and `gijiroku synonyms remove FORM`.
///
/// The word variants searches find together: the shipped groups and the user's own, which
/// live in `synonyms.txt` beside the index (or `--synonyms FILE`, `$GIJIROKU_SYNONYMS`) and
/// are read at each search.
enum SynonymsCommand {
    /// The user's file: `--synonyms`, else `$GIJIROKU_SYNONYMS`, else beside the index; and
    /// whether it was named (a named file that is missing is worth a warning).
    static func file(_ arguments: ParsedArguments, _ console: Console) -> (synonyms: UserSynonyms, named: Bool) {
        if let path = arguments.value("synonyms") { return (UserSynonyms(path: path), true) }
        if let path = console.environment["GIJIROKU_SYNONYMS"], !path.isEmpty { return (UserSynonyms(path: path), true) }
        return (UserSynonyms(path: UserSynonyms.defaultPath(besideIndex: console.databasePath(arguments))), false)
    }

    /// The shipped word variants with the user's: each unusable line is a warning with its
    /// line number (the rest is used); an unreadable or missing named file a warning, and
    /// the shipped groups are used alone.
    static func variants(_ arguments: ParsedArguments, _ console: inout Console) -> (variants: WordVariants, user: [WordVariants.Group], path: String) {
        let (synonyms, named) = file(arguments, console)
        do throws(UserSynonyms.FileError) {
            if named, !FileManager.default.fileExists(atPath: synonyms.path) { throw .missing(path: synonyms.path) }
            let (groups, problems) = try synonyms.load()
            for problem in problems {
                let reason = console.text(reasonMessage(problem.reason))
                console.warning(at: SourceLocation(path: problem.file, line: problem.line), Message(.synonymsLineIgnored, ["reason": reason]))
            }
            return (WordVariants.shipped.adding(groups), groups, synonyms.path)
        } catch {
            console.error(message(error, path: synonyms.path))
            return (WordVariants.shipped, [], synonyms.path)
        }
    }

    static func list(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        let (variants, user, path) = variants(arguments, &console)
        let userOnly = arguments.flag("user")
        let words = arguments.positional
        var groups = userOnly ? user.compactMap { variants.group(of: $0.forms[0]) } : variants.groups
        if !words.isEmpty {
            groups = groups.filter { g in words.contains { w in variants.group(of: w) == g } }
        }
        var seen = Set<WordVariants.Group>()
        groups = groups.filter { seen.insert($0).inserted }
        if arguments.value("format") == "json" {
            let report = SynonymsReport(groups: groups.map { SynonymsReport.Entry($0, userPath: path) })
            do { console.writeJSON(try RecordEncoder.json(report)) }
            catch { console.error(.outputEncodingFailed, ["reason": "\(error)"]); return ExitCode.dataError }
            return ExitCode.found(groups.count, arguments)
        }
        if groups.isEmpty, !words.isEmpty {
            console.note(console.text(.synonymsNoneFound, ["words": words.joined(separator: " ")]))
            return ExitCode.found(0, arguments)
        }
        for g in groups {
            let source = g.file == path ? "\(g.file):\(g.line)" : console.text(.wordShipped) + " \(g.file):\(g.line)"
            console.write(g.forms.joined(separator: " ") + "  （\(source)）\n")
        }
        if words.isEmpty {
            console.write(console.text(.synonymsSummary, ["groups": String(groups.count), "user": String(user.count), "path": path]) + "\n")
        }
        return ExitCode.found(groups.count, arguments)
    }

    static func add(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        let forms = arguments.positional
        guard forms.count >= 2 else { return console.usage(.synonymsAddUsage) }
        let (variants, _, path) = variants(arguments, &console)
        let synonyms = UserSynonyms(path: path)
        do throws(UserSynonyms.FileError) {
            let group = try synonyms.add(forms, to: variants)
            console.write(console.text(.synonymsAdded, ["path": synonyms.path, "forms": forms.joined(separator: " ")]) + "\n")
            console.write(console.text(.synonymsNowGroup, ["forms": group.forms.joined(separator: " ")]) + "\n")
            console.note(console.text(.synonymsLinksAtNextIndex))
            return ExitCode.success
        } catch {
            console.error(message(error, path: synonyms.path))
            if case .unwritable = error { return ExitCode.ioError }
            return ExitCode.dataError
        }
    }

    static func remove(_ arguments: ParsedArguments, _ console: inout Console) -> Int32 {
        guard arguments.positional.count == 1 else { return console.usage(.synonymsRemoveUsage) }
        let (synonyms, _) = file(arguments, console)
        do throws(UserSynonyms.FileError) {
            for group in try synonyms.remove(arguments.positional[0]) {
                console.write(console.text(.synonymsRemoved, ["path": synonyms.path, "forms": group.forms.joined(separator: " ")]) + "\n")
            }
            console.note(console.text(.synonymsLinksAtNextIndex))
            return ExitCode.success
        } catch {
            console.error(message(error, path: synonyms.path))
            if case .unwritable = error { return ExitCode.ioError }
            return ExitCode.dataError
        }
    }

    static func message(_ error: UserSynonyms.FileError, path: String) -> Message {
        switch error {
        case .missing(let path): Message(.synonymsMissing, ["path": path])
        case .unreadable(let path, let reason): Message(.synonymsUnreadable, ["path": path, "reason": reason])
        case .unwritable(let path, let reason): Message(.synonymsUnwritable, ["path": path, "reason": reason])
        case .invalid(let reason): reasonMessage(reason)
        case .alreadyGrouped(let forms, let group):
            Message(.synonymsAlreadyGrouped, ["forms": forms.joined(separator: " "), "source": "\(group.file):\(group.line)"])
        case .notFound(let form, let shipped?): Message(.synonymsShippedGroup, ["form": form, "forms": shipped.forms.joined(separator: " ")])
        case .notFound(let form, nil): Message(.synonymsNotFound, ["form": form, "path": path])
        }
    }

    static func reasonMessage(_ reason: WordVariants.Problem.Reason) -> Message {
        switch reason {
        case .oneForm(let f): Message(.synonymsOneForm, ["form": f])
        case .nothingToFind(let f): Message(.synonymsNothingToFind, ["form": f])
        case .tooShort(let f): Message(.synonymsTooShort, ["form": f])
        case .alreadyGrouped(let f, let line): Message(.synonymsAlreadyInGroup, ["form": f, "line": String(line)])
        }
    }
}

/// `gijiroku synonyms --format json`: the groups, each with its forms and where it was read.
struct SynonymsReport: Sendable, Hashable, Codable {
    var kind = "synonyms"
    var groups: [Entry]

    struct Entry: Sendable, Hashable, Codable {
        var forms: [String]
        /// `shipped` or `user`.
        var source: String
        var file: String
        var line: Int

        init(_ group: WordVariants.Group, userPath: String) {
            forms = group.forms
            source = group.file == userPath ? "user" : "shipped"
            file = group.file
            line = group.line
        }
    }
}
