/// A header field exactly as the document gives it: the label, the raw value and its lines.
///
/// The typed values (`date`, `place`, `attendees` …) are derived from these; keeping the
/// raw field shows where each came from and accounts for every header line.
///
/// ```swift
/// let f = HeaderField(field: .place, label: "【場 所】", value: "政策会議室", lines: LineRange(5))
/// ```
public struct HeaderField: Sendable, Hashable, Codable {
    /// What a header line holds.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        case title, date, time, start, end, place, attendees, absentees, agenda, noticeDate, secretariat, chair
        /// A labelled field the parser does not interpret (a table's `会議の公開` row): the label says what.
        case other
    }

    /// Which field this is.
    public var field: Field
    /// The label as written (`【日 時】`, `□ 開 催 年 月 日`), or `nil` for the title.
    public var label: String?
    /// The value as written, lines joined.
    public var value: String
    public var lines: LineRange

    public init(field: Field, label: String?, value: String, lines: LineRange) {
        self.field = field
        self.label = label
        self.value = value
        self.lines = lines
    }
}

/// A line that carries the document's structure rather than its content:
/// a block label such as `＜ 議 題 説 明 ①＞`, `特になし`, or page chrome.
///
/// ```swift
/// let l = LayoutLine(line: 30, text: "＜議題説明(1)＞", role: .explanationLabel)
/// ```
public struct LayoutLine: Sendable, Hashable, Codable {
    /// What the line does in the document's structure.
    public enum Role: String, Sendable, Hashable, Codable {
        case explanationLabel, commentsLabel, directivesLabel, directiveIntro, otherLabel
        case noComments, pageChrome, sectionLabel
        /// A rule between a verbatim record's utterances (`──────`), or a table's border.
        case rule
        /// A line that holds parts of several fields or utterances: a table row with two
        /// fields side by side, or a header or transcript flattened onto one line by extraction.
        case shared
        /// A label of a table flattened with all its labels first (`日時`, `場所`, then their
        /// values): its field stands on the value's line.
        case tableLabel
    }

    /// The 1-based source line.
    public var line: Int
    /// The line as written.
    public var text: String
    public var role: Role

    public init(line: Int, text: String, role: Role) {
        self.line = line
        self.text = text
        self.role = role
    }
}
