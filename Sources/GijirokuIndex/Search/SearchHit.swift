/// One search result: the element, where it is, and its context.
///
/// `snippet` marks the matched text with `«` and `»`. A question carries its answers; an
/// answer carries its question.
public struct SearchHit: Sendable, Hashable, Codable {
    public struct Document: Sendable, Hashable, Codable {
        public var path: String
        public var title: String?
        public var meeting: String?
        public var date: String?
    }

    public struct Related: Sendable, Hashable, Codable {
        public var marker: String?
        public var text: String
        public var lines: Lines
    }

    /// A plan item: `2-1-3` and its title.
    public struct PlanItemReference: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
    }

    public struct Lines: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) { self.start = start; self.end = end }
    }

    public var rank: Int
    /// BM25 score as SQLite reports it (lower is better).
    public var score: Double
    public var kind: String
    public var text: String
    public var snippet: String
    public var document: Document
    public var agendaNumber: Int?
    public var agendaTitle: String?
    public var issuer: String?
    /// For a plan element: the item it belongs to.
    public var planItem: PlanItemReference?
    public var lines: Lines
    /// `path:line`, for editors and terminals.
    public var location: String
    public var question: Related?
    public var answers: [Related]?
    /// The variant spellings the hit matched instead of words as typed: a search for `子供`
    /// that found `子ども` says so. `nil` when it holds every word as typed.
    public var variants: [MatchedVariant]?

    /// A word as typed and the spelling of it the hit holds.
    public struct MatchedVariant: Sendable, Hashable, Codable {
        public var typed: String
        public var matched: String
    }
}

/// The answer to a search: the hits and how many there were in all.
public struct SearchResult: Sendable, Hashable, Codable {
    public var query: String
    public var expression: String
    public var total: Int
    public var hits: [SearchHit]
}
