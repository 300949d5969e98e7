import Foundation
import Gijiroku

/// Who spoke in the indexed verbatim records: per meeting body and year, each speaker with
/// how many times they spoke (utterances, questions and answers) and how many characters.
///
/// ```swift
/// let report = try index.speakers(SpeakerFilter(meeting: "議会", since: "2024-01-01"))
/// report.speakers.first?.turns
/// ```
public struct SpeakerReport: Sendable, Hashable, Codable {
    /// Always `"speakers"`.
    public var kind = "speakers"
    public var speakers: [SpeakerCount]
}

/// One speaker of one meeting body in one year.
public struct SpeakerCount: Sendable, Hashable, Codable {
    /// The meeting body (the meeting's name, else the record's title or file name).
    public var meeting: String
    /// The year of the meetings, when their dates are known.
    public var year: Int?
    /// The label as first written (`○（浜井よしのり議長）`).
    public var label: String
    /// The name, without spaces and honorifics, when the labels give one.
    public var name: String?
    /// The post.
    public var role: String?
    /// Utterances, questions and answers.
    public var turns: Int
    /// Characters spoken.
    public var characters: Int
    /// Meetings spoken in.
    public var meetings: Int
}

/// Which speakers to count.
public struct SpeakerFilter: Sendable, Hashable {
    /// Part of the meeting body, the title or the path.
    public var meeting: String?
    /// Meetings on or after this date (`2024-04-01`, `令和6年4月1日`).
    public var since: String?

    public init(meeting: String? = nil, since: String? = nil) {
        self.meeting = meeting
        self.since = since
    }
}

struct SpeakerQueries {
    let store: Store

    func speakers(_ filter: SpeakerFilter) throws -> SpeakerReport {
        let since = try filter.since.map { try Searcher.isoDate($0, field: .since) }
        let kinds = [IndexedElement.Kind.speech, .question, .answer].map { String($0.code) }.joined(separator: ",")
        // The person: the name and the post of the speaker key (label, name, post), else the
        // whole key; grouped with variants folded, so `髙橋` and `高橋` are one person, shown
        // everywhere as most often written.
        let s = try store.statement("""
            WITH turns AS (
                SELECT coalesce(d.meeting, d.title, d.path) AS meeting, CAST(substr(d.date, 1, 4) AS INTEGER) AS year,
                       CASE WHEN substr(e.speaker, instr(e.speaker, char(31)) + 1) = char(31) THEN e.speaker
                            ELSE substr(e.speaker, instr(e.speaker, char(31)) + 1) END AS person,
                       e.issuer AS label, length(e.body) AS characters, d.id AS document
                FROM elements e JOIN documents d ON d.id = e.document_id
                WHERE e.speaker IS NOT NULL AND (e.style & \(IndexedElement.kindMask)) IN (\(kinds))
                  AND (?1 IS NULL OR instr(coalesce(d.meeting, '') || ' ' || coalesce(d.title, '') || ' ' || d.path, ?1) > 0)
                  AND (?2 IS NULL OR d.date >= ?2)
            ), written AS (
                SELECT gijiroku_fold(person) AS folded, person, count(*) AS uses FROM turns GROUP BY 1, 2
            )
            SELECT t.meeting, t.year,
                   (SELECT w.person FROM written w WHERE w.folded = gijiroku_fold(t.person)
                    ORDER BY w.uses DESC, w.person LIMIT 1),
                   min(t.label), count(*), sum(t.characters), count(DISTINCT t.document)
            FROM turns t
            GROUP BY t.meeting, t.year, gijiroku_fold(t.person)
            ORDER BY 1, 2 DESC, 5 DESC, 3
            """)
        try s.bind([filter.meeting, since])
        var out: [SpeakerCount] = []
        while try s.step() {
            // name, post; or label, name, post when the label named neither.
            let key = (s.string(2) ?? "").split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            let person = Array(key.suffix(2))
            out.append(SpeakerCount(meeting: s.string(0) ?? "", year: s.int(1), label: s.string(3) ?? (key.first ?? ""),
                                    name: person.count == 2 && !person[0].isEmpty ? person[0] : nil,
                                    role: person.count == 2 && !person[1].isEmpty ? person[1] : nil,
                                    turns: s.int(4) ?? 0, characters: s.int(5) ?? 0, meetings: s.int(6) ?? 0))
        }
        s.reset()
        return SpeakerReport(speakers: out)
    }
}
