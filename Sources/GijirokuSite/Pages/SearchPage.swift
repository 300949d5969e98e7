import GijirokuIndex

/// The search page (`index.html`): one box with the CLI's query language, the filters (kind,
/// dates, meeting body, speaker), the result count, a chart of hits per year and the
/// results. The form is a plain GET form, so the query stays in the address and a search
/// can be bookmarked; the script (`assets/search.js`) reads it and answers from the search
/// files (``SearchFiles``) without a server.
///
/// ```swift
/// let page = SearchPage(model: model, layout: layout).render()
/// ```
struct SearchPage {
    let model: SiteModel
    let layout: Layout

    /// Kinds offered by the kind filter, in the order shown.
    static let kinds = ["question", "answer", "speech", "directive", "decision", "explanation", "plan", "document", "attendees", "other"]

    func render() -> String {
        layout.page(title: layout.siteTitle, depth: 0, section: .search, scripts: ["assets/search.js"], bodyClass: "search") { html in
            html.element("h1", text: text(.siteSearchHeading))
            html.element("form", ["class": "search", "action": "index.html", "method": "get", "role": "search", "id": "search-form"]) { f in
                f.element("div", ["class": "box"]) { d in
                    d.element("label", ["for": "q"], text: text(.siteSearchLabel))
                    d.open("input", ["type": "search", "id": "q", "name": "q", "autocomplete": "off", "aria-describedby": "q-help"])
                    d.element("button", ["type": "submit"], text: text(.siteSearch))
                }
                f.element("p", ["id": "q-help", "class": "help"], text: text(.siteSearchHelp))
                f.element("fieldset", ["class": "filters"]) { s in
                    s.element("legend", text: text(.siteFilters))
                    s.element("label") { l in
                        l.text(text(.siteKind) + " ")
                        l.element("select", ["name": "kind", "id": "kind"]) { sel in
                            sel.element("option", ["value": ""], text: text(.siteAll))
                            for kind in Self.kinds { sel.element("option", ["value": kind], text: kindLabel(kind)) }
                        }
                    }
                    s.element("label") { l in l.text(text(.siteSince) + " "); l.open("input", ["type": "date", "name": "since", "id": "since"]) }
                    s.element("label") { l in l.text(text(.siteUntil) + " "); l.open("input", ["type": "date", "name": "until", "id": "until"]) }
                    s.element("label") { l in
                        l.text(text(.siteMeeting) + " ")
                        l.open("input", ["type": "text", "name": "meeting", "id": "meeting", "list": "bodies", "autocomplete": "off"])
                    }
                    s.element("label") { l in
                        l.text(text(.siteSpeaker) + " ")
                        l.open("input", ["type": "text", "name": "speaker", "id": "speaker", "list": "speakers", "autocomplete": "off"])
                    }
                }
                f.element("datalist", ["id": "bodies"]) { dl in
                    for body in Set(model.snapshot.documents.compactMap(\.meeting)).sorted() { dl.open("option", ["value": body]) }
                }
                f.element("datalist", ["id": "speakers"]) { dl in
                    for name in topSpeakers() { dl.open("option", ["value": name]) }
                }
            }
            html.element("noscript") { $0.element("p", text: text(.siteScriptNeeded)) }
            html.element("p", ["id": "status", "class": "status", "role": "status", "aria-live": "polite"], text: "")
            html.element("figure", ["id": "chart", "class": "chart", "hidden": ""]) { fig in
                fig.element("figcaption", text: text(.siteChartTitle))
            }
            html.element("ol", ["id": "results", "class": "results"], text: "")
            html.element("p", ["class": "more"]) { p in
                p.element("button", ["type": "button", "id": "more", "hidden": ""], text: text(.siteMore))
            }
        }
    }

    /// The 200 speakers who speak most often, as written.
    private func topSpeakers() -> [String] {
        var counts: [String: Int] = [:]
        for e in model.snapshot.elements { if let s = SiteModel.speakerLabel(e) { counts[s, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(200).map(\.key).sorted()
    }
}
