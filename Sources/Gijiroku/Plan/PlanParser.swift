import Foundation

/// Parses a plan document (総合振興計画・総合計画・基本計画) into a ``Plan``: chapters
/// (`第 1 章`, their title, subtitle, `◉` policies and source note), sections (`第１節`,
/// their `現状と課題` bullets) and measures (`施策展開`: number, title, `❖` bullets), with
/// hierarchical IDs (`1`, `1-1`, `1-1-3`).
///
/// Text extracted from a two-column PDF scrambles the measures; ``MeasureGrouper`` puts
/// them back together. A chapter's list of sections (its table of contents) is read as the
/// sections' titles, and the sections themselves start where the heading comes again.
///
/// ```swift
/// let plan = PlanParser().parse(text: text, path: "基本計画.txt")
/// plan.items.map(\.id)   // ["1", "2"]
/// ```
struct PlanParser: Sendable {
    init() {}


    /// Parses text that is already decoded.
    func parse(text: String, path: String, sha256: String? = nil, encoding: TextEncoding = .utf8) -> Plan {
        let lines = SourceLine.split(text)
        var plan = Plan(source: SourceInfo(path: path, sha256: sha256 ?? SHA256.hex(of: Array(text.utf8)), encoding: encoding, lineCount: lines.count))
        var builder = Builder()
        for line in lines { builder.read(line) }
        builder.finishSection()
        plan.items = builder.chapters
        plan.warnings = builder.warnings
        if !builder.pending.isEmpty {
            let texts = builder.pending.map { String($0.content) }
            if plan.items.isEmpty {
                plan.title = texts.joined()
            } else {
                plan.warnings.append(ParseWarning(line: builder.pending[0].number, .planStrayLines(texts.joined())))
            }
        }
        if plan.items.isEmpty { plan.warnings.append(ParseWarning(line: nil, .planNoChapters)) }

        // Glossary marks: strip them from every text and collect the terms.
        var glossary: [String] = []
        plan.items = plan.items.map { strip($0, &glossary) }
        plan.glossary = glossary
        return plan
    }

    private func strip(_ item: PlanItem, _ glossary: inout [String]) -> PlanItem {
        var item = item
        item.title = GlossaryMarks.strip(item.title, into: &glossary)
        item.subtitle = item.subtitle.map { GlossaryMarks.strip($0, into: &glossary) }
        item.bullets = item.bullets.map { Passage(text: GlossaryMarks.strip($0.text, into: &glossary), lines: $0.lines) }
        item.children = item.children.map { strip($0, &glossary) }
        return item
    }

    /// The state of a pass over the lines.
    private struct Builder {
        enum Mode { case outside, chapter, sectionHeading, issues, measures }

        var chapters: [PlanItem] = []
        var warnings: [ParseWarning] = []
        /// Plain lines not yet placed: the next chapter's heading, or a plan title.
        var pending: [SourceLine] = []
        var mode = Mode.outside
        var section: Int?              // index into the current chapter's children
        var grouper = MeasureGrouper()

        var chapterIndex: Int? { chapters.isEmpty ? nil : chapters.count - 1 }

        mutating func read(_ line: SourceLine) {
            let kind = PlanLineClassifier.classify(line)
            if mode == .measures {
                switch kind {
                case .blank: grouper.blank(); return
                case .numbered(let n, let title): grouper.title(n, String(title), line: line.number); return
                case .bullet(_, let text): grouper.bullet(String(text), line: line.number); return
                case .continuation:
                    if grouper.continuation(String(line.content), line: line.number) { return }
                default: break
                }
            }
            switch kind {
            case .blank:
                return
            case .chapter(let n):
                finishSection()
                var subtitle: String?
                var titleLines = pending
                if titleLines.count > 1 { subtitle = String(titleLines.removeFirst().content) }
                let title = titleLines.map { String($0.content) }.joined()
                let first = pending.first?.number ?? line.number
                chapters.append(PlanItem(id: "\(n)", level: .chapter, number: n, title: title, subtitle: subtitle,
                                         lines: LineRange(first, line.number)))
                if title.isEmpty { warnings.append(ParseWarning(line: line.number, .chapterWithoutTitle(n))) }
                pending = []
                mode = .chapter
                section = nil
            case .section(let n, let title):
                guard let c = chapterIndex else { pending.append(line); return }
                finishSection()
                // The chapter's list of sections gives the titles whole; when a heading comes
                // again, the section itself starts there.
                if let existing = chapters[c].children.firstIndex(where: { $0.number == n }) {
                    section = existing
                    chapters[c].children[existing].lines = LineRange(line.number)
                } else {
                    chapters[c].children.append(PlanItem(id: "\(chapters[c].id)-\(n)", level: .section, number: n,
                                                         title: String(title), lines: LineRange(line.number)))
                    section = chapters[c].children.count - 1
                }
                mode = .sectionHeading
            case .issuesLabel:
                mode = section == nil ? mode : .issues
            case .measuresLabel:
                if section != nil {
                    mode = .measures
                    grouper = MeasureGrouper()
                }
            case .note:
                if let c = chapterIndex, mode == .chapter { chapters[c].note = String(line.content) } else { pending.append(line) }
            case .bullet(_, let text):
                let passage = Passage(text: String(text), lines: LineRange(line.number))
                if let c = chapterIndex, mode == .chapter {
                    chapters[c].bullets.append(passage)
                } else if let c = chapterIndex, let s = section, mode == .issues {
                    chapters[c].children[s].bullets.append(passage)
                } else {
                    pending.append(line)
                }
            case .continuation:
                if let c = chapterIndex, mode == .chapter, !chapters[c].bullets.isEmpty {
                    append(line, to: &chapters[c].bullets)
                } else if let c = chapterIndex, let s = section, mode == .issues, !chapters[c].children[s].bullets.isEmpty {
                    append(line, to: &chapters[c].children[s].bullets)
                } else {
                    pending.append(line)
                }
            case .numbered, .text:
                if mode == .sectionHeading, let c = chapterIndex, let s = section {
                    // A section heading broken over two lines: keep the table of contents'
                    // title when it already has the whole of it.
                    let joined = chapters[c].children[s].title
                    let continued = String(line.content)
                    if !joined.hasSuffix(continued) { chapters[c].children[s].title = joined + continued }
                    chapters[c].children[s].lines = chapters[c].children[s].lines.union(LineRange(line.number))
                } else {
                    pending.append(line)
                }
            }
        }

        private func append(_ line: SourceLine, to bullets: inout [Passage]) {
            bullets[bullets.count - 1].text += line.content
            bullets[bullets.count - 1].lines = bullets[bullets.count - 1].lines.union(LineRange(line.number))
        }

        mutating func finishSection() {
            defer { grouper = MeasureGrouper() }
            guard mode == .measures, let c = chapterIndex, let s = section else { return }
            let (measures, problems) = grouper.finish(sectionID: chapters[c].children[s].id)
            chapters[c].children[s].children = measures
            warnings += problems
            mode = .outside
        }
    }
}
