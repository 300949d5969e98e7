/// A clock time read from Japanese text: `午後３時`, `午後３時30分`, `午前十時半`, `正午`,
/// `18時54分`, `14:00`; and ranges joined by `～`, `〜`, `~`, `-` or `から…まで`.
///
/// ```swift
/// let range = TimeOfDay.findRange(in: "午後３時～午後３時30分")!
/// range.start.description   // "15:00"
/// range.end?.description    // "15:30"
/// ```
struct TimeOfDay: Sendable, Hashable, CustomStringConvertible {
    /// 0–24 (24 only as 24:00).
    let hour: Int
    /// 0–59.
    let minute: Int

    init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// `HH:MM`.
    var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// A start time and, when given, an end time.
    struct Range: Sendable, Hashable {
        var start: TimeOfDay
        var end: TimeOfDay?
    }

    /// The first time or time range in `text`.
    static func findRange<S: StringProtocol>(in text: S) -> Range? {
        var s = ScalarScanner(text)
        return findRange(in: &s)
    }

    static func findRange(in s: inout ScalarScanner) -> Range? {
        while !s.isAtEnd {
            let start = s.index
            if let (first, meridiem) = parse(&s) {
                let afterFirst = s.index
                if s.scanAny(["~", "-", "―", "ー", "から", "〜", "－", "to"]) != nil, let (second, explicit) = parse(&s) {
                    _ = s.scan("まで")
                    var end = second
                    // 午後３時～３時30分: the second time inherits 午後.
                    if explicit == nil, meridiem == "午後", second.hour < 12, let shifted = TimeOfDay(hour: second.hour + 12, minute: second.minute) {
                        end = shifted
                    }
                    return Range(start: first, end: end)
                }
                s.index = afterFirst
                return Range(start: first, end: nil)
            }
            s.index = start + 1
        }
        return nil
    }

    /// Reads one time; returns it with the 午前/午後 written before it, if any.
    static func parse(_ s: inout ScalarScanner) -> (TimeOfDay, String?)? {
        let start = s.index
        if s.scan("正午") { return TimeOfDay(hour: 12, minute: 0).map { ($0, "午後") } }
        let meridiem = s.scanAny(["午前", "午後", "AM", "PM", "am", "pm"])
        guard var hour = s.scanNumber() else { s.index = start; return nil }
        var minute = 0
        if s.scan("時") {
            if s.scan("半") {
                minute = 30
            } else {
                let save = s.index
                if let m = s.scanNumber(), s.scan("分") { minute = m } else { s.index = save }
            }
        } else if s.scan(":") || s.scan("："), let m = s.scanNumber() {
            minute = m
        } else {
            s.index = start
            return nil
        }
        switch meridiem {
        case "午後", "PM", "pm": if hour < 12 { hour += 12 }
        case "午前", "AM", "am": if hour == 12 { hour = 0 }
        default: break
        }
        guard let time = TimeOfDay(hour: hour, minute: minute) else { s.index = start; return nil }
        let normalised: String? = meridiem.map { ["PM", "pm"].contains($0) ? "午後" : (["AM", "am"].contains($0) ? "午前" : $0) }
        return (time, normalised)
    }
}

extension TimeOfDay {
    /// The times a text marks as the opening and the closing of a meeting, wherever they
    /// stand: `開会 午後 1時30分`, `(開会)午後1時30分`, `10時00分開会 10時38分閉会`,
    /// `午前10時開議`, `散会 午前10時43分`.
    ///
    /// ```swift
    /// let marked = TimeOfDay.marked(in: "開会 午後 1時30分 平成25年10月29日(火) 閉会 午後 2時46分")
    /// marked.start?.description   // "13:30"
    /// marked.end?.description     // "14:46"
    /// ```
    static func marked<S: StringProtocol>(in text: S) -> (start: TimeOfDay?, end: TimeOfDay?) {
        var s = ScalarScanner(text)
        var start: TimeOfDay?, end: TimeOfDay?
        while !s.isAtEnd {
            let at = s.index
            guard let (time, _) = parse(&s) else { s.index = at + 1; continue }
            let after = s.index
            // A marker right after the time, or just before it (brackets and spaces between).
            var mark = marker(&s)
            s.index = after
            if mark == nil { mark = marker(before: at, in: s.scalars) }
            switch mark {
            case .opening?: if start == nil { start = time }
            case .closing?: end = time
            case nil: break
            }
        }
        return (start, end)
    }

    private enum Mark { case opening, closing }
    private static let openings = ["開会", "開議", "開始", "開催"]
    private static let closings = ["閉会", "散会", "閉議", "終了", "延会"]

    private static func marker(_ s: inout ScalarScanner) -> Mark? {
        _ = s.scanAny([")", "）", "="])
        if s.scanAny(openings) != nil { return .opening }
        if s.scanAny(closings) != nil { return .closing }
        return nil
    }

    private static func marker(before index: Int, in scalars: [Unicode.Scalar]) -> Mark? {
        // Up to 4 scalars of brackets, spaces and 午前/午後 may stand between marker and time.
        var i = index
        var skipped = 0
        while i > 0, skipped < 4, SourceLine.isSpace(scalars[i - 1]) || "()（）=＝:：".unicodeScalars.contains(scalars[i - 1]) {
            i -= 1; skipped += 1
        }
        guard i >= 2 else { return nil }
        // Compared as scalars: a string made for each time in a header cost more than the rest.
        let (a, b) = (scalars[i - 2], scalars[i - 1])
        if openingScalars.contains(where: { $0 == (a, b) }) { return .opening }
        if closingScalars.contains(where: { $0 == (a, b) }) { return .closing }
        return nil
    }

    private static let openingScalars = openings.map(pair)
    private static let closingScalars = closings.map(pair)
    private static func pair(_ word: String) -> (Unicode.Scalar, Unicode.Scalar) {
        let s = Array(word.unicodeScalars)
        return (s[0], s[1])
    }
}
