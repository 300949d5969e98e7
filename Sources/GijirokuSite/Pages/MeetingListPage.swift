import GijirokuIndex

/// The list of meetings: by body (the meeting's name), newest first, each with its date and
/// how many questions, answers, speeches, directives and decisions it holds; then the other
/// documents.
///
/// ```swift
/// let page = MeetingListPage(model: model, layout: layout).render()
/// ```
struct MeetingListPage {
    let model: SiteModel
    let layout: Layout

    static let counted = ["question", "answer", "speech", "directive", "decision"]

    func render() -> String {
        layout.page(title: text(.siteMeetings), depth: 0, section: .meetings) { html in
            html.element("h1", text: text(.siteMeetings))
            var bodies: [String: [ArchiveSnapshot.Document]] = [:]
            let meetings = model.meetings   // sorted once
            for d in meetings { bodies[model.body(of: d), default: []].append(d) }
            let order = bodies.keys.sorted { a, b in
                let (x, y) = (bodies[a]![0].date ?? "", bodies[b]![0].date ?? "")
                return x != y ? x > y : a < b
            }
            html.element("p", text: text(.siteMeetingCount, ["meetings": String(meetings.count), "bodies": String(order.count)]))
            html.element("nav", ["class": "toc", "aria-label": text(.siteBodies)]) { nav in
                nav.element("ul") { ul in
                    for (i, body) in order.enumerated() {
                        ul.element("li") { li in
                            li.element("a", ["href": "#b" + String(i)], text: body)
                            li.text(" (" + String(bodies[body]!.count) + ")")
                        }
                    }
                }
            }
            for (i, body) in order.enumerated() {
                html.element("section", ["id": "b" + String(i)]) { s in
                    s.element("h2", text: body)
                    table(bodies[body]!, &s)
                }
            }
            let others = model.snapshot.documents.filter { $0.kind == "document" }.sorted(by: SiteModel.newestFirst)
            if !others.isEmpty {
                html.element("section", ["id": "documents"]) { s in
                    s.element("h2", text: text(.siteOtherDocuments))
                    table(others, &s)
                }
            }
        }
    }

    private func table(_ documents: [ArchiveSnapshot.Document], _ html: inout HTML) {
        html.element("div", ["class": "scroll"]) { d in
            d.element("table", ["class": "list"]) { t in
                t.element("thead") { h in
                    h.element("tr") { r in
                        r.element("th", ["scope": "col"], text: text(.siteDate))
                        r.element("th", ["scope": "col"], text: text(.siteTitle))
                        for kind in Self.counted { r.element("th", ["scope": "col", "class": "n"], text: kindLabel(kind)) }
                    }
                }
                t.element("tbody") { b in
                    for doc in documents {
                        var counts: [String: Int] = [:]
                        for e in model.elements(of: doc) { counts[e.kind, default: 0] += 1 }
                        b.element("tr") { r in
                            r.element("td", ["class": "date"], text: doc.date ?? text(.wordNoDate))
                            r.element("td") { $0.element("a", ["href": model.page(of: doc)], text: model.title(of: doc)) }
                            for kind in Self.counted { r.element("td", ["class": "n"], text: String(counts[kind] ?? 0)) }
                        }
                    }
                }
            }
        }
    }
}
