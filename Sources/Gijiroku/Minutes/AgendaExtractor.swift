/// Reads the agenda list in the header (`【議 事】⑴ …`, `（１）…`, `①…`, `１．…`) into
/// agenda items; a line without numbering continues the title above it.
///
/// ```swift
/// // 【議 事】（１）…フォローアップについて
/// //          （２）首都圏広域地方計画に係るプロジェクトの進捗について
/// // → items 1 and 2 with their titles and lines
/// ```
struct AgendaExtractor {
    func extract(_ parts: [(text: Substring, line: SourceLine)]) -> [AgendaItem] {
        var items: [AgendaItem] = []
        for part in parts {
            var text = part.text
            if let f = text.unicodeScalars.first, LineClassifier.isBulletMarker(f), Numbering.parse(text) == nil {
                text = Substring(text.unicodeScalars.dropFirst())
                text = Substring(TitleExtractor.trimSpaces(String(text)))
                items.append(AgendaItem(number: nil, label: nil, title: String(text), lines: LineRange(part.line.number)))
                continue
            }
            if let numbering = Numbering.parse(text) {
                items.append(AgendaItem(number: numbering.number, label: String(numbering.label),
                                        title: String(numbering.rest), lines: LineRange(part.line.number)))
            } else if var last = items.last {
                last.title = (last.title ?? "") + text
                last.lines = last.lines.union(LineRange(part.line.number))
                items[items.count - 1] = last
            } else {
                items.append(AgendaItem(number: nil, label: nil, title: String(text), lines: LineRange(part.line.number)))
            }
        }
        return items.map { item in
            var item = item
            item.title = item.title.map(TitleExtractor.trimSpaces)
            return item
        }
    }
}
