import Foundation

/// Which kind of document a text is, so the right parser reads it.
///
/// A text whose first lines name minutes (`議事概要`, `議事録`, `会議録` …) is minutes, even
/// when it quotes a plan's chapters. A plan has chapters (`第N章`) with `現状と課題` or
/// `施策展開`. Other minutes have a minutes block (`＜議題説明＞`, `＜意見等＞`, `（市長指示）`)
/// or speaker labels opening utterances (a verbatim record), or both a date and a place
/// field, unless their first lines say they are a notice or a report (`告示`, `通知`, `…の開催について`). Anything else is a document (a report, a
/// draft, a notice). `--kind` overrides the detection.
///
/// ```swift
/// DocumentKind.detect("第 1 章\n…\n施策展開\n…")   // .plan
/// ```
public enum DocumentKind: String, Sendable, CaseIterable {
    case minutes, plan, document

    static func detect(_ text: String) -> DocumentKind {
        // A minutes title settles it first: minutes of a plan's council may quote its chapters.
        if hasMinutesTitle(text) { return .minutes }
        if isPlan(text) { return .plan }
        return hasOtherMinutesSigns(text) ? .minutes : .document
    }

    /// Whether one of the first 12 non-blank lines names minutes (`議事概要`, `議事録`, `会議録` …).
    static func hasMinutesTitle(_ text: String) -> Bool {
        let head = head(of: text, nonBlankLines: 12)
        return ["議事概要", "議事録", "会議録", "議事要旨", "会議概要", "会議要旨", "会議記録", "会議結果"].contains { UTF8Search.contains(head, $0) }
    }

    /// Minutes without a title: a minutes block, or both a date and a place field, in the
    /// first 400 lines, unless the first 4 non-blank lines say the text is a notice or a report.
    static func hasOtherMinutesSigns(_ text: String) -> Bool {
        // A notice of a meeting has a date and a place too, but says what it is first.
        let head = head(of: text, nonBlankLines: 4)
        if ["告示", "通知", "お知らせ", "開催について", "報告書", "視察報告"].contains(where: { UTF8Search.contains(head, $0) }) { return false }
        var date = false, place = false, attendees = false
        // A verbatim record: its utterances open with speaker labels. Asked of the lines as
        // they are first (cutting a long line costs more than reading it), then part by part.
        let raw = SourceLine.split(prefix(of: text, lines: 400))
        if ProceedingsReader.looksVerbatim(raw[...]) { return true }
        // A header that extraction flattened onto one line is read part by part (cut no
        // further than the first labels, when they are there). Lines too short to be cut
        // have been asked already.
        var lines = raw
        if raw.contains(where: { $0.content.utf8.count >= LineSegmenter.minimumLength }),
           ProceedingsReader.looksVerbatim(cutting: raw, into: &lines) { return true }
        // The cheap signs first, line by line: a minutes block, a header's fields.
        for line in lines where !line.isBlank {
            if case .blockLabel(let kind, _, _) = LineClassifier.classify(line.content), kind != .section { return true }
            if let label = HeaderLabel.match(line.content) {
                if label.field == .date { date = true }
                if label.field == .place { place = true }
                if label.field == .attendees { attendees = true }
            } else if let n = Numbering.parse(line.content), JapaneseDate.find(in: n.rest.prefix(16)) != nil {
                date = true   // `1 令和4年12月21日(水曜日)午前10時`: a header's date without its label
            }
            if date && (place || attendees) { return true }
        }
        // A page of several meetings, each under its heading and date (the costliest test:
        // every line is read for a meeting's heading).
        return MeetingHeadings.several(MeetingHeadings.find(in: lines.filter { !$0.isBlank }))
    }

    /// The text up to the end of its `count`-th non-blank line, within its first 400 lines.
    /// (A word looked for in it cannot run across a line end, so finding it there is finding
    /// it in one of those lines.)
    static func head(of text: String, nonBlankLines count: Int) -> Substring {
        let end = text.withUTF8Bytes { bytes -> Int in
            var end = bytes.count, lines = 0, nonBlank = 0
            SourceLine.forEachLine(bytes) { span in
                lines += 1
                if !span.isBlank { nonBlank += 1 }
                guard nonBlank < count, lines < 400 else { end = Int(span.end); return false }
                return true
            }
            return end
        }
        return text[...].prefix(bytes: end)
    }

    /// The text up to its `count`-th line end (all of it when shorter).
    static func prefix(of text: String, lines count: Int) -> Substring {
        let end = text.withUTF8Bytes { $0.offset(ofOccurrence: count, of: 0x0A) }
        guard let end else { return text[...] }
        return text[...].prefix(bytes: end)
    }

    static func isPlan(_ text: String) -> Bool {
        // Rule most documents out by bytes before looking at lines.
        guard UTF8Search.contains(text, "章") else { return false }
        guard UTF8Search.contains(text, "施策展開") || UTF8Search.contains(text, "現状と課題") else {
            // An excerpt of chapters alone (their titles and ◉ policies, no sections): two
            // chapter lines and a policy bullet.
            guard UTF8Search.contains(text, "◉") else { return false }
            let head = prefix(of: text, lines: 5_000)
            let chapters = linesEnding(in: head, with: ["章"]).filter { if case .chapter = PlanLineClassifier.classify($0) { true } else { false } }
            return chapters.count >= 2
        }
        // Minutes often name a plan's chapters and labels too; only the lines that can be a
        // chapter (`第…章`) or a label (`現状と課題`, `施策展開`, spaced out or not) are
        // classified, found by the character they end with. Chapters first: few texts have one.
        let head = prefix(of: text, lines: 5_000)
        func has(_ endings: [StaticString], _ wanted: (PlanLineClassifier.Kind) -> Bool) -> Bool {
            linesEnding(in: head, with: endings).contains { wanted(PlanLineClassifier.classify($0)) }
        }
        return has(["章"]) { if case .chapter = $0 { true } else { false } }
            && has(["題", "開"]) { $0 == .issuesLabel || $0 == .measuresLabel }
    }

    /// The lines of `text` (numbered from 1 each) whose content ends with one of `endings`
    /// (white space trimmed), in order.
    static func linesEnding(in text: Substring, with endings: [StaticString]) -> [SourceLine] {
        let ranges = text.withUTF8Bytes { bytes -> [Range<Int>] in
            func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
            var lines: [Range<Int>] = []
            for ending in endings {
                for at in bytes.offsets(of: ending) {
                    // The ending must be the last thing on its line but white space.
                    var end = at + ending.utf8CodeUnitCount
                    while end < bytes.count, !isBreak(bytes[end]) {
                        let width = bytes.spaceWidth(at: end)
                        guard width > 0 else { break }
                        end += width
                    }
                    guard end == bytes.count || isBreak(bytes[end]) else { continue }
                    var start = at
                    while start > 0, !isBreak(bytes[start - 1]) { start -= 1 }
                    lines.append(start..<end)
                }
            }
            return lines.sorted { $0.lowerBound < $1.lowerBound }
        }
        var lines: [SourceLine] = []
        var last: Range<Int>?
        for range in ranges where range != last {
            last = range
            lines += SourceLine.split(text.dropping(bytes: range.lowerBound).prefix(bytes: range.count))
        }
        return lines
    }
}
