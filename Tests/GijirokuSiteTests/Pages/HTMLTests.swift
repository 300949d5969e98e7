import Testing
@testable import GijirokuSite

@Suite("HTML: every record text is escaped")
struct HTMLTests {
    @Test("markup characters become entities, in text and in attribute values")
    func escapes() {
        #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTML.escape("\"><img src=x onerror=alert(1)>") == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        #expect(HTML.escape("a & b 'c'") == "a &amp; b &#39;c&#39;")
        var html = HTML()
        html.element("a", ["title": "\" onmouseover=\"x"], text: "<b>")
        #expect(html.output == "<a title=\"&quot; onmouseover=&quot;x\">&lt;b&gt;</a>")
    }

    @Test("text without markup characters is kept as it is")
    func plain() {
        #expect(HTML.escape("市長指示（子ども家庭局）") == "市長指示（子ども家庭局）")
    }
}
