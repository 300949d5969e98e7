import Gijiroku
import GijirokuIndex
import GijirokuMessages

extension IndexError {
    /// The words for the error, naming the option or command a user should change or run;
    /// lists joined by `separator` (the language's own).
    func message(separator: String) -> Message {
        switch kind {
        case .database(let code, let operation):
            // SQLITE_NOTADB: `--db` names a file that is no database.
            if code == 26 { return Message(.indexNotADatabase) }
            switch operation {
            case .open(let path): return Message(.indexCannotOpen, ["path": path])
            case .fullTextSearch: return Message(.indexNoFTS5)
            case .prepare, .execute, .step: return Message(.indexDatabaseFailed)
            }
        case .busy(let path, let seconds): return Message(.indexBusy, ["path": path, "seconds": String(seconds)])
        case .newerSchema(let path, let found, let supported):
            return Message(.indexNewerSchema, ["path": path, "found": String(found), "supported": String(supported)])
        case .noIndex(let path): return Message(.indexMissing, ["path": path])
        case .outdatedIndex(let path): return Message(.indexOutdated, ["path": path])
        case .emptyDateRange(let since, let until): return Message(.usageSinceAfterUntil, ["since": since, "until": until])
        case .otherCharacterVariants(let path): return Message(.indexOtherCharacterVariants, ["path": path])
        case .fullTextPending: return Message(.indexFullTextPending)
        case .queryTooLong(let length, let maximum): return Message(.queryTooLong, ["length": String(length), "maximum": String(maximum)])
        case .emptyQuery: return Message(.queryEmpty)
        case .onlyExclusions: return Message(.queryOnlyExclusions)
        case .unsearchableQuery(let text): return Message(.queryUnsearchable, ["query": text])
        case .unreadableDate(let field, let text):
            let option = ["since": "--since", "until": "--until", "asOf": "--as-of"][field.rawValue] ?? field.rawValue
            return Message(.queryUnreadableDate, ["option": option, "value": text])
        case .notAPlan(let path, let kind): return Message(.linksNotAPlan, ["path": path, "kind": kind])
        case .notMinutes(let path, let kind): return Message(.linksNotMinutes, ["path": path, "kind": kind])
        case .noElementAtLine(let path, let line): return Message(.linksNoElementAtLine, ["path": path, "line": String(line)])
        case .planItemNotFound(let item, let plan):
            return plan.map { Message(.linksItemNotFoundInPlan, ["item": item, "plan": $0]) } ?? Message(.linksItemNotFound, ["item": item])
        case .planItemAmbiguous(let item, let candidates):
            return Message(.linksItemAmbiguous, ["item": item, "count": String(candidates.count), "candidates": candidates.joined(separator: separator)])
        case .documentNotFound(let spec): return Message(.indexDocumentNotFound, ["spec": spec])
        case .documentAmbiguous(let spec, let paths):
            return Message(.indexDocumentAmbiguous, ["spec": spec, "count": String(paths.count), "paths": paths.joined(separator: separator)])
        case .directiveNotFound(let id): return Message(.directiveNotFound, ["id": id])
        case .directiveAmbiguous(let id, let matches):
            return Message(.directiveAmbiguous, ["id": id, "count": String(matches.count), "matches": matches.joined(separator: separator)])
        }
    }

    /// 64 for what the user asked wrongly (a query, a name that is not there), 65 otherwise.
    var exitCode: Int32 {
        switch category {
        case .query, .notFound, .ambiguous: return ExitCode.usage
        case .database: return ExitCode.ioError
        default: return ExitCode.dataError
        }
    }
}
