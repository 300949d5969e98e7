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
        // Only the first 400 lines matter: do not split the whole document twice.
        let lines = SourceLine.split(prefix(of: text, lines: 400))
        let head = lines.lazy.filter { !$0.isBlank }.prefix(12)
        let titles = ["議事概要", "議事録", "会議録", "議事要旨", "会議概要", "会議要旨", "会議記録"]
        if head.contains(where: { line in titles.contains { UTF8Search.contains(line.content, $0) } }) { return true }
        // A notice of a meeting has a date and a place too, but says what it is first.
        let notices = ["告示", "通知", "お知らせ", "開催について", "報告書", "視察報告"]
        if head.prefix(4).contains(where: { line in notices.contains { UTF8Search.contains(line.content, $0) } }) { return false }
        var date = false, place = false
        for line in lines.prefix(400) where !line.isBlank {
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
        var seen = 0
        for i in text.utf8.indices where text.utf8[i] == 0x0A {
            seen += 1
            if seen == count { return text[..<i] }
        }
        return text[...]
    }

    static func isPlan(_ text: String) -> Bool {
        // Rule most documents out by bytes before looking at lines.
        guard UTF8Search.contains(text, "章"),
              UTF8Search.contains(text, "施策展開") || UTF8Search.contains(text, "現状と課題") else { return false }
        var chapter = false, planLabel = false
        for line in SourceLine.split(prefix(of: text, lines: 5_000)) where !line.isBlank {
            switch PlanLineClassifier.classify(line) {
            case .chapter: chapter = true
            case .issuesLabel, .measuresLabel: planLabel = true
            default: break
            }
            if chapter && planLabel { return true }
        }
        return false
    }
}
