/// Finds the headings of the meetings a file holds one after another, as council and
/// headquarters pages list them (`第52回 対策本部会議(令和5年4月28日開催)`,
/// `美祢市…対策本部会議(第67回)を開催` with `日付` / `令和5年5月1日` below it,
/// `12月5日(木曜)行政経営会議`): a short line that names a meeting, with a date on it or on
/// one of the next three lines. Two headings or more with different dates: the file is
/// several meetings, and no one date is the file's.
///
/// ```swift
/// MeetingHeadings.find(in: lines).map(\.date)   // ["2023-04-28", "2022-10-28", "2022-09-16"]
/// ```
enum MeetingHeadings {
    struct Heading: Hashable {
        var line: Int
        /// The date as ISO, or `MM-DD` when the heading gives no year.
        var date: String
        /// The heading as written.
        var text: String = ""
    }

    static func find(in lines: [SourceLine]) -> [Heading] {
        var headings: [Heading] = []
        for (i, line) in lines.enumerated() where line.content.utf8.count <= 180 {
            // Cheap on bytes first: a heading numbers a session (`回`) or gives a day (`月`).
            let marks = Self.marks(of: line.content)
            guard !marks.sentence,
                  marks.session || line.content.unicodeScalars.first.map({ ("0"..."9").contains($0) || ("０"..."９").contains($0) }) == true,
                  TitleExtractor.meetingWords.contains(where: { UTF8Search.contains(line.content, $0) }) else { continue }
            let compact = WidthFolding.compact(line.content)
            guard compact.unicodeScalars.count <= 60,
                  HeaderLabel.match(line.content) == nil, numbersASession(compact) || startsWithDay(compact) else { continue }
            // The date on the heading's line, or on one of the next three lines (alone or after `日付`).
            var date = day(in: line.content)
            if date == nil {
                for next in lines[(i + 1)..<min(lines.count, i + 4)] {
                    let c = WidthFolding.compact(next.content)
                    guard c.count <= 30 else { continue }
                    if let d = day(in: next.content) { date = d; break }
                }
            }
            if let date, headings.last?.date != date {
                headings.append(Heading(line: line.number, date: date, text: TitleExtractor.trimSpaces(String(line.content))))
            }
        }
        return headings
    }

    /// Whether a line holds `。` or `、` (a sentence, not a heading), and whether it holds
    /// both `第` and `回`: one pass over its bytes (this is asked of every line).
    static func marks(of text: Substring) -> (sentence: Bool, session: Bool) {
        text.withUTF8Bytes { b in
            var dai = false, kai = false
            var i = 0
            // A character at a time: the four are three bytes long, led by E3, E7 or E5.
            while i + 2 < b.count {
                let lead = b[i]
                guard lead >= 0xE0 else { i += lead < 0x80 ? 1 : 2; continue }
                guard lead < 0xF0 else { i += 4; continue }
                switch (lead, b[i + 1], b[i + 2]) {
                case (0xE3, 0x80, 0x82), (0xE3, 0x80, 0x81): return (true, false)   // 。、
                case (0xE7, 0xAC, 0xAC): dai = true                                // 第
                case (0xE5, 0x9B, 0x9E): kai = true                                // 回
                default: break
                }
                i += 3
            }
            return (false, dai && kai)
        }
    }

    /// `第52回`, `(第67回)`.
    private static func numbersASession(_ compact: String) -> Bool {
        var s = ScalarScanner(compact)
        while !s.isAtEnd {
            let start = s.index
            if s.scan("第"), s.scanNumber() != nil, s.scan("回") { return true }
            s.index = start + 1
        }
        return false
    }

    /// `12月5日(木曜)行政経営会議`.
    private static func startsWithDay(_ compact: String) -> Bool {
        var s = ScalarScanner(compact)
        return s.scanNumber() != nil && s.scan("月") && s.scanNumber() != nil && s.scan("日")
    }

    private static func day(in text: Substring) -> String? {
        if let found = JapaneseDate.find(in: text) { return found.date.iso }
        guard let md = JapaneseDate.findMonthDay(in: text) else { return nil }
        return (md.month < 10 ? "0" : "") + String(md.month) + "-" + (md.day < 10 ? "0" : "") + String(md.day)
    }

    /// Whether the headings show several meetings (two dates or more).
    static func several(_ headings: [Heading]) -> Bool { Set(headings.map(\.date)).count >= 2 }
}
