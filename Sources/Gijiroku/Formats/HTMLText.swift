/// The text of an HTML page, in reading order, as archives save council minutes: tags
/// dropped, `<br>` and block elements (`p`, `div`, `tr`, `li`, headings, `pre` …) made line
/// breaks, the page's own line breaks kept, scripts, styles, comments and navigation
/// (`nav`, `header`, `footer`) left out, character references decoded (`&amp;`, `&nbsp;`,
/// `&#12354;`, `&#x3042;`). Line numbers of a record made from it count lines of this text.
///
/// Linear in the page's length, whatever its nesting: one pass, no tree.
///
/// ```swift
/// HTMLText.text(of: "<p>◯議長（山田太郎君）<br>開会します。</p>")   // "\n◯議長（山田太郎君）\n開会します。\n"
/// ```
enum HTMLText {
    /// Elements whose content is not text a reader sees.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "nav", "header", "footer", "iframe", "svg", "head"]
    /// Elements that start and end a line.
    static let blocks: Set<String> = ["p", "div", "br", "tr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "pre", "table", "tbody", "thead", "section", "article", "main", "blockquote", "hr", "td", "th",
                                      "form", "title", "address", "aside", "figure", "figcaption", "center"]

    /// Whether `text` looks like an HTML page (a doctype, an `<html>` or `<body>` tag near its start).
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.utf8.prefix(2048)
        let start = String(Substring(text.utf8[..<head.endIndex]))
        return ["<!DOCTYPE html", "<!doctype html", "<html", "<HTML", "<body", "<BODY", "<pre>", "<PRE>"].contains { UTF8Search.contains(start, $0) }
    }

    static func text(of html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        // UTF-8 bytes, made a string once at the end: a `String.UnicodeScalarView` given a
        // capacity grew by copying itself on appends past it, quadratic in the page's size.
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
        var i = 0
        var skipping: String?   // inside a skipped element: its name
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" {
                // A comment, a doctype or a tag.
                if i + 3 < scalars.count, scalars[i + 1] == "!", scalars[i + 2] == "-", scalars[i + 3] == "-" {
                    i = end(of: "-->", in: scalars, from: i + 4)
                    continue
                }
                guard let close = tagEnd(scalars, from: i + 1) else { if skipping == nil { append(c) }; i += 1; continue }
                let (name, closing) = tagName(scalars, from: i + 1, to: close)
                i = close + 1
                if let open = skipping {
                    if closing && name == open { skipping = nil }
                    continue
                }
                if !closing, skipped.contains(name), !selfClosing(scalars, before: close) {
                    skipping = name
                    continue
                }
                if blocks.contains(name) { out.append(0x0A) }
                continue
            }
            if skipping != nil { i += 1; continue }
            if c == "&", let (decoded, length) = reference(scalars, from: i) {
                decoded.forEach(append)
                i += length
                continue
            }
            if c == "\r" { i += 1; continue }
            append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the `>` that ends a tag begun before `from`, quotes respected.
    private static func tagEnd(_ s: [Unicode.Scalar], from: Int) -> Int? {
        var quote: Unicode.Scalar?
        var i = from
        while i < s.count {
            let c = s[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == ">" { return i }
            else if c == "<" && i == from { return nil }
            i += 1
        }
        return nil
    }

    /// The tag's lowercased name, and whether it closes an element.
    private static func tagName(_ s: [Unicode.Scalar], from: Int, to end: Int) -> (String, Bool) {
        var i = from
        let closing = i < end && s[i] == "/"
        if closing { i += 1 }
        var name = String.UnicodeScalarView()
        while i < end, s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) {
            name.append(contentsOf: String(s[i]).lowercased().unicodeScalars)
            i += 1
        }
        return (String(name), closing)
    }

    private static func selfClosing(_ s: [Unicode.Scalar], before close: Int) -> Bool { close > 0 && s[close - 1] == "/" }

    private static func end(of marker: String, in s: [Unicode.Scalar], from: Int) -> Int {
        let m = Array(marker.unicodeScalars)
        var i = from
        while i + m.count <= s.count {
            if s[i] == m[0], Array(s[i..<(i + m.count)]) == m { return i + m.count }
            i += 1
        }
        return s.count
    }

    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                          "ensp": " ", "emsp": "\u{3000}", "thinsp": " ", "copy": "©", "reg": "®", "yen": "¥",
                                          "hellip": "…", "mdash": "—", "ndash": "–", "middot": "・", "times": "×"]

    /// A character reference at `from` (`&amp;`, `&#12354;`, `&#x3042;`) and its length.
    private static func reference(_ s: [Unicode.Scalar], from: Int) -> (String.UnicodeScalarView, Int)? {
        var i = from + 1
        var body = ""
        while i < s.count, i - from <= 10, s[i] != ";" {
            guard s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) || s[i] == "#" else { return nil }
            body.unicodeScalars.append(s[i])
            i += 1
        }
        guard i < s.count, s[i] == ";", !body.isEmpty else { return nil }
        let length = i - from + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar).unicodeScalars, length)
        }
        guard let text = named[body] else { return nil }
        return (text.unicodeScalars, length)
    }
}
