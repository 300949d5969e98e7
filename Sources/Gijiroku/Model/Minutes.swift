/// The structured record of one set of meeting minutes (議事概要・議事録).
///
/// Produced by ``MinutesParser``; every element carries the source lines it came from,
/// and every non-blank source line is accounted for by exactly one header field,
/// layout line, element or warning.
///
/// ```swift
/// let minutes = try MinutesParser().parse(data, path: "第３回本部会議.txt")
/// minutes.date            // "2018-11-16"
/// minutes.agenda[0].exchanges.count
/// ```
public struct Minutes: Sendable, Hashable, Encodable {
    /// Always `"minutes"`.
    public var kind: String = "minutes"
    /// A summary (議事概要) or a verbatim record (会議録).
    public var form: MinutesForm = .summary
    /// The full title, broken title lines rejoined.
    public var title: String?
    public var meeting: Meeting
    /// The meeting date, ISO `YYYY-MM-DD`.
    public var date: String?
    /// The weekday as written in brackets beside the date (`金`).
    public var weekday: String?
    /// Start time, `HH:MM` 24-hour.
    public var startTime: String?
    /// End time, `HH:MM` 24-hour.
    public var endTime: String?
    public var place: String?
    /// The date of the notice convening the meeting (招集通知年月日), not the meeting date.
    public var noticeDate: String?
    public var attendees: [Attendee]
    /// Posts or people noted as absent (`市長が欠席`).
    public var absentees: [String]
    /// Who chaired, when the minutes say so (`髙橋副市長が議長として議事進行`).
    public var chair: String?
    /// Notes (`※…`) as written.
    public var notes: [Passage]
    public var agenda: [AgendaItem]
    public var directives: [Directive]
    /// What was decided: items of `決定事項`/`結論` sections, deciding sentences, the chair's
    /// declared outcomes in verbatim records. Each points at lines an element or utterance holds.
    public var decisions: [Decision] = []
    /// Items of the `＜その他＞` block.
    public var other: [Passage]
    /// Text outside any recognised block, kept so that nothing is lost.
    public var paragraphs: [Passage]
    /// A verbatim record's utterances, in order, each with its speaker.
    public var speeches: [Speech] = []
    /// A verbatim record's proceedings that are not speech, in order.
    public var events: [ProceedingEvent] = []
    /// A verbatim record's questions and their answers: a member's question turn(s) and
    /// every official's answer until the next member speaks. (Summary minutes keep their
    /// exchanges under their agenda items.)
    public var exchanges: [Exchange] = []
    /// The header fields as written.
    public var header: [HeaderField]
    /// Structural lines: block labels, `特になし`, page chrome.
    public var layout: [LayoutLine]
    public var warnings: [ParseWarning]
    public var source: SourceInfo
    /// The headings of the meetings a page of several holds (not encoded: ``MeetingSplitter``
    /// makes one record of each; the encoded fields are listed in `RecordEncoder.swift`).
    var meetingHeadings: [MeetingHeadings.Heading] = []

    public init(source: SourceInfo) {
        self.title = nil
        self.meeting = Meeting()
        self.attendees = []
        self.absentees = []
        self.notes = []
        self.agenda = []
        self.directives = []
        self.other = []
        self.paragraphs = []
        self.header = []
        self.layout = []
        self.warnings = []
        self.source = source
    }
}
