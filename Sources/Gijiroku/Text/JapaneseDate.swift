/// A calendar date read from Japanese text: era dates (`平成30年11月16日`, `令和元年`,
/// `平成二十八年五月十八日`), Western dates (`2018年11月16日`, `2018/11/16`), either
/// with the other's year in brackets (`令和2年（2020年）`), and the weekday written beside it.
///
/// ```swift
/// let found = JapaneseDate.find(in: "平成３０年１１月１６日（金）午後３時～")!
/// found.date.iso        // "2018-11-16"
/// found.weekday         // "金"
/// found.problems        // [] (a mismatching weekday would be listed here)
/// ```
package struct JapaneseDate: Sendable, Hashable, Comparable {
    /// The Western (Gregorian) year.
    package let year: Int
    /// 1–12.
    package let month: Int
    /// 1–31.
    package let day: Int

    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= JapaneseDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    package var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// 0 = Sunday … 6 = Saturday.
    package var weekdayIndex: Int {
        let days = JapaneseDate.daysFromCivil(year, month, day)   // 1970-01-01 was a Thursday
        return ((days % 7) + 7 + 4) % 7
    }

    /// The weekday as one kanji (`日月火水木金土`).
    package var weekdayKanji: String { JapaneseDate.weekdayNames[weekdayIndex] }

    /// Earlier dates sort first.
    package static func < (a: JapaneseDate, b: JapaneseDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static let weekdayNames = ["日", "月", "火", "水", "木", "金", "土"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// The Japanese eras since 明治, with the Western year of their first year and their start date.
package struct Era: Sendable, Hashable {
    /// The era's name: `明治`, `大正`, `昭和`, `平成`, `令和`.
    package let name: String
    let abbreviation: Unicode.Scalar
    /// Western year = era year + offset.
    let offset: Int
    let start: (month: Int, day: Int)

    package static func == (a: Era, b: Era) -> Bool { a.name == b.name }
    package func hash(into h: inout Hasher) { h.combine(name) }

    /// Every era Gijiroku reads, oldest first.
    package static let all: [Era] = [
        Era(name: "明治", abbreviation: "M", offset: 1867, start: (1, 25)),
        Era(name: "大正", abbreviation: "T", offset: 1911, start: (7, 30)),
        Era(name: "昭和", abbreviation: "S", offset: 1925, start: (12, 25)),
        Era(name: "平成", abbreviation: "H", offset: 1988, start: (1, 8)),
        Era(name: "令和", abbreviation: "R", offset: 2018, start: (5, 1)),
    ]

    /// The Western year of `eraYear` of this era.
    package func westernYear(_ eraYear: Int) -> Int { eraYear + offset }

    /// Whether a date falls inside this era.
    func contains(_ date: JapaneseDate) -> Bool {
        guard let first = JapaneseDate(year: offset + 1, month: start.month, day: start.day) else { return false }
        if date < first { return false }
        if let i = Era.all.firstIndex(of: self), i + 1 < Era.all.count {
            let next = Era.all[i + 1]
            if let nextFirst = JapaneseDate(year: next.offset + 1, month: next.start.month, day: next.start.day), !(date < nextFirst) {
                return false
            }
        }
        return true
    }
}

extension JapaneseDate {
    /// A date found in a text, with what was written beside it.
    package struct Found: Sendable, Hashable {
        /// The date read.
        package var date: JapaneseDate
        /// The weekday written in brackets, if any (`金`).
        package var weekday: String?
        /// Inconsistencies that do not prevent reading the date (a wrong weekday, an era
        /// year outside its era, a bracketed year that disagrees).
        package var problems: [String]
        /// Where the date ended in the folded text, in scalars.
        var end: Int
    }

    /// The first date in `text`, if any.
    package static func find<S: StringProtocol>(in text: S) -> Found? {
        var scanner = ScalarScanner(text)
        return find(in: &scanner)
    }

    static func find(in scanner: inout ScalarScanner) -> Found? {
        while !scanner.isAtEnd {
            let start = scanner.index
            if let found = parse(&scanner) { return found }
            scanner.index = start + 1
        }
        return nil
    }

    /// Reads one date at the scanner's position; restores the position when there is none.
    static func parse(_ s: inout ScalarScanner) -> Found? {
        let start = s.index
        var problems: [String] = []
        var year: Int?
        var eraUsed: (Era, Int)?

        if let era = Era.all.first(where: { s.scan($0.name) }) {
            // An era's first year is 元年 (1): `令和0年` names no year.
            guard let n = s.scanNumber(), n >= 1, s.scan("年") else { s.index = start; return nil }
            year = era.westernYear(n)
            eraUsed = (era, n)
            if let bracketYear = bracketedWesternYear(&s), bracketYear != year {
                problems.append("括弧内の西暦\(bracketYear)年が\(era.name)\(n)年（\(year!)年）と一致しません")
            }
        } else if let c = s.current, let era = Era.all.first(where: { $0.abbreviation == c || Unicode.Scalar($0.abbreviation.value + 0x20) == c }) {
            // H30.11.16, R1/5/20
            s.index += 1
            guard let n = s.scanNumber(), n >= 1, let sep = s.scanAny([".", "/", "-"]), let m = s.scanNumber(),
                  s.scan(sep), let d = s.scanNumber() else { s.index = start; return nil }
            return finish(&s, year: era.westernYear(n), month: m, day: d, era: (era, n), problems: problems, start: start)
        } else if let n = s.scanNumber(), n >= 1000, n < 3000 {
            if s.scan("年") {
                year = n
                if let (era, eraYear) = bracketedEraYear(&s), era.westernYear(eraYear) != n {
                    problems.append("括弧内の\(era.name)\(eraYear)年が西暦\(n)年と一致しません")
                }
            } else if let sep = s.scanAny(["/", "-", "."]) {
                guard let m = s.scanNumber(), s.scan(sep), let d = s.scanNumber() else { s.index = start; return nil }
                return finish(&s, year: n, month: m, day: d, era: nil, problems: problems, start: start)
            } else {
                s.index = start
                return nil
            }
        } else {
            s.index = start
            return nil
        }
        guard let y = year, let m = s.scanNumber(), s.scan("月"), let d = s.scanNumber(), s.scan("日") else {
            s.index = start
            return nil
        }
        return finish(&s, year: y, month: m, day: d, era: eraUsed, problems: problems, start: start)
    }

    private static func finish(_ s: inout ScalarScanner, year: Int, month: Int, day: Int, era: (Era, Int)?,
                               problems: [String], start: Int) -> Found? {
        guard let date = JapaneseDate(year: year, month: month, day: day) else { s.index = start; return nil }
        var problems = problems
        if let (e, n) = era, !e.contains(date) {
            let actual = Era.all.last(where: { $0.contains(date) })
            let hint = actual.map { "（\($0.name)\(year - $0.offset == 1 ? "元" : String(year - $0.offset))年）" } ?? ""
            problems.append("\(e.name)\(n)年\(month)月\(day)日は\(e.name)の期間外です\(hint)。西暦\(date.iso)として読みました")
        }
        var weekday: String?
        let save = s.index
        if s.scanAny(["(", "（"]) != nil, let c = s.current, let i = weekdayNames.firstIndex(of: String(c)) {
            s.index += 1
            _ = s.scan("曜日") || s.scan("曜")
            if s.scanAny([")", "）"]) != nil {
                weekday = weekdayNames[i]
                if i != date.weekdayIndex {
                    problems.append("曜日（\(weekdayNames[i])）が日付 \(date.iso)（\(date.weekdayKanji)）と一致しません")
                }
            } else {
                s.index = save
            }
        } else {
            s.index = save
        }
        return Found(date: date, weekday: weekday, problems: problems, end: s.index)
    }

    private static func bracketedWesternYear(_ s: inout ScalarScanner) -> Int? {
        let save = s.index
        guard s.scanAny(["(", "（"]) != nil else { return nil }
        _ = s.scan("西暦")
        guard let n = s.scanNumber(), n >= 1000 else { s.index = save; return nil }
        _ = s.scan("年")
        guard s.scanAny([")", "）"]) != nil else { s.index = save; return nil }
        return n
    }

    private static func bracketedEraYear(_ s: inout ScalarScanner) -> (Era, Int)? {
        let save = s.index
        guard s.scanAny(["(", "（"]) != nil, let era = Era.all.first(where: { s.scan($0.name) }),
              let n = s.scanNumber(), s.scan("年"), s.scanAny([")", "）"]) != nil else { s.index = save; return nil }
        return (era, n)
    }
}

extension JapaneseDate {
    /// A year stated without a month: `平成28年` (a calendar year) or `令和元年度`,
    /// `2019年度` (a fiscal year, April to March).
    package struct StatedYear: Sendable, Hashable {
        package var year: Int
        package var fiscal: Bool
        /// The year as written.
        package var written: String
    }

    /// The first year stated in `text` (era or Western, `年` or `年度`).
    package static func findYear<S: StringProtocol>(in text: S) -> StatedYear? {
        var s = ScalarScanner(text)
        while !s.isAtEnd {
            let start = s.index
            var year: Int?
            if let era = Era.all.first(where: { s.scan($0.name) }), let n = s.scanNumber() { year = era.westernYear(n) }
            else { s.index = start; if let n = s.scanNumber(), n >= 1900, n < 2200 { year = n } }
            if let year, s.scan("年") {
                let fiscal = s.scan("度")
                let written = String(String.UnicodeScalarView(s.scalars[start..<s.index]))
                return StatedYear(year: year, fiscal: fiscal, written: TitleExtractor.trimSpaces(written))
            }
            s.index = start + 1
        }
        return nil
    }

    /// The first month and day written without a year (`8月18日`, `06月09日`), and how they
    /// were written.
    package static func findMonthDay<S: StringProtocol>(in text: S) -> (month: Int, day: Int, written: String)? {
        var s = ScalarScanner(text)
        while !s.isAtEnd {
            let start = s.index
            if let m = s.scanNumber(), (1...12).contains(m), s.scan("月"), let d = s.scanNumber(), (1...31).contains(d), s.scan("日") {
                let written = String(String.UnicodeScalarView(s.scalars[start..<s.index]))
                return (m, d, TitleExtractor.trimSpaces(written))
            }
            s.index = start + 1
        }
        return nil
    }

    /// Completes a month and day with a stated year: a fiscal year's January to March fall
    /// in the next calendar year.
    package static func completing(month: Int, day: Int, with stated: StatedYear) -> JapaneseDate? {
        JapaneseDate(year: stated.fiscal && month < 4 ? stated.year + 1 : stated.year, month: month, day: day)
    }
}
