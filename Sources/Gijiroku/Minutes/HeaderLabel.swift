/// Recognises a header field label in any of the house styles archives use:
/// `【日 時】`, `日時：`, `1 日時`, `1.日 時`, `〇招集日時`, `□ 開 催 年 月 日`, `(開会)`,
/// or a label alone on its line.
///
/// ```swift
/// let label = HeaderLabel.match("□ 開 催 年 月 日　2019年7月3日")!
/// label.field    // .date
/// label.written  // "□ 開 催 年 月 日"
/// label.value    // "2019年7月3日"
/// ```
struct HeaderLabel: Hashable {
    let field: HeaderField.Field
    /// The label as written, decorations and numbering included.
    let written: Substring
    /// What follows the label on the same line (may be empty: the value is on the next line).
    let value: Substring

    /// Labels by field, longest first so that `開会時刻` wins over `開会`.
    static let labels: [(String, HeaderField.Field)] = [
        ("招集通知年月日", .noticeDate), ("招集通知日", .noticeDate), ("通知年月日", .noticeDate),
        ("開催年月日", .date), ("開催日時", .date), ("招集日時", .date), ("会議日時", .date), ("開催期日", .date),
        ("開催日", .date), ("日時", .date), ("日程", .date), ("期日", .date), ("年月日", .date),
        ("開催時間", .time), ("会議時間", .time), ("時間", .time),
        ("開会時刻", .start), ("開会時間", .start), ("開始時刻", .start), ("開会", .start), ("開始", .start),
        ("閉会時刻", .end), ("閉会時間", .end), ("終了時刻", .end), ("閉会", .end), ("散会", .end), ("終了", .end),
        ("開催場所", .place), ("招集場所", .place), ("開催会場", .place), ("場所", .place), ("会場", .place),
        ("事務局出席者", .secretariat), ("出席事務局職員", .secretariat), ("事務局出席職員", .secretariat), ("事務局職員", .secretariat),
        ("区議会事務局", .secretariat), ("市議会事務局", .secretariat), ("議会事務局", .secretariat), ("出席説明員", .secretariat),
        ("出席理事者", .secretariat), ("市執行部", .secretariat), ("幹事", .secretariat),
        ("出席委員", .attendees), ("出席議員", .attendees), ("出席職員", .attendees), ("出席者", .attendees),
        ("参加者", .attendees), ("構成員", .attendees), ("出席", .attendees),
        ("欠席委員", .absentees), ("欠席議員", .absentees), ("欠席理事者", .absentees), ("欠席説明員", .absentees), ("欠席者", .absentees), ("欠席", .absentees),
        ("本日の会議に付した事件", .agenda), ("会議に付した事件", .agenda), ("付議事件", .agenda), ("会議次第", .agenda), ("議事日程", .agenda), ("議事", .agenda), ("議題", .agenda),
        ("案件", .agenda), ("次第", .agenda),
        ("説明のため出席した者", .secretariat), ("説明員", .secretariat),
        // 地方自治法第121条: those the council asks to attend, to explain (the executive).
        ("地方自治法第１２１条の規定による出席者", .secretariat), ("地方自治法第121条の規定による出席者", .secretariat),
        ("地方自治法第１２１条による出席者", .secretariat), ("地方自治法第121条による出席者", .secretariat),
        ("地方自治法第１２１条第１項の規定による出席者", .secretariat), ("地方自治法第121条第1項の規定による出席者", .secretariat), ("説明者", .secretariat), ("事務局", .secretariat),
        ("議長", .chair), ("座長", .chair), ("司会", .chair), ("会議名", .title), ("会議の名称", .title),
        ("傍聴者", .other), ("傍聴人", .other), ("傍聴", .other), ("配布資料", .other), ("会議資料", .other), ("配付資料", .other),
    ].sorted { $0.0.count > $1.0.count }

    /// The labels by their first character, so that a line is compared with a few candidates only.
    static let byFirstScalar: [Unicode.Scalar: [(String, HeaderField.Field)]] =
        Dictionary(grouping: labels, by: { $0.0.unicodeScalars.first! })

    /// Labels that may be glued to their value after numbering (`1 日時平成18年…`, `2 場所市役所…`):
    /// none of them starts a common word.
    static let gluable: Set<String> = ["日時", "開催日時", "開催日", "開催年月日", "場所", "開催場所", "会場", "出席者", "出席委員",
                                       "欠席者", "欠席委員", "議題", "傍聴者", "傍聴人", "配布資料", "配付資料", "会議資料"]

    /// Whether a count starts here: `（３２人）`, `(9名)`, `15名`.
    static func startsCount(_ rest: Substring.UnicodeScalarView.SubSequence) -> Bool {
        var s = ScalarScanner(String(String.UnicodeScalarView(rest.prefix(8))))
        _ = s.scanAny(["(", "（"])
        return s.scanNumber() != nil && s.scanAny(["名", "人"]) != nil
    }

    static let decorations: ScalarSet = ["■", "□", "〇", "○", "◯", "●", "◆", "◇", "◎", "・"]

    /// Whether a label may open with `first` where the text is not numbered: a decoration,
    /// a bracket, or a label's first character.
    static func mayOpen(with first: Unicode.Scalar) -> Bool {
        decorations.contains(first) || byFirstScalar[first] != nil || LineClassifier.closer(of: first) != nil
    }

    static func match(_ content: Substring) -> HeaderLabel? {
        let scalars = content.unicodeScalars
        // Most texts open with a character no label, decoration, bracket or numbering opens
        // with: answered on that character alone (this is asked at every opening of a line).
        if let first = scalars.first, !mayOpen(with: first), Numbering.parse(content) == nil { return nil }
        var i = scalars.startIndex
        func skipSpaces() { while i < scalars.endIndex, SourceLine.isSpace(scalars[i]) { i = scalars.index(after: i) } }

        if i < scalars.endIndex, decorations.contains(scalars[i]) { i = scalars.index(after: i); skipSpaces() }
        var numbered = false
        if let numbering = Numbering.parse(Substring(scalars[i...])) { i = numbering.rest.startIndex; numbered = true }

        guard i < scalars.endIndex else { return nil }
        if let closer = LineClassifier.closer(of: scalars[i]), scalars[i] != "〈", scalars[i] != "《" {
            let close = closer.withUTF8Buffer { $0.firstScalar!.0 }
            guard let end = scalars[i...].firstIndex(of: close) else { return nil }
            let inner = WidthFolding.compact(Substring(scalars[scalars.index(after: i)..<end]))
            guard let field = labels.first(where: { UTF8Search.equals(inner, $0.0) })?.1 else { return nil }
            var v = scalars.index(after: end)
            let written = Substring(scalars[scalars.startIndex..<v])
            while v < scalars.endIndex, SourceLine.isSpace(scalars[v]) || scalars[v] == "：" || scalars[v] == ":" { v = scalars.index(after: v) }
            return HeaderLabel(field: field, written: written, value: Substring(scalars[v...]))
        }
        for (label, field) in byFirstScalar[scalars[i]] ?? [] {
            // Match the label's characters, allowing spaces between them (`開 催 年 月 日`).
            var j = i
            var matched = true
            for (n, expected) in label.unicodeScalars.enumerated() {
                if n > 0 { while j < scalars.endIndex, SourceLine.isSpace(scalars[j]) { j = scalars.index(after: j) } }
                guard j < scalars.endIndex, scalars[j] == expected else { matched = false; break }
                j = scalars.index(after: j)
            }
            guard matched else { continue }
            let labelEnd = j
            if j < scalars.endIndex {
                let next = scalars[j]
                // The label ends at a space, a colon, a bracket, a count (`出席議員（３２人）`), or,
                // after numbering (`1 日時平成18年…`), wherever a label that is never a word's start ends.
                guard SourceLine.isSpace(next) || next == "：" || next == ":" || next == "】"
                        || (field.takesCount && startsCount(scalars[j...]))
                        || (field == .agenda && (next == "(" || next == "（"))
                        || (numbered && gluable.contains(label)) else { continue }
            }
            var v = j
            while v < scalars.endIndex, SourceLine.isSpace(scalars[v]) || scalars[v] == "：" || scalars[v] == ":" { v = scalars.index(after: v) }
            let writtenEnd = v > labelEnd && (scalars[labelEnd] == "：" || scalars[labelEnd] == ":") ? scalars.index(after: labelEnd) : labelEnd
            return HeaderLabel(field: field, written: Substring(scalars[scalars.startIndex..<writtenEnd]), value: Substring(scalars[v...]))
        }
        return nil
    }
}

extension HeaderField.Field {
    /// Whether the label may carry a count in brackets: `出席議員（３２人）`.
    var takesCount: Bool { self == .attendees || self == .secretariat || self == .absentees }
}
