/// Whether minutes summarise the meeting (議事概要) or record it word for word (会議録).
public enum MinutesForm: String, Sendable, Hashable, Codable {
    /// Summary minutes: explanations, `⇒` exchanges, directives.
    case summary
    /// A verbatim record: every utterance with its speaker.
    case verbatim
}

/// One utterance of a verbatim record, with who said it.
///
/// ```swift
/// // ○（浜井よしのり議長）　出席議員は定足数に達しております。
/// speech.speaker.role   // "議長"
/// speech.text           // "出席議員は定足数に達しております。"
/// ```
public struct Speech: Sendable, Hashable, Codable {
    public var speaker: Speaker
    /// What was said, lines joined; stage directions and other events are not in it.
    public var text: String
    /// From the speaker's label to the utterance's last line.
    public var lines: LineRange
    /// The number of the item of the order of business (`日程第２`) the utterance falls under,
    /// when the record gives one (left out of the JSON otherwise).
    public var agendaNumber: Int?

    public init(speaker: Speaker, text: String, lines: LineRange) {
        self.speaker = speaker
        self.text = text
        self.lines = lines
    }
}

/// Who speaks, as the label names them.
///
/// ```swift
/// // ○２２番（浦井たかひさ議員）
/// Speaker(label: "○２２番（浦井たかひさ議員）", name: "浦井たかひさ", role: "議員", seat: 22, category: .member)
/// ```
public struct Speaker: Sendable, Hashable, Codable {
    /// The label exactly as written, with its marker and brackets (`○（浜井よしのり議長）`).
    public var label: String
    /// The person's name without spaces and honorifics; `nil` when the label names only a post.
    public var name: String?
    /// The post (`議長`, `市長`, `総務部長`, `委員`).
    public var role: String?
    /// The member's seat number (`○２２番（…議員）` → 22).
    public var seat: Int?
    public var category: SpeakerCategory

    public init(label: String, name: String? = nil, role: String? = nil, seat: Int? = nil, category: SpeakerCategory) {
        self.label = label
        self.name = name
        self.role = role
        self.seat = seat
        self.category = category
    }
}

/// The part a speaker plays in the meeting.
public enum SpeakerCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Whoever presides: 議長, 委員長, 会長, 座長.
    case chair
    /// A member of the assembly or the council: 番 seats, 議員, 委員.
    case member
    /// The executive: 市長, 部長, 課長, 教育長.
    case official
    /// The assembly's or the council's secretariat: 事務局, 書記.
    case secretariat
    case other
}

/// What happens in a verbatim record that is not speech: the opening and closing, recesses,
/// stage directions and interjections, section headings.
///
/// ```swift
/// // 午後２時１２分休憩
/// ProceedingEvent(kind: .recess, text: "午後２時１２分休憩", time: "14:12", lines: LineRange(394))
/// ```
public struct ProceedingEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 開会, 開議.
        case opening
        /// 閉会.
        case closing
        /// 散会, 延会.
        case adjournment
        /// 休憩.
        case recess
        /// 再開.
        case resumption
        /// 〔…登壇〕, 〔「異議なし」と呼ぶ者あり〕, （拍手）.
        case stageDirection = "stage-direction"
        /// A heading inside the body: ◎会期の決定, 日程第１, △開会・開議.
        case heading
    }

    public var kind: Kind
    /// The line as written.
    public var text: String
    /// `HH:MM`, 24-hour, when the event states a time.
    public var time: String?
    public var lines: LineRange

    public init(kind: Kind, text: String, time: String? = nil, lines: LineRange) {
        self.kind = kind
        self.text = text
        self.time = time
        self.lines = lines
    }
}

extension Speaker {
    /// Whether `other` is written the same, byte for byte (`==` compares strings as Unicode
    /// does, normalising them first, which costs more than it needs to here).
    func isWrittenAlike(_ other: Speaker) -> Bool {
        seat == other.seat && category == other.category && label.utf8.count == other.label.utf8.count
            && UTF8Search.equals(label, other.label) && Self.sameBytes(name, other.name) && Self.sameBytes(role, other.role)
    }

    /// Whether two optional texts are both absent or the same bytes.
    static func sameBytes(_ x: String?, _ y: String?) -> Bool {
        switch (x, y) {
        case (nil, nil): return true
        case let (x?, y?): return UTF8Search.equals(x, y)
        default: return false
        }
    }
}
