/// Renders any record as Markdown a person can read, by its kind: minutes as a header table,
/// the agenda with explanations and each question followed by its answers, directives and
/// notes; a plan as its outline of chapters, sections and measures; a document as its
/// headings and paragraphs.
///
/// ```swift
/// print(Markdown.render(record))
/// // # 第３回さいたま市総合振興計画推進本部会議 議事概要
/// // | 項目 | 内容 |
/// ```
public enum Markdown {
    /// The record as one Markdown page, ending in a newline.
    public static func render(_ document: ParsedDocument) -> String {
        switch document {
        case .minutes(let m): return MinutesMarkdownRenderer().render(m)
        case .plan(let p): return PlanMarkdownRenderer().render(p)
        case .document(let d): return DocumentMarkdownRenderer().render(d)
        }
    }
}
