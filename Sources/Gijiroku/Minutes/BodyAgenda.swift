/// The agenda a summary's body gives when it has no agenda field: the items listed under
/// its reported or discussed matters, its numbered sections, and the numbered headings under
/// its proceedings (`内容`).
///
/// Web pages of meeting results often list their matters in the body (`1 重要な報告事項`,
/// then `- …について`), and small councils number the body's sections (`1 開会`,
/// `2 会長あいさつ`, `3 報告事項`) instead of writing an agenda field. ``MinutesParser``
/// reads both as the meeting's agenda items, their lines as section labels.
///
/// ```swift
/// // 1 協議事項
/// // 次の項目について協議しました。
/// // - 令和7年度組織改正(案)
/// BodyAgenda.listedItem(element)?.title   // "令和7年度組織改正(案)" (the sentence gives nil)
/// ```
enum BodyAgenda {
    /// Whether the block's label says that its items are the meeting's agenda items
    /// (`報告事項`, `重要な報告事項`, `協議事項`, `審議事項`).
    static func listsItems(_ block: Block) -> Bool {
        block.kind == .section && block.label.map { LineClassifier.namesAgendaItems($0.content) } == true
    }

    /// An item listed under a `報告事項` or `協議事項` section: a line of its own with a bullet
    /// (`- `, `・`) or a number, that is a title rather than a sentence (no `。`).
    static func listedItem(_ element: Element) -> AgendaItem? {
        guard element.lineCount == 1, element.kind == .marked || element.kind == .numbered else { return nil }
        if element.kind == .marked, let marker = element.marker, LineClassifier.marksAnswer(marker) { return nil }
        let title = TitleExtractor.trimSpaces(element.text)
        guard !title.isEmpty, !title.hasSuffix("。") else { return nil }
        let numbering = element.kind == .numbered ? Numbering.parse(element.first.content) : nil
        return AgendaItem(number: numbering?.number, label: numbering.map { String($0.label) },
                          title: numbering.map { TitleExtractor.trimSpaces(String($0.rest)) } ?? title, lines: element.range)
    }

    /// The agenda item a numbered section's heading names (`3 報告事項(事務局)` → 3,
    /// `報告事項(事務局)`), on its first line only.
    static func sectionItem(_ element: Element) -> AgendaItem? {
        guard let numbering = Numbering.parse(element.first.content) else { return nil }
        return AgendaItem(number: numbering.number, label: String(numbering.label),
                          title: TitleExtractor.trimSpaces(String(numbering.rest)), lines: LineRange(element.first.number))
    }

    /// The lines of the numbered headings under a section of the proceedings (`内容`,
    /// `議事内容`) that head its items: short, without `。`, numbered 1, 2 … in order from
    /// each such section's start (`(1)…の対応について`), and a numbered `その他` label right after
    /// them that goes on with the numbers (`(2)その他`).
    static func contentHeadings(of body: BlockAssembler.Result) -> Set<Int> {
        var lines = Set<Int>()
        var next: Int?   // the number the next heading must have, inside such a section
        for block in body.blocks {
            if block.kind == .section {
                next = block.label.map { LineClassifier.namesContents($0.content) } == true ? 1 : nil
            } else if block.kind == .other, let expected = next, let label = block.label,
                      let numbering = Numbering.parse(label.content), numbering.number == expected {
                lines.insert(label.number)
                next = nil
                continue
            } else if block.kind != nil {
                next = nil
            }
            guard var expected = next else { continue }
            for element in block.elements where element.kind == .numbered {
                guard let numbering = Numbering.parse(element.first.content), numbering.number == expected,
                      Self.isHeading(numbering.rest, longest: 40) else { break }
                lines.insert(element.first.number)
                expected += 1
            }
            next = expected
        }
        return lines
    }

    /// A heading's title: not empty, at most `longest` characters, no sentence.
    private static func isHeading(_ rest: Substring, longest: Int) -> Bool {
        let title = TitleExtractor.trimSpaces(String(rest))
        return !title.isEmpty && title.unicodeScalars.count <= longest && !title.contains("。")
    }

    /// The lines of a summary's numbered sections when they are its agenda: the body's
    /// top-level numbered headings (`1 開会`, `2 会長あいさつ`, `3 報告事項`), short and
    /// without `。`, numbered 1, 2, 3 … in order (two at least), in running text. Empty when
    /// any numbered heading breaks the order.
    static func numberedSections(of body: BlockAssembler.Result) -> Set<Int> {
        var lines: [Int] = []
        var next = 1
        for block in body.blocks where block.kind == nil || block.kind == .section {
            for element in block.elements where element.kind == .numbered {
                guard let numbering = Numbering.parse(element.first.content), numbering.style == .spaced || numbering.style == .dotted
                else { continue }
                guard numbering.number == next, Self.isHeading(numbering.rest, longest: 20) else { return [] }
                lines.append(element.first.number)
                next += 1
            }
        }
        return lines.count >= 2 ? Set(lines) : []
    }
}
