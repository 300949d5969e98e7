/// Extracts the meeting date, weekday and start/end times from the header fields:
/// a combined `日時` field, separate `開会時刻`/`閉会時刻` fields, or a `時間` field.
/// The notice date (`招集通知年月日`) is kept apart from the meeting date.
///
/// ```swift
/// // 【日 時】 平成30年11月16日（金）  午後３時～午後３時30分
/// // → date 2018-11-16, weekday 金, 15:00–15:30
/// ```
struct DateTimeExtractor {
    struct Result {
        var date: String?
        var weekday: String?
        var startTime: String?
        var endTime: String?
        var noticeDate: String?
        var warnings: [ParseWarning] = []
    }

    /// - Parameters:
    ///   - context: the lines around the header that are not fields (title lines, chrome):
    ///     where a year can be found when the meeting's day is written without one.
    func extract(fields: [HeaderReader.Field], title: String?, titleLine: Int?, context: [SourceLine] = []) -> Result {
        var result = Result()
        // A labelled date before one known by its content (`[2006年12月13日]` above `1 日時…`).
        let fields = fields.filter { $0.label != nil || $0.field != .date } + fields.filter { $0.label == nil && $0.field == .date }
        for field in fields {
            let value = field.value
            let line = field.labelLine.number
            switch field.field {
            case .date:
                guard result.date == nil else { continue }
                var scanner = ScalarScanner(value)
                if let found = JapaneseDate.find(in: &scanner) {
                    result.date = found.date.iso
                    result.weekday = found.weekday
                    result.warnings += found.problems.map { ParseWarning(line: line, .dateProblem($0)) }
                    let marked = TimeOfDay.marked(in: value)
                    if marked.start != nil || marked.end != nil {
                        result.startTime = result.startTime ?? marked.start?.description
                        result.endTime = result.endTime ?? marked.end?.description
                    } else if let range = TimeOfDay.findRange(in: &scanner) {
                        result.startTime = range.start.description
                        result.endTime = range.end?.description
                    }
                } else if let inferred = infer(from: value, line: line, context: context, title: title) {
                    result.date = inferred.date
                    result.warnings.append(inferred.warning)
                    if let range = TimeOfDay.findRange(in: value) {
                        result.startTime = result.startTime ?? range.start.description
                        result.endTime = result.endTime ?? range.end?.description
                    }
                } else if WidthFolding.compact(value).isEmpty {
                    // `日時：` with nothing after it: a label with no value, said so, no date guessed.
                    result.warnings.append(ParseWarning(line: line, .fieldWithoutValue(label: field.label.map(String.init) ?? "")))
                } else {
                    result.warnings.append(ParseWarning(line: line, .dateUnreadable(value)))
                }
            case .time:
                let marked = TimeOfDay.marked(in: value)
                if marked.start != nil || marked.end != nil {
                    result.startTime = result.startTime ?? marked.start?.description
                    result.endTime = result.endTime ?? marked.end?.description
                } else if let range = TimeOfDay.findRange(in: value) {
                    result.startTime = result.startTime ?? range.start.description
                    result.endTime = result.endTime ?? range.end?.description
                }
            case .start:
                if let found = JapaneseDate.find(in: value), result.date == nil {
                    result.date = found.date.iso
                    result.weekday = found.weekday
                }
                // `(開 会)` alone marks the proceedings' start, with no time to read: nothing to warn of.
                if let time = TimeOfDay.findRange(in: value) { result.startTime = time.start.description }
                else if !WidthFolding.compact(value).isEmpty { result.warnings.append(ParseWarning(line: line, .startTimeUnreadable(value))) }
            case .end:
                if let time = TimeOfDay.findRange(in: value) { result.endTime = time.start.description }
                else if !WidthFolding.compact(value).isEmpty { result.warnings.append(ParseWarning(line: line, .endTimeUnreadable(value))) }
            case .noticeDate:
                if let found = JapaneseDate.find(in: value) { result.noticeDate = found.date.iso }
            default:
                continue
            }
        }
        if result.date == nil, let title, let found = JapaneseDate.find(in: title) {
            result.date = found.date.iso
            result.weekday = found.weekday
        }
        if result.date == nil, let found = context.lazy.compactMap({ JapaneseDate.find(in: $0.content) }).first {
            // Another line above the header names the day (`平成30年議会運営委員会 名簿 2018-10-05`).
            result.date = found.date.iso
            result.weekday = found.weekday
        }
        if result.date == nil {
            // A day without a year (`第6回委員会 (8月18日)`), completed from a year stated nearby.
            for line in context {
                guard let inferred = infer(from: line.content, line: line.number, context: context, title: title) else { continue }
                result.date = inferred.date
                result.warnings.append(inferred.warning)
                break
            }
        }
        if result.date == nil {
            result.warnings.append(ParseWarning(line: titleLine, .dateMissing))
        }
        return result
    }

    /// A month and day in `text` completed with the first year stated in the context or the
    /// title: never a guess presented as fact (the warning says where the year came from).
    private func infer<S: StringProtocol>(from text: S, line: Int, context: [SourceLine], title: String?) -> (date: String, warning: ParseWarning)? {
        guard let day = JapaneseDate.findMonthDay(in: text) else { return nil }
        let stated = JapaneseDate.findYear(in: text)
            ?? context.lazy.compactMap { JapaneseDate.findYear(in: $0.content) }.first
            ?? title.flatMap { JapaneseDate.findYear(in: $0) }
        guard let stated, let date = JapaneseDate.completing(month: day.month, day: day.day, with: stated) else { return nil }
        return (date.iso, ParseWarning(line: line, .dateInferred(date: date.iso, written: day.written, year: stated.written)))
    }
}
