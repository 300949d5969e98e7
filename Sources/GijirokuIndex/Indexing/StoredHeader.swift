import Foundation
import Gijiroku

/// What a minutes record's header says beyond its title and date, kept in
/// `documents.header` as JSON for the pages that show a meeting (the static site):
/// whether it is a summary or a verbatim record, the weekday, time, place, who attended
/// (with roles, groups and proxies), who was absent and who chaired.
///
/// ```swift
/// let header = StoredHeader(minutes)
/// header.json   // {"absentees":[],"attendees":[…],"chair":null,"endTime":"15:15",…}
/// ```
package struct StoredHeader: Sendable, Hashable, Codable {
    package var form: MinutesForm
    package var weekday: String?
    package var startTime: String?
    package var endTime: String?
    package var place: String?
    package var noticeDate: String?
    package var chair: String?
    package var attendees: [Attendee]
    package var absentees: [String]

    package init(_ minutes: Minutes) {
        form = minutes.form
        weekday = minutes.weekday
        startTime = minutes.startTime
        endTime = minutes.endTime
        place = minutes.place
        noticeDate = minutes.noticeDate
        chair = minutes.chair
        attendees = minutes.attendees
        absentees = minutes.absentees
    }

    /// The header as stored: one line of the records' own JSON (``RecordEncoder``, the
    /// writer the CLI's output uses; this runs for every minutes record indexed).
    package var json: String {
        (try? RecordEncoder.jsonLine(self)) ?? "{}"
    }

    /// The header stored as `json`; `nil` for none or an unreadable one (an index written
    /// before headers were kept has none until its minutes are read again).
    package static func decode(_ json: String?) -> StoredHeader? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(StoredHeader.self, from: Data(json.utf8))
    }
}
