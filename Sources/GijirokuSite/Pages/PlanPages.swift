import GijirokuIndex

/// The plans: a list of the indexed plans, and a page per plan with each item (章・節・施策)
/// in order, the meetings and elements that discussed it (newest first) and how often per
/// year; an item never discussed says so.
///
/// ```swift
/// let pages = PlanPages(model: model, layout: layout)
/// pages.list()            // plans.html
/// pages.render(plan)      // p/ID.html
/// ```
struct PlanPages {
    let model: SiteModel
    let layout: Layout

    func list() -> String {
        layout.page(title: text(.sitePlans), depth: 0, section: .plans) { html in
            html.element("h1", text: text(.sitePlans))
            guard !model.plans.isEmpty else { html.element("p", text: text(.siteNoPlans)); return }
            html.element("ul", ["class": "plans"]) { ul in
                for plan in model.plans {
                    let mentions = model.mentions[plan.path] ?? [:]
                    let discussed = plan.planItems.filter { !(mentions[$0.item] ?? []).isEmpty }.count
                    ul.element("li") { li in
                        li.element("a", ["href": model.page(of: plan)], text: model.title(of: plan))
                        li.text(" " + text(.sitePlanSummary, ["items": String(plan.planItems.count), "discussed": String(discussed)]))
                    }
                }
            }
        }
    }

    func render(_ plan: ArchiveSnapshot.Document) -> String {
        let mentions = model.mentions[plan.path] ?? [:]
        let title = model.title(of: plan)
        return layout.page(title: title, depth: 1, section: .plans, bodyClass: "plan") { html in
            html.element("h1", text: title)
            html.element("p", ["class": "source"]) { $0.element("code", text: plan.path) }
            let never = plan.planItems.filter { (mentions[$0.item] ?? []).isEmpty }
            html.element("p", text: text(.sitePlanSummary, ["items": String(plan.planItems.count), "discussed": String(plan.planItems.count - never.count)]))
            let bullets = Dictionary(grouping: model.elements(of: plan).filter { $0.item != nil }, by: { $0.item! })
            for item in plan.planItems {
                let depth = item.item.split(separator: "-").count
                let list = mentions[item.item] ?? []
                html.element("section", ["class": "item level" + String(min(depth, 3)) + (list.isEmpty ? " never" : ""), "id": "i" + item.item]) { s in
                    // The item's elements (its title, then its bullets) keep their anchors, as search results link to them.
                    let elements = bullets[item.item] ?? []
                    s.element(depth <= 1 ? "h2" : "h3", ["id": elements.first.map { "e" + String($0.id) }]) { h in
                        h.element("span", ["class": "id"], text: item.item); h.text(" " + item.title)
                    }
                    let texts = elements.dropFirst()
                    if !texts.isEmpty {
                        s.element("ul", ["class": "bullets"]) { ul in for b in texts { ul.element("li", ["id": "e" + String(b.id)], text: b.body) } }
                    }
                    if list.isEmpty {
                        s.element("p", ["class": "never"], text: text(.siteNoMentions))
                        return
                    }
                    var years: [String: Int] = [:]
                    for (id, _) in list {
                        let year = model.element(id).flatMap { model.documents[$0.documentID]?.date }.map { String($0.prefix(4)) } ?? text(.wordNoDate)
                        years[year, default: 0] += 1
                    }
                    s.element("p", ["class": "mentions"]) { p in
                        p.text(text(.siteMentions, ["count": String(list.count)]) + " ")
                        p.element("span", ["class": "years"], text: years.keys.sorted().map { text(.siteYearCount, ["year": $0, "count": String(years[$0]!)]) }.joined(separator: "、"))
                    }
                    s.element("ul", ["class": "mentioned"]) { ul in
                        for (id, link) in list {
                            guard let e = model.element(id), let d = model.documents[e.documentID], let anchor = model.anchor(ofElement: id) else { continue }
                            ul.element("li") { li in
                                li.element("span", ["class": "date"], text: d.date ?? text(.wordNoDate))
                                li.text(" ")
                                li.element("a", ["href": "../" + anchor], text: model.title(of: d))
                                li.text(" ")
                                li.element("span", ["class": "kind"], text: kindLabel(e.kind))
                                if let reference = link.reference { li.text(" "); li.element("span", ["class": "tag"], text: reference) }
                                li.element("span", ["class": "excerpt"], text: e.body.count > 80 ? String(e.body.prefix(80)) + "…" : e.body)
                            }
                        }
                    }
                }
            }
        }
    }
}
