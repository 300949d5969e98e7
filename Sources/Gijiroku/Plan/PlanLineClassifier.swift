/// Plan stage 1: what each line of a plan document is.
///
/// ```swift
/// PlanLineClassifier.classify(SourceLine.split("第 1 章")[0])        // .chapter(1)
/// PlanLineClassifier.classify(SourceLine.split("　に取り組みます。")[0]) // .continuation
/// ```
enum PlanLineClassifier {
    enum Kind: Equatable {
        case blank
        case chapter(Int)
        case section(Int, title: Substring)
        case issuesLabel          // 現状と課題
        case measuresLabel        // 施策展開
        case note                 // （基本構想「…」より）
        case bullet(marker: Unicode.Scalar, text: Substring)
        case continuation         // starts with an ideographic space: continues the bullet above
        case numbered(Int, title: Substring)
        case text
    }

    static let bulletMarkers: ScalarSet = ["◉", "●", "❖", "◆", "○", "■", "・"]

    static func classify(_ line: SourceLine) -> Kind {
        let content = line.content
        guard let first = content.unicodeScalars.first else { return .blank }
        if line.text.unicodeScalars.first == "\u{3000}" { return .continuation }
        if bulletMarkers.contains(first) {
            var rest = content.unicodeScalars.dropFirst()
            while let f = rest.first, SourceLine.isSpace(f) { rest = rest.dropFirst() }
            return .bullet(marker: first, text: Substring(rest))
        }
        let compact = WidthFolding.compact(content)
        if compact == "現状と課題" { return .issuesLabel }
        if compact == "施策展開" { return .measuresLabel }
        if first == "（" || first == "(", compact.hasSuffix("より)") { return .note }
        if first == "第", let (n, unit, rest) = ordinal(content) {
            if unit == "章", rest.isEmpty { return .chapter(n) }
            if unit == "節" { return .section(n, title: rest) }
        }
        if let numbering = Numbering.parse(content), numbering.style == .spaced, !numbering.rest.isEmpty {
            return .numbered(numbering.number, title: numbering.rest)
        }
        return .text
    }

    /// `第 1 章`, `第１節　市民と行政の協働の推進`: the number, the unit and what follows.
    static func ordinal(_ content: Substring) -> (Int, Unicode.Scalar, Substring)? {
        let scalars = Array(content.unicodeScalars)
        var i = 1
        while i < scalars.count, SourceLine.isSpace(scalars[i]) { i += 1 }
        guard let (n, length) = JapaneseNumber.scan(scalars, from: i) else { return nil }
        i += length
        while i < scalars.count, SourceLine.isSpace(scalars[i]) { i += 1 }
        guard i < scalars.count, scalars[i] == "章" || scalars[i] == "節" else { return nil }
        let unit = scalars[i]
        i += 1
        while i < scalars.count, SourceLine.isSpace(scalars[i]) { i += 1 }
        return (n, unit, Substring(String(scalars: scalars[i...])))
    }
}
