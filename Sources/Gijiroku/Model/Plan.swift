/// A plan document (総合振興計画・総合計画・基本計画) as a tree of plan items.
///
/// Items have stable, hierarchical IDs (`1`, `1-1`, `1-1-3`) so that links to them survive
/// re-indexing.
///
/// ```swift
/// let plan = PlanParser().parse(text: text, path: "基本計画.txt")
/// plan.items[0].children[0].children.count   // measures of section 1-1
/// ```
public struct Plan: Sendable, Hashable, Encodable {
    /// Always `"plan"`.
    public var kind: String = "plan"
    /// The plan's title, where the document gives one.
    public var title: String?
    /// The chapters, each with its sections and their measures.
    public var items: [PlanItem]
    /// Terms marked with `*` for the glossary (`NPO*`), without the mark, in order of appearance.
    public var glossary: [String]
    public var warnings: [ParseWarning]
    public var source: SourceInfo

    public init(source: SourceInfo) {
        self.items = []
        self.glossary = []
        self.warnings = []
        self.source = source
    }
}

/// One item of a plan: a chapter (章), a section (節) or a measure (施策).
///
/// ```swift
/// let measure = PlanItem(id: "2-1-2", level: .measure, number: 2, title: "行政需要に的確に対応できる組織体制の構築…", lines: LineRange(80))
/// ```
public struct PlanItem: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Hashable, Codable { case chapter, section, measure }

    /// Hierarchical and stable: `1` (chapter), `1-1` (section), `1-1-3` (measure).
    public var id: String
    public var level: Level
    public var number: Int
    public var title: String
    /// A chapter's subtitle (the short heading above its title).
    public var subtitle: String?
    /// A chapter's policy bullets (`◉`), a section's 現状と課題 (`●`), a measure's bullets (`❖`).
    public var bullets: [Passage]
    /// A chapter's source note: `（基本構想「５　実現に向けて」より）`.
    public var note: String?
    /// The lines of the item's heading.
    public var lines: LineRange
    public var children: [PlanItem]

    public init(id: String, level: Level, number: Int, title: String, subtitle: String? = nil,
                bullets: [Passage] = [], note: String? = nil, lines: LineRange, children: [PlanItem] = []) {
        self.id = id
        self.level = level
        self.number = number
        self.title = title
        self.subtitle = subtitle
        self.bullets = bullets
        self.note = note
        self.lines = lines
        self.children = children
    }
}
