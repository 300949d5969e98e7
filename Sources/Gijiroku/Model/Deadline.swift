/// The deadline a directive states, resolved against the meeting date where it can be.
///
/// ```swift
/// // 「年内を目途に」 in a meeting of 2016-09-01
/// Deadline(text: "年内", basis: .yearEnd, date: "2016-12-31")
/// // 「次回の本部会議で報告すること」: the index resolves it to the next meeting's date
/// Deadline(text: "次回の本部会議", basis: .nextMeeting, date: nil)
/// ```
public struct Deadline: Sendable, Hashable, Codable {
    /// How the deadline was stated.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// A full date (`令和３年３月３１日まで`).
        case date
        /// A month (`３月末まで`, `８月中に`): the end of that month, on or after the meeting.
        case month
        /// `年内`: 31 December of the meeting's year.
        case yearEnd = "year-end"
        /// `年度末`, `年度内`, `今年度中`: 31 March closing the meeting's fiscal year.
        case fiscalYearEnd = "fiscal-year-end"
        /// `来年度中`: 31 March closing the next fiscal year.
        case nextFiscalYearEnd = "next-fiscal-year-end"
        /// `次回の本部会議`, `次回会議`: the date of the next meeting of the same body.
        case nextMeeting = "next-meeting"
        /// A deadline that is not a date (`台風の時期までに`, `早期に`) or is impossible.
        case unresolved
    }

    /// The words that state it, as written (`年度末`, `令和２年１１月３１日まで`).
    public var text: String
    public var basis: Basis
    /// ISO `YYYY-MM-DD`, when it could be resolved.
    public var date: String?
    /// Why a stated date could not be used (`11月31日は存在しない日付です`).
    public var problem: String?

    public init(text: String, basis: Basis, date: String? = nil, problem: String? = nil) {
        self.text = text
        self.basis = basis
        self.date = date
        self.problem = problem
    }
}
