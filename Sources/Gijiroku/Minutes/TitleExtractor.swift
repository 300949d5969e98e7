/// Extracts the title and the meeting (name, session, fiscal year) from the title lines.
///
/// ```swift
/// TitleExtractor.meeting(from: "■平成２８年度第２回さいたま市地方創生・成長戦略統合推進本部会議議事概要")
/// // name "さいたま市地方創生・成長戦略統合推進本部会議", session 2, fiscalYear 2016
/// ```
enum TitleExtractor {
    static let documentSuffixes = ["議事概要", "議事要旨", "議事録", "会議録", "速記録", "会議概要", "会議要旨", "会議記録", "概要", "要旨", "記録"]

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

    /// The meeting a title names: the body's name, the session and the fiscal year.
    ///
    /// The name is the body's standing name, what every meeting of it shares: the title
    /// without its fiscal year, session (`第３回`), the day it met (`令和 7年 2月17日`,
    /// `12月16日(月曜)`, `2018-10-05`, `第1日`), the calendar year and month of a council
    /// session (`令和 4年 12月 定例会` → `定例会`), an aggregator's issue number (`-01号`,
    /// `第六号`) and listing words (`本文`, `名簿`, `開催日:`), and the document's name
    /// (`議事概要`, `会議録`). A year that names an event stays (`令和6年能登半島地震…`).
    ///
    /// ```swift
    /// TitleExtractor.meeting(from: "令和 7年第1回定例会（第1日 2月17日）").name   // "定例会"
    /// TitleExtractor.meeting(from: "平成29年度 総務委員会第6回委員会 (8月18日)").name   // "総務委員会"
    /// ```
    static func meeting(from title: String) -> Meeting {
        var meeting = Meeting()
        var scalars = Array(title.unicodeScalars)
        while let f = scalars.first, HeaderLabel.decorations.contains(f) || SourceLine.isSpace(f) { scalars.removeFirst() }

        var s = ScalarScanner(String(scalars: scalars))
        var cut: [Range<Int>] = []
        while !s.isAtEnd {
            let start = s.index
            // What can start here (after spaces): an era, a number or 第; anything else is passed over.
            var next = start
            while next < s.scalars.count, SourceLine.isSpace(s.scalars[next]) { next += 1 }
            guard next < s.scalars.count, mayStartYearOrSession(s.scalars[next]) else { s.index = start + 1; continue }
            // Fiscal year: 平成２８年度 / 令和元年度 / 2016年度 (optionally with the other calendar's year in brackets).
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
            if s.scan("第"), let n = s.scanNumber() {
                if s.scan("回") {
                    // A title printed twice names the session twice: both go, the first is read.
                    meeting.session = meeting.session ?? n
                    cut.append(next..<s.index)
                    continue
                }
                // The day of a session or the number of an issue: `第1日`, `第六号`.
                if s.scanAny(["日", "号"]) != nil { cut.append(next..<s.index); continue }
            }
            // The day it met, with its weekday: `令和 7年 2月17日`, `2018-10-05`, `12月16日(月曜)`.
            s.index = start
            if let found = JapaneseDate.parse(&s) {
                s.index = found.end
                skipWeekday(&s)
                cut.append(next..<s.index)
                continue
            }
            s.index = start
            if let m = s.scanNumber(), (1...12).contains(m), s.scan("月"), let d = s.scanNumber(), (1...31).contains(d), s.scan("日") {
                skipWeekday(&s)
                cut.append(next..<s.index)
                continue
            }
            // A council session's calendar year and month: `令和 4年 12月 定例会`, `平成30年議会運営委員会`.
            s.index = start
            if Era.all.first(where: { s.scan($0.name) }) != nil, s.scanNumber() != nil, s.scan("年"), !s.scan("度") {
                let afterYear = s.index
                let rest = String(String.UnicodeScalarView(s.scalars[afterYear...]))
                if !eventWords.contains(where: { UTF8Search.contains(rest, $0) }) {
                    if let m = s.scanNumber(), (1...12).contains(m), s.scan("月"), sessionWords.contains(where: { s.scan($0) }) {
                        // The month goes; the session word stays.
                        s.index = afterYear
                        _ = s.scanNumber(); _ = s.scan("月")
                    } else {
                        s.index = afterYear
                    }
                    cut.append(next..<s.index)
                    continue
                }
            }
            // A session's month without its year: `２月定例会`.
            s.index = start
            if let m = s.scanNumber(), (1...12).contains(m), s.scan("月") {
                let afterMonth = s.index
                if sessionWords.contains(where: { s.scan($0) }) { cut.append(next..<afterMonth); s.index = afterMonth; continue }
            }
            // An aggregator's issue number after a dash: `−09号`, `-01号`.
            s.index = start
            if start > 0, dashes.contains(s.scalars[start - 1]), s.scanNumber() != nil, s.scan("号") {
                cut.append(next..<s.index)
                continue
            }
            s.index = start + 1
        }
        // ScalarScanner folds width but keeps one scalar per scalar, so indices map back to the title.
        var kept: [Unicode.Scalar] = []
        for (i, c) in scalars.enumerated() where !cut.contains(where: { $0.contains(i) }) { kept.append(c) }
        let name = bodyName(String(scalars: kept))
        meeting.name = name.isEmpty ? nil : name
        return meeting
    }

    /// Words that, after a year, name an event rather than a session (`令和6年能登半島地震…`).
    static let eventWords = ["地震", "豪雨", "台風", "災害", "震災", "大雨", "大雪", "水害", "噴火", "オリンピック", "国体", "博覧会"]
    /// A council's sessions, which a month may name (`12月定例会`).
    static let sessionWords = ["定例会", "臨時会", "緊急議会"]
    private static let dashes: ScalarSet = ["-", "−", "‐", "－", "—", "ー"]
    /// What an aggregator's listing adds after the name (`本文`, `名簿`, `開催日:`), and what
    /// a notice says of it (`を開催`).
    static let listingWords = ["本文", "名簿", "開催日:", "開催日：", "開催日", "を開催", "会議次第"]
    /// Brackets that say only when or in what part of the meeting, once their date is cut
    /// (`（最終日）`: the session's last day).
    static let partWords = ["", "開催", "開会前", "閉会後", "初日", "最終日"]

    /// The name left after the cuts, tidied until nothing changes: brackets emptied by the
    /// cuts, dashes and colons left at either end, listing words, the document's name, a
    /// meeting word doubled by a cut session (`総務委員会委員会`), a name quoted whole.
    static func bodyName(_ text: String) -> String {
        var name = collapseSpaces(text)
        while true {
            let before = name
            // Brackets left empty, or holding only when: `()`, `（ ）`, `(開催)`, `（１２月）`.
            for (open, close) in [("(", ")"), ("（", "）")] where UTF8Search.contains(name, open) {
                var from = name.startIndex
                while let o = UTF8Search.range(of: open, in: name[from...]),
                      let c = UTF8Search.range(of: close, in: name[o.upperBound...]) {
                    guard saysOnlyWhen(trimSpaces(String(name[o.upperBound..<c.lowerBound]))) else { from = o.upperBound; continue }
                    name.removeSubrange(o.lowerBound..<c.upperBound)
                    from = name.startIndex
                }
            }
            if UTF8Search.contains(name, ":") || UTF8Search.contains(name, "：") {
                name = collapseSpaces(String(String.UnicodeScalarView(name.unicodeScalars.map { $0 == ":" || $0 == "：" ? " " : $0 })))
            }
            while let f = name.unicodeScalars.first, dashes.contains(f) || f == "・" || f == " " { name = String(name.unicodeScalars.dropFirst()) }
            while let l = name.unicodeScalars.last, dashes.contains(l) || l == "・" || l == "の" || l == " " { name = String(name.unicodeScalars.dropLast()) }
            // The endings, compared on the name's bytes read once (a generic byte comparison
            // per word was most of the time tidying took).
            var bytes = Array(name.utf8)
            for word in listingWordBytes where bytes.count > word.count && bytes.ends(with: word) {
                bytes.removeLast(word.count)
                while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
            }
            if let suffix = documentSuffixBytes.first(where: { bytes.count > $0.count && bytes.ends(with: $0) }) {
                bytes.removeLast(suffix.count)
                while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
            }
            for (word, doubled) in doubledMeetingWordBytes where bytes.ends(with: doubled) {
                bytes.removeLast(word.count)
            }
            if bytes.count != name.utf8.count { name = String(decoding: bytes, as: UTF8.self) }
            // A title printed twice: the same part again (`定例会緊急議会 定例会緊急議会`), the
            // same characters twice (`定例会緊急議会定例会緊急議会`), or a longer form ending in
            // the first (`定例会函館市議会定例会`).
            if UTF8Search.contains(name, " ") {
                var unique: [Substring] = []
                for part in name.split(separator: " ") where !unique.contains(part) { unique.append(part) }
                // The council first, where a page put it last (`定例会緊急議会 墨田区議会`).
                if unique.count > 1, let last = unique.last, AssemblyName.council(in: last) == String(last),
                   AssemblyName.council(in: unique[0]) == nil {
                    unique = [last] + unique.dropLast()
                }
                name = unique.map(halved).joined(separator: " ")
            } else {
                name = halved(name[...])
            }
            name = withoutRepeatedHead(name)
            if name.unicodeScalars.first == "「", name.unicodeScalars.last == "」", name.unicodeScalars.count > 2, !name.dropFirst().dropLast().contains(where: { $0 == "「" || $0 == "」" }) {
                name = String(name.dropFirst().dropLast())
            }
            // `対策本部会議(令和4年10月28日開催)`: the date in brackets is the meeting's, not its body's name.
            if let last = name.last, last == ")" || last == "）", let open = name.lastIndex(where: { $0 == "(" || $0 == "（" }),
               open > name.startIndex, JapaneseDate.find(in: name[open...]) != nil || JapaneseDate.findMonthDay(in: name[open...]) != nil {
                name = trimSpaces(String(name[..<open]))
            }
            if name == before { return name }
        }
    }

    private static let doubledMeetingWordBytes = meetingWords.map { (Array($0.utf8), Array(($0 + $0).utf8)) }
    private static let listingWordBytes = listingWords.map { Array($0.utf8) }
    private static let documentSuffixBytes = documentSuffixes.map { Array($0.utf8) }

    /// A part written twice over (`定例会緊急議会定例会緊急議会`) as written once.
    private static func halved(_ part: Substring) -> String {
        let scalars = part.unicodeScalars
        let count = scalars.count
        guard count >= 4, count % 2 == 0 else { return String(part) }
        let middle = scalars.index(scalars.startIndex, offsetBy: count / 2)
        return scalars[..<middle].elementsEqual(scalars[middle...]) ? String(part[..<middle]) : String(part)
    }

    /// `定例会函館市議会定例会` → `函館市議会定例会`: a head ending in a meeting word that the
    /// longer rest ends with too is the same name printed twice, the second time in full.
    private static func withoutRepeatedHead(_ name: String) -> String {
        var bytes: [UInt8] = []
        name.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) } ?? bytes.append(contentsOf: name.utf8)
        for word in meetingWordBytes {
            var at = 0
            while let found = bytes.withUnsafeBufferPointer({ b in word.withUnsafeBufferPointer { b.offset(of: $0, from: at) } }) {
                let end = found + word.count
                at = end
                guard end < bytes.count else { break }
                var tail = end
                while tail < bytes.count, bytes[tail] == UInt8(ascii: " ") { tail += 1 }
                if bytes.count - tail > end, bytes[(bytes.count - end)...].elementsEqual(bytes[..<end]) {
                    return String(decoding: bytes[tail...], as: UTF8.self)
                }
            }
        }
        return name
    }

    private static let meetingWordBytes = meetingWords.map { Array($0.utf8) }

    /// Runs of spaces (ASCII or ideographic) as one ASCII space, none at either end.
    static func collapseSpaces(_ text: String) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for c in text.unicodeScalars {
            if SourceLine.isSpace(c) { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        return String(scalars: out)
    }

    /// Whether a bracket's text says only when or in what part the meeting was held, once
    /// its date is cut: nothing, `開催`, `開会前`, a month (`１２月`).
    private static func saysOnlyWhen(_ text: String) -> Bool {
        if partWords.contains(text) { return true }
        var s = ScalarScanner(text)
        guard let m = s.scanNumber(), (1...12).contains(m), s.scan("月") else { return false }
        s.skipSpaces()
        return s.isAtEnd
    }

    /// A weekday in brackets after a day: `(月)`, `（月曜）`, `(月曜日)`.
    private static func skipWeekday(_ s: inout ScalarScanner) {
        let save = s.index
        if s.scanAny(["(", "（"]) != nil, let c = s.current, "月火水木金土日".unicodeScalars.contains(c) {
            s.index += 1
            _ = s.scan("曜日") || s.scan("曜")
            if s.scanAny([")", "）"]) != nil { return }
        }
        s.index = save
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
        String(text[...].trimmingScalars(where: SourceLine.isSpace))
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { withUnsafeBufferPointer { $0.hasSuffix(suffix) } }
}
