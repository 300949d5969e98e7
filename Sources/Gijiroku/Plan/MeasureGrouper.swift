/// Plan stage 2: undoes the scrambled order that two-column PDF extraction leaves in a
/// section's 施策展開.
///
/// Bullet groups are separated by blank lines; measure titles may come before or after
/// their group, or several together; the k-th group belongs to the k-th measure. A `❖`
/// right after a blank line or a title starts a new group; a line that starts with an
/// ideographic space continues the last bullet, even when titles stand between them, and
/// a `❖` right after it stays in the same group.
///
/// ```swift
/// var grouper = MeasureGrouper()
/// grouper.title(1, "市民と市との情報共有の充実", line: 10)
/// grouper.bullet("市政や市の魅力に関する情報を…", line: 11)
/// let (measures, problems) = grouper.finish(sectionID: "1-1")
/// ```
struct MeasureGrouper {
    private enum Previous { case start, blank, title, bullet, continuation }

    private var titles: [(number: Int, title: String, line: Int)] = []
    private var groups: [[Passage]] = []
    private var previous = Previous.start

    mutating func blank() { previous = .blank }

    mutating func title(_ number: Int, _ title: String, line: Int) {
        titles.append((number, title, line))
        previous = .title
    }

    mutating func bullet(_ text: String, line: Int) {
        if groups.isEmpty || previous == .blank || previous == .title { groups.append([]) }
        groups[groups.count - 1].append(Passage(text: text, lines: LineRange(line)))
        previous = .bullet
    }

    /// Appends to the last bullet; `false` when there is none.
    mutating func continuation(_ text: String, line: Int) -> Bool {
        guard var group = groups.last, var last = group.last else { return false }
        last.text += text
        last.lines = last.lines.union(LineRange(line))
        group[group.count - 1] = last
        groups[groups.count - 1] = group
        previous = .continuation
        return true
    }

    /// The measures, groups assigned in order, with problems when titles and groups do not pair up.
    func finish(sectionID: String) -> (measures: [PlanItem], problems: [ParseWarning]) {
        let sorted = titles.sorted { $0.number < $1.number }
        var problems: [ParseWarning] = []
        if sorted.count != groups.count, !(sorted.isEmpty && groups.isEmpty) {
            problems.append(ParseWarning(line: sorted.first?.line ?? groups.first?.first?.lines.start,
                                         .measureCountMismatch(titles: sorted.count, groups: groups.count, section: sectionID)))
        }
        var measures: [PlanItem] = []
        for (k, t) in sorted.enumerated() {
            measures.append(PlanItem(id: "\(sectionID)-\(t.number)", level: .measure, number: t.number, title: t.title,
                                     bullets: k < groups.count ? groups[k] : [], lines: LineRange(t.line)))
        }
        // Groups with no title left: keep their text under the last measure rather than lose it.
        if groups.count > sorted.count, !measures.isEmpty {
            for extra in groups[sorted.count...] { measures[measures.count - 1].bullets += extra }
        }
        return (measures, problems)
    }
}
