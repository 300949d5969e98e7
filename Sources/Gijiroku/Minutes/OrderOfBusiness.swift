/// A verbatim record's order of business (`日程第１　会期の決定`, `第　７　　議　　案　　第　６号…`):
/// the agenda when the preamble lists none, and the item each utterance falls under, from
/// the last heading before it (`◎日程第２`, `◎会期の決定`) or the chair taking it up in words
/// (`日程第１、議案第３０号を議題といたします。`). Runs after the speakers are read.
///
/// The agenda it gives, in order of preference: the body's headings, with the items inside
/// a range (`日程第１ … ～` then `日程第３ …`; `日程第４…から日程第７…まで`) as numbered items
/// without titles; else the matters the chair announces (`本日の議題は,…「…について」…であります。`);
/// else the bills the chair takes up (`議案第44号 …についてを議題といたします。`).
///
/// ```swift
/// OrderOfBusiness.place(&minutes)
/// minutes.speeches.map(\.agendaNumber)   // [nil, 1, 2, 2]
/// ```
enum OrderOfBusiness {
    /// The body's headings of the order of business (`日程第２　議案第１号…`, `◎日程第１`) put
    /// each utterance after them under their item; with no agenda list in the preamble, the
    /// headings are the agenda.
    static func place(_ minutes: inout Minutes) {
        // The order of business as the body's headings give it (`日程第１　会期の決定`).
        var ordered: [(line: Int, item: AgendaItem)] = []
        var rangeStarts = Set<Int>()
        for event in minutes.events where event.kind == .heading {
            let text = event.text.drop { SpeakerLabel.markers.contains($0) || $0 == " " || $0 == "\u{3000}" }
            guard WidthFolding.compact(text).hasPrefix("日程第"), let (number, label, written) = AgendaExtractor.orderOfBusiness(text) else { continue }
            // `日程第１　議案第146号　…について　～`: the first of a range the next heading ends.
            let opensRange = written.hasSuffix("～") || written.hasSuffix("〜")
            let title = TitleExtractor.trimSpaces(opensRange ? String(written.dropLast()) : written)
            ordered.append((event.lines.start, AgendaItem(number: number, label: label, title: title.isEmpty ? nil : title, lines: event.lines)))
            if opensRange { rangeStarts.insert(number) }
        }
        // The items inside a range (`日程第１ … ～` then `日程第３ …`, or the chair's `日程第４…から
        // 日程第７…まで`) are on the order of business with no title of their own in the record:
        // each is an item, numbered, under the range's first heading.
        var ranges: [ClosedRange<Int>] = []
        for (a, b) in zip(ordered, ordered.dropFirst()) where rangeStarts.contains(a.item.number!) && b.item.number! > a.item.number! + 1 {
            ranges.append(a.item.number!...b.item.number!)
        }
        for speech in minutes.speeches where speech.speaker.category == .chair { ranges += itemRanges(in: speech.text) }
        for range in ranges {
            guard let first = ordered.firstIndex(where: { $0.item.number == range.lowerBound }), ordered.contains(where: { $0.item.number == range.upperBound }) else { continue }
            var at = first + 1
            for n in (range.lowerBound + 1)..<range.upperBound where !ordered.contains(where: { $0.item.number == n }) {
                ordered.insert((ordered[first].line, AgendaItem(number: n, label: nil, title: nil, lines: ordered[first].item.lines)), at: at)
                at += 1
            }
        }
        // With no numbered agenda in the preamble, the headings are the agenda (what a
        // preamble's list gave without numbers stays in its header field).
        if !ordered.isEmpty, !minutes.agenda.contains(where: { $0.number != nil }) {
            minutes.agenda = []
            for (_, item) in ordered where !minutes.agenda.contains(where: { $0.number == item.number }) { minutes.agenda.append(item) }
        }
        // With no agenda at all, the matters the chair announces as the day's (`本日の議題は,
        // …「…について」。「その他」であります。`) are the agenda, else the bills the chair takes up
        // in words (`(1)議案第44号 市民参加条例の制定についてを議題といたします。`).
        if minutes.agenda.isEmpty, let chair = minutes.speeches.first(where: { $0.speaker.category == .chair }) {
            for title in itemsAnnounced(in: chair.text) {
                minutes.agenda.append(AgendaItem(number: nil, label: nil, title: title, lines: chair.lines))
            }
        }
        if minutes.agenda.isEmpty {
            for speech in minutes.speeches where speech.speaker.category == .chair {
                for title in billsTakenUp(in: speech.text) where !minutes.agenda.contains(where: { $0.title == title }) {
                    minutes.agenda.append(AgendaItem(number: nil, label: nil, title: title, lines: speech.lines))
                }
            }
        }
        var headings = ordered.map { (line: $0.line, number: $0.item.number!) }
        // `◎会期の決定`: a heading that names an item of the agenda by its title.
        for event in minutes.events where event.kind == .heading {
            let compact = WidthFolding.compact(event.text.drop { SpeakerLabel.markers.contains($0) })
            guard !compact.hasPrefix("日程第"),
                  let item = minutes.agenda.first(where: { $0.number != nil && $0.title.map { WidthFolding.compact($0) == compact } ?? false }) else { continue }
            headings.append((event.lines.start, item.number!))
        }
        headings.sort { $0.line < $1.line }
        var h = 0
        var current: Int?
        for i in minutes.speeches.indices {
            // Items taken up together (`日程第２` … `日程第７` in a row): the speech is under the first.
            var first: Int?
            while h < headings.count, headings[h].line < minutes.speeches[i].lines.start { first = first ?? headings[h].number; h += 1 }
            current = first ?? current
            // The chair takes an item up in words: `日程第１、議案第３０号を議題といたします。`, or
            // opens with it: `日程第３　閉会中継続調査報告について、順次委員長の報告を求めます。`
            if minutes.speeches[i].speaker.category == .chair,
               let taken = itemTakenUp(in: minutes.speeches[i].text) ?? itemOpening(minutes.speeches[i].text),
               minutes.agenda.contains(where: { $0.number == taken }) || headings.contains(where: { $0.number == taken }) {
                current = taken
            }
            minutes.speeches[i].agendaNumber = current
        }
    }

    /// How a bill's number begins (`議案第44号`, `陳情第40`).
    static let billKinds = ["議案第", "陳情第", "請願第", "発議第", "報告第"]

    /// The bills a chair's words put before the meeting, from the bill's number on:
    /// `1付託案件の審査、(1)議案第44号 市民参加条例の制定についてを議題といたします。` →
    /// `議案第44号 市民参加条例の制定について`. A matter named without a bill's number
    /// (`新庁舎建設の進捗状況についてを議題とします`) is not one.
    static func billsTakenUp(in text: String) -> [String] {
        guard UTF8Search.contains(text, "議題") else { return [] }
        var found: [String] = []
        for sentence in DecisionReader.sentences(text) {
            guard let verb = UTF8Search.range(of: "を議題と", in: sentence) ?? UTF8Search.range(of: "を一括議題と", in: sentence) else { continue }
            let before = sentence[..<verb.lowerBound]
            // The first bill named in the sentence, by where its kind's word begins.
            let starts = billKinds.compactMap { UTF8Search.range(of: $0, in: before)?.lowerBound }
            guard let start = starts.min(), AgendaExtractor.opensBill(before[start...]) else { continue }
            let title = TitleExtractor.trimSpaces(String(before[start...]))
            if !title.isEmpty, title.unicodeScalars.count <= 80 { found.append(title) }
        }
        return found
    }

    /// The matters a chair announces as the day's business, each in quotation brackets, with
    /// the bill's number written before it: `本日の議題は,…陳情第40「浜手駅前の整備についての陳情」。
    /// 所管事務の調査といたしまして「排水路整備について」。及び「その他」であります。` →
    /// `陳情第40 浜手駅前の整備についての陳情`, `排水路整備について`, `その他`. Nothing when the
    /// announcement names none (`本日の議題は,お手元の協議案件書のとおりであります。`).
    static func itemsAnnounced(in text: String) -> [String] {
        guard let opening = ["本日の議題は", "本日の案件は"].lazy.compactMap({ UTF8Search.range(of: $0, in: text) }).first else { return [] }
        let rest = text[opening.upperBound...]
        let end = ["であります", "でございます", "です。", "となっております"].compactMap { UTF8Search.range(of: $0, in: rest)?.lowerBound }.min() ?? rest.endIndex
        let announcement = rest[..<end]
        var found: [String] = []
        var cursor = announcement.startIndex
        while let open = announcement[cursor...].firstIndex(of: "「") {
            // The outermost bracket: a title may quote another (`「…「…」…」`).
            var depth = 0
            var close: Substring.Index?
            for i in announcement[open...].indices {
                if announcement[i] == "「" { depth += 1 } else if announcement[i] == "」" { depth -= 1; if depth == 0 { close = i; break } }
            }
            guard let close else { break }
            let title = TitleExtractor.trimSpaces(String(announcement[announcement.index(after: open)..<close]))
            // A bill's number written just before the bracket (`陳情第40「…」`).
            let before = announcement[cursor..<open]
            let bill = billKinds.compactMap { UTF8Search.range(of: $0, in: before)?.lowerBound }.min()
                .map { TitleExtractor.trimSpaces(String(before[$0...])) }
            if !title.isEmpty { found.append([bill, title].compactMap { $0 }.joined(separator: " ")) }
            cursor = announcement.index(after: close)
        }
        return found
    }

    /// The ranges of items a chair takes up together: `日程第４議案第150号「…」から日程第７議案第153号
    /// 「…」まで、計４件を一括議題といたします。` → 4...7; `日程第８、議案第７号から日程第４２、議案第４１号
    /// までの議案３５件を一括して上程いたします。` → 8...42.
    static func itemRanges(in text: String) -> [ClosedRange<Int>] {
        guard UTF8Search.contains(text, "から日程第") else { return [] }
        var found: [ClosedRange<Int>] = []
        for sentence in DecisionReader.sentences(text) where sentence.includes("議題") || sentence.includes("上程") {
            guard let from = UTF8Search.range(of: "日程第", in: sentence), let to = UTF8Search.range(of: "から日程第", in: sentence),
                  from.upperBound <= to.lowerBound, UTF8Search.contains(sentence[to.upperBound...], "まで") else { continue }
            var a = ScalarScanner(sentence[from.upperBound...].prefix(8))
            var b = ScalarScanner(sentence[to.upperBound...].prefix(8))
            if let first = a.scanNumber(), let last = b.scanNumber(), first < last, last - first <= 200 { found.append(first...last) }
        }
        return found
    }

    /// `日程第３　閉会中継続調査報告について、順次委員長の報告を求めます。` → 3: the item a chair's
    /// words open with, which the chair takes up whatever the verb (`報告を求めます`,
    /// `発言を求められております`, a bare `について。`). Only at the very start: an item named
    /// later in the words may be one announced for another day.
    static func itemOpening(_ text: String) -> Int? {
        // Asked of every chair's speech: most open otherwise, told on the bytes before a
        // scanner (a folded copy of the opening) is made. Width folding leaves kanji as they are.
        let opening = text[...].prefix(scalars: 12)
        guard UTF8Search.contains(opening, "日程第") else { return nil }
        // The scanner passes over spaces before a literal and before a number.
        var s = ScalarScanner(opening)
        return s.scan("日程第") ? s.scanNumber() : nil
    }

    /// `日程第１、議案第３０号を議題といたします。` → 1: the item a sentence puts before the meeting.
    static func itemTakenUp(in text: String) -> Int? {
        guard UTF8Search.contains(text, "日程第"), UTF8Search.contains(text, "議題") else { return nil }
        // Sentence by sentence, found on the bytes: a chair's speech may be long.
        for sentence in DecisionReader.sentences(text) where sentence.includes("議題") {
            guard let at = UTF8Search.offset(of: "日程第", in: sentence) else { continue }
            let after = sentence[sentence.utf8.index(sentence.startIndex, offsetBy: at + "日程第".utf8.count)...]
            var s = ScalarScanner(after.prefix(scalars: 8))
            s.skipSpaces()
            if let n = s.scanNumber() { return n }
        }
        return nil
    }

}
