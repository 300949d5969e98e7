import Foundation
import Gijiroku
import GijirokuInput

/// Measures the parser on real public meeting records against a hand-made gold file
/// (`../shared/realworld/gold.json`): header fields (date, start and end time, place,
/// attendee count), the meeting's name (does a council's record name its council, does a
/// name keep a day or a session), speaker turns and labels, Q&A pairs, per file and in total.
///
/// ```swift
/// let report = try RealRecordEvaluation.run(folder: "../shared/realworld")
/// print(report.headerFieldsRight, report.headerFieldsStated)
/// ```
public enum RealRecordEvaluation {
    struct Gold: Decodable {
        var kind: String
        var date: String?
        var startTime: String?
        var endTime: String?
        var place: String?
        var attendeesCount: Int?
        var speakerTurns: Int?
        var speakers: [String]
        var qaPairs: Int?
        var agendaCount: Int?
        var body: String?
    }

    /// What one file gave, against its gold.
    public struct FileResult: Sendable {
        public var file: String
        /// Header fields the gold states (non-null), and those read right.
        public var fieldsStated = 0, fieldsRight = 0
        /// Each wrong field: `date: 2019-11-13 (gold 2019-11-14)`.
        public var fieldMistakes: [String] = []
        /// Dates the parser gave where the gold says none is stated.
        public var inventedDates = 0
        public var goldTurns = 0, foundTurns = 0
        public var goldLabels: [String] = [], missingLabels: [String] = []
        public var goldQA: Int?, foundQA = 0
        /// Agenda items: the gold's count (when it states one) and the record's.
        public var goldAgenda: Int?, foundAgenda = 0
        /// The council the gold's body names (`目黒区議会`), and the meeting's name found.
        public var goldCouncil: String?, foundMeeting: String?
        public var error: String?
    }

    public struct Report: Sendable {
        public var files: [FileResult] = []
        public var headerFieldsStated: Int { files.reduce(0) { $0 + $1.fieldsStated } }
        public var headerFieldsRight: Int { files.reduce(0) { $0 + $1.fieldsRight } }
        public var inventedDates: Int { files.reduce(0) { $0 + $1.inventedDates } }
        public var goldTurns: Int { files.reduce(0) { $0 + $1.goldTurns } }
        /// Turns found up to the gold count of each file (more than the gold is not credited).
        public var turnsMatched: Int { files.reduce(0) { $0 + min($1.foundTurns, $1.goldTurns) } }
        /// Turns found beyond the gold count of each file.
        public var extraTurns: Int { files.reduce(0) { $0 + max(0, $1.foundTurns - $1.goldTurns) } }
        public var goldLabels: Int { files.reduce(0) { $0 + $1.goldLabels.count } }
        public var labelsFound: Int { files.reduce(0) { $0 + $1.goldLabels.count - $1.missingLabels.count } }
        /// Files with Q&A pairs in the gold, and those within one of it.
        public var qaFiles: Int { files.filter { ($0.goldQA ?? 0) > 0 }.count }
        public var qaWithinOne: Int { files.filter { ($0.goldQA ?? 0) > 0 && abs($0.foundQA - $0.goldQA!) <= 1 }.count }
        /// Files whose gold states an agenda count, and those whose agenda has exactly that many items.
        public var agendaFiles: Int { files.filter { $0.goldAgenda != nil }.count }
        public var agendaExact: Int { files.filter { $0.goldAgenda != nil && $0.goldAgenda == $0.foundAgenda }.count }
        /// Council records (the gold's body opens with a council), and those whose meeting name holds it.
        public var councilFiles: Int { files.filter { $0.goldCouncil != nil }.count }
        public var councilNamed: Int {
            files.filter { f in f.goldCouncil.map { c in f.foundMeeting?.contains(c) == true } ?? false }.count
        }
        /// Meeting names found, and those that keep a day, a year, a session or an issue number
        /// (`令和 7年定例会`, `…会議(第66回)`), which belong to the meeting, not to its body.
        public var meetingNames: Int { files.filter { $0.foundMeeting != nil }.count }
        public var datedMeetingNames: [String] { files.compactMap(\.foundMeeting).filter(RealRecordEvaluation.keepsWhen) }
    }

    /// Whether a meeting's name keeps when it met: a date, a month and day, a year, `第N回`,
    /// `第N号`, `N号`, or brackets left empty.
    static func keepsWhen(_ name: String) -> Bool {
        if JapaneseDate.find(in: name) != nil || JapaneseDate.findMonthDay(in: name) != nil || JapaneseDate.findYear(in: name) != nil { return true }
        if name.contains("()") || name.contains("（）") { return true }
        let folded = WidthFolding.fold(name)
        return folded.range(of: #"第[0-9〇一二三四五六七八九十]+[回号日]|[0-9]+号"#, options: .regularExpression) != nil
    }

    /// Parses every file the gold names in `folder` and scores it.
    public static func run(folder: String) throws -> Report {
        let goldURL = URL(fileURLWithPath: folder).appendingPathComponent("gold.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any] ?? [:]
        var report = Report()
        for name in object.keys.sorted() where !name.hasPrefix("_") {
            let entry = try JSONSerialization.data(withJSONObject: object[name]!)
            let gold = try JSONDecoder().decode(Gold.self, from: entry)
            report.files.append(score(URL(fileURLWithPath: folder).appendingPathComponent(name).path, name: name, gold: gold))
        }
        return report
    }

    static func score(_ path: String, name: String, gold: Gold) -> FileResult {
        var r = FileResult(file: name)
        r.goldTurns = gold.speakerTurns ?? 0
        r.goldLabels = gold.speakers
        r.goldQA = gold.qaPairs
        r.goldAgenda = gold.agendaCount
        if let first = gold.body?.split(separator: " ").first, first.hasSuffix("議会") { r.goldCouncil = String(first) }
        let record: ParsedDocument
        do { record = try SourceFile(path: path).parse() } catch {
            r.error = "\(error)"
            r.missingLabels = gold.speakers
            return r
        }
        var date: String?, start: String?, end: String?, place: String?, attendees: Int?
        var labels: [String] = []
        switch record {
        case .minutes(let m):
            date = m.date; start = m.startTime; end = m.endTime; place = m.place
            r.foundMeeting = m.meeting.name
            attendees = m.attendees.isEmpty ? nil : m.attendees.reduce(0) { $0 + ($1.count ?? 1) }
            r.foundTurns = m.speeches.count
            labels = m.speeches.map(\.speaker.label)
            r.foundQA = m.agenda.reduce(m.exchanges.count) { $0 + $1.exchanges.count }
            r.foundAgenda = m.agenda.count
        case .document(let d):
            date = d.date
        case .plan:
            break
        }
        func check(_ field: String, _ expected: String?, _ found: String?, normalise: (String) -> String = { $0 }) {
            guard let expected else { return }
            r.fieldsStated += 1
            if let found, normalise(found) == normalise(expected) { r.fieldsRight += 1 }
            else { r.fieldMistakes.append("\(field): \(found ?? "none") (gold \(expected))") }
        }
        check("date", gold.date, date)
        check("startTime", gold.startTime, start)
        check("endTime", gold.endTime, end)
        check("place", gold.place, place) { String($0.filter { !$0.isWhitespace }) }
        check("attendeesCount", gold.attendeesCount.map(String.init), attendees.map(String.init))
        if gold.date == nil, date != nil { r.inventedDates += 1 }
        let found = Set(labels)
        r.missingLabels = gold.speakers.filter { !found.contains($0) }
        return r
    }
}
