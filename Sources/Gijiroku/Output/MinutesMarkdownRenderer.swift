/// Renders a record as Markdown a person can read: a header table, the agenda with each
/// explanation and each question followed by its answers, directives, その他, notes and
/// warnings.
///
/// ```swift
/// print(MinutesMarkdownRenderer().render(minutes))
/// // # 第３回さいたま市総合振興計画推進本部会議 議事概要
/// // | 項目 | 内容 |
/// // …
/// ```
struct MinutesMarkdownRenderer: Sendable {
    public init() {}

    /// The record as one Markdown page.
    /// - Parameter m: the record.
    /// - Returns: Markdown ending in a newline.
    static let outcomeNames: [Decision.Outcome: String] = [.approved: "可決・承認", .adopted: "採択", .rejected: "否決", .referred: "付託",
                                                          .continued: "継続審査", .reported: "報告", .other: "その他"]

    public func render(_ m: Minutes) -> String {
        var out = "# \(escape(m.title ?? "（表題なし）"))\n\n"
        out += "| 項目 | 内容 |\n|---|---|\n"
        func row(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { out += "| \(name) | \(escapeCell(value)) |\n" }
        }
        row("会議", m.meeting.name)
        row("回", m.meeting.session.map { "第\($0)回" })
        row("年度", m.meeting.fiscalYear.map { "\($0)年度" })
        row("開催日", m.date.map { d in d + (m.weekday.map { "（\($0)）" } ?? "") })
        row("時間", [m.startTime, m.endTime].compactMap { $0 }.joined(separator: "～"))
        row("場所", m.place)
        row("招集通知日", m.noticeDate)
        row("出席者", m.attendees.isEmpty ? nil : "\(m.attendees.count)名（うち代理\(m.attendees.filter(\.proxy).count)名）")
        row("欠席", m.absentees.isEmpty ? nil : m.absentees.joined(separator: "、"))
        row("議長", m.chair)
        row("出典", "\(m.source.path)（\(m.source.encoding.rawValue)）")
        out += "\n"

        if !m.attendees.isEmpty {
            out += "## 出席者\n\n"
            for a in m.attendees {
                var line = "- " + escape(a.role)
                if let name = a.name { line += " " + escape(name) }
                if let count = a.count { line += " \(count)名" }
                var marks: [String] = []
                if a.proxy { marks.append("代理") }
                if let g = a.group { marks.append(g) }
                if let n = a.note { marks.append(n) }
                if !marks.isEmpty { line += "（\(marks.map(escape).joined(separator: "・"))）" }
                out += line + "\n"
            }
            out += "\n"
        }
        if !m.notes.isEmpty {
            out += m.notes.map { "> \(escape($0.text))" }.joined(separator: "\n>\n") + "\n\n"
        }

        for item in m.agenda {
            // (An item known by its number alone, inside a range of the order of business, has no title.)
            out += "## 議題\(item.label ?? item.number.map { "（\($0)）" } ?? "")\(item.title.map { " " + escape($0) } ?? "")\n\n"
            if let e = item.explanation {
                var who = "### 説明"
                if let p = e.presenter { who += "：\(escape(p))" }
                if !e.materials.isEmpty { who += "（\(e.materials.joined(separator: "、"))）" }
                out += who + "\n\n"
                for (n, p) in e.points.enumerated() {
                    if p.kind == .heading {
                        // A heading after a list item needs a blank line, or it joins the item.
                        if n > 0, e.points[n - 1].kind == .item { out += "\n" }
                        out += "**\(escape(p.text))**\n\n"
                    } else {
                        out += "- \(escape(p.text))\n"
                    }
                }
                if e.points.last?.kind == .item { out += "\n" }
            }
            if item.noComments && item.exchanges.isEmpty {
                out += "### 意見等\n\n特になし\n\n"
            } else if !item.exchanges.isEmpty {
                out += "### 意見等\n\n"
                for (n, x) in item.exchanges.enumerated() {
                    out += "\(n + 1). **問** \(escape(x.question ?? "（質問なし）"))\n"
                    for a in x.answers { out += "   - **答**（\(a.marker)）\(escape(a.text))\n" }
                    if x.answers.isEmpty { out += "   - （回答なし）\n" }
                }
                out += "\n"
            }
        }
        if !m.directives.isEmpty {
            out += "## 指示\n\n"
            for d in m.directives {
                out += "- **\(escape(d.issuer))**：\(escape(d.text))\(d.agendaNumber.map { "（議題\($0)）" } ?? "")\n"
                if !d.responsible.isEmpty { out += "  - 担当：\(escape(d.responsible.joined(separator: "、")))\n" }
                if let deadline = d.deadline {
                    var line = "  - 期限：\(escape(deadline.text))"
                    if let date = deadline.date { line += " → \(date)" }
                    if let problem = deadline.problem { line += "（\(escape(problem))）" }
                    out += line + "\n"
                }
            }
            out += "\n"
        }
        if !m.decisions.isEmpty {
            out += "## 決定\n\n"
            for d in m.decisions {
                let how = [Self.outcomeNames[d.outcome] ?? "", d.method ?? ""].filter { !$0.isEmpty }.joined(separator: "・")
                out += "- **\(how)**\(d.agendaNumber.map { "（第\($0)号）" } ?? "")：\(escape(d.text))（\(d.lines.start)行目）\n"
            }
            out += "\n"
        }
        if !m.other.isEmpty {
            out += "## その他\n\n" + m.other.map { "- \(escape($0.text))\n" }.joined() + "\n"
        }
        if !m.paragraphs.isEmpty {
            out += "## 本文\n\n" + m.paragraphs.map { escape($0.text) + "\n\n" }.joined()
        }
        if m.form == .verbatim { out += transcript(m) }
        if !m.warnings.isEmpty {
            out += "## 警告\n\n" + m.warnings.map { "- \($0.line.map { "\($0)行目: " } ?? "")\(escape($0.message))\n" }.joined() + "\n"
        }
        return out
    }

    /// A verbatim record as a person reads it: each utterance under its speaker in bold,
    /// events in italics in their place, headings as headings, questions numbered.
    private func transcript(_ m: Minutes) -> String {
        var out = "## 会議録\n\n"
        enum Part { case speech(Speech), event(ProceedingEvent) }
        let parts = (m.speeches.map { (line: $0.lines.start, part: Part.speech($0)) } + m.events.map { (line: $0.lines.start, part: Part.event($0)) })
            .sorted { $0.line < $1.line }
        let questions = Dictionary(m.exchanges.enumerated().compactMap { n, x in x.questionLines.map { ($0.start, n + 1) } },
                                   uniquingKeysWith: { a, _ in a })
        for (_, part) in parts {
            switch part {
            case .event(let e) where e.kind == .heading:
                out += "### \(escape(e.text))\n\n"
            case .event(let e):
                out += "*\(escape(e.text))*\n\n"
            case .speech(let s):
                let label = s.speaker.label.replacingOccurrences(of: "\n", with: " ")
                let asked = questions[s.lines.start].map { "（質問\($0)）" } ?? ""
                let paragraphs = s.text.split(separator: "\n", omittingEmptySubsequences: true).map { escape(String($0)) }
                out += "**\(escape(label))**\(asked)　" + paragraphs.joined(separator: "\n\n") + "\n\n"
            }
        }
        return out
    }

    private func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]#<>|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    private func escapeCell(_ s: String) -> String { escape(s) }
}
