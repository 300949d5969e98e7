/// Reads the deadline a directive states and resolves it against the meeting date.
///
/// Recognised, first match wins: a full date (`令和３年３月３１日まで`, era or Western), a
/// month (`３月末まで`, `８月中に`: the end of that month, on or after the meeting), `年内`,
/// `年度末`/`年度内`/`今年度中` (31 March closing the meeting's fiscal year; `来年度中` the
/// next one), `次回の本部会議`/`次回会議` (left for the index, which knows the next meeting),
/// and any other `…までに` or `早期に`/`速やかに` as an unresolved deadline with its words.
/// An impossible date (`１１月３１日`) is unresolved, with the problem said.
///
/// ```swift
/// DeadlineReader.read("年内を目途に、この本部会議に諮ること。", meetingDate: "2016-09-01")
/// // Deadline(text: "年内", basis: .yearEnd, date: "2016-12-31")
/// ```
enum DeadlineReader {
    static func read(_ text: String, meetingDate: String?) -> Deadline? {
        let meeting = meetingDate.flatMap(JapaneseDate.init(iso:))
        // Folding maps scalar to scalar, so a range in the folded text is the same range as written.
        var original: [Unicode.Scalar] = []
        var folded: [Unicode.Scalar] = []
        original.reserveCapacity(text.utf8.count)
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            original.append(scalar)
            folded.append(WidthFolding.fold(scalar))
        }
        return resolve(folded, original, meeting: meeting)
    }

    private static func resolve(_ folded: [Unicode.Scalar], _ original: [Unicode.Scalar], meeting: JapaneseDate?) -> Deadline? {
        /// The words at `range`, as written.
        func written(_ range: Range<Int>) -> String { slice(original, range) }
        if let (found, range) = explicitDate(folded, meeting: meeting) {
            var deadline = found
            deadline.text = written(range)
            return deadline
        }
        // Which words can be there at all: each group has one character in every word.
        var hasYear = false, hasNext = false, hasMade = false, hasSoon = false
        for c in folded {
            switch c {
            case "年": hasYear = true
            case "次": hasNext = true
            case "ま": hasMade = true
            case "早", "速", "直": hasSoon = true
            default: break
            }
        }
        if hasYear, let range = find(anyOf: yearEndWords, in: folded) {
            let date = meeting.flatMap { JapaneseDate(year: $0.year, month: 12, day: 31) }
            return Deadline(text: written(range), basis: .yearEnd, date: date?.iso)
        }
        if hasYear, let range = find(anyOf: fiscalWords, in: folded) {
            let start = range.lowerBound
            let before: Unicode.Scalar? = start >= 1 ? folded[start - 1] : nil
            let next = before == "来" || before == "次" || before == "翌"
            // 「令和３年度末」: a named fiscal year.
            let named = eraYear(endingAt: start, in: folded)
            let fiscal = named?.0 ?? meeting.map { ($0.month >= 4 ? $0.year : $0.year - 1) + (next ? 1 : 0) }
            let basis: Deadline.Basis = named != nil ? .date : (next ? .nextFiscalYearEnd : .fiscalYearEnd)
            let phraseStart = named.map { start - $0.1 } ?? (before.map { "来次翌今本".unicodeScalars.contains($0) } == true ? start - 1 : start)
            let date = fiscal.flatMap { JapaneseDate(year: $0 + 1, month: 3, day: 31) }
            return Deadline(text: written(phraseStart..<range.upperBound), basis: basis, date: date?.iso)
        }
        if hasNext, let range = find(anyOf: nextMeetingWords, in: folded) {
            return Deadline(text: written(range), basis: .nextMeeting)
        }
        if hasMade, let range = find(anyOf: untilWords, in: folded) {
            var start = range.lowerBound
            while start > 0, !isPhraseBoundary(folded[start - 1]) { start -= 1 }
            if start < range.lowerBound {
                return Deadline(text: written(start..<range.lowerBound + 2), basis: .unresolved)
            }
        }
        if hasSoon, let range = find(anyOf: soonWords, in: folded) { return Deadline(text: written(range), basis: .unresolved) }
        return nil
    }

    /// `令和２年１１月３１日まで`, `2021年3月末`, `３月末`, `８月中`, `12月15日まで`.
    /// The deadline (its text left for the caller, which slices the words as written) and
    /// where its words are.
    private static func explicitDate(_ s: [Unicode.Scalar], meeting: JapaneseDate?) -> (Deadline, Range<Int>)? {
        guard let firstMonth = s.firstIndex(of: "月") else { return nil }
        // A date's words before 月 are at most an era, a year and a month: 16 scalars.
        var i = max(0, firstMonth - 16)
        while i < s.count {
            // Every form has 月 after where it starts.
            guard let next = s[i...].firstIndex(of: "月") else { return nil }
            if next - i > 16 { i = next - 16 }
            // The year, when given: an era year or a Western year before 年.
            var year: Int?
            var j = i
            if let (era, name) = eras.first(where: { $0.name.first == s[i] && matches($0.name, s, at: i) }) {
                j = i + name.count
                guard let (n, length) = JapaneseNumber.scan(s, from: j), j + length < s.count, s[j + length] == "年" else { i += 1; continue }
                year = era.westernYear(n)
                j += length + 1
            } else if let (n, length) = JapaneseNumber.scan(s, from: i), n >= 1900, n < 2200, i + length < s.count, s[i + length] == "年" {
                year = n
                j = i + length + 1
            }
            guard let (month, mLength) = JapaneseNumber.scan(s, from: j), j + mLength < s.count, s[j + mLength] == "月",
                  (i == 0 || year != nil || !isNumeral(s[i - 1])) else { i += 1; continue }
            var k = j + mLength + 1
            guard (1...12).contains(month) else {
                return (Deadline(text: "", basis: .unresolved, problem: "\(month)月という月はありません"), i..<k)
            }
            let resolvedYear = year ?? meeting.map { month >= $0.month ? $0.year : $0.year + 1 }
            if let (day, dLength) = JapaneseNumber.scan(s, from: k), k + dLength < s.count, s[k + dLength] == "日" {
                k += dLength + 1
                let words = i..<(k + suffixLength(s, from: k))
                guard let y = resolvedYear else { return (Deadline(text: "", basis: .date), words) }
                guard let date = JapaneseDate(year: y, month: month, day: day) else {
                    return (Deadline(text: "", basis: .unresolved, problem: "\(y)年\(month)月\(day)日は存在しない日付です"), words)
                }
                return (Deadline(text: "", basis: .date, date: date.iso, problem: beforeMeeting(date, meeting)), words)
            }
            // A month alone is a deadline only with 末, 中, 内 or まで after it.
            guard k < s.count, "末中内ま".unicodeScalars.contains(s[k]) else { i = k; continue }
            let words = i..<(k + suffixLength(s, from: k))
            guard let y = resolvedYear, let date = JapaneseDate(year: y, month: month, day: JapaneseDate.daysIn(month: month, year: y)) else {
                return (Deadline(text: "", basis: .month), words)
            }
            return (Deadline(text: "", basis: year == nil ? .month : .date, date: date.iso, problem: beforeMeeting(date, meeting)), words)
        }
        return nil
    }

    private static func beforeMeeting(_ date: JapaneseDate, _ meeting: JapaneseDate?) -> String? {
        guard let meeting, date < meeting else { return nil }
        return "期限 \(date.iso) が会議の日付 \(meeting.iso) より前です"
    }

    /// The length of `末`, `中`, `内`, `まで`, `までに` at `k`.
    private static func suffixLength(_ s: [Unicode.Scalar], from k: Int) -> Int {
        for word in monthSuffixes where matches(word, s, at: k) { return word.count }
        return 0
    }

    /// An era year (`令和３`) ending just before `end`: its Western year and length.
    private static func eraYear(endingAt end: Int, in s: [Unicode.Scalar]) -> (Int, Int)? {
        var start = end
        while start > 0, isNumeral(s[start - 1]) || s[start - 1] == "元" { start -= 1 }
        guard start < end, let (n, length) = JapaneseNumber.scan(s, from: start), start + length == end else { return nil }
        for (era, name) in eras {
            if start >= name.count, matches(name, s, at: start - name.count) { return (era.westernYear(n), end - start + name.count) }
        }
        return nil
    }

    private static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "0"..."9", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百": return true
        default: return false
        }
    }

    /// Where the words of a `…まで` deadline start back to: punctuation, a space or an opening bracket.
    private static func isPhraseBoundary(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "、", "。", "，", "．", ",", ".", " ", "　", "（", "(", "「": return true
        default: return false
        }
    }

    /// The words this reader looks for, as scalars made once.
    private static let yearEndWords = scalars(["年内", "今年中", "本年中"])
    private static let fiscalWords = scalars(["年度末", "年度内", "年度中"])
    private static let nextMeetingWords = scalars(["次回の本部会議", "次回本部会議", "次回の会議", "次回会議", "次回の幹事会", "次回まで"])
    private static let untilWords = scalars(["までに", "まで"])
    private static let soonWords = scalars(["早期", "早急", "速やか", "直ちに"])
    private static let monthSuffixes = scalars(["末まで", "末", "中", "内", "まで"])

    private static func scalars(_ words: [String]) -> [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }

    /// Where the first of `words` found is, trying them in the order given.
    private static func find(anyOf words: [[Unicode.Scalar]], in s: [Unicode.Scalar]) -> Range<Int>? {
        for word in words {
            if let range = find(word, in: s) { return range }
        }
        return nil
    }

    private static func matches(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= s.count else { return false }
        for k in word.indices where s[i + k] != word[k] { return false }
        return true
    }

    private static func find(_ w: [Unicode.Scalar], in s: [Unicode.Scalar]) -> Range<Int>? {
        guard let first = w.first, s.count >= w.count else { return nil }
        for i in 0...(s.count - w.count) where s[i] == first && matches(w, s, at: i) { return i..<(i + w.count) }
        return nil
    }

    /// The eras with their names as scalars, for scanning.
    private static let eras: [(era: Era, name: [Unicode.Scalar])] = Era.all.map { ($0, Array($0.name.unicodeScalars)) }

    private static func slice(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        String(scalars: s[range.clamped(to: 0..<s.count)])
    }
}

extension JapaneseDate {
    /// Reads an ISO `YYYY-MM-DD` date.
    init?(iso: String) {
        // YYYY-MM-DD (as the parser writes dates) read on the bytes: this runs once per directive.
        let parsed: (Int, Int, Int)? = iso.withUTF8Bytes { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            guard let year = b.asciiNumber(in: 0..<4), let month = b.asciiNumber(in: 5..<7), let day = b.asciiNumber(in: 8..<10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = parsed else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
