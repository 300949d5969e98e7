import Foundation
import Testing
@testable import Gijiroku

/// Every corpus document parses to exactly its golden JSON beside it.
/// `RECORD_GOLDEN=1 swift test` rewrites the golden files and still fails, so that a
/// recording is always read before it is committed.
@Suite struct CorpusGoldenTests {
    static let minutes = Repository.corpusInputs("minutes")

    /// Compares a record with its golden file byte for byte; with `RECORD_GOLDEN=1`, writes
    /// the golden file instead and fails, so the recording is read before it is committed.
    static func compare<R: Encodable>(_ record: R, golden: URL, name: String) throws {
        let actual = try RecordEncoder.json(record)
        if Repository.recording {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.lastPathComponent); read it, then run again without RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; run RECORD_GOLDEN=1 swift test and review the diff")
    }

    @Test func corpusHasTheDocumentsTheSpecAsksFor() {
        #expect(Self.minutes.count >= 16)
    }

    @Test(arguments: minutes)
    func minutesMatchGolden(_ name: String) throws {
        let input = Repository.corpus.appendingPathComponent("minutes/\(name)")
        let golden = input.deletingPathExtension().appendingPathExtension("json")
        let record = try ParsedDocument.read(path: input.path, kind: .minutes).relative(to: "Corpus/minutes/\(name)")
        try Self.compare(record, golden: golden, name: name)
    }

    static let plans = Repository.corpusInputs("plans")

    @Test(arguments: plans)
    func plansMatchGolden(_ name: String) throws {
        let input = Repository.corpus.appendingPathComponent("plans/\(name)")
        let golden = input.deletingPathExtension().appendingPathExtension("json")
        let record = try PlanParser().parse(try Data(contentsOf: input), path: "Corpus/plans/\(name)")
        try Self.compare(record, golden: golden, name: name)
    }

    static let documents = Repository.corpusInputs("documents")

    @Test(arguments: documents)
    func documentsMatchGolden(_ name: String) throws {
        let input = Repository.corpus.appendingPathComponent("documents/\(name)")
        let golden = input.deletingPathExtension().appendingPathExtension("json")
        let record = try ParsedDocument.read(path: input.path, kind: .document).relative(to: "Corpus/documents/\(name)")
        try Self.compare(record, golden: golden, name: name)
    }

    @Test(arguments: documents)
    func documentsAreDetectedAsDocuments(_ name: String) throws {
        let path = Repository.corpus.appendingPathComponent("documents/\(name)").path
        guard case .document = try ParsedDocument.read(path: path) else { Issue.record("\(name) was not read as a document"); return }
    }

    static let pdfs = Repository.corpusPDFs("minutes").map { "minutes/\($0)" } + Repository.corpusPDFs("documents").map { "documents/\($0)" }

    @Test(.enabled(if: Repository.hasPDFText, "pdftotext (poppler-utils) is not installed"), arguments: pdfs)
    func pdfsMatchGolden(_ name: String) throws {
        let input = Repository.corpus.appendingPathComponent(name)
        let golden = input.deletingPathExtension().appendingPathExtension("json")
        let record = try ParsedDocument.read(path: input.path).relative(to: "Corpus/\(name)")
        try Self.compare(record, golden: golden, name: name)
    }

    @Test(arguments: plans)
    func plansAreDetectedAsPlans(_ name: String) throws {
        let data = try Data(contentsOf: Repository.corpus.appendingPathComponent("plans/\(name)"))
        #expect(DocumentKind.detect(try TextDecoder().decode(data, path: name).text) == .plan)
    }

    @Test func thePDFCorpusHasAPDF() { #expect(!Self.pdfs.isEmpty) }

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
