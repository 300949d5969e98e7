import Foundation
import Testing
import Gijiroku
import GijirokuTestSupport
@testable import GijirokuInput

/// Hostile DOCX files: built here byte by byte, as an attacker would, and never a trap, a
/// huge allocation or a lost run.
@Suite struct ZipArchiveTests {
    /// A one-entry ZIP. `deflate`: the content as a raw deflate stream of stored blocks;
    /// `declared`: the size the headers claim (the content's by default).
    static func zip(_ name: String, _ content: [UInt8], deflate: Bool = true, declared: UInt32? = nil) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        var body: [UInt8] = []
        if deflate {
            // Stored deflate blocks of at most 65 535 bytes, the last one final.
            var rest = content[...]
            repeat {
                let part = rest.prefix(65_535)
                rest = rest.dropFirst(part.count)
                body += [rest.isEmpty ? 1 : 0] + u16(part.count) + u16(~part.count & 0xFFFF) + part
            } while !rest.isEmpty
        } else {
            body = content
        }
        let nameBytes = Array(name.utf8)
        let size = declared ?? UInt32(content.count)
        let method = deflate ? 8 : 0
        let local = u32(0x0403_4B50) + u16(20) + u16(0) + u16(method) + u16(0) + u16(0) + u32(0) + u32(UInt32(body.count)) + u32(size)
            + u16(nameBytes.count) + u16(0) + nameBytes
        let central = u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(method) + u16(0) + u16(0) + u32(0) + u32(UInt32(body.count))
            + u32(size) + u16(nameBytes.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(0) + nameBytes
        let centralOffset = local.count + body.count
        let end = u32(0x0605_4B50) + u16(0) + u16(0) + u16(1) + u16(1) + u32(UInt32(central.count)) + u32(UInt32(centralOffset)) + u16(0)
        return local + body + central + end
    }

    func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = try Repository.temporaryFolder("gijiroku-zip").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func anElementNameThatIsNotUTF8IsNoTrap() throws {
        // The crafted file that made Foundation's XMLParser trap (SIGILL) and end the run.
        let path = try temporary("bad.docx", Self.zip("word/document.xml", [0x3C, 0x61, 0x3E, 0x3C, 0xE8, 0x89, 0x2E, 0x2F, 0x3E, 0x3C, 0x2F, 0x61, 0x3E]))
        #expect(throws: InputError.self) { try SourceFile(path: path).parse() }
    }

    @Test func textIsReadByParagraphWithItsReferences() throws {
        let xml = Array("<w:document><w:body><w:p><w:r><w:t>第１章&#x3000;総論</w:t><w:tab/><w:t xml:space=\"preserve\">A&amp;B</w:t></w:r></w:p><w:p><w:r><w:t>次の段落\u{FFFD}</w:t></w:r></w:p></w:body></w:document>".utf8)
        #expect(DocxText.paragraphs(of: xml) == ["第１章\u{3000}総論\tA&B", "次の段落\u{FFFD}"])
        // A paragraph that never closes gives nothing; a tag that never closes is broken XML.
        #expect(DocxText.paragraphs(of: Array("<w:p><w:t>閉じない".utf8)) == [])
        #expect(DocxText.paragraphs(of: Array("<w:p><w:t".utf8)) == nil)
    }

    @Test func aDeclaredSizeIsNeverTrusted() throws {
        // 4 GB declared, a few bytes inside: read as what it holds, not allocated as declared.
        let archive = try ZipArchive(Data(Self.zip("word/document.xml", Array("<w:p><w:t>本文</w:t></w:p>".utf8), declared: 0xFFFF_FFF0)))
        #expect(try archive.file(named: "word/document.xml") == Data("<w:p><w:t>本文</w:t></w:p>".utf8))
    }

    @Test func anEntryThatInflatesBeyondTheLimitIsAnErrorNamingIt() throws {
        let archive = try ZipArchive(Data(Self.zip("word/document.xml", [UInt8](repeating: 0x61, count: 200_000))))
        #expect(throws: ZipArchive.Problem.tooLarge(100_000)) { try archive.file(named: "word/document.xml", limit: 100_000) }
        #expect(try archive.file(named: "word/document.xml", limit: 300_000).count == 200_000)
    }
}
