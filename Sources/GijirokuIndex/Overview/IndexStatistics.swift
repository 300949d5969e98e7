import Foundation
import Gijiroku

/// What an index holds (`gijiroku stats`): documents by kind, meetings by body and year,
/// elements by kind, speakers, directives by status, links by plan, the database's size and
/// when it was last indexed.
///
/// ```swift
/// let stats = try index.statistics()
/// stats.documents.first { $0.name == "minutes" }?.count
/// ```
public struct IndexStatistics: Sendable, Hashable, Codable {
    /// Always `"stats"`.
    public var kind = "stats"
    /// The database file.
    public var path: String
    /// The database's size in bytes, with its write-ahead log.
    public var bytes: Int
    /// When the last indexing run wrote (ISO 8601, UTC), or `nil` for an empty index.
    public var lastIndexed: String?
    /// Documents by kind (`minutes`, `plan`, `document`).
    public var documents: [Count]
    /// Meetings (minutes records) by meeting body and year.
    public var meetings: [MeetingCount]
    /// Elements by kind (`question`, `answer`, `speech` …).
    public var elements: [Count]
    /// The people who spoke in verbatim records (name and post, variants folded).
    public var speakers: Int
    /// Directives by status (`open`, `followedUp`, `overdue`, `done`), as of today.
    public var directives: [Count]
    /// Links from minutes to plan items, by plan.
    public var links: [PlanLinkCount]

    public struct Count: Sendable, Hashable, Codable {
        public var name: String
        public var count: Int
    }

    public struct MeetingCount: Sendable, Hashable, Codable {
        public var meeting: String
        public var year: Int?
        public var count: Int
    }

    public struct PlanLinkCount: Sendable, Hashable, Codable {
        public var plan: String
        public var title: String?
        public var count: Int
    }
}

struct StatisticsQueries {
    let store: Store

    func statistics() throws -> IndexStatistics {
        let db = store.database
        func counts(_ sql: String) throws -> [IndexStatistics.Count] {
            let s = try db.prepare(sql)
            try s.bind([])
            var out: [IndexStatistics.Count] = []
            while try s.step() { out.append(.init(name: s.string(0) ?? "", count: s.int(1) ?? 0)) }
            return out
        }
        let documents = try counts("SELECT kind, count(*) FROM documents GROUP BY kind ORDER BY 2 DESC, 1")
        let elements = try counts("SELECT style & \(IndexedElement.kindMask), count(*) FROM elements GROUP BY 1 ORDER BY 2 DESC, 1").map { c in
            IndexStatistics.Count(name: Int(c.name).flatMap(IndexedElement.Kind.init(code:))?.rawValue ?? c.name, count: c.count)
        }
        var meetings: [IndexStatistics.MeetingCount] = []
        let m = try db.prepare("""
            SELECT coalesce(meeting, title, path), CAST(substr(date, 1, 4) AS INTEGER), count(*) FROM documents
            WHERE kind = 'minutes' GROUP BY 1, 2 ORDER BY 1, 2 DESC
            """)
        try m.bind([])
        while try m.step() { meetings.append(.init(meeting: m.string(0) ?? "", year: m.int(1), count: m.int(2) ?? 0)) }
        var links: [IndexStatistics.PlanLinkCount] = []
        let l = try db.prepare("""
            SELECT l.plan_path, (SELECT d.title FROM documents d WHERE d.path = l.plan_path LIMIT 1), count(*)
            FROM links l GROUP BY l.plan_path ORDER BY 3 DESC, 1
            """)
        try l.bind([])
        while try l.step() { links.append(.init(plan: l.string(0) ?? "", title: l.string(1), count: l.int(2) ?? 0)) }
        let people = Set(try SpeakerQueries(store: store).speakers(SpeakerFilter()).speakers.map {
            FoldFunction.fold(($0.name ?? $0.label) + "\u{1F}" + ($0.role ?? ""), characters: db.tokenizer.characters)
        })
        var byStatus: [DirectiveStatus: Int] = [:]
        for d in try DirectiveStore(store: store).directives().directives { byStatus[d.status, default: 0] += 1 }
        let directives = DirectiveStatus.allCases.compactMap { s in byStatus[s].map { IndexStatistics.Count(name: s.rawValue, count: $0) } }
        let last = try db.prepare("SELECT max(indexed_at) FROM documents").firstRow([]) { $0.int(0) } ?? nil
        return IndexStatistics(path: db.path, bytes: Self.size(of: db.path), lastIndexed: last.map(Self.iso), documents: documents,
                               meetings: meetings, elements: elements, speakers: people.count, directives: directives, links: links)
    }

    /// The file's size with its write-ahead log.
    static func size(of path: String) -> Int {
        [path, path + "-wal"].reduce(0) { sum, p in
            sum + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0)
        }
    }

    /// Unix time as `2026-12-06T17:30:00Z`.
    static func iso(_ seconds: Int) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
