import Foundation
import Gijiroku

/// Every decision of the indexed records, newest first, with its item, meeting, date and
/// place in the source.
///
/// ```swift
/// let list = try index.decisions(DecisionFilter(outcome: .approved, since: "2024-04-01"))
/// list.decisions.first?.text   // "よって、議案第１７１号については原案のとおり可決されました。"
/// ```
public struct DecisionList: Sendable, Hashable, Codable {
    /// Always `"decisions"`.
    public var kind = "decisions"
    public var decisions: [DecisionEntry]
}

/// One decision, where it was taken and where it is written.
public struct DecisionEntry: Sendable, Hashable, Codable {
    public var outcome: Decision.Outcome
    public var method: String?
    public var text: String
    public var agendaNumber: Int?
    /// The agenda item's title, when the record lists it.
    public var agendaTitle: String?
    /// The meeting body (or the record's title or file name) and its date.
    public var meeting: String
    public var date: String?
    public var path: String
    public var line: Int
}

/// Which decisions to list.
public struct DecisionFilter: Sendable, Hashable {
    public var outcome: Decision.Outcome?
    /// Meetings on or after this date (`2024-04-01`, `令和6年4月1日`).
    public var since: String?
    /// Part of the meeting body, the title or the path.
    public var meeting: String?

    public init(outcome: Decision.Outcome? = nil, since: String? = nil, meeting: String? = nil) {
        self.outcome = outcome
        self.since = since
        self.meeting = meeting
    }
}

struct DecisionQueries {
    let store: Store

    func decisions(_ filter: DecisionFilter) throws -> DecisionList {
        let since = try filter.since.map { try Searcher.isoDate($0, field: .since) }
        let s = try store.statement("""
            SELECT e.outcome, e.method, e.body, e.agenda_number, a.title, coalesce(d.meeting, d.title, d.path), d.date, d.path, e.line_start
            FROM elements e JOIN documents d ON d.id = e.document_id
            LEFT JOIN agenda a ON a.document_id = e.document_id AND a.number = e.agenda_number
            WHERE (e.style & \(IndexedElement.kindMask)) = \(IndexedElement.Kind.decision.code)
              AND (?1 IS NULL OR e.outcome = ?1)
              AND (?2 IS NULL OR d.date >= ?2)
              AND (?3 IS NULL OR instr(coalesce(d.meeting, '') || ' ' || coalesce(d.title, '') || ' ' || d.path, ?3) > 0)
            ORDER BY d.date IS NULL, d.date DESC, d.path, e.line_start
            """)
        try s.bind([filter.outcome?.rawValue, since, filter.meeting])
        var out: [DecisionEntry] = []
        while try s.step() {
            out.append(DecisionEntry(outcome: s.string(0).flatMap(Decision.Outcome.init(rawValue:)) ?? .other, method: s.string(1),
                                     text: s.string(2) ?? "", agendaNumber: s.int(3), agendaTitle: s.string(4),
                                     meeting: s.string(5) ?? "", date: s.string(6), path: s.string(7) ?? "", line: s.int(8) ?? 0))
        }
        s.reset()
        return DecisionList(decisions: out)
    }
}
