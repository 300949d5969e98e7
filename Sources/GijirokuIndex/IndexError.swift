/// Why the index could not do what was asked: a kind with its data, never words.
///
/// SQLite's own messages never reach the user as the whole story: a database error says
/// what Gijiroku was doing and carries the SQL and SQLite's message for diagnosis. The CLI
/// turns each kind into words in the reader's language and names the option to change.
///
/// ```swift
/// do { _ = try SearchQuery(parsing: "-予算") }
/// catch { print(error.kind) }   // onlyExclusions
/// ```
public struct IndexError: Error, Sendable, Hashable {
    /// What the database was asked to do when it failed.
    public enum Operation: Sendable, Hashable {
        case open(path: String)
        case prepare
        case execute
        case step
        /// Registering the full-text tokenizer: this SQLite has no FTS5.
        case fullTextSearch
    }

    /// The dates a query may be limited by.
    public enum DateField: String, Sendable, Hashable {
        case since, until, asOf
    }

    public enum Kind: Sendable, Hashable {
        /// SQLite failed; `sql` and `sqlite` say where and why.
        case database(code: Int32, operation: Operation)
        /// The database file was made by a newer Gijiroku.
        case newerSchema(path: String, found: Int32, supported: Int32)
        /// There is no index at the path.
        case noIndex(path: String)
        /// The index is empty or of an older version: an indexing run brings it up to date.
        case outdatedIndex(path: String)
        /// The index was built with another table of character variants: an indexing run
        /// rebuilds its full-text index and links.
        case otherCharacterVariants(path: String)
        /// An indexing run that builds the full-text index at its end is under way, or
        /// was stopped before it got there: searching now would miss documents.
        case fullTextPending
        /// The query is longer than `maximum` characters.
        case queryTooLong(length: Int, maximum: Int)
        /// The query has no word to search for.
        case emptyQuery
        /// The query only excludes words.
        case onlyExclusions
        /// The query cannot be run as a full-text search.
        case unsearchableQuery(String)
        /// A date filter that names no date.
        case unreadableDate(field: DateField, text: String)
        /// `--since` after `--until`: nothing could match.
        case emptyDateRange(since: String, until: String)
        /// The document asked for is not a plan (its kind given).
        case notAPlan(path: String, kind: String)
        /// The document asked for is not minutes (its kind given).
        case notMinutes(path: String, kind: String)
        /// No linkable element starts at this line.
        case noElementAtLine(path: String, line: Int)
        /// No plan item has this ID (in the named plan, if one was named).
        case planItemNotFound(item: String, plan: String?)
        /// Several plans have an item with this ID; each is given as `plan#item`.
        case planItemAmbiguous(item: String, candidates: [String])
        /// No indexed document matches.
        case documentNotFound(String)
        /// Several indexed documents match.
        case documentAmbiguous(String, paths: [String])
        /// No directive has this ID.
        case directiveNotFound(String)
        /// Several directives start with this ID.
        case directiveAmbiguous(String, matches: [String])
        /// Another writer held the index for `seconds` (an index run, `directives set`).
        case busy(path: String, seconds: Int)
    }

    /// The broad class of an error, for exit codes.
    public enum Category: Sendable, Hashable {
        case database, newerSchema, noIndex, fullTextPending, query, notFound, ambiguous
    }

    public var kind: Kind
    /// The SQL that failed, for diagnosis.
    public var sql: String?
    /// SQLite's own message, for diagnosis.
    public var sqlite: String?

    public init(_ kind: Kind, sql: String? = nil, sqlite: String? = nil) {
        self.kind = kind
        self.sql = sql
        self.sqlite = sqlite
    }

    public var category: Category {
        switch kind {
        case .database, .busy: return .database
        case .newerSchema: return .newerSchema
        case .noIndex, .outdatedIndex, .otherCharacterVariants: return .noIndex
        case .fullTextPending: return .fullTextPending
        case .queryTooLong, .emptyQuery, .onlyExclusions, .unsearchableQuery, .unreadableDate, .emptyDateRange: return .query
        case .notAPlan, .notMinutes, .noElementAtLine, .planItemNotFound, .documentNotFound, .directiveNotFound: return .notFound
        case .planItemAmbiguous, .documentAmbiguous, .directiveAmbiguous: return .ambiguous
        }
    }
}
