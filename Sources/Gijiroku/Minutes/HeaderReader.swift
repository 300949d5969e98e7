/// Stage 2a: reads the header: title lines, labelled fields with their continuation
/// lines, `※` notes and page chrome, up to the first line that belongs to the body.
///
/// ```swift
/// let header = HeaderReader().read(SourceLine.split(text))
/// header.fields.map(\.field)   // [.date, .place, .attendees, .agenda]
/// header.bodyStart             // index of the first body line
/// ```
struct HeaderReader {
    struct Field {
        var field: HeaderField.Field
        var label: Substring?
        /// The value on the label's own line, then the continuation lines.
        var firstValue: Substring
        var labelLine: SourceLine
        var continuation: [SourceLine] = []
        /// A row of a box-drawing table: its value cells with their lines, and its last line.
        var cells: [(text: Substring, line: SourceLine)]?
        var rowEnd: Int?

        init(field: HeaderField.Field, label: Substring?, firstValue: Substring, labelLine: SourceLine) {
            self.field = field
            self.label = label
            // `1 日時 |`: a table's empty cell, no value.
            self.firstValue = firstValue.allSatisfy { $0 == "|" || $0 == " " || $0 == "　" } ? firstValue[firstValue.endIndex...] : firstValue
            self.labelLine = labelLine
        }

        /// A field read from a table row (`lines`, first to last).
        init(table field: HeaderField.Field, label: Substring, parts: [(text: Substring, line: SourceLine)], lines: [SourceLine], labelLine: SourceLine) {
            self.init(field: field, label: label, firstValue: "", labelLine: lines[0])
            self.cells = parts
            self.rowEnd = lines.last!.number
        }

        var allLines: [SourceLine] { [labelLine] + continuation }
        /// The field's last line (its label's line when the value did not continue).
        var lastLine: SourceLine { continuation.last ?? labelLine }
        /// Whether the field has no value yet (continuation lines are never blank).
        var hasNoValue: Bool { firstValue.isEmpty && continuation.isEmpty && (cells?.isEmpty ?? true) }
        var range: LineRange { LineRange(labelLine.number, rowEnd ?? continuation.last?.number) }

        /// The value parts with their lines, the label's own line first.
        var valueParts: [(text: Substring, line: SourceLine)] {
            if let cells { return cells }
            return (firstValue.isEmpty ? [] : [(firstValue, labelLine)]) + continuation.map { ($0.content, $0) }
        }

        var value: String {
            // A table's cells are apart on the page: a space between them.
            if let cells { return cells.map { String($0.text) }.joined(separator: " ") }
            var out = String(firstValue)
            for line in continuation { out += line.content }
            return out
        }
    }

    struct Result {
        var titleLines: [SourceLine] = []
        var fields: [Field] = []
        var notes: [Element] = []
        var chrome: [SourceLine] = []
        /// A table's rules and borders.
        var rules: [SourceLine] = []
        /// Lines that hold parts of two fields (a table row with a second label).
        var shared: [SourceLine] = []
        /// A body heading whose line goes on with the first utterance (`8 会議の内容都市計画課長(…君) …`):
        /// the heading, and the utterance's part, which the body begins with.
        var bodyHeading: SourceLine?
        var bodyPrefix: [SourceLine] = []
        var bodyStart: Int = 0
        /// Labels of a table flattened labels first: their fields stand on their values' lines.
        var tableLabels: [SourceLine] = []
        var warnings: [ParseWarning] = []
    }

    func read(_ lines: [SourceLine]) -> Result {
        var result = Result()
        var inNote = false
        var agendaStyle: Numbering.Style?
        var index = 0
        scan: while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            if BoxTable.starts(line) {
                let table = BoxTable().read(lines, from: index)
                result.fields += table.fields
                result.rules += table.rules
                result.shared += table.shared
                result.warnings += table.warnings
                agendaStyle = nil
                index = table.end
                continue
            }
            let kind = LineClassifier.classify(line.content)
            switch kind {
            case .blockLabel: break scan
            case .answer: break scan
            case .chrome:
                result.chrome.append(line)
                index += 1
                continue
            default: break
            }
            // A rule (`−−−−−−`, `＝＝＝＝`) draws the page, it is no title.
            if (ProceedingsReader.mayBeRule(line.content) && ProceedingsReader.isRule(SpeakerLabel.compact(line.content))) {
                result.rules.append(line)
                index += 1
                continue
            }
            // A heading of the proceedings (`△開会・開議`, `◎開議の宣告`) ends the header; in a
            // roster, `◎山川昌子　○肥沼茂男` marks the chair and vice-chair among the names.
            if let first = line.content.unicodeScalars.first, first == "△" || first == "◎", line.content.count <= 24,
               !result.titleLines.isEmpty || !result.fields.isEmpty,
               !(Self.rosterFields.contains(result.fields.last?.field ?? .other) && line.content.unicodeScalars.contains(where: SourceLine.isSpace)) {
                break scan
            }
            // Web and mirror chrome, and a title repeated by the page around the record.
            if Self.mayBeChrome(line.content), PageChrome.matches(line.content) || repeatsTitle(line, of: result) {
                result.chrome.append(line)
                index += 1
                continue
            }
            if let (heading, rest) = Self.bodyHeadingWithUtterance(line) {
                result.bodyHeading = heading
                result.bodyPrefix = [rest]
                result.shared.append(line)
                index += 1
                break scan
            }
            if let label = HeaderLabel.match(line.content), !Self.isAgendaStep(label, kind: kind, after: result.fields.last) {
                // `1 開会` over `支所長が進行役を務めた。`: the body's first numbered section, not the
                // label of the opening time (which gives one: `1 開会` / `午後2時`).
                if Self.opensNumberedSection(label, kind: kind, next: lines[(index + 1)...].first(where: { !$0.isBlank })) { break scan }
                // `(事務局)資料1の…について伺いたい。`: a turn written inline, not the secretariat's field.
                if SpeakerLabel.opensInlineTurn(line.content) { break scan }
                // `事務局` alone with an utterance after it is a speaker, not a field.
                if label.value.isEmpty, label.field == .secretariat || label.field == .chair,
                   let next = lines[(index + 1)...].first(where: { !$0.isBlank }), ProceedingsReader.isUtterance(next),
                   SpeakerLabel.alone(line.content) != nil {
                    break scan
                }
                inNote = false
                result.fields.append(Field(field: label.field, label: label.written, firstValue: label.value, labelLine: line))
                agendaStyle = label.field == .agenda ? Numbering.parse(label.value)?.style : nil
                index += 1
                continue
            }
            // A speaker's label opens the proceedings of a verbatim record.
            if let label = SpeakerLabel.read(line.content),
               ProceedingsReader.opensUtterance(label, line: line, next: index + 1 < lines.count ? lines[index + 1] : nil),
               !Self.namesACount(line, of: result.fields.last) {
                break scan
            }
            if index + 1 < lines.count, ProceedingsReader.splitLabel(line, next: lines[index + 1]) != nil { break scan }
            // A date with the opening time (`令和６年２月２２日（木曜日）　午前１０時００分開会`) is the date.
            if !result.fields.contains(where: { $0.field == .date }), !Self.awaitsValue(result), let field = unlabelledValue(line, after: result) {
                result.fields.append(field)
                agendaStyle = nil
                index += 1
                continue
            }
            // `午後１時開会・開議` on its own line: the proceedings begin, unless it gives the time
            // of the date just read (`日  時  令和5年9月15日(金)` then `午後3時13分開会`).
            if let event = ProceedingsReader.event(line), event.time != nil {
                guard result.fields.last.map({ $0.label != nil && ($0.field == .date || $0.field == .time) && TimeOfDay.findRange(in: $0.value) == nil }) == true
                else { break scan }
                result.fields[result.fields.count - 1].continuation.append(line)
                index += 1
                continue
            }
            if kind == .note {
                inNote = true
                result.notes.append(Element(kind: .note, marker: nil, line: line))
                index += 1
                continue
            }
            if inNote {
                if case .text = kind { result.notes[result.notes.count - 1].append(line); index += 1; continue }
                break scan
            }
            // A value with no label, known by its content: a date, a place (`1 館山市役所議場`).
            // (Without a date yet the line was tried above: only a place can follow one.)
            if result.fields.contains(where: { $0.field == .date }), !Self.awaitsValue(result), let field = unlabelledValue(line, after: result) {
                result.fields.append(field)
                agendaStyle = nil
                index += 1
                continue
            }
            // `議事の経過` alone: the body begins, whatever field was open.
            if !result.fields.isEmpty, Self.bodyHeadings.contains(WidthFolding.compact(line.content)) { break scan }
            guard result.fields.last.map({ $0.label != nil && $0.cells == nil }) == true else {
                if !result.fields.isEmpty { break scan }
                if isSectionHeading(line.content), !result.titleLines.isEmpty { break scan }
                // A line no title is written as begins the body, unless labelled fields follow
                // (`1 審議会の概要` over `2 日時 …` and `3 場所 …` is the header's).
                if !result.titleLines.isEmpty, Self.cannotBeTitle(line.content),
                   !lines[(index + 1)...].lazy.filter({ !$0.isBlank }).prefix(5).contains(where: { HeaderLabel.match($0.content) != nil }) {
                    break scan
                }
                result.titleLines.append(line)
                index += 1
                continue
            }
            // (The open field is passed, not bound: a copy alive across the append below would
            // make every append copy the field's lines, quadratic in a debug build.)
            guard Self.continues(result.fields[result.fields.count - 1], with: line, kind: kind, agendaStyle: &agendaStyle) else { break scan }
            result.fields[result.fields.count - 1].continuation.append(line)
            index += 1
        }
        result.bodyStart = index
        Self.transposeLabelsFirst(&result)
        return result
    }

    /// `1 開会` and `5 閉会` under `議事`: the agenda's first and last steps, not the labels of
    /// the opening and closing times (which have a value: `2 開会 午後2時`).
    private static func isAgendaStep(_ label: HeaderLabel, kind: LineClassifier.Kind, after field: Field?) -> Bool {
        guard label.value.isEmpty, label.field == .start || label.field == .end, field?.field == .agenda,
              case .numbered = kind else { return false }
        return true
    }

    /// `1 開会` with no time on its line or the next: a numbered section of the body.
    private static func opensNumberedSection(_ label: HeaderLabel, kind: LineClassifier.Kind, next: SourceLine?) -> Bool {
        guard label.value.isEmpty, label.field == .start || label.field == .end, case .numbered = kind else { return false }
        guard let next else { return true }
        return !UTF8Search.contains(next.content, "時")
    }

    /// Whether `line` continues the open labelled `field` (its value broken over lines, the
    /// items of an agenda or a roster), or ends the header.
    private static func continues(_ field: Field, with line: SourceLine, kind: LineClassifier.Kind, agendaStyle: inout Numbering.Style?) -> Bool {
        switch (field.field, kind) {
        case (.agenda, .numbered(let n)):
            // `(1)`, `①` under `1.`: sub-items of the agenda; another style starts the body.
            if let style = agendaStyle, style != n.style {
                guard n.style == .parenthesised || n.style == .circled, style != .parenthesised, style != .circled else { return false }
            } else {
                agendaStyle = n.style
            }
        case (.agenda, .bullet):
            // Bulleted agenda items, unless the list is numbered (then a bullet starts the body).
            if agendaStyle != nil { return false }
        case (.agenda, .text):
            // An unnumbered line continues a title only when the line above was broken mid-way.
            if !field.hasNoValue, field.lastLine.endsWithSpace { return false }
        case (.attendees, .text), (.attendees, .bullet), (.secretariat, .text), (.secretariat, .bullet), (.absentees, .text), (.absentees, .bullet):
            if Self.endsRoster(line) { return false }
            // A roster continued on indented lines ends at the first line that is not
            // (`会議の公開・非公開 公開` under ` 汐田一郎,岬陽子`): a field of its own.
            if !line.startsWithSpace, !field.continuation.isEmpty, field.continuation.allSatisfy(\.startsWithSpace) { return false }
        case (_, .text):
            if field.field == .date || field.field == .place || field.field == .time || field.field == .start
                || field.field == .end || field.field == .noticeDate || field.field == .chair {
                // A value continues on the next line only when the field has none yet or was broken mid-way.
                if !field.hasNoValue && field.lastLine.endsWithSpace { return false }
            }
        default:
            return false
        }
        return true
    }

    /// Whether `line` lists the people of a roster field that has given their count alone
    /// (`事務局職員2名`, then `(浜手支所長)汐田一郎,(同市民係長)岬陽子`): a list of posts in
    /// brackets and names, apart by commas, not a speaker's first words.
    static func namesACount(_ line: SourceLine, of field: Field?) -> Bool {
        guard let field, rosterFields.contains(field.field), field.continuation.isEmpty,
              AttendeeExtractor.isCountAlone(field.firstValue.unicodeScalars) else { return false }
        let text = line.content
        return (UTF8Search.contains(text, ",") || UTF8Search.contains(text, "、") || UTF8Search.contains(text, "，"))
            && !UTF8Search.contains(text, "。")
    }

    /// The fields whose values are lists of people.
    static let rosterFields: Set<HeaderField.Field> = [.attendees, .absentees, .secretariat]

    /// Whether the last field is a label still waiting for its value (the next line is it,
    /// or the first value of a table flattened labels first).
    static func awaitsValue(_ result: Result) -> Bool {
        guard let last = result.fields.last else { return false }
        return last.label != nil && last.cells == nil && last.hasNoValue
    }

    /// A table flattened with all its labels first and then all its values (`日時`, `場所`,
    /// `出席者`, then `令和4年5月10日`, `市役所3階会議室`, `委員 5名`): the values read under
    /// the last label are given back to their labels in order, each field on its value's
    /// line, the label lines kept as `tableLabels`. More values than labels: the rest stay
    /// with the last label, and a warning says so.
    static func transposeLabelsFirst(_ result: inout Result) {
        var i = 0
        while i < result.fields.count {
            var j = i
            while j < result.fields.count, result.fields[j].firstValue.isEmpty, result.fields[j].cells == nil, result.fields[j].label != nil,
                  j == i || result.fields[j - 1].continuation.isEmpty { j += 1 }
            // The run's last label took every value as its continuation.
            let last = j - 1
            let run = last - i + 1
            guard run >= 2 else { i = max(j, i + 1); continue }
            let values = result.fields[last].continuation
            // Only when the values read as their labels': a date under 日時, a time under 時間.
            let fits = values.count >= run && (i...last).allSatisfy { k in
                let v = values[k - i].content
                switch result.fields[k].field {
                case .date: return JapaneseDate.find(in: v) != nil
                case .time, .start, .end: return TimeOfDay.findRange(in: v) != nil
                default: return HeaderLabel.match(v) == nil
                }
            }
            guard fits else { i = last + 1; continue }
            var fields: [Field] = []
            for k in i...last {
                let value = values[k - i]
                var f = Field(field: result.fields[k].field, label: result.fields[k].label, firstValue: value.content, labelLine: value)
                if k == last { f.continuation = Array(values[run...]) }
                fields.append(f)
                result.tableLabels.append(result.fields[k].labelLine)
            }
            if values.count > run {
                result.warnings.append(ParseWarning(line: values[run].number,
                                                    .tableValuesBeyondLabels(labels: run, values: values.count,
                                                                             kept: String(result.fields[last].label ?? ""))))
            }
            result.fields.replaceSubrange(i...last, with: fields)
            i = last + 1
        }
    }

    /// Reads the labelled fields among lines that follow the header: a verbatim record's
    /// rosters and order of business between its opening and its first utterance
    /// (`〇出席議員（２６人）`, `〇説明員`, `〇議事日程`). Returns the fields, and the lines in
    /// none as runs of consecutive lines (a field between two lines parts them).
    ///
    /// ```swift
    /// let (fields, rest) = HeaderReader().fields(in: preamble)
    /// fields.map(\.field)   // [.agenda, .attendees, .secretariat]
    /// ```
    func fields(in lines: [SourceLine]) -> (fields: [Field], rest: [[SourceLine]]) {
        var fields: [Field] = []
        var rest: [[SourceLine]] = [[]]
        var open = false   // whether the last line was in a field that can take more lines
        for line in lines {
            // `令和６年度…緊急議会議事日程　第１号`, `追加議事日程`: an order of business headed by its
            // session's name; its items follow (`第１　議案第７０号　…`).
            if Self.headsOrderOfBusiness(line) {
                fields.append(Field(field: .agenda, label: Substring(TitleExtractor.trimSpaces(String(line.content))), firstValue: "", labelLine: line))
                open = true
                if !rest[rest.count - 1].isEmpty { rest.append([]) }
                continue
            }
            // An order of business parted by a line read before as an event (its opening time,
            // `令和６年１２月２７日午後１時　開議`): the items after it are a field of their own,
            // without a label, so that no field's lines hold the event's.
            if open, fields.last!.field == .agenda, line.number > fields.last!.lastLine.number + 1,
               AgendaExtractor.orderOfBusiness(line.content) != nil {
                fields.append(Field(field: .agenda, label: nil, firstValue: line.content, labelLine: line))
                continue
            }
            if let label = HeaderLabel.match(line.content), label.field != .chair, label.field != .date || !label.value.isEmpty {
                fields.append(Field(field: label.field, label: label.written, firstValue: label.value, labelLine: line))
                open = [.attendees, .secretariat, .absentees, .agenda].contains(label.field)
                if !rest[rest.count - 1].isEmpty { rest.append([]) }
                continue
            }
            if open, !(ProceedingsReader.mayBeRule(line.content) && ProceedingsReader.isRule(SpeakerLabel.compact(line.content))), LineClassifier.classify(line.content) != .chrome,
               fields.last!.field == .agenda || !Self.endsRoster(line) {
                fields[fields.count - 1].continuation.append(line)
                continue
            }
            open = false
            rest[rest.count - 1].append(line)
        }
        return (fields, rest.filter { !$0.isEmpty })
    }

    /// A line that heads an order of business after the session's name (`令和６年度…議事日程　第１号`)
    /// or alone (`追加議事日程`); a line that starts with its label (`〇議事日程`) is a labelled field.
    static func headsOrderOfBusiness(_ line: SourceLine) -> Bool {
        guard UTF8Search.contains(line.content, "議事日程"), line.content.utf8.count <= 240 else { return false }
        var compact = WidthFolding.compact(line.content)
        // `第１号` after it: the list's own number.
        if compact.hasSuffix("号"), let at = compact.range(of: "議事日程", options: .backwards) {
            var s = ScalarScanner(String(compact[at.upperBound...]))
            if s.scan("第"), s.scanNumber() != nil, s.scan("号"), s.isAtEnd { compact = String(compact[..<at.upperBound]) }
        }
        return compact.hasSuffix("議事日程") && compact.unicodeScalars.count <= 60 && HeaderLabel.match(line.content) == nil
    }

    static let bodyHeadings = ["会議の内容", "議事の経過", "会議の経過", "会議経過", "議事内容", "審議の内容", "審議経過"]

    /// `8 会議の内容都市計画課長(潮野剛史君) 本日は…`: a numbered body heading run into the
    /// first utterance, cut into the heading and the utterance.
    static func bodyHeadingWithUtterance(_ line: SourceLine) -> (SourceLine, SourceLine)? {
        guard let n = Numbering.parse(line.content) else { return nil }
        let rest = n.rest
        guard let word = bodyHeadings.first(where: { rest.hasPrefix($0) }) else { return nil }
        let after = rest.dropFirst(word.count)
        guard let label = SpeakerLabel.read(after), !label.rest.isEmpty, label.speaker.role != nil else { return nil }
        return (line.segment(line.content.startIndex..<after.startIndex), line.segment(after.startIndex..<line.content.endIndex))
    }

    /// Whether a line ends a roster: the order of business after it (`…議事日程　第１号`,
    /// `第１　議案第７０号…`, `日程第１`), a timed opening, a rule.
    static func endsRoster(_ line: SourceLine) -> Bool {
        // Cheap on bytes first: each ending holds 日程, 議案, 第, a rule's character or a time.
        let c = line.content
        guard UTF8Search.contains(c, "日程") || UTF8Search.contains(c, "議案") || UTF8Search.contains(c, "第")
                || UTF8Search.contains(c, "時") || ProceedingsReader.mayBeRule(c) else { return false }
        let compact = WidthFolding.compact(line.content.prefix(60))
        if compact.includes("議事日程") || compact.hasPrefix("日程第") || compact.hasPrefix("議案第") { return true }
        if compact.hasPrefix("第"), let n = Numbering.parse(line.content), n.style == .ordinal { return true }
        if (ProceedingsReader.mayBeRule(line.content) && ProceedingsReader.isRule(SpeakerLabel.compact(line.content))) { return true }
        return ProceedingsReader.event(line)?.time != nil
    }

    /// A label's opening (`【`, `＜`, `■`, `〇` …) is never the page's chrome: such lines are
    /// passed by without looking further.
    static func mayBeChrome(_ content: Substring) -> Bool {
        guard let first = content.unicodeScalars.first else { return false }
        return first != "【" && first != "＜" && first != "<" && !HeaderLabel.decorations.contains(first)
    }

    /// Whether a line repeats a title line already read (pages and aggregators print the
    /// meeting's name two or three times above the record).
    private func repeatsTitle(_ line: SourceLine, of result: Result) -> Bool {
        guard !result.titleLines.isEmpty, line.content.utf8.count <= 240 else { return false }
        // Only lines about as long as a title line are compared, folded.
        let length = line.content.utf8.count
        let near = result.titleLines.filter { abs($0.content.utf8.count - length) <= 12 }
        guard !near.isEmpty else { return false }
        let compact = WidthFolding.compact(line.content)
        return near.contains { WidthFolding.compact($0.content) == compact }
    }

    /// A header value written without its label, recognised by its content: a line that is
    /// a date (`平成十八年二月十五日(水曜日)`, `1 令和4年12月21日(水曜日)午前10時`) when no date
    /// was read yet, or a place (`議会運営委員会室`, `1 館山市役所議場`) right after the date.
    private func unlabelledValue(_ line: SourceLine, after result: Result) -> Field? {
        var content = line.content
        var numbered = false
        if let n = Numbering.parse(content) { content = n.rest; numbered = true }
        guard !content.isEmpty, content.utf8.count <= 150 else { return nil }
        if !result.fields.contains(where: { $0.field == .date && $0.label == nil }), let first = content.unicodeScalars.first,
           "[［(（〔0123456789０１２３４５６７８９明大昭平令".unicodeScalars.contains(first) {
            var s = ScalarScanner(content)
            _ = s.scanAny(["[", "［", "(", "（", "〔"])
            // The line is the date (with its weekday and time at most), not a title that starts with one.
            if JapaneseDate.parse(&s) != nil {
                let rest = WidthFolding.compact(String(String.UnicodeScalarView(s.scalars[s.index...])))
                if rest.count <= 12 || TimeOfDay.findRange(in: rest.prefix(12)) != nil {
                    // `令和4年5月10日 招集`, `…告示`: the day the meeting was called, not held.
                    let notice = ["招集", "告示", "通知"].contains { rest.hasSuffix($0) }
                    return Field(field: notice ? .noticeDate : .date, label: nil, firstValue: line.content, labelLine: line)
                }
            }
        }
        if let last = result.fields.last, last.field == .date, !result.fields.contains(where: { $0.field == .place }),
           numbered || last.label == nil, Self.looksLikePlace(content) {
            return Field(field: .place, label: nil, firstValue: content, labelLine: line)
        }
        return nil
    }

    /// A header whose line breaks and labels were lost, its values apart by long runs of
    /// white space: the room after the date (`令和元年11月13日(水)      午前10時      第4・第5委員会室`
    /// → `第4・第5委員会室`). `nil` unless a part of its own is a date and a later part a room.
    static func placeInFlattenedHeader(_ text: String) -> String? {
        guard text.utf8.count <= 1_000 else { return nil }
        // Parts apart by three spaces or more (an ideographic space counts two).
        var parts: [String] = []
        var current = ""
        var spaces = 0
        for c in text.unicodeScalars {
            if SourceLine.isSpace(c) { spaces += c == "\u{3000}" ? 2 : 1; continue }
            if spaces >= 3, !current.isEmpty { parts.append(current); current = "" } else if spaces > 0 { current.unicodeScalars.append(" ") }
            spaces = 0
            current.unicodeScalars.append(c)
        }
        if !current.isEmpty { parts.append(current) }
        guard parts.count >= 3, let date = parts.firstIndex(where: { part in
            var s = ScalarScanner(part)
            guard JapaneseDate.parse(&s) != nil else { return false }
            return WidthFolding.compact(String(String.UnicodeScalarView(s.scalars[s.index...]))).count <= 6
        }) else { return nil }
        return parts[(date + 1)...].first { looksLikePlace(Substring($0)) }
    }

    static let placeEndings = ["議場", "委員会室", "会議室", "室", "ホール", "会館", "庁舎", "センター", "公民館", "講堂", "役所", "役場", "支所"]

    /// A short line that ends as the name of a room or a building.
    static func looksLikePlace(_ content: Substring) -> Bool {
        let compact = WidthFolding.compact(content)
        guard (2...40).contains(compact.count), !compact.includes("。"), !compact.includes("、") else { return false }
        return placeEndings.contains { compact.hasSuffix($0) } || compact.hasSuffix(")") && placeEndings.contains { compact.includes($0) }
    }

    /// A line no title is written as, after a title: a sentence (`…報告がありました。`), an
    /// item of a list (`- 津島市…について`, `・…`), a numbered heading (`1 重要な報告事項`), or
    /// a line of over 80 characters (a page whose line breaks were lost runs its header and
    /// body together). A page with no labelled field goes on with its body there (a page of
    /// several meetings, each a dated heading and its items); its lines are not the page's
    /// chrome.
    static func cannotBeTitle(_ content: Substring) -> Bool {
        // (Trimmed by scalars, as `trimmingCharacters(in: .whitespaces)` trims, without
        // Foundation's copy of the line; counted by characters only past 80 scalars.)
        let text = content.trimmingScalars(where: isWhitespace)
        return text.hasSuffix("。") || text.hasPrefix("- ") || text.hasPrefix("・") || isNumberedHeading(text)
            || text.unicodeScalars.count > 80 && text.count > 80
    }

    /// Foundation's `CharacterSet.whitespaces` as it is: tab, Unicode's spaces (category Zs),
    /// and the zero width space (U+200B), which Foundation counts with them.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `1 重要な報告事項`: a bare number, a space, and a short heading without figures (not
    /// the `1. 館山市議会 2022-12-21` of a page's list of links, nor a numbered sentence).
    static func isNumberedHeading(_ text: Substring) -> Bool {
        guard let n = Numbering.parse(text), n.label.allSatisfy(\.isNumber),
              text.dropFirst(n.label.count).first.map({ $0 == " " || $0 == "　" }) == true else { return false }
        return (1...15).contains(n.rest.count) && !n.rest.contains(where: \.isNumber) && !n.rest.hasSuffix("。")
    }

    /// A body heading such as `議事の経過` ends the title, even when it is unlabelled.
    private func isSectionHeading(_ content: Substring) -> Bool {
        if case .blockLabel = LineClassifier.classify(content) { return true }
        return false
    }
}
