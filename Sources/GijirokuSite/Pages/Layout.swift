import GijirokuMessages

/// The frame every page shares: the language, the Content-Security-Policy (scripts and
/// styles from the site's own files only, nothing inline, nothing from elsewhere), the
/// viewport, the skip link, the navigation and the footer.
///
/// ```swift
/// let layout = Layout(siteTitle: "汐見川市 会議録")
/// layout.page(title: "会議一覧", depth: 0, section: .meetings) { html in html.element("p", text: "…") }
/// ```
struct Layout {
    let siteTitle: String

    enum Section: CaseIterable { case search, meetings, directives, plans }

    /// Forbids inline script and style, `eval`, plugins and every resource from elsewhere.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'"

    func page(title: String, depth: Int, section: Section?, scripts: [String] = [], bodyClass: String? = nil,
              main: (inout HTML) -> Void) -> String {
        let root = String(repeating: "../", count: depth)
        var html = HTML()
        html.raw("<!DOCTYPE html>\n")
        html.open("html", ["lang": "ja"])
        html.open("head")
        html.raw("<meta charset=\"utf-8\">")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"" + Self.contentSecurityPolicy + "\">")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        html.element("title", text: title == siteTitle ? title : title + " — " + siteTitle)
        html.open("link", ["rel": "stylesheet", "href": root + "assets/site.css"])
        for script in scripts { html.open("script", ["src": root + script, "defer": ""]); html.close("script") }
        html.close("head")
        html.open("body", ["class": bodyClass, "data-root": root])
        html.element("a", ["class": "skip", "href": "#main"], text: text(.siteSkipToContent))
        html.element("header", ["class": "site"]) { h in
            h.element("a", ["class": "brand", "href": root + "index.html"], text: siteTitle)
            h.element("nav", ["aria-label": text(.siteNavigation)]) { n in
                n.open("ul")
                for (s, href, key) in [(Section.search, "index.html", MessageKey.siteSearch), (.meetings, "meetings.html", .siteMeetings),
                                       (.directives, "directives.html", .siteDirectives), (.plans, "plans.html", .sitePlans)] {
                    n.element("li") { li in
                        li.element("a", ["href": root + href, "aria-current": s == section ? "page" : nil], text: text(key))
                    }
                }
                n.close("ul")
            }
        }
        html.element("main", ["id": "main", "tabindex": "-1"]) { main(&$0) }
        html.element("footer", ["class": "site"], text: text(.siteFooter))
        html.close("body")
        html.close("html")
        html.raw("\n")
        return html.output
    }
}
