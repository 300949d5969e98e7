/// Document stage 1: what each line of a report, draft or notice is.
///
/// ```swift
/// DocumentLineClassifier.classify(SourceLine.split("1. 策定方針について\t1")[0])   // .contents
/// DocumentLineClassifier.classify(SourceLine.split("## 進捗管理")[0])            // .heading(style: .markdown(2), …)
/// ```
enum DocumentLineClassifier {
    enum Style: Hashable {
        case markdown(Int)
        case numbering(Numbering.Style)
    }

    enum Kind: Hashable {
        case blank
        case contentsLabel                       // 目次
        case contents                            // a numbered entry ending in a page number
        case heading(style: Style, label: Substring?, title: Substring)
        case dateOnly(String)                    // the line is a date and nothing else
        case addressee                           // …様
        case bold(Substring)                     // **…** (possibly opening or closing only)
        case text
    }

    static func classify(_ line: SourceLine) -> Kind {
        let c = line.content
        guard let first = c.unicodeScalars.first else { return .blank }
        if WidthFolding.compact(c) == "目次" { return .contentsLabel }
        if first == "#" {
            let level = c.unicodeScalars.prefix(while: { $0 == "#" }).count
            let title = c.unicodeScalars.dropFirst(level).drop(while: { SourceLine.isSpace($0) })
            if level <= 6, !title.isEmpty { return .heading(style: .markdown(level), label: nil, title: Substring(title)) }
        }
        if UTF8Search.hasPrefix(c, "**") || UTF8Search.hasSuffix(c, "**") {
            return .bold(Substring(String(c).replacingOccurrences(of: "**", with: "")))
        }
        if let date = dateOnly(c) { return .dateOnly(date) }
        if c.unicodeScalars.last == "様" { return .addressee }
        if let n = Numbering.parse(c), !n.rest.isEmpty {
            if endsWithPageNumber(line.text) { return .contents }
            // A heading is short and does not end a sentence; a long line with a clause in it
            // (`①職員の参画（オーナーシップ）では、若手職員を…`) begins a paragraph.
            if n.rest.count <= 40, n.rest.unicodeScalars.last != "。", !(n.rest.count >= 25 && UTF8Search.contains(n.rest, "は、")) {
                return .heading(style: .numbering(n.style), label: n.label, title: n.rest)
            }
        }
        return .text
    }

    /// `策定方針について\t1`, `策定方針について …… 12`: a table-of-contents line.
    static func endsWithPageNumber(_ text: Substring) -> Bool { endsWithPageNumber(text, loose: false) }

    /// Under `目次`, a single space before the page number is enough (PDF extraction turns
    /// the tab into a space).
    static func endsWithPageNumber(_ text: Substring, loose: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var i = scalars.count
        while i > 0, SourceLine.isSpace(scalars[i - 1]) { i -= 1 }
        var digits = 0
        while i > 0, JapaneseNumber.asciiDigit(scalars[i - 1]) != nil { i -= 1; digits += 1 }
        guard digits > 0, digits <= 3, i > 0 else { return false }
        let separator = scalars[i - 1]
        if loose && SourceLine.isSpace(separator) { return true }
        return separator == "\t" || separator == "…" || separator == "･" || separator == "." || (SourceLine.isSpace(separator) && i > 1 && SourceLine.isSpace(scalars[i - 2]))
    }

    /// The ISO date when the line is only a date (`令和元年 11 月`, `平成28年２月23日`).
    static func dateOnly(_ content: Substring) -> String? {
        var s = ScalarScanner(content)
        s.skipSpaces()
        let start = s.index
        if let found = JapaneseDate.parse(&s) {
            s.skipSpaces()
            return s.isAtEnd ? found.date.iso : nil
        }
        s.index = start
        // A month without a day: 令和元年 11 月, 2019年11月.
        var year: Int?
        if let era = Era.all.first(where: { s.scan($0.name) }), let n = s.scanNumber(), s.scan("年") { year = era.westernYear(n) }
        else if let n = s.scanNumber(), n > 1800, s.scan("年") { year = n }
        guard let y = year, let m = s.scanNumber(), s.scan("月"), let date = JapaneseDate(year: y, month: m, day: 1) else { return nil }
        s.skipSpaces()
        return s.isAtEnd ? date.iso : nil
    }
}
