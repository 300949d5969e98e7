@testable import Gijiroku

extension ParsedDocument {
    /// The same record with `source.path` as the corpus names it, so golden files do not
    /// depend on where the clone is.
    func relative(to path: String) -> ParsedDocument {
        switch self {
        case .minutes(var m): m.source.path = path; return .minutes(m)
        case .plan(var p): p.source.path = path; return .plan(p)
        case .document(var d): d.source.path = path; return .document(d)
        }
    }
}
