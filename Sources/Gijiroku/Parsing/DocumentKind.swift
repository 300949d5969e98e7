import Foundation

/// Which kind of document a text is, so the right parser reads it.
///
/// A plan has chapters (`第N章`) with `現状と課題` or `施策展開`. Minutes have a minutes title
/// (`議事概要`, `議事録`, `会議録` … in the first lines), a minutes block (`＜議題説明＞`,
/// `＜意見等＞`, `（市長指示）`), or both a date and a place field, unless its first lines say
/// it is a notice or a report (`告示`, `通知`, `…の開催について`). Anything else is a
/// document (a report, a draft, a notice). `--kind` overrides the detection.
///
/// ```swift
/// DocumentKind.detect("第 1 章\n…\n施策展開\n…")   // .plan
/// ```
public enum DocumentKind: String, Sendable, CaseIterable {
    case minutes, plan, document

    public static func detect(_ text: String) -> DocumentKind {
        if isPlan(text) { return .plan }
        return isMinutes(text) ? .minutes : .document
    }

    static func isMinutes(_ text: String) -> Bool {
        // Only the first lines matter: the title and notice words in the first 12 non-blank
        // lines (PDF text has a blank line after each, so 100 lines nearly always hold them),
        // then labels in the first 400. Most minutes are settled by their title alone, without
        // splitting the rest of the document.
        var lines = SourceLine.split(prefix(of: text, lines: 100))
        if lines.count == 100 && lines.lazy.filter({ !$0.isBlank }).count < 12 {
            lines = SourceLine.split(prefix(of: text, lines: 400))
        }
        let head = lines.lazy.filter { !$0.isBlank }.prefix(12)
        let titles = ["議事概要", "議事録", "会議録", "議事要旨", "会議概要", "会議要旨", "会議記録"]
        if head.contains(where: { line in titles.contains { UTF8Search.contains(line.content, $0) } }) { return true }
        // A notice of a meeting has a date and a place too, but says what it is first.
        let notices = ["告示", "通知", "お知らせ", "開催について", "報告書", "視察報告"]
        if head.prefix(4).contains(where: { line in notices.contains { UTF8Search.contains(line.content, $0) } }) { return false }
        if lines.count == 100 { lines = SourceLine.split(prefix(of: text, lines: 400)) }
        var date = false, place = false
        for line in lines where !line.isBlank {
            if case .blockLabel(let kind, _, _) = LineClassifier.classify(line.content), kind != .section { return true }
            if let label = HeaderLabel.match(line.content) {
                if label.field == .date { date = true }
                if label.field == .place { place = true }
            }
        }
        return date && place
    }

    /// The text up to its `count`-th line end (all of it when shorter).
    static func prefix(of text: String, lines count: Int) -> Substring {
        let end = text.withUTF8Bytes { $0.offset(ofOccurrence: count, of: 0x0A) }
        guard let end else { return text[...] }
        return text[...].prefix(bytes: end)
    }

    static func isPlan(_ text: String) -> Bool {
        // Rule most documents out by bytes before looking at lines.
        guard UTF8Search.contains(text, "章"),
              UTF8Search.contains(text, "施策展開") || UTF8Search.contains(text, "現状と課題") else { return false }
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
