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

    func extract(fields: [HeaderReader.Field], title: String?, titleLine: Int?) -> Result {
        var result = Result()
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
                    if let range = TimeOfDay.findRange(in: &scanner) {
                        result.startTime = range.start.description
                        result.endTime = range.end?.description
                    }
                } else {
                    result.warnings.append(ParseWarning(line: line, .dateUnreadable(value)))
                }
            case .time:
                if let range = TimeOfDay.findRange(in: value) {
                    result.startTime = result.startTime ?? range.start.description
                    result.endTime = result.endTime ?? range.end?.description
                }
            case .start:
                if let found = JapaneseDate.find(in: value), result.date == nil {
                    result.date = found.date.iso
                    result.weekday = found.weekday
                }
                if let time = TimeOfDay.findRange(in: value) { result.startTime = time.start.description }
                else { result.warnings.append(ParseWarning(line: line, .startTimeUnreadable(value))) }
            case .end:
                if let time = TimeOfDay.findRange(in: value) { result.endTime = time.start.description }
                else { result.warnings.append(ParseWarning(line: line, .endTimeUnreadable(value))) }
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
        if result.date == nil {
            result.warnings.append(ParseWarning(line: titleLine, .dateMissing))
        }
        return result
    }
}
