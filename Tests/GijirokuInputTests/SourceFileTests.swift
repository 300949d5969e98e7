import Foundation
import Testing
import Gijiroku
import GijirokuTestSupport
@testable import GijirokuInput

/// Files of every supported type, and the broken ones: a clear error naming the file.
@Suite struct SourceFileTests {
    func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = try Repository.temporaryFolder("gijiroku-input").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func aDocxIsReadFromItsDocumentXML() throws {
        let path = Repository.corpus.appendingPathComponent("documents/shiomigawa-digital-policy-draft-2021-word.docx").path
        guard case .document(let doc) = try SourceFile(path: path).parse() else { Issue.record("not a document"); return }
        #expect(doc.source.format == .docx)
        #expect(doc.title == "汐見川市デジタル推進計画策定方針（案）")
        #expect(doc.outline.count == 4)
    }

    @Test func aDocxThatIsNotAZipIsAClearError() throws {
        let path = try temporary("偽物.docx", Array("ただのテキストです".utf8))
        let error = #expect(throws: InputError.self) { try SourceFile(path: path).parse() }
        #expect(error?.description.contains("偽物.docx: error: DOCX ではありません") == true)
    }

    @Test(.enabled(if: Repository.hasPDFText, "pdftotext (poppler-utils) is not installed"))
    func aBrokenPDFIsAClearError() throws {
        let path = try temporary("壊れた.pdf", Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n".utf8))
        let error = #expect(throws: InputError.self) { try SourceFile(path: path).parse() }
        #expect(error?.description.contains("壊れた.pdf: error: PDF が壊れているか読めません") == true)
    }

    @Test(.enabled(if: Repository.hasPDFText, "pdftotext (poppler-utils) is not installed"))
    func anEncryptedPDFIsAClearError() throws {
        let path = Repository.root.appendingPathComponent("Tests/GijirokuInputTests/Fixtures/encrypted.pdf").path
        let error = #expect(throws: InputError.self) { try SourceFile(path: path).parse() }
        #expect(error?.description.contains("encrypted.pdf: error: 暗号化された PDF です") == true)
    }

    @Test(.enabled(if: Repository.hasPDFText, "pdftotext (poppler-utils) is not installed"))
    func aPDFIsReadThroughPdftotext() throws {
        let path = Repository.corpus.appendingPathComponent("minutes/shiomigawa-gyokaku-04-print.pdf").path
        guard case .minutes(let m) = try SourceFile(path: path).parse() else { Issue.record("not minutes"); return }
        #expect(m.source.format == .pdf)
        #expect(m.date == "2019-08-29")
        #expect(m.directives.count == 1)
    }

    @Test func unsupportedTypesAreNamed() throws {
        let path = try temporary("表.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0])
        let error = #expect(throws: InputError.self) { try SourceFile(path: path).parse() }
        #expect(error?.description.contains("表.xlsx: error: 対応していない形式です") == true)
    }

    @Test func everyTextEncodingIsRecorded() throws {
        let names = ["minutes/shiomigawa-gyokaku-04.txt": TextEncoding.shiftJIS, "minutes/shiomigawa-kosodate-04.txt": .utf16LE,
                     "documents/shiomigawa-notice-2020-eucjp.txt": .eucJP, "minutes/shiomigawa-gyokaku-01.txt": .utf8]
        for (name, encoding) in names {
            let document = try SourceFile(path: Repository.corpus.appendingPathComponent(name).path).parse()
            let source: SourceInfo
            switch document {
            case .minutes(let m): source = m.source
            case .plan(let p): source = p.source
            case .document(let d): source = d.source
            }
            #expect(source.encoding == encoding, "\(name)")
        }
    }
}
