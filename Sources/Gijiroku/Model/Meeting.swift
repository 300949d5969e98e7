/// The meeting body and which session of it a record describes.
///
/// Derived from the title: `平成２８年度第２回さいたま市地方創生・成長戦略統合推進本部会議議事概要`
/// gives the name `さいたま市地方創生・成長戦略統合推進本部会議`, session 2 and fiscal year 2016.
///
/// ```swift
/// let m = Meeting(name: "汐見川市行財政改革推進本部会議", session: 3, fiscalYear: nil)
/// ```
public struct Meeting: Sendable, Hashable, Codable {
    /// The name of the body that met, without session, fiscal year and document suffix.
    public var name: String?
    /// The session number (`第３回` → 3).
    public var session: Int?
    /// The fiscal year given in the title (`平成２８年度` → 2016).
    public var fiscalYear: Int?

    public init(name: String? = nil, session: Int? = nil, fiscalYear: Int? = nil) {
        self.name = name
        self.session = session
        self.fiscalYear = fiscalYear
    }
}
