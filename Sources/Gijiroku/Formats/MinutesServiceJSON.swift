import Foundation

/// Minutes as a council-minutes search service exports them: a JSON object whose
/// `tenant_minutes` array holds one entry per turn, with `title` naming the speaker (or
/// `（名簿）` for the roster) and `body` the turn as HTML (often in `<pre>`), the speaker's
/// label included. Read into one text, entry after entry, each body's HTML turned into text.
///
/// ```swift
/// MinutesServiceJSON.text(of: #"{"tenant_minutes":[{"title":"議長（山田）","body":"<pre>○議長（山田）　開会します。</pre>"}]}"#)
/// // "\n○議長（山田）　開会します。\n\n"
/// ```
enum MinutesServiceJSON {
    /// The text of the entries, or `nil` when `text` is not such an export.
    static func text(of text: String) -> String? {
        guard text.prefix(512).contains("\"tenant_minutes\""),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let entries = object["tenant_minutes"] as? [[String: Any]] else { return nil }
        var out = ""
        for entry in entries {
            guard let body = entry["body"] as? String else { continue }
            var turn = HTMLText.text(of: body)
            // A body without its speaker's label: the entry's title names the speaker.
            if let title = entry["title"] as? String, !title.hasPrefix("（"), !turn.contains(title),
               let type = entry["minute_type"] as? String, let marker = type.first, SpeakerLabel.markers.contains(marker) {
                turn = "\(marker)\(title)　" + turn.drop { $0 == "\n" }
            }
            out += turn
            if !out.hasSuffix("\n") { out += "\n" }
        }
        return out
    }
}
