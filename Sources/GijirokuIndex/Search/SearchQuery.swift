import Gijiroku

/// A user's search, parsed: words are ANDed, `"…"` is a phrase, `OR` between two words
/// matches either, a leading `-` excludes; plus filters. Every word reaches FTS5 as a
/// quoted string, so no query text is ever read as FTS5 syntax (`NEAR`, `*`, `(`, `'`…).
///
/// ```swift
/// let q = try SearchQuery(parsing: "市長 \"東日本連携\" -予算")
/// q.expression   // "\"市長\" AND \"東日本連携\" NOT \"予算\""
/// ```
public struct SearchQuery: Sendable, Hashable {
    /// Kinds of element a search can be limited to.
    public enum Kind: String, Sendable, CaseIterable { case question, answer, directive, explanation, other, plan, document, attendees, speech, decision }

    public var text: String
    public var kind: Kind?
    /// ISO dates, inclusive.
    public var since: String?
    public var until: String?
    /// Part of the meeting name or title.
    public var meeting: String?
    /// Part of who spoke or issued an element: an utterance's speaker (label, name or post),
    /// a directive's issuer, an explanation's presenter (`市長`, `筒井`).
    public var speaker: String?
    public var limit: Int = 20
    /// The FTS5 expression built from `text`.
    public let expression: String

    public static let maximumLength = 2_000

    /// - Throws: ``IndexError`` `.query` with a plain message when the query has nothing to
    ///   search for, only exclusions, or is too long.
    public init(parsing text: String) throws(IndexError) {
        self.text = text
        guard text.count <= Self.maximumLength else {
            throw IndexError(.queryTooLong(length: text.count, maximum: Self.maximumLength))
        }
        var positives: [[String]] = []   // OR-groups, ANDed
        var negatives: [String] = []
        var pendingOr = false
        for (word, quoted, negated) in Self.words(of: text) {
            if !quoted, !negated, word == "OR" {
                pendingOr = !positives.isEmpty
                continue
            }
            guard let fts = Self.ftsString(word) else { continue }
            if negated {
                negatives.append(fts)
            } else if pendingOr, !positives.isEmpty {
                positives[positives.count - 1].append(fts)
            } else {
                positives.append([fts])
            }
            pendingOr = false
        }
        guard !positives.isEmpty else {
            throw IndexError(negatives.isEmpty ? .emptyQuery : .onlyExclusions)
        }
        var expression = positives.map { $0.count == 1 ? $0[0] : "(" + $0.joined(separator: " OR ") + ")" }.joined(separator: " AND ")
        for n in negatives { expression += " NOT " + n }
        self.expression = expression
    }

    /// A search without words: every element the filters let through, newest first ("every
    /// directive since 2020"). Searching with it and no filter is an error.
    ///
    /// ```swift
    /// var q = SearchQuery.everything
    /// q.kind = .directive; q.since = "2020-04-01"
    /// ```
    public static var everything: SearchQuery { SearchQuery(text: "", expression: "") }

    private init(text: String, expression: String) {
        self.text = text
        self.expression = expression
    }

    /// Whether a filter narrows the search.
    public var hasFilter: Bool { kind != nil || since != nil || until != nil || meeting != nil || speaker != nil }

    /// Splits on white space (ASCII or ideographic) and quotes; an unbalanced quote runs to the end.
    static func words(of text: String) -> [(String, quoted: Bool, negated: Bool)] {
        var words: [(String, Bool, Bool)] = []
        var current = ""
        var inQuote = false
        var negated = false
        var quoted = false
        func finish() {
            if !current.isEmpty { words.append((current, quoted, negated)) }
            current = ""; negated = false; quoted = false
        }
        for c in text {
            if c == "\"" || c == "＂" || c == "”" || c == "“" {
                if inQuote { inQuote = false; quoted = true; finish() } else { finish(); inQuote = true; quoted = true }
                continue
            }
            if inQuote { current.append(c); continue }
            if c.unicodeScalars.allSatisfy(SourceLine.isSpaceScalar) { finish(); continue }
            if current.isEmpty, !negated, c == "-" || c == "－" { negated = true; continue }
            current.append(c)
        }
        if inQuote { quoted = true }
        finish()
        return words
    }

    /// The word as an FTS5 string (`"…"`, with `*` when it ends in a single Japanese
    /// character, which is found by prefix), or `nil` when it has nothing to search for.
    static func ftsString(_ word: String) -> String? {
        let tokens = JapaneseTokens.tokens(of: word, forIndex: false)
        guard let last = tokens.last else { return nil }
        let prefix = last.text.unicodeScalars.count == 1 && JapaneseTokens.classify(last.text.unicodeScalars.first!) == .japanese
        // Keep only what the tokenizer reads, so stray syntax never reaches FTS5.
        let clean = tokens.filter { !$0.colocated }.map(\.text).joined(separator: " ")
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
    }
}

extension SourceLine {
    static func isSpaceScalar(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" || s == "\n" || s == "\r" }
}
