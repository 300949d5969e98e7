import GijirokuMessages

extension Decision.Outcome {
    /// The outcome's name in the message catalogue (`可決・承認` for `.approved`).
    ///
    /// ```swift
    /// Message(Decision.Outcome.referred.messageKey).text(in: .japanese)   // "付託"
    /// ```
    public var messageKey: MessageKey {
        switch self {
        case .approved: .outcomeApproved
        case .adopted: .outcomeAdopted
        case .rejected: .outcomeRejected
        case .referred: .outcomeReferred
        case .continued: .outcomeContinued
        case .reported: .outcomeReported
        case .other: .outcomeOther
        }
    }
}
