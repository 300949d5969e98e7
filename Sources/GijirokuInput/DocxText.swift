import Foundation
import Gijiroku
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of a DOCX file: the paragraphs of `word/document.xml`, one per line (tabs and
/// line breaks kept), so the parsers read it like any text.
///
/// ```swift
/// let text = try DocxText.extract(from: data, path: "策定方針.docx")
/// ```
enum DocxText {
    static func extract(from data: Data, path: String) throws(InputError) -> String {
        let xml: Data
        do { xml = try ZipArchive(data).file(named: "word/document.xml") }
        catch .notZip { throw InputError(path: path, reason: .docxNotZip) }
        catch .missing { throw InputError(path: path, reason: .docxNoDocument) }
        catch { throw InputError(path: path, reason: .docxUnreadable("\(error)")) }
        let reader = ParagraphReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else {
            throw InputError(path: path, reason: .docxBrokenXML(parser.parserError.map { "\($0)" } ?? ""))
        }
        return reader.paragraphs.joined(separator: "\n") + "\n"
    }

    /// Collects `w:t` text by `w:p` paragraph.
    private final class ParagraphReader: NSObject, XMLParserDelegate {
        var paragraphs: [String] = []
        private var current = ""
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:p": current = ""
            case "w:t": inText = true
            case "w:tab": current += "\t"
            case "w:br", "w:cr": current += "\n"
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:p": paragraphs.append(current)
            case "w:t": inText = false
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}
