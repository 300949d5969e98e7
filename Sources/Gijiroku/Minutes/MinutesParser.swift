import Foundation

/// Parses Japanese meeting minutes (議事概要・議事録) into a ``Minutes`` record.
///
/// The stages run in order, each in its own file of this folder: `SourceLine` (numbered
/// lines, in `Text/`), `LineClassifier` (what each line is), `HeaderReader` (the header's
/// fields) and `BlockAssembler` (blocks and their elements), then one extractor per field:
/// `TitleExtractor`, `DateTimeExtractor`, `AttendeeExtractor`, `NoteExtractor`,
/// `AgendaExtractor`, `ExplanationExtractor`, `ExchangeExtractor`, `DirectiveExtractor`
/// (with `DeadlineReader` and `ResponsibleBodies`). Problems that do not stop parsing
/// become ``ParseWarning``s. Reached through ``ParsedDocument/parse(_:source:kind:)``.
///
/// ```swift
/// let minutes = MinutesParser().parse(text: text, path: "第３回推進本部会議.txt")
/// print(minutes.date ?? "?", minutes.agenda.count, minutes.directives.count)
/// ```
package struct MinutesParser: Sendable {
    package init() {}

    /// Parses text that is already decoded.
    ///
    /// ```swift
    /// let minutes = MinutesParser().parse(text: "【日 時】 令和元年５月２０日（月）\n", path: "-")
    /// minutes.date   // "2019-05-20"
    /// ```
    package func parse(text: String, path: String, sha256: String? = nil, encoding: TextEncoding = .utf8) -> Minutes {
        // Every stage passes over blank lines: they are left out here, numbers kept.
        let (physical, lineCount) = SourceLine.nonBlankLines(of: text)
        let source = SourceInfo(path: path, sha256: sha256 ?? SHA256.hex(of: Array(text.utf8)), encoding: encoding, lineCount: lineCount)
        var minutes = Minutes(source: source)
        // Lines that extraction flattened (a whole header or several utterances) are cut into parts.
        let (lines, shared) = LineSegmenter.split(physical)
        minutes.layout += shared.map { LayoutLine(line: $0.number, text: String($0.content), role: .shared) }

        let header = HeaderReader().read(lines)
        readHeader(header, into: &minutes)
        // A council's session or committee named without the council (`定例会`): the council
        // named near the top of the record goes before it.
        if let name = minutes.meeting.name, AssemblyName.councilMeetings.contains(where: { UTF8Search.hasSuffix(name, $0) }),
           let council = AssemblyName.council(in: physical) ?? AssemblyName.councilOfMunicipality(in: physical, meeting: name),
           let named = AssemblyName.naming(name, council: council) {
            minutes.meeting.name = named
        }

        var meetingHeadings: [MeetingHeadings.Heading] = []
        let bodyLines = header.bodyPrefix.isEmpty ? lines[header.bodyStart...] : (header.bodyPrefix + lines[header.bodyStart...])[...]
        if let heading = header.bodyHeading {
            minutes.layout.append(LayoutLine(line: heading.number, text: String(heading.content), role: .sectionLabel))
        }
        let body: BlockAssembler.Result
        if ProceedingsReader.looksVerbatim(bodyLines) {
            // A verbatim record: utterances and events; what comes before the first utterance
            // (rosters, the order of business) is read as any body is.
            minutes.form = .verbatim
            let proceedings = ProceedingsReader().read(bodyLines)
            minutes.speeches = proceedings.speeches
            minutes.events = proceedings.events
            minutes.layout += proceedings.rules.map { LayoutLine(line: $0.number, text: String($0.content), role: .rule) }
            // Rosters and the order of business before the first utterance are header fields;
            // a roster's heading may stand at the end of the opening's line (`…開会　　出席議員15名`).
            let (preamble, cut) = LineSegmenter.split(proceedings.preamble, minimumLength: 0, minimumCuts: 1)
            minutes.layout += cut.map { LayoutLine(line: $0.number, text: String($0.content), role: .shared) }
            let (fields, rest) = HeaderReader().fields(in: preamble)
            readFields(fields, into: &minutes)
            body = rest.reduce(into: BlockAssembler.Result()) { all, run in
                // The opening's part of such a line is an event.
                let kept = run.filter { line in
                    guard let event = ProceedingsReader.event(line), event.time != nil else { return true }
                    minutes.events.append(event)
                    return false
                }
                let part = BlockAssembler().assemble(kept[...])
                all.blocks += part.blocks
                all.layout += part.layout
            }
            minutes.events.sort { $0.lines.start < $1.lines.start }
            // A closing time on the line after the header's date and time, before the opening,
            // is the header's (`日　時　令和６年６月１８日 / 午前１０時００分開会 / 午前１１時２５分閉会`),
            // not something that happened first: it joins that field and gives the end time.
            if let opening = minutes.events.firstIndex(where: { $0.kind == .opening }) {
                for event in minutes.events[..<opening] where event.kind == .closing || event.kind == .adjournment {
                    guard let f = minutes.header.firstIndex(where: { $0.lines.end == event.lines.start - 1 && [.date, .time].contains($0.field) })
                    else { continue }
                    minutes.header[f].lines.end = event.lines.end
                    minutes.header[f].value += event.text
                    if minutes.endTime == nil { minutes.endTime = event.time }
                    minutes.events.removeAll { $0.lines == event.lines && $0.kind == event.kind }
                }
            }
            // Speakers named as the roster names them, each utterance under its item of the
            // order of business, then their questions and answers.
            SpeakerResolver.resolve(&minutes.speeches, attendees: minutes.attendees)
            // A record with no title (a page of utterances alone) is named by the session the
            // chair opens or closes (`これにて令和６年第４回青森市議会定例会を閉会いたします。`).
            if minutes.meeting.name == nil,
               let session = minutes.speeches.lazy.filter({ $0.speaker.category == .chair }).compactMap({ AssemblyName.session(openedOrClosedIn: $0.text) }).first {
                minutes.meeting = TitleExtractor.meeting(from: session)
            }
            // A committee titled by its number alone (`第9回委員会`) is named as its chair opens
            // it (`ただ今から,都市建設委員会を開会いたします。`).
            if let name = minutes.meeting.name, name == "委員会" || UTF8Search.hasSuffix(name, " 委員会"),
               let committee = minutes.speeches.lazy.filter({ $0.speaker.category == .chair })
                .compactMap({ AssemblyName.session(openedOrClosedIn: $0.text, council: false) }).first,
               UTF8Search.hasSuffix(committee, "委員会"), committee != "委員会" {
                minutes.meeting.name = String(name.dropLast(3)) + committee
            }
            OrderOfBusiness.place(&minutes)
            minutes.exchanges = VerbatimExchanges.find(in: minutes.speeches)
            if minutes.startTime == nil { minutes.startTime = minutes.events.first { $0.kind == .opening }?.time }
            if minutes.endTime == nil {
                minutes.endTime = minutes.events.last { $0.kind == .closing || $0.kind == .adjournment }?.time
            }
            if minutes.startTime == nil || minutes.endTime == nil {
                let declared = ProceedingsReader.declaredTimes(in: minutes.speeches)
                minutes.startTime = minutes.startTime ?? declared.start?.description
                minutes.endTime = minutes.endTime ?? declared.end?.description
            }
        } else {
            // A page of several meetings: each meeting's heading opens a section of the body.
            // The headings are looked for in the whole text: the first meeting's may be in the header.
            // (A header with a labelled date, `【日 時】`, is one meeting's: not looked for.)
            let labelledDate = minutes.header.contains { $0.field == .date && $0.label != nil }
            var headings = labelledDate ? [] : MeetingHeadings.find(in: lines)
            // The title may be the first meeting's heading.
            if !headings.isEmpty, let first = minutes.header.first(where: { $0.field == .title }), let title = minutes.title,
               let date = JapaneseDate.find(in: title)?.date.iso, !headings.contains(where: { $0.date == date }) {
                headings.insert(MeetingHeadings.Heading(line: first.lines.start, date: date, text: title), at: 0)
            }
            meetingHeadings = MeetingHeadings.several(headings) ? headings : []
            body = BlockAssembler().assemble(bodyLines, headings: Set(meetingHeadings.map(\.line)))
        }
        minutes.layout += body.layout
        readBody(body, into: &minutes)
        // Deciding sentences wherever they stand, once each.
        for d in DecisionReader.read(minutes) where !minutes.decisions.contains(where: { $0.lines == d.lines && $0.text == d.text }) {
            minutes.decisions.append(d)
        }
        minutes.decisions.sort { $0.lines.start < $1.lines.start }
        // A header flattened into the body's first paragraph with no labels (`…委員会      令和元年
        // 11月13日(水)      午前10時      第4・第5委員会室`): its place, when no field gave one.
        if minutes.place == nil, let first = minutes.paragraphs.first, let place = HeaderReader.placeInFlattenedHeader(first.text) {
            minutes.place = place
        }
        // A page of several meetings: no one date, time or place is the file's.
        let headings = meetingHeadings
        if MeetingHeadings.several(headings) {
            minutes.date = nil
            minutes.weekday = nil
            minutes.startTime = nil
            minutes.endTime = nil
            minutes.place = nil
            minutes.warnings.removeAll { if case .dateInferred = $0.kind { true } else { false } }
            minutes.warnings.append(ParseWarning(line: headings[0].line, .severalMeetings(headings.map(\.date))))
            minutes.meetingHeadings = headings
        }
        for i in minutes.directives.indices {
            let text = minutes.directives[i].text
            minutes.directives[i].responsible = ResponsibleBodies.find(in: text)
            let deadline = DeadlineReader.read(text, meetingDate: minutes.date)
            minutes.directives[i].deadline = deadline
            if let problem = deadline?.problem {
                minutes.warnings.append(ParseWarning(line: minutes.directives[i].lines.start, .deadlineProblem(deadline: deadline!.text, problem: problem)))
            }
        }

        if !minutes.header.contains(where: { $0.field == .attendees }) {
            minutes.warnings.append(ParseWarning(line: nil, .attendeesMissing))
        }
        if minutes.form == .summary, !body.blocks.contains(where: { $0.kind != nil && $0.kind != .section }) {
            minutes.warnings.append(ParseWarning(line: nil, .noMinutesBlocks))
        }
        minutes.layout.sort { $0.line < $1.line }
        minutes.warnings.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return minutes
    }

    private func readHeader(_ header: HeaderReader.Result, into minutes: inout Minutes) {
        if !header.titleLines.isEmpty {
            // The page may print several candidates: the one that names the meeting is the
            // title, the others are the page's.
            // Two title lines with the page's lines between them are two candidates, not one broken title.
            let apart = header.titleLines.count == 2 && header.chrome.contains {
                $0.number > header.titleLines[0].number && $0.number < header.titleLines[1].number
            }
            let named = TitleExtractor.naming(header.titleLines, apart: apart)
            minutes.title = TitleExtractor.title(from: named)
            for line in header.titleLines where !named.contains(line) {
                minutes.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .pageChrome))
            }
            let range = LineRange(named.first!.number, named.last!.number)
            minutes.header.append(HeaderField(field: .title, label: nil, value: minutes.title ?? "", lines: range))
        }
        if let sheet = header.fields.first(where: { $0.field == .title }), !sheet.value.isEmpty {
            // A sheet's `会議名` cell names the meeting exactly.
            minutes.title = TitleExtractor.trimSpaces(sheet.value)
        }
        if let title = minutes.title {
            minutes.meeting = TitleExtractor.meeting(from: title)
        } else {
            minutes.warnings.append(ParseWarning(line: nil, .titleMissing))
        }
        for line in header.chrome {
            minutes.layout.append(LayoutLine(line: line.number, text: String(line.content), role: .pageChrome))
        }
        minutes.layout += header.rules.map { LayoutLine(line: $0.number, text: String($0.content), role: .rule) }
        minutes.layout += header.shared.map { LayoutLine(line: $0.number, text: String($0.content), role: .shared) }
        minutes.layout += header.tableLabels.map { LayoutLine(line: $0.number, text: String($0.content), role: .tableLabel) }
        minutes.warnings += header.warnings

        let time = DateTimeExtractor().extract(fields: header.fields, title: minutes.title, titleLine: header.titleLines.first?.number,
                                           context: header.titleLines)
        minutes.date = time.date
        minutes.weekday = time.weekday
        minutes.startTime = time.startTime
        minutes.endTime = time.endTime
        minutes.noticeDate = time.noticeDate
        minutes.warnings += time.warnings

        readFields(header.fields, into: &minutes)
        for note in header.notes { addNote(Passage(text: note.text, lines: note.range), to: &minutes) }
    }

    /// Whether an agenda field's value refers to the order of business instead of listing
    /// items: `議事日程と同じ`, `議事日程のとおり`, `日程に同じ`.
    static func sameAsTheOrderOfBusiness(_ value: String) -> Bool {
        let compact = WidthFolding.compact(value)
        return compact.unicodeScalars.count <= 12 && (compact.hasPrefix("議事日程") || compact.hasPrefix("日程"))
            && ["と同じ", "に同じ", "のとおり", "の通り"].contains { compact.hasSuffix($0) }
    }

    /// A numbered agenda item, to list it once.
    private struct ListedItem: Hashable {
        var number: Int
        var title: String?
    }

    /// The posts of a committee's members: an absent member holds one of these or none.
    static let memberPosts: Set<String> = ["委員長", "副委員長", "委員", "理事"]

    /// What a place's value is trimmed of: a table's rule and spaces (`| 第１会議室 |`).
    private static let placeEdges: ScalarSet = ["|", " ", "\u{3000}"]
    /// A table's rule around a value.
    private static let tableRule: ScalarSet = ["|"]

    /// A warning when a roster field states a total (`出席議員（１５名）`, or its headings'
    /// counts, `委員7名 (50音順,敬称略)`) that differs from the people read under it; none when
    /// no one was read or an entry is itself a count.
    private func checkCount(of people: [Attendee], statedIn field: HeaderReader.Field, headingTotal: Int?, into minutes: inout Minutes) {
        guard let stated = AttendeeExtractor.statedCount(in: field.value) ?? headingTotal, !people.isEmpty,
              !people.contains(where: { $0.count != nil }), stated != people.count else { return }
        minutes.warnings.append(ParseWarning(line: field.range.start,
                                             .attendeeCountMismatch(label: field.label.map(String.init) ?? "", stated: stated, found: people.count)))
    }

    /// The fields' values into the record: place, attendees and their groups, absentees, chair, agenda.
    private func readFields(_ fields: [HeaderReader.Field], into minutes: inout Minutes) {
        var listed = Set(minutes.agenda.compactMap { item in item.number.map { ListedItem(number: $0, title: item.title) } })
        for field in fields {
            minutes.header.append(HeaderField(field: field.field, label: field.label.map(String.init), value: field.value, lines: field.range))
            switch field.field {
            case .place:
                // A cell of a flattened table keeps its ` |` separators: they are no part of the place.
                if minutes.place == nil { minutes.place = TitleExtractor.trimSpaces(field.value.trimmingCharacters(in: Self.placeEdges)) }
            case .attendees, .secretariat:
                var found = AttendeeExtractor().extract(field.valueParts)
                if field.field == .secretariat {
                    let group = field.label.map(WidthFolding.compact).map { $0.includes("説明") || $0.includes("121条") || $0.includes("執行部") } == true ? "説明員" : "事務局"
                    for i in found.attendees.indices where found.attendees[i].group == nil { found.attendees[i].group = group }
                }
                // A roster of names under `出席議員` or `出席委員`: the label says what they are.
                let label = field.label.map { WidthFolding.compact($0) } ?? ""
                // (Without the label's marker or number: `〇出席説明員`, `5 出席説明員`.)
                let bareLabel = String(String.UnicodeScalarView((Numbering.parse(Substring(label))?.rest ?? Substring(label)).unicodeScalars
                    .drop { SpeakerLabel.markerScalars.contains($0) || $0 == "●" || $0 == "・" }))
                let role = UTF8Search.contains(label, "議員") ? "議員" : UTF8Search.contains(label, "委員") ? "委員"
                    : field.field == .secretariat && !bareLabel.isEmpty ? bareLabel : "出席者"
                for i in found.attendees.indices where found.attendees[i].role.isEmpty { found.attendees[i].role = role }
                // `出席議員（１５名）` over a list of names: the total checked against the names read.
                checkCount(of: found.attendees, statedIn: field, headingTotal: found.headingTotal, into: &minutes)
                if let cut = found.cutOff { minutes.warnings.append(ParseWarning(line: cut.line, .rosterCutOff(cut.text))) }
                minutes.attendees += found.attendees
                minutes.absentees += found.absentees
            case .absentees:
                // (A flattened table's cell keeps its ` |` separators.)
                let value = WidthFolding.compact(field.value).trimmingCharacters(in: Self.tableRule)
                guard !["なし", "なし。", "無し", "-", "(0名)", "0名", "(0人)", "0人"].contains(value) else { break }
                let found = AttendeeExtractor().extract(field.valueParts)
                // (A count alone, `四名`, is no one; `市民委員 1名` is.)
                let people = found.attendees.filter { $0.count == nil || !$0.role.isEmpty }
                // Absent members (`欠席委員　四名`) over people who are no members (`議長…`,
                // `財務局長…`): the heading of those who attended was lost in extraction.
                let label = field.label.map { WidthFolding.compact($0) } ?? ""
                if UTF8Search.contains(label, "委員"), !people.isEmpty,
                   people.allSatisfy({ $0.name != nil && $0.count == nil && !$0.role.isEmpty && !Self.memberPosts.contains($0.role) }) {
                    minutes.attendees += people
                    break
                }
                // `欠席者 委員5名(50音順,敬称略)` over three names: the total checked against the names read.
                checkCount(of: people, statedIn: field, headingTotal: found.headingTotal, into: &minutes)
                minutes.absentees += people.map { [$0.role, $0.name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") } + found.absentees
            case .chair:
                minutes.chair = TitleExtractor.trimSpaces(field.value)
            case .agenda:
                // `〇本日の会議に付した事件` / `議事日程と同じ`: the day's order of business, listed above.
                if Self.sameAsTheOrderOfBusiness(field.value) { break }
                // An item listed again (`追加議事日程` repeats the day's order) is listed once.
                for item in AgendaExtractor().extract(field.valueParts) {
                    if let n = item.number, !listed.insert(ListedItem(number: n, title: item.title)).inserted { continue }
                    minutes.agenda.append(item)
                }
            default:
                break
            }
        }
    }

    private func addNote(_ note: Passage, to minutes: inout Minutes) {
        minutes.notes.append(note)
        for absentee in NoteExtractor.absentees(in: note.text) where !minutes.absentees.contains(absentee) {
            minutes.absentees.append(absentee)
        }
        if minutes.chair == nil { minutes.chair = NoteExtractor.chair(in: note.text) }
    }

    private func readBody(_ body: BlockAssembler.Result, into minutes: inout Minutes) {
        var current: Int?   // index into minutes.agenda of the item being discussed
        let sections = minutes.agenda.isEmpty && minutes.form == .summary
            ? BodyAgenda.numberedSections(of: body).union(BodyAgenda.contentHeadings(of: body)) : []

        func agendaIndex(number: Int?, creatingWith title: String?, line: Int?) -> Int {
            if let number, let i = minutes.agenda.firstIndex(where: { $0.number == number }) { return i }
            if number == nil, let current { return current }
            if number == nil, let i = minutes.agenda.firstIndex(where: { $0.explanation == nil }) { return i }
            if !minutes.agenda.isEmpty, number != nil {
                minutes.warnings.append(ParseWarning(line: line, .agendaNumberUnknown(number!)))
            }
            minutes.agenda.append(AgendaItem(number: number, title: title))
            return minutes.agenda.count - 1
        }

        for b in body.blocks.indices {
            let block = body.blocks[b]
            let labelLine = block.label?.number
            switch block.kind {
            case .explanation:
                let found = ExplanationExtractor().extract(block)
                var i = agendaIndex(number: block.number, creatingWith: found.titleFromIntro, line: labelLine)
                if block.number == nil, minutes.agenda[i].explanation != nil {
                    minutes.agenda.append(AgendaItem(number: nil, title: found.titleFromIntro))
                    i = minutes.agenda.count - 1
                }
                if minutes.agenda[i].explanation != nil {
                    minutes.warnings.append(ParseWarning(line: labelLine, .explanationTwice(block.number.map(String.init) ?? "")))
                }
                minutes.agenda[i].explanation = found.explanation
                if minutes.agenda[i].title == nil { minutes.agenda[i].title = found.titleFromIntro }
                if minutes.agenda[i].lines == nil { minutes.agenda[i].lines = found.explanation.intro?.lines }
                found.notes.forEach { addNote($0, to: &minutes) }
                current = i
            case .comments:
                let found = ExchangeExtractor().extract(block)
                if minutes.agenda.isEmpty {
                    minutes.warnings.append(ParseWarning(line: labelLine, .exchangeWithoutAgenda))
                }
                let i = agendaIndex(number: block.number, creatingWith: nil, line: labelLine)
                minutes.agenda[i].exchanges += found.exchanges
                minutes.agenda[i].noComments = minutes.agenda[i].noComments || found.noComments
                minutes.layout += found.layout
                minutes.warnings += found.warnings
                found.notes.forEach { addNote($0, to: &minutes) }
                current = i
            case .directives:
                let number = current.flatMap { minutes.agenda[$0].number }
                let found = DirectiveExtractor().extract(block, intro: block.intro, agendaNumber: number)
                minutes.directives += found.directives
                minutes.warnings += found.warnings
                found.notes.forEach { addNote($0, to: &minutes) }
            case .other:
                // `(2)その他` after the items of the proceedings: the last of them.
                if let label = block.label, sections.contains(label.number), let item = BodyAgenda.sectionItem(Element(kind: .numbered, marker: nil, line: label)) {
                    minutes.agenda.append(item)
                    current = minutes.agenda.count - 1
                }
                // Every item of a `決定事項` or `結論` section is a decision.
                let decided = block.label.map { DecisionReader.namesDecisions(String($0.content)) } ?? false
                for n in block.elements.indices {
                    let passage = Passage(text: block.elements[n].text, lines: block.elements[n].range)
                    if block.elements[n].kind == .note { addNote(passage, to: &minutes); continue }
                    minutes.other.append(passage)
                    if decided {
                        let number = current.flatMap { minutes.agenda[$0].number }
                        minutes.decisions += DecisionReader.decisions(in: passage.text, lines: passage.lines, agendaNumber: number, everySentence: true)
                    }
                }
            case .section, nil:
                // `議事の経過`: the agenda's items again by number, each with `-資料1に基づき、事務局
                // から説明-` and its questions and answers (`質問`/`回答`, `問`/`答`, `・`/`⇒` …).
                var exchanges: [Element] = []
                func closeExchanges() {
                    guard exchanges.contains(where: { LineClassifier.marksAnswer($0.marker) }),
                          let i = current ?? (minutes.agenda.isEmpty ? nil : agendaIndex(number: nil, creatingWith: nil, line: nil)) else {
                        for e in exchanges { minutes.paragraphs.append(Passage(text: e.text, lines: e.range)) }
                        exchanges = []
                        return
                    }
                    var qa = Block(kind: .comments, number: nil, issuer: nil, label: nil)
                    qa.elements = exchanges
                    let found = ExchangeExtractor().extract(qa)
                    minutes.agenda[i].exchanges += found.exchanges
                    minutes.warnings += found.warnings
                    exchanges = []
                }
                // A numbered line that repeats an agenda item heads it, even when the next line ran on to it.
                var elements: [Element] = []
                for element in block.elements {
                    guard element.kind == .numbered, !element.continuation.isEmpty, let numbering = Numbering.parse(element.first.content),
                          minutes.agenda.contains(where: { $0.number == numbering.number && $0.title == TitleExtractor.trimSpaces(String(numbering.rest)) })
                    else { elements.append(element); continue }
                    elements += [element.firstLineAlone, element.continuationAlone!]
                }
                // `報告事項`, `協議事項`: each item listed under it (`- …について`, `(1) …`) is an
                // agenda item of the meeting.
                let listsItems = BodyAgenda.listsItems(block)
                for element in elements {
                    if element.kind == .note {
                        closeExchanges()
                        addNote(Passage(text: element.text, lines: element.range), to: &minutes)
                        continue
                    }
                    if sections.contains(element.first.number), let item = BodyAgenda.sectionItem(element) {
                        // A numbered section of the agenda: its heading the item, the text after it a paragraph.
                        closeExchanges()
                        minutes.agenda.append(item)
                        current = minutes.agenda.count - 1
                        minutes.layout.append(LayoutLine(line: element.first.number, text: String(element.first.content), role: .sectionLabel))
                        if let rest = element.continuationAlone { minutes.paragraphs.append(Passage(text: rest.text, lines: rest.range)) }
                        continue
                    }
                    if listsItems, let item = BodyAgenda.listedItem(element) {
                        closeExchanges()
                        minutes.agenda.append(item)
                        current = minutes.agenda.count - 1
                        minutes.layout.append(LayoutLine(line: element.first.number, text: String(element.first.content), role: .sectionLabel))
                        continue
                    }
                    if element.kind == .numbered, element.lineCount == 1, let numbering = Numbering.parse(element.first.content),
                       let i = minutes.agenda.firstIndex(where: { $0.number == numbering.number && $0.title == TitleExtractor.trimSpaces(String(numbering.rest)) }) {
                        closeExchanges()
                        current = i
                        minutes.layout.append(LayoutLine(line: element.first.number, text: String(element.first.content), role: .sectionLabel))
                        continue
                    }
                    // Marked lines (`質問`, `○委員`, `・`, `→`, `回答` …): an exchange when an answer is among them.
                    if element.kind == .marked {
                        exchanges.append(element)
                        continue
                    }
                    closeExchanges()
                    if let current, minutes.agenda[current].explanation == nil, let explanation = ExplanationExtractor.note(element) {
                        minutes.agenda[current].explanation = explanation
                        continue
                    }
                    let text = element.lines.map { String($0.content) }.joined()
                    minutes.paragraphs.append(Passage(text: text, lines: element.range))
                }
                closeExchanges()
            }
        }
    }
}
