import Foundation
import Gijiroku
import GijirokuInput

/// The searchable index: an SQLite database of documents and their elements with a
/// Japanese bigram full-text index over the elements.
///
/// ```swift
/// let index = try SearchIndex(path: SearchIndex.defaultPath)
/// let report = index.index(files: ["Corpus/minutes/shiomigawa-kosodate-01.txt"])
/// let hits = try index.search(SearchQuery(parsing: "区局連携"))
/// ```
public final class SearchIndex {
    /// `$GIJIROKU_DB`, else `$XDG_DATA_HOME/gijiroku/index.sqlite`, else
    /// `~/.local/share/gijiroku/index.sqlite`.
    public static var defaultPath: String { defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// The default path as `environment` gives it.
    public static func defaultPath(environment env: [String: String]) -> String {
        if let path = env["GIJIROKU_DB"], !path.isEmpty { return path }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (home as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("gijiroku/index.sqlite")
    }

    /// The store every concern works over.
    let store: Store
    /// The connection, for tests and tools.
    var database: Database { store.database }

    /// Opens the index at `path`; for writing, creates it (and its folder) and brings its
    /// schema up to date. Reading never changes what the index holds (the last reader to
    /// close may fold the write-ahead log into the file, as SQLite does).
    /// Text is matched with `characters` folded (the shipped table; tests pass others). An
    /// index built with another table has its full-text index rebuilt when opened for
    /// writing (``IndexReport/rebuiltForCharacterVariants`` says so) and is refused for reading.
    /// - Throws: ``IndexError`` `.noIndex` when reading a path with no index,
    ///   `.newerSchema` when the file was made by a newer Gijiroku, `.otherCharacterVariants`
    ///   when reading an index built with another table of character variants.
    /// - Parameter words: the word variants links and follow-ups of directives are read with:
    ///   the shipped groups and the user's (`WordVariants.shipped.adding(user.load().groups)`).
    ///   Links made with others are made anew at the next indexing run
    ///   (``IndexReport/linkWordsChanged``); until then ``linksMadeWithOtherWords`` says so.
    public init(path: String, readOnly: Bool = false, characters: CharacterVariants = .shipped, words: WordVariants = .shipped) throws {
        store = try Store(path: path, readOnly: readOnly, characters: characters, words: words)
    }

    /// Whether the stored links were made with other word variants than this index was
    /// opened with (the user's synonyms changed since the last indexing run): `links` shows
    /// them as they were made, and `--explain` scores with the new ones.
    public var linksMadeWithOtherWords: Bool {
        get throws {
            let hasLinks = try store.statement("SELECT EXISTS (SELECT 1 FROM links)").firstRow([]) { $0.int(0) == 1 } ?? false
            guard hasLinks else { return false }
            return try store.storedLinkWords() != store.words.fingerprint
        }
    }

    /// Indexes files: an unchanged file (same SHA-256) is skipped, a changed one replaces its
    /// old rows, a file that cannot be read or parsed is reported and the run goes on. With
    /// `prune`, documents whose files are gone are removed (see ``Indexer``).
    ///
    /// ```swift
    /// let report = index.index(files: ["Corpus/minutes/a.txt"], prune: false)
    /// print(report.added.count, report.failed.count)
    /// ```
    /// - Parameter limits: how much of each file is read.
    /// - Parameter progress: told after each batch of files how many were done and how many
    ///   failed, then how many minutes elements have been linked to plan items while the
    ///   links are refreshed at the end of the run.
    public func index(files: [String], prune: Bool = false, limits: InputLimits = .standard,
                      progress: (IndexProgress) -> Void = { _ in }) -> IndexReport {
        Indexer(store: store, limits: limits).index(files: files, prune: prune, progress: progress)
    }

    /// Removes the documents stored under another spelling of a path in `canonical` (a
    /// relative path an older run stored, `./a/../b.txt`): `resolve` maps a stored path to
    /// its canonical form. Returns the paths removed.
    ///
    /// ```swift
    /// try index.forgetAliases(of: Set(files)) { realpathOrNil($0) }
    /// ```
    public func forgetAliases(of canonical: Set<String>, resolve: (String) -> String?) throws -> [String] {
        let writer = DocumentWriter(store: store)
        var removed: [String] = []
        for path in try store.indexedPaths() where !canonical.contains(path) {
            guard let resolved = resolve(path), resolved != path, canonical.contains(resolved) else { continue }
            try store.database.transaction { try writer.remove(path: path) }
            removed.append(path)
        }
        return removed
    }

    /// Indexes `files`, then removes the documents under `roots` (files or folders the run
    /// walked, all of it seen) whose files are gone; documents elsewhere are never touched.
    ///
    /// ```swift
    /// index.index(files: walk.files.map(\.path), pruningUnder: ["/mnt/share/kaigiroku"])
    /// ```
    public func index(files: [String], pruningUnder roots: [String], limits: InputLimits = .standard,
                      progress: (IndexProgress) -> Void = { _ in }) -> IndexReport {
        Indexer(store: store, limits: limits).index(files: files, prune: true, roots: roots, progress: progress)
    }

    /// The hits for a query, best first, with snippets (see ``Searcher``).
    /// - Throws: ``IndexError`` for a query it cannot run or a date it cannot read.
    public func search(_ query: SearchQuery) throws -> SearchResult {
        try store.database.reading { try Searcher(store: store).search(query) }
    }

    /// `"minutes"`, `"plan"` or `"document"`: the kind of the indexed document a path or file name names.
    public func kind(ofDocument spec: String) throws -> String {
        try LinkQueries(store: store).kind(ofDocument: spec)
    }

    /// Why the element at `spec` (`path:line`) was or was not linked to each plan item
    /// that scored best (see ``LinkExplanation``).
    public func explainLinks(_ spec: String) throws -> LinkExplanation {
        try LinkQueries(store: store).explainLinks(spec)
    }

    /// A meeting's (or one element's, `path:line`) links to plan items, with the evidence.
    public func links(from spec: String) throws -> LinksReport {
        try LinkQueries(store: store).links(from: spec)
    }

    /// Every element linked to a plan item (`2-1-3`, or `plan#2-1-3`), newest first.
    public func links(toItem spec: String) throws -> PlanItemLinksReport {
        try LinkQueries(store: store).links(toItem: spec)
    }

    /// How often and when each item of a plan was discussed.
    public func planOverview(_ spec: String) throws -> PlanOverviewReport {
        try LinkQueries(store: store).planOverview(spec)
    }

    /// The register of directives, filtered, newest first (see ``DirectiveStore``).
    public func directives(_ filter: DirectiveFilter = DirectiveFilter()) throws -> DirectiveRegister {
        try DirectiveStore(store: store).directives(filter)
    }

    /// Sets a directive's status and note by hand, or clears them; `id` may be a unique
    /// prefix of at least 4 characters. - Returns: the full ID.
    @discardableResult
    public func setDirectiveStatus(_ id: String, status: DirectiveStatus?, note: String?, clear: Bool = false) throws -> String {
        try DirectiveStore(store: store).setDirectiveStatus(id, status: status, note: note, clear: clear)
    }

    /// Who spoke in the indexed verbatim records, per meeting body and year (see ``SpeakerReport``).
    /// - Throws: ``IndexError`` for a date it cannot read.
    public func speakers(_ filter: SpeakerFilter = SpeakerFilter()) throws -> SpeakerReport {
        try SpeakerQueries(store: store).speakers(filter)
    }

    /// Every decision of the indexed records, newest first (see ``DecisionList``).
    /// - Throws: ``IndexError`` for a date it cannot read.
    public func decisions(_ filter: DecisionFilter = DecisionFilter()) throws -> DecisionList {
        try DecisionQueries(store: store).decisions(filter)
    }

    /// What the index holds (see ``IndexStatistics``).
    public func statistics() throws -> IndexStatistics {
        try StatisticsQueries(store: store).statistics()
    }

    /// The indexed meetings, newest first (see ``MeetingList``).
    /// - Throws: ``IndexError`` `.query` for a date it cannot read or `since` after `until`.
    public func meetings(_ filter: MeetingFilter = MeetingFilter()) throws -> MeetingList {
        try MeetingQueries(store: store).meetings(filter)
    }

    /// How many documents and elements the index holds.
    public func counts() throws -> (documents: Int, elements: Int) {
        try store.counts()
    }

    /// Merges the full-text index's segments and checkpoints the write-ahead log.
    public func optimize() throws {
        try FullTextIndex(store: store).optimize()
    }

    /// Every linkable unit of the indexed minutes, for the link evaluation.
    package func storedUnits() throws -> [(path: String, unit: LinkUnit)] {
        try LinkIndex(store: store).storedUnits()
    }

    /// The plan catalogue as the linker sees it, for the link evaluation.
    package func loadCatalog(units: [(path: String, unit: LinkUnit)], terms: [[ContentTerms.Term]]? = nil) throws -> PlanCatalog {
        try LinkIndex(store: store).loadCatalog(units: units, terms: terms)
    }
}
