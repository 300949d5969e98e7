import GijirokuMessages

/// A non-fatal problem found while parsing, with the line it concerns.
///
/// Warnings are values, collected and never printed from inside the parser: a ``Kind``
/// with its data. The record's JSON carries the Japanese text (`message`); the CLI prints
/// it compiler-style in the reader's language (`会議.txt:12: warning: 曜日が日付と一致しません`).
///
/// ```swift
/// let w = ParseWarning(line: 3, .dateUnreadable("令和元年１３月１日"))
/// w.message   // "開催日が読み取れません: 令和元年１３月１日"
/// ```
public struct ParseWarning: Sendable, Hashable, Encodable {
    /// What kind of problem, with what the parser saw.
    public enum Kind: Sendable, Hashable {
        /// A date was read, but something about it is wrong (the text says what).
        case dateProblem(String)
        case dateUnreadable(String)
        /// Minutes with no meeting date.
        case dateMissing
        /// The file holds several meetings (their dates as read): no one date is the file's.
        case severalMeetings([String])
        /// A table flattened labels first has more values than labels: the rest were read
        /// under the last label.
        case tableValuesBeyondLabels(labels: Int, values: Int, kept: String)
        /// A header label with nothing after it (`日時：`).
        case fieldWithoutValue(label: String)
        /// Bytes on the line that were not UTF-8 were read as U+FFFD (a damaged copy).
        case invalidBytesReplaced
        /// A box-drawing table ends without its bottom border: cut off, rows may be missing.
        case tableCutOff
        /// An attendance list states a total (`出席議員（１５名）`) that differs from the names read.
        case attendeeCountMismatch(label: String, stated: Int, found: Int)
        /// A roster ends with part of a post and no name (`文化推`): the text was cut off there.
        case rosterCutOff(String)
        /// The meeting date was completed from a year stated elsewhere (`令和元年度` + `11月19日`):
        /// the date read, the day as written and the year's source.
        case dateInferred(date: String, written: String, year: String)
        /// A document with no date.
        case documentDateMissing
        case startTimeUnreadable(String)
        case endTimeUnreadable(String)
        case titleMissing
        case attendeesMissing
        /// Minutes without any block (＜議題説明＞, ＜意見等＞, 市長指示 …).
        case noMinutesBlocks
        case agendaNumberUnknown(Int)
        /// An agenda item explained twice (its number, or empty).
        case explanationTwice(String)
        case exchangeWithoutAgenda
        /// An answer (marked `marker`) with no question before it.
        case answerWithoutQuestion(String)
        /// A block said to hold nothing (特になし) holds this many exchanges.
        case exchangesInEmptyBlock(Int)
        /// A directive block holds this line, which is not a directive.
        case directiveBlockNote(String)
        case directiveWithoutBody
        /// A directive's deadline (as written) has a problem (the text says what).
        case deadlineProblem(deadline: String, problem: String)
        /// Plan lines that belong to no item.
        case planStrayLines(String)
        case planNoChapters
        case chapterWithoutTitle(Int)
        /// A section whose measure titles and bodies do not pair up.
        case measureCountMismatch(titles: Int, groups: Int, section: String)
    }

    /// The 1-based source line, or `nil` when the warning concerns the whole document.
    public var line: Int?
    /// What is wrong.
    public var kind: Kind

    public init(line: Int?, _ kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// The catalogue entry of the warning.
    public var text: Message {
        switch kind {
        case .dateProblem(let s): return Message(.warningDateProblem, ["problem": s])
        case .dateUnreadable(let v): return Message(.warningDateUnreadable, ["value": v])
        case .dateMissing: return Message(.warningDateMissing)
        case .severalMeetings(let dates): return Message(.warningSeveralMeetings, ["count": String(dates.count), "dates": dates.joined(separator: ", ")])
        case .fieldWithoutValue(let label): return Message(.warningFieldWithoutValue, ["label": label])
        case .tableCutOff: return Message(.warningTableCutOff)
        case .invalidBytesReplaced: return Message(.warningInvalidBytesReplaced)
        case .attendeeCountMismatch(let label, let stated, let found):
            return Message(.warningAttendeeCountMismatch, ["label": label, "stated": String(stated), "found": String(found)])
        case .rosterCutOff(let t): return Message(.warningRosterCutOff, ["text": t])
        case .tableValuesBeyondLabels(let labels, let values, let kept):
            return Message(.warningTableValuesBeyondLabels, ["labels": String(labels), "values": String(values), "kept": kept])
        case .dateInferred(let d, let w, let y): return Message(.warningDateInferred, ["date": d, "written": w, "year": y])
        case .documentDateMissing: return Message(.warningDocumentDateMissing)
        case .startTimeUnreadable(let v): return Message(.warningStartTimeUnreadable, ["value": v])
        case .endTimeUnreadable(let v): return Message(.warningEndTimeUnreadable, ["value": v])
        case .titleMissing: return Message(.warningTitleMissing)
        case .attendeesMissing: return Message(.warningAttendeesMissing)
        case .noMinutesBlocks: return Message(.warningNoMinutesBlocks)
        case .agendaNumberUnknown(let n): return Message(.warningAgendaNumberUnknown, ["number": String(n)])
        case .explanationTwice(let n): return Message(.warningExplanationTwice, ["number": n])
        case .exchangeWithoutAgenda: return Message(.warningExchangeWithoutAgenda)
        case .answerWithoutQuestion(let m): return Message(.warningAnswerWithoutQuestion, ["marker": m])
        case .exchangesInEmptyBlock(let n): return Message(.warningExchangesInEmptyBlock, ["count": String(n)])
        case .directiveBlockNote(let t): return Message(.warningDirectiveBlockNote, ["text": t])
        case .directiveWithoutBody: return Message(.warningDirectiveWithoutBody)
        case .deadlineProblem(let d, let p): return Message(.warningDeadlineProblem, ["deadline": d, "problem": p])
        case .planStrayLines(let t): return Message(.warningPlanStrayLines, ["text": t])
        case .planNoChapters: return Message(.warningPlanNoChapters)
        case .chapterWithoutTitle(let n): return Message(.warningChapterWithoutTitle, ["number": String(n)])
        case .measureCountMismatch(let t, let g, let s):
            return Message(.warningMeasureCountMismatch, ["titles": String(t), "groups": String(g), "section": s])
        }
    }

    /// What is wrong, in Japanese, as the record's JSON carries it.
    public var message: String { text.text(in: .japanese) }

    enum CodingKeys: String, CodingKey { case line, message }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(message, forKey: .message)
    }
}
