import GijirokuIndex

/// A directive's deadline, status, responsible bodies and follow-ups, as the register has them.
enum DirectiveFacts {
    static func render(_ entry: DirectiveEntry, model: SiteModel, depth: Int, _ html: inout HTML) {
        html.element("dl", ["class": "facts"]) { dl in
            func pair(_ label: String, _ body: (inout HTML) -> Void) {
                dl.element("dt", text: label); dl.element("dd") { body(&$0) }
            }
            pair(text(.siteStatus)) { dd in
                dd.element("span", ["class": "status s-" + entry.status.rawValue], text: statusLabel(entry.status))
                if entry.statusSetByHand { dd.text(" "); dd.element("span", ["class": "tag"], text: text(.siteStatusByHand)) }
                if let note = entry.note { dd.text(" " + note) }
            }
            if let deadline = entry.deadline {
                pair(text(.siteDeadline)) { $0.text(deadline.text + (deadline.date.map { "（" + $0 + "）" } ?? "")) }
            }
            if !entry.responsible.isEmpty { pair(text(.siteResponsible)) { $0.text(entry.responsible.joined(separator: "、")) } }
            if !entry.followUps.isEmpty {
                pair(text(.siteFollowUps)) { dd in
                    dd.element("ul") { ul in
                        for f in entry.followUps {
                            ul.element("li") { li in
                                let label = [f.document.date, f.document.title, f.title].compactMap { $0 }.joined(separator: " ")
                                if let target = model.target(path: f.document.path, line: f.lines.start) {
                                    li.element("a", ["href": String(repeating: "../", count: depth) + target], text: label)
                                } else {
                                    li.text(label)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func statusLabel(_ status: DirectiveStatus) -> String {
        switch status {
        case .open: text(.statusOpen)
        case .followedUp: text(.statusFollowedUp)
        case .overdue: text(.statusOverdue)
        case .done: text(.statusDone)
        }
    }
}
