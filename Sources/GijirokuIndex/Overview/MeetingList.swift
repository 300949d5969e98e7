import Gijiroku

/// The indexed meetings (`gijiroku meetings`), newest first: one entry per minutes record,
/// with what it holds.
///
/// ```swift
/// let list = try index.meetings(MeetingFilter(meeting: "推進本部", since: "2019-04-01"))
/// list.meetings.first?.exchanges
/// ```
public struct MeetingList: Sendable, Hashable, Codable {
    /// Always `"meetings"`.
    public var kind = "meetings"
    public var meetings: [Entry]

    public struct Entry: Sendable, Hashable, Codable {
        public var date: String?
        /// The meeting body, as the parser read it from the title.
        public var meeting: String?
        /// The session number (第３回 → 3).
        public var session: Int?
        public var title: String?
        public var agendaItems: Int
        /// Questions asked (each with its answers: one exchange).
        public var exchanges: Int
        public var directives: Int
        public var decisions: Int
        /// Utterances of a verbatim record (its questions and answers included).
        public var speeches: Int
        public var path: String
        /// Which meeting of a page of several (1, 2 …); `nil` when the file is one meeting.
        public var part: Int?
        /// The record's first line in its file.
        public var line: Int
    }
}

/// Which meetings to list.
public struct MeetingFilter: Sendable, Hashable {
    /// Part of the meeting body, the title or the path.
    public var meeting: String?
    /// Meetings on or after this date (`2024-04-01`, `令和6年4月1日`).
    public var since: String?
    /// Meetings on or before this date.
    public var until: String?

    public init(meeting: String? = nil, since: String? = nil, until: String? = nil) {
        self.meeting = meeting
        self.since = since
        self.until = until
    }
}

struct MeetingQueries {
    let store: Store

    /// - Throws: ``IndexError`` `.unreadableDate` for a date it cannot read,
    ///   `.emptyDateRange` when `since` is after `until`.
    func meetings(_ filter: MeetingFilter) throws -> MeetingList {
        let (since, until) = try Searcher.dateRange(since: filter.since, until: filter.until)
        let code = { (k: IndexedElement.Kind) in k.code }
        let mask = IndexedElement.kindMask
        let s = try store.statement("""
            SELECT d.date, d.meeting, d.session, d.title, d.path, d.part, d.first_line,
                   (SELECT count(*) FROM agenda a WHERE a.document_id = d.id),
                   count(CASE WHEN e.style & \(mask) = \(code(.question)) THEN 1 END),
                   count(CASE WHEN e.style & \(mask) = \(code(.directive)) THEN 1 END),
                   count(CASE WHEN e.style & \(mask) = \(code(.decision)) THEN 1 END),
                   count(CASE WHEN e.style & \(mask) = \(code(.speech))
                              OR (e.style & \(mask) IN (\(code(.question)), \(code(.answer))) AND e.speaker IS NOT NULL) THEN 1 END)
            FROM documents d LEFT JOIN elements e ON e.document_id = d.id
            WHERE d.kind = 'minutes'
              AND (?1 IS NULL OR instr(coalesce(d.meeting, '') || ' ' || coalesce(d.title, '') || ' ' || d.path, ?1) > 0)
              AND (?2 IS NULL OR d.date >= ?2) AND (?3 IS NULL OR d.date <= ?3)
            GROUP BY d.id
            ORDER BY d.date IS NULL, d.date DESC, d.path, d.part
            """)
        try s.bind([filter.meeting, since, until])
        var out: [MeetingList.Entry] = []
        while try s.step() {
            out.append(MeetingList.Entry(date: s.string(0), meeting: s.string(1), session: s.int(2), title: s.string(3),
                                         agendaItems: s.int(7) ?? 0, exchanges: s.int(8) ?? 0, directives: s.int(9) ?? 0,
                                         decisions: s.int(10) ?? 0, speeches: s.int(11) ?? 0, path: s.string(4) ?? "",
                                         part: s.int(5).flatMap { $0 == 0 ? nil : $0 }, line: s.int(6) ?? 1))
        }
        s.reset()
        return MeetingList(meetings: out)
    }
}
