import Foundation
@testable import Gijiroku

// The parsers reached from bytes, as the library entry reaches them, for tests that read
// one kind: `ParsedDocument.parse(_:source:kind:)` with the kind given.

extension MinutesParser {
    func parse(_ data: Data, path: String) throws(InputError) -> Minutes {
        guard case .minutes(let m) = try ParsedDocument.parse(data, source: InputSource(path: path), kind: .minutes) else { fatalError("kind") }
        return m
    }
}

extension PlanParser {
    func parse(_ data: Data, path: String) throws(InputError) -> Plan {
        guard case .plan(let p) = try ParsedDocument.parse(data, source: InputSource(path: path), kind: .plan) else { fatalError("kind") }
        return p
    }
}

extension DocumentParser {
    func parse(_ data: Data, path: String) throws(InputError) -> Document {
        guard case .document(let d) = try ParsedDocument.parse(data, source: InputSource(path: path), kind: .document) else { fatalError("kind") }
        return d
    }
}

extension ParsedDocument {
    /// Reads a corpus file as the input layer would, for text formats.
    static func read(_ url: URL, kind: DocumentKind? = nil) throws -> ParsedDocument {
        try parse(Data(contentsOf: url), source: InputSource(path: url.path), kind: kind)
    }
}
