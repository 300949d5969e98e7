/// What a meeting decided about an agenda item or a motion: `原案のとおり可決`, `了承された`,
/// `継続審査とすることに決定`, an item of a `決定事項` or `<結論>` section.
///
/// A decision points at the lines of the element or utterance that states it; it does not
/// own them (they stay in that element's record).
///
/// ```swift
/// let d = Decision(agendaNumber: 30, outcome: .approved, method: "異議なし",
///                  text: "議案第３０号は、原案のとおり可決されました。", lines: LineRange(41))
/// ```
public struct Decision: Sendable, Hashable, Codable {
    /// How the item ended.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// 可決・承認・了承・同意・決定
        case approved
        /// 採択
        case adopted
        /// 否決・不採択
        case rejected
        /// 付託
        case referred
        /// 継続審査
        case continued
        /// 報告
        case reported
        case other
    }

    /// The agenda item's number (`議案第30号` → 30, `日程第２` → 2), when the text or its item gives one.
    public var agendaNumber: Int?
    public var outcome: Outcome
    /// How it was decided, when stated: `異議なし`, `起立多数`, `賛成多数`, `全会一致`, `挙手多数`, a vote count.
    public var method: String?
    /// The sentence that states it, as written.
    public var text: String
    public var lines: LineRange

    public init(agendaNumber: Int?, outcome: Outcome, method: String? = nil, text: String, lines: LineRange) {
        self.agendaNumber = agendaNumber
        self.outcome = outcome
        self.method = method
        self.text = text
        self.lines = lines
    }
}
