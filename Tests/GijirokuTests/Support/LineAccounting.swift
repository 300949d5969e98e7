@testable import Gijiroku

/// The leaves of a record: the parts that each own their source lines. Containers
/// (an exchange, an explanation, an agenda entry, one attendee) overlap their leaves
/// and are not listed. A verbatim record's utterances own their lines but the events
/// and rules among them.
enum LineAccounting {
    static func leaves(of m: Minutes) -> [(String, LineRange)] {
        var leaves: [(String, LineRange)] = []
        leaves += m.header.map { ("header \($0.field.rawValue)", $0.lines) }
        leaves += m.notes.map { ("note", $0.lines) }
        leaves += m.layout.map { ("layout \($0.role.rawValue)", LineRange($0.line)) }
        for item in m.agenda {
            if let e = item.explanation {
                if let intro = e.intro { leaves.append(("intro", intro.lines)) }
                leaves += e.points.map { ("point", $0.lines) }
            }
            for x in item.exchanges {
                if let q = x.questionLines { leaves.append(("question", q)) }
                leaves += x.answers.map { ("answer", $0.lines) }
            }
        }
        leaves += m.directives.map { ("directive", $0.lines) }
        leaves += m.other.map { ("other", $0.lines) }
        leaves += m.paragraphs.map { ("paragraph", $0.lines) }
        leaves += m.speeches.map { ("speech", $0.lines) }
        leaves += m.events.map { ("event \($0.kind.rawValue)", $0.lines) }
        return leaves
    }

    /// Lines that are not blank and belong to no leaf and no warning, or to more than one leaf.
    static func problems(in m: Minutes, text: String) -> [String] {
        let leaves = leaves(of: m)
        let warned = Set(m.warnings.compactMap(\.line))
        var problems: [String] = []
        for line in SourceLine.split(text) where !line.isBlank {
            var owners = leaves.filter { $0.1.contains(line.number) }.map(\.0)
            // An utterance's lines run from its label to its last line; an event or a rule
            // between them is that event's, not the utterance's.
            if owners.contains("speech"), owners.contains(where: { $0.hasPrefix("event") || $0 == "layout rule" }) {
                owners.removeAll { $0 == "speech" }
            }
            // A line the record marks `shared` holds parts of several fields or utterances
            // (a flattened header, a table row): it may have several owners, and needs one.
            if owners.contains("layout shared") {
                owners.removeAll { $0 == "layout shared" }
                if owners.isEmpty && !warned.contains(line.number) { problems.append("line \(line.number) shared by nothing: \(line.content)") }
                continue
            }
            if owners.count > 1 { problems.append("line \(line.number) in \(owners): \(line.content)") }
            if owners.isEmpty && !warned.contains(line.number) { problems.append("line \(line.number) dropped: \(line.content)") }
        }
        return problems
    }
}
