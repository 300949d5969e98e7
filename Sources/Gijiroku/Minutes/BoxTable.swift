/// Stage 2a′: reads a header drawn as a box-drawing table (`┌─┬─┐`, `│日 時│…│`, `├─┼─┤`),
/// as PDF and web extraction leave council sheets (`会 議 結 果`). Each row (the lines between
/// two rules) is one field: the first column's texts, joined, are the label (a label cell
/// may span several lines: `日    時`), the other columns' texts the value, line by line.
/// A further column that holds a label over a value (`会議室` / `第2委員会室`) is a field too.
///
/// ```swift
/// // │日    時│平成25年10月29日(火)        │
/// // │        │      閉会 午後 2時46分      │
/// // → field .date, label "日    時", value "平成25年10月29日(火) 閉会 午後 2時46分"
/// ```
struct BoxTable {
    struct Result {
        var fields: [HeaderReader.Field] = []
        /// The rules and borders.
        var rules: [SourceLine] = []
        /// Lines that hold cells of more than one field.
        var shared: [SourceLine] = []
        /// The index of the first line after the table.
        var end: Int
        var warnings: [ParseWarning] = []
    }

    /// Whether a scalar draws a box (U+2500–U+257F).
    static func isBoxDrawing(_ s: Unicode.Scalar) -> Bool { (0x2500...0x257F).contains(s.value) }

    /// Whether a line starts a box-drawing table.
    static func starts(_ line: SourceLine) -> Bool {
        line.content.unicodeScalars.first.map(isBoxDrawing) ?? false
    }

    /// Labels a table's stacked cell may carry that are not header labels elsewhere.
    static let cellLabels: [String: HeaderField.Field] = ["会議室": .place, "会議名": .title, "会議の名称": .title, "名称": .title]

    func read(_ lines: [SourceLine], from start: Int) -> Result {
        var result = Result(end: start)
        var row: [SourceLine] = []
        var index = start
        func finishRow() {
            if !row.isEmpty { read(row: row, into: &result) }
            row = []
        }
        while index < lines.count, Self.starts(lines[index]) {
            let line = lines[index]
            if line.content.unicodeScalars.allSatisfy({ Self.isBoxDrawing($0) || SourceLine.isSpace($0) }) {
                finishRow()
                result.rules.append(line)
            } else {
                row.append(line)
            }
            index += 1
        }
        // A table that ends without its bottom border (`└…┘`): cut off by the page or the
        // extraction; what it held is read, and a warning says the rest may be missing.
        let closed = result.rules.last.map { rule in row.isEmpty && rule.content.unicodeScalars.contains { "└┘╚╝".unicodeScalars.contains($0) } } ?? false
        let lastLine = row.last ?? result.rules.last
        finishRow()
        result.end = index
        if !closed, let lastLine { result.warnings.append(ParseWarning(line: lastLine.number, .tableCutOff)) }
        return result
    }

    /// The texts of a line's cells, by column (empty cells kept so that columns line up).
    static func cells(of line: SourceLine) -> [Substring] {
        let scalars = line.content.unicodeScalars
        var cells: [Substring] = []
        var cellStart: String.UnicodeScalarView.Index?
        var i = scalars.startIndex
        while i < scalars.endIndex {
            if isBoxDrawing(scalars[i]) {
                // A run of box scalars (`├───────┤`) separates one cell from the next.
                if let s = cellStart { cells.append(trimmed(Substring(scalars[s..<i]))) }
                while i < scalars.endIndex, isBoxDrawing(scalars[i]) { i = scalars.index(after: i) }
                cellStart = i
                continue
            }
            if cellStart == nil { cellStart = i }
            i = scalars.index(after: i)
        }
        if let s = cellStart, s < scalars.endIndex {
            let tail = trimmed(Substring(scalars[s...]))
            if !tail.isEmpty { cells.append(tail) }
        }
        return cells
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var u = s.unicodeScalars[...]
        while let f = u.first, SourceLine.isSpace(f) { u = u.dropFirst() }
        while let l = u.last, SourceLine.isSpace(l) { u = u.dropLast() }
        return Substring(u)
    }

    private func read(row: [SourceLine], into result: inout Result) {
        let cells = row.map(Self.cells(of:))
        let columns = cells.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        let labelText = cells.compactMap { $0.first }.filter { !$0.isEmpty }.joined(separator: " ")
        let label = WidthFolding.compact(labelText)
        var valueParts: [(text: Substring, line: SourceLine)] = []
        var extra: [(label: Substring, field: HeaderField.Field, parts: [(text: Substring, line: SourceLine)])] = []
        for column in 1..<max(columns, 2) {
            let texts = row.indices.compactMap { n -> (text: Substring, line: SourceLine)? in
                column < cells[n].count && !cells[n][column].isEmpty ? (cells[n][column], row[n]) : nil
            }
            // A further column headed by a label of its own (`会議室` over `第2委員会室`).
            if column >= 2, texts.count >= 2, let field = Self.field(of: texts[0].text) {
                extra.append((texts[0].text, field, Array(texts.dropFirst())))
                continue
            }
            valueParts += texts
        }
        valueParts.sort { $0.line.number < $1.line.number }
        let field = HeaderLabel.match(Substring(label)).map(\.field) ?? Self.cellLabels[label] ?? .other
        let labelLine = row.first { !(Self.cells(of: $0).first ?? "").isEmpty } ?? row[0]
        result.fields.append(HeaderReader.Field(table: field, label: Substring(labelText), parts: valueParts, lines: row, labelLine: labelLine))
        for e in extra {
            result.fields.append(HeaderReader.Field(table: e.field, label: e.label, parts: e.parts, lines: row, labelLine: labelLine))
            result.shared += row
        }
    }

    private static func field(of cell: Substring) -> HeaderField.Field? {
        let compact = WidthFolding.compact(cell)
        if let f = cellLabels[compact] { return f }
        guard let m = HeaderLabel.match(cell), m.value.isEmpty else { return nil }
        return m.field
    }
}
