import Gijiroku

/// A user's search, parsed: words are ANDed, `"…"` is a phrase, `OR` between two words
/// matches either, a leading `-` excludes; plus filters. Every word reaches FTS5 as a
/// quoted string, so no query text is ever read as FTS5 syntax (`NEAR`, `*`, `(`, `'`…).
/// A word with variant spellings (``WordVariants``) matches any of them.
///
/// ```swift
/// let q = try SearchQuery(parsing: "市長 \"東日本連携\" -予算")
/// q.expression   // "\"市長\" AND \"東日 日本 本連 連携\" NOT \"予算\""
/// try SearchQuery(parsing: "子供").expression   // "(\"子供\" OR \"子ど ども\" OR \"こど ども\")"
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
    /// a directive's issuer, an explanation's presenter (`市長`, `浦井`).
    public var speaker: String?
    public var limit: Int = 20
    /// The FTS5 expression built from `text`.
    public private(set) var expression: String

    public static let maximumLength = 2_000

    /// Each phrase of `expression`, in order: which of the query's words it spells and
    /// whether it spells it as typed (a variant spelling does not), for ranking hits on the
    /// typed form first. Excluded words' phrases have no word.
    public private(set) var phrases: [Phrase]
    /// Each searched word's spellings (the word as typed first), for saying which variant a
    /// hit matched; empty with `--exact`.
    public let expansions: [WordVariants.Expansion]

    /// One phrase of the expression.
    public struct Phrase: Sendable, Hashable {
        /// The query's OR-group (a word, or words joined by `OR`) it belongs to; `nil` for an exclusion.
        public var group: Int?
        /// Whether it is the word as typed, not a variant spelling.
        public var typed: Bool
        /// The phrase as an FTS5 string (`"保育 育士"`).
        public var fts: String
    }

    /// - Parameter variants: the word variants each word is also searched as (`子供` finds
    ///   `子ども` and `こども` too); `nil` searches the words only as typed (`--exact`).
    ///   Character variants (`髙`/`高`) are always folded, by the tokenizer.
    /// - Throws: ``IndexError`` `.query` with a plain message when the query has nothing to
    ///   search for, only exclusions, or is too long.
    public init(parsing text: String, variants: WordVariants? = .shipped) throws(IndexError) {
        self.text = text
        guard text.count <= Self.maximumLength else {
            throw IndexError(.queryTooLong(length: text.count, maximum: Self.maximumLength))
        }
        // Each word's FTS5 strings: the word as typed, then its variant spellings.
        var positives: [[[String]]] = []   // OR-groups, ANDed; each word its spellings
        var negatives: [[String]] = []
        var expansions: [WordVariants.Expansion] = []
        var pendingOr = false
        for (word, quoted, negated) in Self.words(of: text) {
            if !quoted, !negated, word == "OR" {
                pendingOr = !positives.isEmpty
                continue
            }
            let expansion = variants?.expansion(of: word) ?? WordVariants.Expansion(typed: word, alternatives: [word])
            // A word with nothing to search for is dropped (its variants with it).
            guard let typed = Self.ftsString(word) else { continue }
            var spellings = [typed]
            for spelling in expansion.alternatives.dropFirst() {
                guard let fts = Self.ftsString(spelling), !spellings.contains(fts) else { continue }
                spellings.append(fts)
            }
            if negated {
                negatives.append(spellings)
            } else {
                if expansion.hasVariants, spellings.count > 1 { expansions.append(expansion) }
                if pendingOr, !positives.isEmpty {
                    positives[positives.count - 1].append(spellings)
                } else {
                    positives.append([spellings])
                }
            }
            pendingOr = false
        }
        guard !positives.isEmpty else {
            throw IndexError(negatives.isEmpty ? .emptyQuery : .onlyExclusions)
        }
        self.positives = positives
        self.negatives = negatives
        (self.expression, self.phrases) = Self.assemble(positives, negatives)
        self.expansions = expansions
    }

    /// Each OR-group's words, each word its FTS5 spellings (the typed one first); the
    /// excluded words' spellings.
    private var positives: [[[String]]] = []
    private var negatives: [[String]] = []

    /// The FTS5 expression of the spellings, and its phrases in order.
    private static func assemble(_ positives: [[[String]]], _ negatives: [[String]]) -> (String, [Phrase]) {
        var phrases: [Phrase] = []
        var parts: [String] = []
        for (g, group) in positives.enumerated() {
            var strings: [String] = []
            for spellings in group {
                for (k, fts) in spellings.enumerated() {
                    strings.append(fts)
                    phrases.append(Phrase(group: g, typed: k == 0, fts: fts))
                }
            }
            parts.append(strings.count == 1 ? strings[0] : "(" + strings.joined(separator: " OR ") + ")")
        }
        var expression = parts.joined(separator: " AND ")
        for spellings in negatives {
            expression += " NOT " + (spellings.count == 1 ? spellings[0] : "(" + spellings.joined(separator: " OR ") + ")")
            phrases += spellings.map { Phrase(group: nil, typed: true, fts: $0) }
        }
        return (expression, phrases)
    }

    /// The variant spellings (never a typed word), as FTS5 strings.
    var variantSpellings: [String] { (positives.joined() + negatives).flatMap { $0.dropFirst() } }

    /// The query without the variant spellings `absent` (an index that holds none of them
    /// need not be searched for them).
    func without(_ absent: Set<String>) -> SearchQuery {
        guard !absent.isEmpty else { return self }
        var copy = self
        copy.positives = positives.map { $0.map { [$0[0]] + $0.dropFirst().filter { !absent.contains($0) } } }
        copy.negatives = negatives.map { [$0[0]] + $0.dropFirst().filter { !absent.contains($0) } }
        (copy.expression, copy.phrases) = Self.assemble(copy.positives, copy.negatives)
        return copy
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
        self.phrases = []
        self.expansions = []
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
