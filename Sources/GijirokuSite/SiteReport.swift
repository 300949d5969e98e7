/// What `gijiroku site` did: the folder, how much it shows, its size, and how many files
/// were written, kept from the previous site, or removed.
///
/// ```swift
/// let report = try StaticSite(title: "汐見川市会議録").build(from: index, into: URL(fileURLWithPath: "site"))
/// report.counts.pagesWritten     // 55 the first time
/// report.counts.pagesUnchanged   // 55 when run again with nothing changed
/// ```
public struct SiteReport: Sendable, Hashable, Codable {
    public var kind = "site"
    public var path: String
    public var documents: Int
    public var elements: Int
    /// The site's size in bytes.
    public var bytes: Int
    public var counts: Counts

    /// Files written because they are new or changed, files kept from the previous site, files removed.
    public struct Counts: Sendable, Hashable, Codable {
        public var pagesWritten = 0
        public var pagesUnchanged = 0
        public var dataWritten = 0
        public var dataUnchanged = 0
        public var removed = 0
    }
}
