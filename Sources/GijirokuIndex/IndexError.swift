/// Why the index could not do what was asked, in plain words.
///
/// SQLite's own messages never reach the user as the whole story: each error says what
/// Gijiroku was doing, and carries the SQL and SQLite's message for diagnosis.
///
/// ```swift
/// do { _ = try SearchQuery(parsing: "-予算") }
/// catch let error as IndexError { print(error) }   // 除外する語（-）だけでは検索できません。…
/// ```
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// SQLite failed; `sql` and `sqlite` say where and why.
        case database(code: Int32)
        /// The database file was made by a newer Gijiroku.
        case newerSchema(found: Int32, supported: Int32)
        /// There is no index at the path.
        case noIndex
        /// The search query cannot be run.
        case query
        /// The document, element, plan item or directive asked for is not in the index.
        case notFound
        /// What was asked for names more than one thing (an item ID in two plans).
        case ambiguous
        /// An indexing run that builds the full-text index at its end is under way, or
        /// was stopped before it got there: searching now would miss documents.
        case fullTextPending
    }

    public var kind: Kind
    public var message: String
    public var sql: String?
    public var sqlite: String?

    public init(_ kind: Kind, _ message: String, sql: String? = nil, sqlite: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
        self.sqlite = sqlite
    }

    public var description: String {
        var text = message
        if let sqlite { text += "（SQLite: \(sqlite)）" }
        return text
    }
}
