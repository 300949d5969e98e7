/// Renders a document as its outline in Markdown: title, date, issuing body, table of
/// contents, then each heading with its paragraphs.
///
/// ```swift
/// print(DocumentMarkdownRenderer().render(document))
/// ```
struct DocumentMarkdownRenderer: Sendable {
    public init() {}

    /// The document as one Markdown page.
    public func render(_ doc: Document) -> String {
        var out = "# \(doc.title ?? "（表題なし）")\n\n"
        if let date = doc.date { out += "- 日付: \(date)\n" }
        if let author = doc.author { out += "- 発行: \(author)\n" }
        out += "- 出典: \(doc.source.path)（\(doc.source.encoding.rawValue)）\n\n"
        if !doc.contents.isEmpty { out += doc.contents.map { "> \($0.text)" }.joined(separator: "\n") + "\n\n" }
        out += doc.preamble.map { $0.text + "\n\n" }.joined()
        func section(_ s: DocumentSection) {
            out += String(repeating: "#", count: min(6, s.level + 1)) + " " + [s.label, s.title].compactMap { $0 }.joined(separator: " ") + "\n\n"
            out += s.paragraphs.map { $0.text + "\n\n" }.joined()
            s.children.forEach(section)
        }
        doc.outline.forEach(section)
        if !doc.warnings.isEmpty {
            out += "## 警告\n\n" + doc.warnings.map { "- \($0.line.map { "\($0)行目: " } ?? "")\($0.message)\n" }.joined() + "\n"
        }
        return out
    }
}
