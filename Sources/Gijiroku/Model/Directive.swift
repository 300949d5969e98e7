/// An instruction given at the meeting (市長指示 and the like).
///
/// ```swift
/// let d = Directive(issuer: "市長", text: "年内を目途に、この本部会議に諮ること。", agendaNumber: nil, lines: LineRange(180, 186))
/// ```
public struct Directive: Sendable, Hashable, Codable {
    /// Who gave it (`市長`, `髙橋副市長`).
    public var issuer: String
    /// What was directed, as written.
    public var text: String
    /// The agenda item it was given under, or `nil` when it concerns the meeting as a whole.
    public var agendaNumber: Int?
    /// The bodies the text makes responsible (`子ども未来局が主管局として` → `子ども未来局`).
    public var responsible: [String]
    /// The deadline the text states, if any.
    public var deadline: Deadline?
    public var lines: LineRange

    public init(issuer: String, text: String, agendaNumber: Int?, responsible: [String] = [], deadline: Deadline? = nil,
                lines: LineRange) {
        self.issuer = issuer
        self.text = text
        self.agendaNumber = agendaNumber
        self.responsible = responsible
        self.deadline = deadline
        self.lines = lines
    }
}
