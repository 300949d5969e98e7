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
public enum DeadlineReader {
    public static func read(_ text: String, meetingDate: String?) -> Deadline? {
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
        if let range = find("年内", in: folded) ?? find("今年中", in: folded) ?? find("本年中", in: folded) {
            let date = meeting.flatMap { JapaneseDate(year: $0.year, month: 12, day: 31) }
            return Deadline(text: written(range), basis: .yearEnd, date: date?.iso)
        }
        for word in ["年度末", "年度内", "年度中"] {
            guard let range = find(word, in: folded) else { continue }
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
        for word in ["次回の本部会議", "次回本部会議", "次回の会議", "次回会議", "次回の幹事会", "次回まで"] {
            if let range = find(word, in: folded) {
                return Deadline(text: written(range), basis: .nextMeeting)
            }
        }
        if let range = find("までに", in: folded) ?? find("まで", in: folded) {
            var start = range.lowerBound
            while start > 0, !"、。，．,. 　（(「".unicodeScalars.contains(folded[start - 1]) { start -= 1 }
            if start < range.lowerBound {
                return Deadline(text: written(start..<range.lowerBound + 2), basis: .unresolved)
            }
        }
        for word in ["早期", "早急", "速やか", "直ちに"] {
            if let range = find(word, in: folded) { return Deadline(text: written(range), basis: .unresolved) }
        }
        return nil
    }

    /// `令和２年１１月３１日まで`, `2021年3月末`, `３月末`, `８月中`, `12月15日まで`.
    /// The deadline (its text left for the caller, which slices the words as written) and
    /// where its words are.
    private static func explicitDate(_ s: [Unicode.Scalar], meeting: JapaneseDate?) -> (Deadline, Range<Int>)? {
        // Every form has 月 in it.
        guard s.contains("月") else { return nil }
        var i = 0
        while i < s.count {
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
        for word in ["末まで", "末", "中", "内", "まで"] where matches(word, s, at: k) { return word.unicodeScalars.count }
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
        ("0"..."9").contains(c) || "〇一二三四五六七八九十百".unicodeScalars.contains(c)
    }

    private static func matches(_ word: String, _ s: [Unicode.Scalar], at i: Int) -> Bool {
        matches(scalars(of: word), s, at: i)
    }

    /// The scalars of the words this reader looks for, made once.
    private static let words: [String: [Unicode.Scalar]] = Dictionary(uniqueKeysWithValues: [
        "年内", "今年中", "本年中", "年度末", "年度内", "年度中", "次回の本部会議", "次回本部会議", "次回の会議", "次回会議",
        "次回の幹事会", "次回まで", "までに", "まで", "早期", "早急", "速やか", "直ちに", "末まで", "末", "中", "内",
    ].map { ($0, Array($0.unicodeScalars)) })

    private static func scalars(of word: String) -> [Unicode.Scalar] {
        words[word] ?? Array(word.unicodeScalars)
    }

    private static func matches(_ word: [Unicode.Scalar], _ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= s.count else { return false }
        for k in word.indices where s[i + k] != word[k] { return false }
        return true
    }

    private static func find(_ word: String, in s: [Unicode.Scalar]) -> Range<Int>? {
        let w = scalars(of: word)
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
    public init?(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }
}
