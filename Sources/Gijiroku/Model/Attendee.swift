/// One person or post on the attendance list (出席者).
///
/// A group such as `幹事区長（西区長、緑区長）` becomes one attendee per member, each with
/// `group` set; `（代理）` sets `proxy`; a bracket that is a remark
/// (`理事（秘書・総合調整担当）`) is kept as `note`; a count (`委員22名`) sets `count`.
///
/// ```swift
/// let a = Attendee(role: "財政局長", proxy: true, lines: LineRange(9))
/// ```
public struct Attendee: Sendable, Hashable, Codable {
    /// The post or the entry as written (`日野副市長`, `財政局長`).
    public var role: String
    /// The person's name, when the list separates it from the post (`委員長 山田太郎`).
    public var name: String?
    /// Attended as a proxy (`（代理）`).
    public var proxy: Bool
    /// The group the entry was listed under (`幹事区長`), if any.
    public var group: String?
    /// A remark in brackets that is not a member list.
    public var note: String?
    /// A head count given instead of names (`委員22名` → 22).
    public var count: Int?
    /// The seat number a roster gives (`３番　つ　た　えりな` → 3).
    public var seat: Int?
    /// The source lines of the entry.
    public var lines: LineRange

    public init(role: String, name: String? = nil, proxy: Bool = false, group: String? = nil,
                note: String? = nil, count: Int? = nil, seat: Int? = nil, lines: LineRange) {
        self.role = role
        self.name = name
        self.proxy = proxy
        self.group = group
        self.note = note
        self.count = count
        self.seat = seat
        self.lines = lines
    }
}
