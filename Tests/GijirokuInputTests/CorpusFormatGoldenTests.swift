import Foundation
import Testing
import Gijiroku
import GijirokuTestSupport
@testable import GijirokuInput

/// The corpus's PDF, DOCX and HTML documents, read through the input layer as `gijiroku parse`
/// reads them, give exactly their golden JSON.
@Suite struct CorpusFormatGoldenTests {
    static let pdfs = Repository.corpusFiles("minutes", extensions: ["pdf"]).map { "minutes/\($0)" }
        + Repository.corpusFiles("documents", extensions: ["pdf"]).map { "documents/\($0)" }
    static let docx = Repository.corpusFiles("documents", extensions: ["docx"]).map { "documents/\($0)" }
    static let html = Repository.corpusFiles("minutes", extensions: ["html", "htm"]).map { "minutes/\($0)" }

    static func check(_ name: String) throws {
        let input = Repository.corpus.appendingPathComponent(name)
        var record = try SourceFile(path: input.path).parse()
        // The path as the corpus names it, so golden files do not depend on where the clone is.
        switch record {
        case .minutes(var m): m.source.path = "Corpus/\(name)"; record = .minutes(m)
        case .plan(var p): p.source.path = "Corpus/\(name)"; record = .plan(p)
        case .document(var d): d.source.path = "Corpus/\(name)"; record = .document(d)
        }
        try Golden.compare(RecordEncoder.json(record), golden: input.deletingPathExtension().appendingPathExtension("json"), name: name)
    }

    @Test(.enabled(if: Repository.hasPDFText, "pdftotext (poppler-utils) is not installed"), arguments: pdfs)
    func pdfsMatchGolden(_ name: String) throws { try Self.check(name) }

    @Test(arguments: docx)
    func docxMatchGolden(_ name: String) throws { try Self.check(name) }

    @Test(arguments: html)
    func htmlPagesMatchGolden(_ name: String) throws { try Self.check(name) }

    @Test func theCorpusHoldsAnHTMLPage() { #expect(!Self.html.isEmpty) }

    @Test(arguments: docx)
    func docxAreDetectedAsDocuments(_ name: String) throws {
        guard case .document = try SourceFile(path: Repository.corpus.appendingPathComponent(name).path).parse() else {
            Issue.record("\(name) was not read as a document")
            return
        }
    }
}
