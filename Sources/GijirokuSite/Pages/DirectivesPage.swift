import GijirokuIndex

/// The directive register: every directive with its issuer, meeting, deadline, responsible
/// bodies, follow-ups and status (overdue highlighted; a status set by hand says so),
/// filterable by status and issuer (the filters hide rows; without script every row shows).
///
/// ```swift
/// let page = DirectivesPage(model: model, layout: layout).render()
/// ```
struct DirectivesPage {
    let model: SiteModel
    let layout: Layout

    func render() -> String {
        let register = model.register
        let issuers = Array(Set(register.directives.map(\.issuer))).sorted()
        return layout.page(title: text(.siteDirectives), depth: 0, section: .directives, scripts: ["assets/pages.js"]) { html in
            html.element("h1", text: text(.siteDirectives))
            html.element("p", text: text(.siteRegisterAsOf, ["date": register.asOf, "count": String(register.directives.count)]))
            html.element("form", ["class": "filters", "id": "register-filters", "role": "search", "aria-controls": "register"]) { f in
                f.element("label") { l in
                    l.text(text(.siteStatus) + " ")
                    l.element("select", ["name": "status", "id": "filter-status"]) { s in
                        s.element("option", ["value": ""], text: text(.siteAll))
                        for status in DirectiveStatus.allCases {
                            s.element("option", ["value": status.rawValue], text: DirectiveFacts.statusLabel(status))
                        }
                    }
                }
                f.element("label") { l in
                    l.text(text(.siteIssuer) + " ")
                    l.element("select", ["name": "issuer", "id": "filter-issuer"]) { s in
                        s.element("option", ["value": ""], text: text(.siteAll))
                        for issuer in issuers { s.element("option", ["value": issuer], text: issuer) }
                    }
                }
                f.element("output", ["id": "register-count", "aria-live": "polite", "data-template": text(.siteResultCount)], text: text(.siteResultCount, ["count": String(register.directives.count)]))
            }
            html.element("ol", ["class": "register", "id": "register"]) { ol in
                for entry in register.directives {
                    ol.element("li", ["class": "directive s-" + entry.status.rawValue, "data-status": entry.status.rawValue,
                                      "data-issuer": entry.issuer, "id": "d-" + entry.id]) { li in
                        li.element("p", ["class": "meta"]) { p in
                            p.element("span", ["class": "speaker"], text: entry.issuer)
                            p.text(" ")
                            let label = [entry.date, entry.title ?? entry.meeting].compactMap { $0 }.joined(separator: " ")
                            if let source = entry.sources.first, let target = model.target(path: source.path, line: source.line) {
                                p.element("a", ["href": target], text: label)
                            } else {
                                p.text(label)
                            }
                            if let agenda = entry.agenda {
                                p.text(" ")
                                p.element("span", ["class": "agenda"], text: text(.siteAgendaItem, ["number": String(agenda.number), "title": agenda.title ?? ""]))
                            }
                        }
                        li.element("p", ["class": "body"], text: entry.text)
                        DirectiveFacts.render(entry, model: model, depth: 0, &li)
                        if let source = entry.sources.first { li.element("p", ["class": "source"]) { $0.element("code", text: source.location) } }
                    }
                }
            }
        }
    }
}
