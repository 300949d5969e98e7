import Foundation
import Gijiroku
import GijirokuMessages

/// The register of directives (指示事項の管理): every directive in the indexed minutes,
/// newest first, with its deadline, responsible bodies, follow-ups, plan items and status.
///
/// ```swift
/// let register = try index.directives(DirectiveFilter(status: .overdue, issuer: "市長"))
/// register.directives.first?.deadline?.date   // "2020-03-31"
/// ```
public struct DirectiveRegister: Sendable, Hashable, Codable {
    /// Always `"directives"`.
    public var kind = "directives"
    /// The day statuses were judged on (`overdue` means the deadline is before it).
    public var asOf: String
    public var directives: [DirectiveEntry]
}

/// A directive's status. `done` is only ever set by hand.
///
/// ```swift
/// try index.setDirectiveStatus("0f2e097e", status: .done, note: "制度化は見送り")
/// ```
public enum DirectiveStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open
    case followedUp = "followed-up"
    case overdue
    case done
}

/// One directive in the register.
///
/// ```swift
/// let entry = try index.directives().directives.first { $0.text.contains("奨学金") }
/// entry?.deadline?.text        // "次回の本部会議"
/// entry?.deadline?.date        // "2019-07-08", the next meeting of the same body
/// entry?.status                // .overdue when no later meeting took it up
/// ```
public struct DirectiveEntry: Sendable, Hashable, Codable {
    public struct Source: Sendable, Hashable, Codable {
        public var path: String
        public var line: Int
        public var location: String
    }
    public struct Agenda: Sendable, Hashable, Codable {
        public var number: Int
        public var title: String?
    }
    public struct FollowUp: Sendable, Hashable, Codable {
        public var document: SearchHit.Document
        public var agendaNumber: Int?
        public var title: String?
        public var lines: SearchHit.Lines
        public var location: String
        /// The share of the directive's term weight the agenda item contains.
        public var coverage: Double
    }

    /// Stable across re-indexing: derived from the meeting body, date and text, so the same
    /// directive found in a PDF and a text file of the same minutes is one entry.
    public var id: String
    public var meeting: String?
    public var title: String?
    public var date: String?
    public var issuer: String
    public var text: String
    public var agenda: Agenda?
    public var responsible: [String]
    public var deadline: Deadline?
    /// The status in force: the one set by hand, else ``automaticStatus``.
    public var status: DirectiveStatus
    /// What Gijiroku judged: `followed-up` when a later meeting took it up, `overdue` when
    /// its deadline has passed without that, else `open`.
    public var automaticStatus: DirectiveStatus
    /// Whether ``status`` was set by hand (`gijiroku directives set`).
    public var statusSetByHand: Bool
    public var note: String?
    public var followUps: [FollowUp]
    public var planItems: [PlanLinkRecord]
    /// Every file (and line) that records the directive.
    public var sources: [Source]
}

/// Which directives to list.
///
/// ```swift
/// DirectiveFilter(status: .open, issuer: "市長", since: "2019-04-01", asOf: "2021-06-30")
/// ```
public struct DirectiveFilter: Sendable, Hashable {
    public var status: DirectiveStatus?
    /// Keeps directives from this issuer (see ``issuerMatches(_:)``).
    public var issuer: String?
    public var since: String?
    /// The day statuses are judged on; today when `nil`.
    public var asOf: String?

    public init(status: DirectiveStatus? = nil, issuer: String? = nil, since: String? = nil, asOf: String? = nil) {
        self.status = status
        self.issuer = issuer
        self.since = since
        self.asOf = asOf
    }

    /// `市長` matches the issuer 市長 only, not 大森副市長; any other text matches issuers
    /// that contain it (`副市長` matches 大森副市長).
    func issuerMatches(_ issuer: String) -> Bool {
        guard let wanted = self.issuer else { return true }
        if wanted == "市長" { return issuer == "市長" }
        return issuer.contains(wanted)
    }
}

/// The register of directives as the index holds it: read with deadlines resolved,
/// follow-ups found and statuses set by hand, and those statuses written.
struct DirectiveStore {
    let store: Store

    /// The register, filtered, newest first.
    /// - Throws: ``IndexError`` `.query` for a date it cannot read.
    func directives(_ filter: DirectiveFilter = DirectiveFilter()) throws -> DirectiveRegister {
        let asOf = try filter.asOf.map { try Searcher.isoDate($0, field: .asOf) } ?? Self.today()
        let since = try filter.since.map { try Searcher.isoDate($0, field: .since) }

        // Meetings by body, for 次回 deadlines and follow-ups.
        struct Meeting_ { var path: String; var title: String?; var date: String; var id: Int64 }
        var meetings: [String: [Meeting_]] = [:]
        let docs = try store.database.prepare("SELECT id, path, title, date, meeting FROM documents WHERE kind = 'minutes' AND date IS NOT NULL ORDER BY date, path")
        try docs.bind([])
        while try docs.step() {
            let title = docs.string(2)
            let body = Self.body(meeting: docs.string(4), title: title, path: docs.string(1) ?? "")
            meetings[body, default: []].append(Meeting_(path: docs.string(1) ?? "", title: title, date: docs.string(3) ?? "", id: Int64(docs.int(0) ?? 0)))
        }
        docs.reset()

        let units = try LinkIndex(store: store).storedUnitsWithDocuments()
        // Every unit's terms, read once (on every core): the background weights and the
        // agenda candidates.
        let words = store.words
        let terms = units.concurrentMap { Set(ContentTerms.bigrams(of: $0.unit.text, variants: words)) }
        let finder = FollowUpFinder(background: terms, words: words)
        struct Candidate { var unit: LinkUnit; var terms: Set<ContentTerms.Term>; var cued: Bool }
        var agendaByDocument: [String: [Candidate]] = [:]
        for (u, t) in zip(units, terms) where u.unit.kind == .agenda {
            agendaByDocument[u.path, default: []].append(Candidate(unit: u.unit, terms: t, cued: FollowUpFinder.isCued(u.unit.text)))
        }
        var linksByPath: [String: [LinkQueries.LinkKey: [PlanLinkRecord]]] = [:]
        let statuses = try manualStatuses()

        var entries: [String: DirectiveEntry] = [:]
        var order: [String] = []
        for u in units where u.unit.kind == .directive {
            let body = Self.body(meeting: u.meeting, title: u.title, path: u.path)
            let id = Self.directiveID(body: body, date: u.date, text: u.unit.text)
            let source = DirectiveEntry.Source(path: u.path, line: u.unit.lines.start, location: SourceLocation(path: u.path, line: u.unit.lines.start).description)
            if entries[id] != nil { entries[id]!.sources.append(source); continue }
            var deadline = u.unit.deadline
            // The body's later meetings: a binary search in its meetings sorted by date.
            let all = meetings[body] ?? []
            var later = all[...].suffix(0)
            if let date = u.date {
                var low = 0, high = all.count
                while low < high { let mid = (low + high) / 2; if all[mid].date > date { high = mid } else { low = mid + 1 } }
                later = all[low...]
            }
            if deadline?.basis == .nextMeeting {
                if let next = later.first { deadline?.date = next.date }
                else { deadline?.problem = Message(.deadlineNextMeetingMissing).text(in: .japanese) }
            }
            // Follow-ups: agenda items of the next meetings of the same body, one per meeting date and title.
            var followUps: [DirectiveEntry.FollowUp] = []
            var seen = Set<String>()
            var dates = Set<String>()
            let weights = finder.weights(of: u.unit.text)
            for m in later {
                dates.insert(m.date)
                if dates.count > FollowUpFinder.window { break }
                for a in agendaByDocument[m.path] ?? [] {
                    let coverage = finder.coverage(weights, in: a.terms)
                    guard finder.accepts(coverage: coverage, cued: a.cued),
                          seen.insert(m.date + "\u{1F}" + (a.unit.agendaTitle ?? a.unit.text)).inserted else { continue }
                    followUps.append(.init(document: .init(path: m.path, title: m.title, meeting: body, date: m.date),
                                           agendaNumber: a.unit.agendaNumber, title: a.unit.agendaTitle,
                                           lines: .init(start: a.unit.lines.start, end: a.unit.lines.end),
                                           location: SourceLocation(path: m.path, line: a.unit.lines.start).description, coverage: (coverage * 1000).rounded() / 1000))
                }
            }
            let automatic: DirectiveStatus = !followUps.isEmpty ? .followedUp
                : (deadline?.date.map { $0 < asOf } == true ? .overdue : .open)
            let manual = statuses[id]
            if linksByPath[u.path] == nil { linksByPath[u.path] = try LinkQueries(store: store).storedLinks(path: u.path) }
            let links = linksByPath[u.path]?[LinkQueries.LinkKey(line: u.unit.lines.start, kind: "directive")] ?? []
            entries[id] = DirectiveEntry(
                id: id, meeting: body, title: u.title, date: u.date, issuer: u.unit.issuer ?? "市長", text: u.unit.text,
                agenda: u.unit.agendaNumber.map { .init(number: $0, title: u.unit.agendaTitle) },
                responsible: u.unit.responsible, deadline: deadline,
                status: manual?.status ?? automatic, automaticStatus: automatic, statusSetByHand: manual?.status != nil, note: manual?.note,
                followUps: followUps, planItems: links, sources: [source])
            order.append(id)
        }
        let list = order.compactMap { entries[$0] }
            .filter { e in
                (filter.status == nil || e.status == filter.status) && filter.issuerMatches(e.issuer)
                    && (since == nil || (e.date ?? "") >= since!)
            }
            .sorted { ($0.date ?? "", $1.sources[0].path, $1.sources[0].line) > ($1.date ?? "", $0.sources[0].path, $0.sources[0].line) }
        return DirectiveRegister(asOf: asOf, directives: list)
    }

    /// Sets a directive's status and note by hand, or clears them (`status` nil and
    /// `clear`). `id` may be any unique prefix of at least 4 characters.
    /// - Returns: the full ID.
    /// - Throws: ``IndexError`` `.notFound` or `.ambiguous`.
    @discardableResult
    func setDirectiveStatus(_ id: String, status: DirectiveStatus?, note: String?, clear: Bool = false) throws -> String {
        // The IDs alone: no follow-ups or deadlines are needed to find one.
        let all = try LinkIndex(store: store).storedUnitsWithDocuments().filter { $0.unit.kind == .directive }
            .map { Self.directiveID(body: Self.body(meeting: $0.meeting, title: $0.title, path: $0.path), date: $0.date, text: $0.unit.text) }
        let matches = all.filter { $0 == id } + (id.count >= 4 ? all.filter { $0 != id && $0.hasPrefix(id) } : [])
        guard let full = matches.first else {
            throw IndexError(.directiveNotFound(id))
        }
        guard matches.count == 1 || matches[0] == id else {
            throw IndexError(.directiveAmbiguous(id, matches: matches))
        }
        try store.database.transaction {
            if clear {
                try store.statement("DELETE FROM directive_status WHERE id = ?1").run([full])
                return
            }
            let current = try manualStatuses()[full]
            try store.statement("""
                INSERT INTO directive_status(id, status, note, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT(id) DO UPDATE SET status = excluded.status, note = excluded.note, updated_at = excluded.updated_at
                """).run([full, (status ?? current?.status)?.rawValue, note ?? current?.note, Int(Date().timeIntervalSince1970)])
        }
        return full
    }

    func manualStatuses() throws -> [String: (status: DirectiveStatus?, note: String?)] {
        let s = try store.database.prepare("SELECT id, status, note FROM directive_status")
        try s.bind([])
        var out: [String: (DirectiveStatus?, String?)] = [:]
        while try s.step() {
            if let id = s.string(0) { out[id] = (s.string(1).flatMap(DirectiveStatus.init(rawValue:)), s.string(2)) }
        }
        s.reset()
        return out
    }

    /// The meeting body of a document: the meeting name the parser read from its title,
    /// else the title, else the file name.
    static func body(meeting: String?, title: String?, path: String) -> String {
        meeting ?? title ?? (path as NSString).lastPathComponent
    }

    /// The first 8 hex digits of SHA-256 over body, date and the width-folded text without spaces.
    static func directiveID(body: String, date: String?, text: String) -> String {
        String(SHA256.hex(of: Array("\(body)|\(date ?? "")|\(WidthFolding.compact(text))".utf8)).prefix(8))
    }

    static func today() -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }
}

extension DirectiveRegister {
    /// The register's ID of each directive of `minutes`, in order, as `gijiroku directives`
    /// shows it once the record is indexed (for `convert`'s directives.csv, so that its rows
    /// can be joined with the register's).
    ///
    /// ```swift
    /// DirectiveRegister.ids(of: minutes)   // ["3fa9c2e1", …]
    /// ```
    public static func ids(of minutes: Minutes) -> [String] {
        let body = DirectiveStore.body(meeting: minutes.meeting.name, title: minutes.title, path: minutes.source.path)
        return LinkUnit.units(of: minutes).filter { $0.kind == .directive }
            .map { DirectiveStore.directiveID(body: body, date: minutes.date, text: $0.text) }
    }
}
