/// HTML written as text, every record text escaped: `&`, `<`, `>`, `"` and `'` become
/// entities, in element content and attribute values alike, so a record holding
/// `<script>` or `"><img onerror=…>` shows it as text. URLs are only ever the site's own
/// relative paths; nothing from a record becomes a URL.
///
/// ```swift
/// var html = HTML()
/// html.element("p", ["class": "note"], text: "<script>")
/// html.output   // <p class="note">&lt;script&gt;</p>
/// ```
struct HTML {
    private(set) var output = ""

    init() { output.reserveCapacity(8_192) }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Markup written by the site itself (never record text).
    mutating func raw(_ markup: String) { output += markup }

    mutating func text(_ text: String) { output += Self.escape(text) }

    /// Attributes in the order given; a `nil` value is left out, an empty one written bare (`hidden`).
    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        output += "<" + tag
        for (name, value) in attributes {
            guard let value else { continue }
            output += value.isEmpty ? " " + name : " " + name + "=\"" + Self.escape(value) + "\""
        }
        output += ">"
    }

    mutating func close(_ tag: String) { output += "</" + tag + ">" }

    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(tag, attributes); self.text(text); close(tag)
    }

    mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String?> = [:], _ body: (inout HTML) -> Void) {
        open(tag, attributes); body(&self); close(tag)
    }
}
