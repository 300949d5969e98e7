/// The last stage for a page of several meetings (`第12回 対策本部会議(令和4年10月28日開催)`,
/// `第11回 …`, one after another): one record per meeting, each with its own title, date,
/// agenda, exchanges, decisions and lines. Meeting *k* holds the lines from its heading to
/// the next heading; the first also holds what comes before it (the page's title, chrome
/// and header), so that every line is still in exactly one record.
///
/// Each record's `source` names its place in the file (`part` of `parts`). A heading that
/// gives a day with no year (`12月5日(木曜)行政経営会議`) takes the year stated in the
/// heading or the page's title, with a warning that says so; with none, the meeting has no
/// date and a warning.
///
/// ```swift
/// let whole = MinutesParser().parse(text: page, path: "対策本部会議.html")
/// MeetingSplitter.split(whole).map(\.date)   // ["2022-10-28", "2022-09-16"]
/// ```
enum MeetingSplitter {
    static func split(_ whole: Minutes) -> [Minutes] {
        let headings = whole.meetingHeadings
        guard headings.count >= 2 else { return [whole] }
        let starts = headings.map(\.line)
        /// The meeting a line belongs to.
        func part(_ line: Int) -> Int {
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= line { low = mid } else { high = mid - 1 }
            }
            return low
        }
        var parts = headings.enumerated().map { k, heading in
            let lines = LineRange(k == 0 ? 1 : heading.line, k + 1 < starts.count ? starts[k + 1] - 1 : max(heading.line, whole.source.lineCount))
            return meeting(k, of: headings.count, heading, lines: lines, in: whole)
        }

        for field in whole.header { parts[part(field.lines.start)].header.append(field) }
        for line in whole.layout { parts[part(line.line)].layout.append(line) }
        for attendee in whole.attendees { parts[part(attendee.lines.start)].attendees.append(attendee) }
        for note in whole.notes { parts[part(note.lines.start)].notes.append(note) }
        for d in whole.directives { parts[part(d.lines.start)].directives.append(d) }
        for d in whole.decisions { parts[part(d.lines.start)].decisions.append(d) }
        for p in whole.other { parts[part(p.lines.start)].other.append(p) }
        for p in whole.paragraphs { parts[part(p.lines.start)].paragraphs.append(p) }
        for s in whole.speeches { parts[part(s.lines.start)].speeches.append(s) }
        for e in whole.events { parts[part(e.lines.start)].events.append(e) }
        for e in whole.exchanges { parts[part(e.lines.start)].exchanges.append(e) }
        for item in whole.agenda { spread(item, into: &parts, part: part) }
        // What the header says without lines of its own goes with the field that said it.
        if let field = whole.header.first(where: { $0.field == .absentees }) { parts[part(field.lines.start)].absentees = whole.absentees }
        if let field = whole.header.first(where: { $0.field == .chair }) { parts[part(field.lines.start)].chair = whole.chair }
        if let field = whole.header.first(where: { $0.field == .noticeDate }) { parts[part(field.lines.start)].noticeDate = whole.noticeDate }

        for warning in whole.warnings {
            switch warning.kind {
            case .severalMeetings, .dateMissing, .dateInferred, .deadlineProblem: continue
            default: break
            }
            // A warning on a line is that meeting's; one about the whole file is every meeting's.
            if let line = warning.line { parts[part(line)].warnings.append(warning) } else { for k in parts.indices { parts[k].warnings.append(warning) } }
        }
        for k in parts.indices {
            // Deadlines are read again against the meeting's own date.
            for i in parts[k].directives.indices {
                let deadline = DeadlineReader.read(parts[k].directives[i].text, meetingDate: parts[k].date)
                parts[k].directives[i].deadline = deadline
                if let problem = deadline?.problem {
                    parts[k].warnings.append(ParseWarning(line: parts[k].directives[i].lines.start,
                                                          .deadlineProblem(deadline: deadline!.text, problem: problem)))
                }
            }
            parts[k].warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        }
        return parts
    }

    /// Meeting `k`'s record before its elements are given to it: title, meeting and date
    /// from its heading.
    private static func meeting(_ k: Int, of count: Int, _ heading: MeetingHeadings.Heading, lines: LineRange, in whole: Minutes) -> Minutes {
        var m = Minutes(source: whole.source)
        m.form = whole.form
        m.source.part = SourceInfo.Part(number: k + 1, of: count, lines: lines)
        m.title = heading.text
        m.meeting = TitleExtractor.meeting(from: heading.text)
        if heading.date.utf8.count == 10 {
            m.date = heading.date
        } else if let md = JapaneseDate.findMonthDay(in: heading.text),
                  let stated = JapaneseDate.findYear(in: heading.text) ?? whole.title.flatMap({ JapaneseDate.findYear(in: $0) }),
                  let date = JapaneseDate.completing(month: md.month, day: md.day, with: stated) {
            m.date = date.iso
            m.warnings.append(ParseWarning(line: heading.line, .dateInferred(date: date.iso, written: md.written, year: stated.written)))
        } else {
            m.warnings.append(ParseWarning(line: heading.line, .dateMissing))
        }
        return m
    }

    /// An agenda item goes to the meeting its lines begin in; one with no lines of its own
    /// (the exchanges of a page's `主な意見` sections) is spread over the meetings its
    /// explanation and exchanges stand in.
    private static func spread(_ item: AgendaItem, into parts: inout [Minutes], part: (Int) -> Int) {
        if let lines = item.lines {
            parts[part(lines.start)].agenda.append(item)
            return
        }
        var pieces: [Int: AgendaItem] = [:]
        func piece(_ k: Int) -> AgendaItem {
            pieces[k] ?? {
                var copy = item
                copy.explanation = nil
                copy.exchanges = []
                return copy
            }()
        }
        if let explanation = item.explanation {
            let k = part(explanation.lines.start)
            var p = piece(k)
            p.explanation = explanation
            pieces[k] = p
        }
        for exchange in item.exchanges {
            let k = part(exchange.lines.start)
            var p = piece(k)
            p.exchanges.append(exchange)
            pieces[k] = p
        }
        if pieces.isEmpty { parts[0].agenda.append(item) }
        for k in pieces.keys.sorted() { parts[k].agenda.append(pieces[k]!) }
    }
}
