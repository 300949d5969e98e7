/// Renders a plan as its outline in Markdown: chapters, sections and measures with their IDs
/// and bullets.
///
/// ```swift
/// print(PlanMarkdownRenderer().render(plan))
/// // ## 1 市民と行政の協働による都市づくり
/// // ### 1-1 市民と行政の協働の推進
/// ```
struct PlanMarkdownRenderer: Sendable {
    public init() {}

    /// The plan as one Markdown page.
    public func render(_ plan: Plan) -> String {
        // A plan with no title line (an excerpt of chapters) is named by its file, and says it has none.
        let title = plan.title ?? (FileName.stem(of: plan.source.path) + "（表題なし）")
        var out = "# \(title)\n\n出典: \(plan.source.path)（\(plan.source.encoding.rawValue)）\n\n"
        for chapter in plan.items {
            out += "## \(chapter.id) \(chapter.title)" + (chapter.subtitle.map { "（\($0)）" } ?? "") + "\n\n"
            out += chapter.bullets.map { "- \($0.text)\n" }.joined()
            if let note = chapter.note { out += "\n> \(note)\n" }
            out += "\n"
            for section in chapter.children {
                out += "### \(section.id) \(section.title)\n\n"
                if !section.bullets.isEmpty { out += "現状と課題\n\n" + section.bullets.map { "- \($0.text)\n" }.joined() + "\n" }
                for measure in section.children {
                    out += "#### \(measure.id) \(measure.title)\n\n" + measure.bullets.map { "- \($0.text)\n" }.joined() + "\n"
                }
            }
        }
        if !plan.glossary.isEmpty { out += "## 用語\n\n" + plan.glossary.joined(separator: "、") + "\n\n" }
        if !plan.warnings.isEmpty {
            out += "## 警告\n\n" + plan.warnings.map { "- \($0.line.map { "\($0)行目: " } ?? "")\($0.message)\n" }.joined() + "\n"
        }
        return out
    }
}
