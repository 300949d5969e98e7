/// Extracts the title and the meeting (name, session, fiscal year) from the title lines.
///
/// ```swift
/// TitleExtractor.meeting(from: "■平成２８年度第２回さいたま市地方創生・成長戦略統合推進本部会議議事概要")
/// // name "さいたま市地方創生・成長戦略統合推進本部会議", session 2, fiscalYear 2016
/// ```
enum TitleExtractor {
    static let documentSuffixes = ["議事概要", "議事要旨", "議事録", "会議録", "会議概要", "会議要旨", "会議記録", "概要", "要旨", "記録"]

    /// The title as written, broken lines rejoined and leading decorations removed.
    static func title(from lines: [SourceLine]) -> String? {
        var text = lines.map { String($0.content) }.joined()[...]
        while let f = text.unicodeScalars.first, HeaderLabel.decorations.contains(f) || SourceLine.isSpace(f) {
            text = Substring(text.unicodeScalars.dropFirst())
        }
        // A flattened page repeats the name spaced out after a wide gap (`…委員会( 6月21日)     企 画 総 務 …`):
        // the title ends at the gap.
        var run = 0
        for i in text.unicodeScalars.indices {
            run = SourceLine.isSpace(text.unicodeScalars[i]) ? run + 1 : 0
            if run == 6 {
                let head = trimSpaces(String(text[..<i]))
                if !head.isEmpty { return head }
            }
        }
        return text.isEmpty ? nil : String(text)
    }

    /// The title lines that name the meeting. Two lines or fewer are one title broken over
    /// lines; above that, the page printed several candidates (`埼玉県 上尾市`,
    /// `平成25年 議会改革特別委員会 10月29日−09号`, `第16回議会改革特別委員会`, `会 議 結 果`):
    /// the one that names a meeting body and reads as a title is chosen.
    ///
    /// ```swift
    /// TitleExtractor.naming(lines).map(\.content)   // ["第16回議会改革特別委員会"]
    /// ```
    static func naming(_ lines: [SourceLine], apart: Bool = false) -> [SourceLine] {
        guard lines.count > 2 || apart && lines.count == 2 else { return lines }
        var best: (score: Int, line: SourceLine)?
        for line in lines {
            let compact = WidthFolding.compact(line.content)
            var score = 0
            if meetingWords.contains(where: { compact.includes($0) }) { score += 2 }
            if documentSuffixes.contains(where: { compact.hasSuffix($0) }) { score += 1 }
            if documentSuffixes.contains(compact) || compact == "会議結果" { score -= 3 }
            if compact.hasPrefix("第") { score += 1 }
            // An aggregator's listing: `10月29日−09号`, `2019-11-13`.
            if compact.hasSuffix("号") || compact.includes("−0") { score -= 1 }
            // Nothing but numbering or punctuation (`1:`): never a title.
            if !compact.unicodeScalars.contains(where: { $0.properties.isAlphabetic && !("0"..."9").contains($0) }) { score -= 5 }
            if compact.count > 60 { score -= 2 }
            // An aggregator's list entry: `1. 館山市議会 2022-12-21`.
            if containsISODate(compact) { score -= 2 }
            if best == nil || score > best!.score { best = (score, line) }
        }
        return [best!.line]
    }

    private static func containsISODate(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard u.count >= 10 else { return false }
        func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        for i in 0...(u.count - 10) where u[i + 4] == "-" && u[i + 7] == "-" {
            if (0..<4).allSatisfy({ digit(u[i + $0]) }), digit(u[i + 5]), digit(u[i + 6]), digit(u[i + 8]), digit(u[i + 9]) { return true }
        }
        return false
    }

    static let meetingWords = ["会議", "委員会", "審議会", "協議会", "定例会", "臨時会", "本部", "懇話会", "懇談会", "議会", "部会", "分科会"]

    static func meeting(from title: String) -> Meeting {
        var meeting = Meeting()
        var scalars = Array(title.unicodeScalars)
        while let f = scalars.first, HeaderLabel.decorations.contains(f) || SourceLine.isSpace(f) { scalars.removeFirst() }

        // Fiscal year: 平成２８年度 / 令和元年度 / 2016年度 (optionally with the other calendar's year in brackets).
        var s = ScalarScanner(String(scalars: scalars))
        var cut: [Range<Int>] = []
        while !s.isAtEnd {
            let start = s.index
            // What can start here (after spaces): an era, a number or 第; anything else is passed over.
            var next = start
            while next < s.scalars.count, SourceLine.isSpace(s.scalars[next]) { next += 1 }
            guard next < s.scalars.count, mayStartYearOrSession(s.scalars[next]) else { s.index = start + 1; continue }
            if let era = Era.all.first(where: { s.scan($0.name) }), let n = s.scanNumber(), s.scan("年度") {
                meeting.fiscalYear = meeting.fiscalYear ?? era.westernYear(n)
                skipBracket(&s)
                cut.append(start..<s.index)
                continue
            }
            s.index = start
            if let n = s.scanNumber(), n > 1900, n < 2200, s.scan("年度") {
                meeting.fiscalYear = meeting.fiscalYear ?? n
                skipBracket(&s)
                cut.append(start..<s.index)
                continue
            }
            s.index = start
            if s.scan("第"), let n = s.scanNumber(), s.scan("回") {
                if meeting.session == nil { meeting.session = n; cut.append(start..<s.index) }
                continue
            }
            s.index = start + 1
        }
        // ScalarScanner folds width but keeps one scalar per scalar, so indices map back to the title.
        var kept: [Unicode.Scalar] = []
        for (i, c) in scalars.enumerated() where !cut.contains(where: { $0.contains(i) }) { kept.append(c) }
        var name = String(scalars: kept)
        name = trimSpaces(name)
        for suffix in documentSuffixes where UTF8Search.hasSuffix(name, suffix) && name.utf8.count > suffix.utf8.count {
            name = trimSpaces(String(name.dropLast(suffix.count)))
            break
        }
        if UTF8Search.hasSuffix(name, "の") { name = String(name.dropLast()) }
        // `対策本部会議(令和4年10月28日開催)`: the date in brackets is the meeting's, not its body's name.
        if let last = name.last, last == ")" || last == "）", let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }),
           open > name.startIndex, JapaneseDate.find(in: name[open...]) != nil || JapaneseDate.findMonthDay(in: name[open...]) != nil {
            name = trimSpaces(String(name[..<open]))
        }
        meeting.name = name.isEmpty ? nil : name
        return meeting
    }

    /// The first scalars of an era name (明治…令和), of a number (digits, kanji numerals, 元) and 第.
    private static func mayStartYearOrSession(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "明", "大", "昭", "平", "令", "第", "元", "0"..."9", "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千":
            return true
        default:
            return false
        }
    }

    private static func skipBracket(_ s: inout ScalarScanner) {
        let save = s.index
        if s.scanAny(["(", "（"]) != nil {
            while let c = s.current, c != ")" && c != "）" { s.index += 1 }
            if !s.isAtEnd { s.index += 1; return }
        }
        s.index = save
    }

    static func trimSpaces(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let f = scalars.first, SourceLine.isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, SourceLine.isSpace(l) { scalars.removeLast() }
        return String(scalars)
    }
}
