/// Reads the agenda list in the header (`【議 事】⑴ …`, `（１）…`, `①…`, `１．…`) into
/// agenda items; a line without numbering continues the title above it, except in a list
/// without numbers, where a short line after a short one is an item of its own.
///
/// ```swift
/// // 【議 事】（１）…フォローアップについて
/// //          （２）首都圏広域地方計画に係るプロジェクトの進捗について
/// // → items 1 and 2 with their titles and lines
/// ```
struct AgendaExtractor {
    func extract(_ parts: [(text: Substring, line: SourceLine)]) -> [AgendaItem] {
        var items: [AgendaItem] = []
        var previous: Substring = ""   // the line before, as read
        var numbered = false           // whether an item so far has a number or a label
        for part in parts {
            defer {
                previous = part.text
                numbered = numbered || items.last.map { $0.number != nil || $0.label != nil } == true
            }
            var text = part.text
            // `〇議事日程（第３号）`: the list's own number, no item.
            if let n = Self.orderNumber(text), n > 0, items.isEmpty { continue }
            if let f = text.unicodeScalars.first, LineClassifier.isBulletMarker(f), Numbering.parse(text) == nil {
                text = Substring(text.unicodeScalars.dropFirst())
                text = Substring(TitleExtractor.trimSpaces(String(text)))
                items.append(AgendaItem(number: nil, label: nil, title: String(text), lines: LineRange(part.line.number)))
                continue
            }
            // `日程第１　会期の決定`, `第　７　　議　　案　　第　６号　…`: an item of a council's order of business.
            if let (number, label, title) = Self.orderOfBusiness(text) {
                items.append(AgendaItem(number: number, label: label, title: title, lines: LineRange(part.line.number)))
                continue
            }
            // `【陳　情】　(1)陳情1第7号…　(2)…`: the kind of the items before them, which their
            // titles say again.
            if let rest = Self.afterCategory(text) { text = rest }
            // A table's border run on after an item (`＋委員会審査報告＋－－＋`) is no part of it.
            if let f = text.unicodeScalars.first, Self.tableFragmentStarts.contains(f) { continue }
            // In a list without numbers, each short line is an item of its own (`理事の互選`,
            // `議員の辞職について`), a `(1)` line a sub-item of the one above; a line after a long
            // one goes on with that one's title, broken where the page's width ran out.
            let unnumberedList = !items.isEmpty && !numbered
            if let numbering = Numbering.parse(text), !(unnumberedList && (numbering.style == .parenthesised || numbering.style == .circled)) {
                items += Self.runOn(numbering).map { number, label, title in
                    AgendaItem(number: number, label: label, title: title, lines: LineRange(part.line.number))
                }
            } else if var last = items.last, Self.opensBill(text), last.label.map({ $0.hasPrefix("日程第") }) == true {
                // `日程第５` / `諸般の報告` / `報告第１号　…`: the bills an item of the order of
                // business lists below its title are its own.
                last.title = (last.title.map { $0 + "\u{3000}" } ?? "") + text
                last.lines = last.lines.union(LineRange(part.line.number))
                items[items.count - 1] = last
            } else if var last = items.last, !Self.opensBill(text),
                      !(unnumberedList && Numbering.parse(text) == nil && Self.isShortLine(previous) && Self.isShortLine(text, longest: 40)) {
                last.title = (last.title ?? "") + text
                last.lines = last.lines.union(LineRange(part.line.number))
                items[items.count - 1] = last
            } else {
                items.append(AgendaItem(number: nil, label: nil, title: String(text), lines: LineRange(part.line.number)))
            }
        }
        return items.map { item in
            var item = item
            item.title = item.title.map { Self.withoutLeaders(TitleExtractor.trimSpaces($0)) }
            return item
        }
    }

    /// The numbered items after a category in lenticular brackets (`【陳　情】　(1)…`); nil
    /// when the line is not one.
    static func afterCategory(_ text: Substring) -> Substring? {
        guard text.hasPrefix("【"), let close = text.firstIndex(of: "】"), text.distance(from: text.startIndex, to: close) <= 12 else { return nil }
        let rest = text[text.index(after: close)...].drop { SourceLine.isSpace($0.unicodeScalars.first!) }
        return Numbering.parse(rest) == nil ? nil : rest
    }

    /// Whether a line of a list is short enough to be a whole title (at most `longest`
    /// characters, spaces aside), not the first part of one the page's width broke.
    static func isShortLine(_ text: Substring, longest: Int = 24) -> Bool {
        var count = 0
        for c in text.unicodeScalars where !SourceLine.isSpace(c) {
            count += 1
            if count > longest { return false }
        }
        return count > 0
    }

    /// `1.議案等について 2.発議案について 3.…`: items that the extraction ran into one line, split
    /// where the next number follows a space, written as the first is (`2.`, `２．`, `(2)`).
    /// A line of one item is that item.
    ///
    /// ```swift
    /// AgendaExtractor.runOn(Numbering.parse("1.議案等について 2.発議案について")!)
    /// // [(1, "1.", "議案等について"), (2, "2.", "発議案について")]
    /// ```
    static func runOn(_ numbering: Numbering) -> [(number: Int, label: String, title: String)] {
        var found: [(number: Int, label: String, title: String)] = []
        var number = numbering.number
        var label = String(numbering.label)
        var rest = numbering.rest
        // (Byte searches: Foundation's `range(of:)` compares characters, on every agenda line.)
        while let next = Self.label(label, renumbered: number + 1),
              let at = UTF8Search.range(of: " " + next, in: rest) ?? UTF8Search.range(of: "\u{3000}" + next, in: rest) {
            found.append((number, label, TitleExtractor.trimSpaces(String(rest[..<at.lowerBound]))))
            number += 1
            label = next
            rest = rest[at.upperBound...].drop { $0 == " " || $0 == "\u{3000}" }
        }
        found.append((number, label, Self.withoutLeaders(String(rest))))
        return found
    }

    /// A title without the leaders or the table border that ran on after it (`その他    ………`,
    /// `…補正予算－－－－＋`); a title of them alone is kept as it is.
    static func withoutLeaders(_ title: String) -> String {
        let cut = ["……", "－－", "──"].compactMap { UTF8Search.range(of: $0, in: title)?.lowerBound }.min()
        guard let cut, cut > title.startIndex else { return title }
        return TitleExtractor.trimSpaces(String(title[..<cut]))
    }

    /// The first characters of a table's border or its cells' frame.
    static let tableFragmentStarts: Set<Unicode.Scalar> = ["＋", "+", "－", "─", "━", "┼", "├", "┤", "│", "┃"]

    /// `1.` → `2.`, `（１）` → `（２）`: the label with its digits (ASCII or full-width) made
    /// `number`; nil for a label without digits (`①`).
    static func label(_ label: String, renumbered number: Int) -> String? {
        let scalars = Array(label.unicodeScalars)
        guard let start = scalars.firstIndex(where: { ("0"..."9").contains($0) || ("０"..."９").contains($0) }) else { return nil }
        let end = scalars[start...].firstIndex { !(("0"..."9").contains($0) || ("０"..."９").contains($0)) } ?? scalars.endIndex
        let wide = ("０"..."９").contains(scalars[start])
        let digits = String(number).unicodeScalars.map { wide ? Unicode.Scalar($0.value - 0x30 + 0xFF10)! : $0 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[..<start])
        out.append(contentsOf: digits)
        out.append(contentsOf: scalars[end...])
        return String(out)
    }

    /// `議案第４２号　…`, `陳情第３号　…`: a bill, petition or report, which is an item of its
    /// own in a list without numbers, never the rest of the title above it.
    static func opensBill<S: StringProtocol>(_ text: S) -> Bool {
        var s = ScalarScanner(WidthFolding.compact(text.prefix(16)))
        guard s.scanAny(["議案", "陳情", "請願", "報告", "諮問", "認定", "発議", "承認", "同意", "意見書案", "決議案"]) != nil,
              s.scan("第"), s.scanNumber() != nil else { return false }
        return s.scan("号")
    }

    /// `（第３号）`: the number of an order of business, as its heading gives it.
    static func orderNumber<S: StringProtocol>(_ text: S) -> Int? {
        var s = ScalarScanner(WidthFolding.compact(text))
        guard s.scanAny(["(", "（"]) != nil, s.scan("第"), let n = s.scanNumber(), s.scan("号"), s.scanAny([")", "）"]) != nil, s.isAtEnd else { return nil }
        return n
    }

    /// `日程第１　会期の決定` → (1, `日程第１`, `会期の決定`); `第　７　　議　　案　　第　６号　令和７年度…予算`
    /// → (7, `第７`, `議案第６号 令和７年度…予算`): the item's number, its label without spaces, and
    /// its title with the spaces that spread the words out (`議　　案`) taken away.
    static func orderOfBusiness<S: StringProtocol>(_ text: S) -> (Int, String, String)? {
        let compact = WidthFolding.compact(text)
        guard compact.hasPrefix("日程第") || compact.hasPrefix("第") else { return nil }
        var s = ScalarScanner(String(compact))
        let prefixed = s.scan("日程第")
        if !prefixed { guard s.scan("第") else { return nil } }
        guard let n = s.scanNumber(), !s.scan("号"), !s.scan("回"), !s.scan("日"), !s.scan("条"), !s.scan("章"), !s.scan("節"), !s.isAtEnd || prefixed else { return nil }
        // The label and the title as written, the title's spread-out words joined.
        let written = text.drop { $0 == " " || $0 == "\u{3000}" }
        var digitsSeen = false
        var rest = written[...]
        var label = ""
        // The label runs to the number's last digit (kanji numerals only right after 第 or another numeral).
        while let c = rest.first {
            let digit = ("0"..."9").contains(c) || ("０"..."９").contains(c)
                || "〇一二三四五六七八九十百".contains(c) && (label.hasSuffix("第") || label.last.map { "〇一二三四五六七八九十百".contains($0) } == true)
            if digit { digitsSeen = true } else if digitsSeen, c != " ", c != "\u{3000}" { break }
            if c != " ", c != "\u{3000}", !digitsSeen || digit { label.append(c) }
            rest = rest.dropFirst()
        }
        let title = SpacedLetters.joinedWide(String(rest))
        guard !title.isEmpty || prefixed else { return nil }
        return (n, label, title)
    }
}
