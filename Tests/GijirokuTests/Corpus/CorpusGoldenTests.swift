import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Every text corpus document (text and Markdown, in every encoding) parses to exactly its
/// golden JSON beside it. PDF and DOCX inputs go through the input layer: their goldens are
/// checked in `GijirokuInputTests`. `RECORD_GOLDEN=1 swift test` rewrites the golden files
/// and still fails, so that a recording is always read before it is committed.
@Suite struct CorpusGoldenTests {
    static let minutes = Repository.corpusFiles("minutes", extensions: ["txt", "md"])
    static let plans = Repository.corpusFiles("plans", extensions: ["txt", "md"])
    static let documents = Repository.corpusFiles("documents", extensions: ["txt", "md"])

    static func golden(_ folder: String, _ name: String) -> URL {
        Repository.corpus.appendingPathComponent("\(folder)/\(name)").deletingPathExtension().appendingPathExtension("json")
    }

    @Test func corpusHasTheDocumentsTheSpecAsksFor() {
        #expect(Self.minutes.count >= 16)
    }

    /// A page of several meetings has one golden per meeting: `name.1.json`, `name.2.json` ….
    @Test(arguments: minutes)
    func minutesMatchGolden(_ name: String) throws {
        let record = try ParsedDocument.read(Repository.corpus.appendingPathComponent("minutes/\(name)"), kind: .minutes)
        let records = record.relative(to: "Corpus/minutes/\(name)").meetings
        for (k, part) in records.enumerated() {
            var golden = Self.golden("minutes", name)
            if records.count > 1 { golden = golden.deletingPathExtension().appendingPathExtension("\(k + 1).json") }
            try Golden.compare(RecordEncoder.json(part), golden: golden, name: golden.lastPathComponent)
        }
    }

    @Test(arguments: plans)
    func plansMatchGolden(_ name: String) throws {
        let record = try PlanParser().parse(Data(contentsOf: Repository.corpus.appendingPathComponent("plans/\(name)")), path: "Corpus/plans/\(name)")
        try Golden.compare(RecordEncoder.json(record), golden: Self.golden("plans", name), name: name)
    }

    @Test(arguments: documents)
    func documentsMatchGolden(_ name: String) throws {
        let record = try ParsedDocument.read(Repository.corpus.appendingPathComponent("documents/\(name)"), kind: .document)
        try Golden.compare(RecordEncoder.json(record.relative(to: "Corpus/documents/\(name)")), golden: Self.golden("documents", name), name: name)
    }

    @Test(arguments: documents)
    func documentsAreDetectedAsDocuments(_ name: String) throws {
        guard case .document = try ParsedDocument.read(Repository.corpus.appendingPathComponent("documents/\(name)")) else {
            Issue.record("\(name) was not read as a document")
            return
        }
    }

    @Test(arguments: plans)
    func plansAreDetectedAsPlans(_ name: String) throws {
        let data = try Data(contentsOf: Repository.corpus.appendingPathComponent("plans/\(name)"))
        #expect(DocumentKind.detect(try TextDecoder().decode(data, path: name).text) == .plan)
    }

    @Test(arguments: minutes)
    func minutesAreDetectedAsMinutes(_ name: String) throws {
        let data = try Data(contentsOf: Repository.corpus.appendingPathComponent("minutes/\(name)"))
        #expect(DocumentKind.detect(try TextDecoder().decode(data, path: name).text) == .minutes)
    }

    @Test(arguments: minutes)
    func everyNonBlankLineIsAccountedForExactlyOnce(_ name: String) throws {
        let data = try Data(contentsOf: Repository.corpus.appendingPathComponent("minutes/\(name)"))
        let text = try TextDecoder().decode(data, path: name).text
        let record = MinutesParser().parse(text: text, path: name)
        #expect(LineAccounting.problems(in: record, text: text) == [])
    }
}
