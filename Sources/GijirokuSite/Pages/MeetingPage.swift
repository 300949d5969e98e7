import Gijiroku
import GijirokuIndex

/// A meeting's page: the header table and attendees, then the record in its order: each
/// agenda item with its explanation, questions with their answers, speeches with their
/// speakers (the transcript of a verbatim record), directives with deadline and status,
/// decisions. Every element has an anchor (`#e340`), its source `path:line` and the plan
/// items it is linked to. Other documents (reports, drafts) get the same page without a header.
///
/// ```swift
/// let page = MeetingPage(model: model, layout: layout).render(document)
/// ```
struct MeetingPage {
    let model: SiteModel
    let layout: Layout

    func render(_ document: ArchiveSnapshot.Document) -> String {
        let title = model.title(of: document)
        let elements = Array(model.elements(of: document))
        return layout.page(title: title, depth: 1, section: .meetings, bodyClass: "meeting") { html in
            html.element("h1", text: title)
            header(document, elements, &html)
            // Answers are shown under their question.
            var answersOf: [Int: [ArchiveSnapshot.Element]] = [:]
            var shownUnderQuestion = Set<Int>()
            for (i, e) in elements.enumerated() where e.kind == "answer" {
                guard let back = e.questionBack, i - back >= 0, elements[i - back].kind == "question" else { continue }
                answersOf[elements[i - back].id, default: []].append(e)
                shownUnderQuestion.insert(e.id)
            }
            var agenda: Int?? = .none
            var open = false
            // In the record's order (the index keeps each kind's elements together).
            let ordered = elements.sorted { ($0.lines.start, $0.id) < ($1.lines.start, $1.id) }
            for e in ordered where e.kind != "attendees" && !shownUnderQuestion.contains(e.id) {
                if agenda == .none || agenda! != e.agendaNumber {
                    if open { html.close("section") }
                    agenda = .some(e.agendaNumber)
                    html.open("section", ["class": "agenda", "id": e.agendaNumber.map { "a" + String($0) }])
                    open = true
                    if let n = e.agendaNumber {
                        html.element("h2", text: text(.siteAgendaItem, ["number": String(n), "title": document.agenda[n] ?? ""]))
                    }
                }
                element(e, document, answers: answersOf[e.id] ?? [], &html)
            }
            if open { html.close("section") }
        }
    }

    private func header(_ document: ArchiveSnapshot.Document, _ elements: [ArchiveSnapshot.Element], _ html: inout HTML) {
        let header = document.header
        html.element("table", ["class": "header"]) { t in
            t.element("caption", text: text(.siteMeetingHeader))
            func row(_ label: String, _ value: String?) {
                guard let value, !value.isEmpty else { return }
                t.element("tr") { r in r.element("th", ["scope": "row"], text: label); r.element("td", text: value) }
            }
            row(text(.siteMeeting), document.meeting)
            if let date = document.date {
                row(text(.siteDate), date + (header?.weekday.map { "（" + $0 + "）" } ?? ""))
            }
            if let start = header?.startTime {
                row(text(.siteTime), start + (header?.endTime.map { "〜" + $0 } ?? ""))
            }
            row(text(.sitePlace), header?.place)
            row(text(.siteForm), header.map { $0.form == .verbatim ? text(.siteFormVerbatim) : text(.siteFormSummary) })
            row(text(.siteChair), header?.chair)
            row(text(.siteSource), document.path + (document.part > 0 ? " (" + String(document.part) + ")" : ""))
        }
        let attendees = header?.attendees ?? []
        if !attendees.isEmpty {
            html.element("h2", text: text(.siteAttendees))
            // Grouped as the record groups them (委員, 説明員 …), in the record's order.
            var groups: [(String?, [Attendee])] = []
            for a in attendees {
                if let last = groups.last, last.0 == a.group { groups[groups.count - 1].1.append(a) } else { groups.append((a.group, [a])) }
            }
            html.element("div", ["class": "attendees"]) { d in
                for (group, members) in groups {
                    if let group { d.element("h3", text: group) }
                    d.element("ul") { ul in
                        for a in members {
                            ul.element("li") { li in
                                li.text(a.role)
                                if let name = a.name { li.text(" "); li.element("b", text: name) }
                                if a.proxy { li.text(" "); li.element("span", ["class": "tag"], text: text(.siteProxy)) }
                                if let count = a.count { li.text(" " + text(.sitePeople, ["count": String(count)])) }
                                if let note = a.note { li.text(" "); li.element("span", ["class": "note"], text: note) }
                            }
                        }
                    }
                }
            }
        } else if let roster = elements.first(where: { $0.kind == "attendees" }) {
            html.element("h2", text: text(.siteAttendees))
            html.element("p", ["class": "attendees", "id": "e" + String(roster.id)], text: roster.body)
        }
        if let absentees = header?.absentees, !absentees.isEmpty {
            html.element("p", ["class": "absentees"]) { p in
                p.element("strong", text: text(.siteAbsentees)); p.text(" " + absentees.joined(separator: "、"))
            }
        }
    }

    private func element(_ e: ArchiveSnapshot.Element, _ document: ArchiveSnapshot.Document, answers: [ArchiveSnapshot.Element],
                         _ html: inout HTML) {
        let tag = e.kind == "question" ? "article" : "div"
        html.open(tag, ["class": "el k-" + e.kind, "id": "e" + String(e.id)])
        content(e, &html)
        if e.kind == "decision", e.outcome != nil || e.method != nil {
            let outcome = e.outcome.flatMap(Decision.Outcome.init(rawValue:)).map { text($0.messageKey) } ?? e.outcome
            html.element("p", ["class": "decision"], text: [outcome, e.method].compactMap { $0 }.joined(separator: "・"))
        }
        if let entry = model.directiveOfElement[e.id] { DirectiveFacts.render(entry, model: model, depth: 1, &html) }
        source(e, document, &html)
        for a in answers {
            html.open("div", ["class": "el k-answer", "id": "e" + String(a.id)])
            content(a, &html)
            source(a, document, &html)
            html.close("div")
        }
        html.close(tag)
    }

    /// The kind, who spoke or issued it (a speech's label on a line of its own), and the text.
    /// A marker is kept where no speaker label carries it (`⇒` of a summary's answer).
    private func content(_ e: ArchiveSnapshot.Element, _ html: inout HTML) {
        let speaker = SiteModel.speakerLabel(e)
        if let speaker {
            html.element("p", ["class": "who"]) { p in
                p.element("span", ["class": "kind"], text: kindLabel(e.kind)); p.text(" ")
                p.element("b", text: speaker)
            }
            html.element("p", text: e.body)
        } else {
            html.element("p") { p in
                p.element("span", ["class": "kind"], text: kindLabel(e.kind)); p.text(" " + (e.marker ?? "") + e.body)
            }
        }
    }

    /// `path:line` (a link to the element itself) and the element's plan links.
    private func source(_ e: ArchiveSnapshot.Element, _ document: ArchiveSnapshot.Document, _ html: inout HTML) {
        html.element("a", ["class": "src", "href": "#e" + String(e.id)],
                     text: SiteModel.location(document, e) + (e.lines.end > e.lines.start ? "–" + String(e.lines.end) : ""))
        guard let links = model.linksOfElement[e.id], !links.isEmpty else { return }
        html.element("ul", ["class": "links", "aria-label": text(.sitePlanLinks)]) { ul in
            for link in links {
                ul.element("li") { li in
                    let title = model.planByPath[link.planPath].flatMap { plan in plan.planItems.first { $0.item == link.item }?.title } ?? ""
                    let label = link.item + " " + title
                    if let href = model.anchor(ofItem: link.item, plan: link.planPath) {
                        li.element("a", ["href": "../" + href], text: label)
                    } else {
                        li.text(label)
                    }
                    if let reference = link.reference { li.text(" "); li.element("span", ["class": "tag"], text: reference) }
                }
            }
        }
    }
}
