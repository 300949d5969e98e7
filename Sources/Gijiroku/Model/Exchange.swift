/// A question or comment from the floor and the answers to it (意見等).
///
/// Each `・` line opens an exchange; each `⇒` or `→` line is one answer to it.
///
/// ```swift
/// let x = Exchange(question: "区についてどこが変わったか？", questionLines: LineRange(40, 42),
///                  answers: [Answer(marker: "⇒", text: "区の将来像の部分を修正した。", lines: LineRange(44))])
/// ```
public struct Exchange: Sendable, Hashable, Codable {
    /// The question or comment, or `nil` when an answer stood with no question before it.
    public var question: String?
    /// The question's bullet as written (`・`), if any.
    public var questionMarker: String?
    /// The question's source lines.
    public var questionLines: LineRange?
    /// The answers in order; empty when nobody answered.
    public var answers: [Answer]
    /// From the question's first line to the last answer's last line.
    public var lines: LineRange
    /// In a verbatim record, the member who asked (left out of summary minutes' JSON).
    public var questioner: Speaker?
    /// In a verbatim record, the item of the order of business the question falls under
    /// (summary minutes keep their exchanges under their agenda items).
    public var agendaNumber: Int?

    public init(question: String?, questionMarker: String? = "・", questionLines: LineRange?, answers: [Answer] = [], questioner: Speaker? = nil) {
        self.questioner = questioner
        self.question = question
        self.questionMarker = questionMarker
        self.questionLines = questionLines
        self.answers = answers
        self.lines = answers.reduce(questionLines ?? answers.first?.lines ?? LineRange(0)) { $0.union($1.lines) }
    }
}

/// One answer in an exchange: the text after a `⇒` or `→` marker.
public struct Answer: Sendable, Hashable, Codable {
    /// The marker as written (`⇒`, `→`; in a verbatim record, the speaker label's).
    public var marker: String
    public var text: String
    public var lines: LineRange
    /// In a verbatim record, the official who answered.
    public var speaker: Speaker?

    public init(marker: String, text: String, lines: LineRange, speaker: Speaker? = nil) {
        self.marker = marker
        self.text = text
        self.lines = lines
        self.speaker = speaker
    }
}
