import Foundation
import Gijiroku

/// The text of a DOCX file: the paragraphs of `word/document.xml`, one per line (tabs and
/// line breaks kept), so the parsers read it like any text.
///
/// The XML is read by a small scanner over its bytes, for the subset a document's text
/// needs (`<w:p>`, `<w:t>`, `<w:tab/>`, `<w:br/>`, `<w:cr/>`, character references): it never
/// traps on malformed bytes (Foundation's `XMLParser` does, on an element name that is not
/// UTF-8) and it is linear. Text is decoded as UTF-8 with U+FFFD for bytes that are not.
/// The entry is inflated up to `limit` bytes (``InputLimits``).
///
/// ```swift
/// let text = try DocxText.extract(from: data, path: "策定方針.docx")
/// ```
enum DocxText {
    static func extract(from data: Data, path: String, limit: Int = InputLimits.standard.zipEntrySize) throws(InputError) -> String {
        let xml: Data
        do { xml = try ZipArchive(data).file(named: "word/document.xml", limit: limit) }
        catch .notZip { throw InputError(path: path, reason: .docxNotZip) }
        catch .missing { throw InputError(path: path, reason: .docxNoDocument) }
        catch .tooLarge(let limit) { throw InputError(path: path, reason: .docxEntryTooLarge(limit: limit)) }
        catch { throw InputError(path: path, reason: .docxUnreadable("\(error)")) }
        let bytes = [UInt8](xml)
        guard let paragraphs = paragraphs(of: bytes) else { throw InputError(path: path, reason: .docxBrokenXML("タグが閉じていません")) }
        return paragraphs.joined(separator: "\n") + "\n"
    }

    /// The `w:t` text of each `w:p` paragraph; `nil` when a tag never closes.
    static func paragraphs(of xml: [UInt8]) -> [String]? {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var inText = false
        var i = 0
        let n = xml.count
        while i < n {
            let b = xml[i]
            if b == UInt8(ascii: "<") {
                // A tag: its name up to white space, `/` or `>`.
                guard let close = index(of: UInt8(ascii: ">"), in: xml, from: i + 1) else { return nil }
                var start = i + 1
                let closing = start < close && xml[start] == UInt8(ascii: "/")
                if closing { start += 1 }
                var end = start
                while end < close, !isNameEnd(xml[end]) { end += 1 }
                let name = xml[start..<end]
                let selfClosing = close > i + 1 && xml[close - 1] == UInt8(ascii: "/")
                if name.elementsEqual("w:p".utf8) {
                    if closing { paragraphs.append(String(decoding: current, as: UTF8.self)); current = [] }
                    else if !selfClosing { current = [] } else { paragraphs.append("") }
                } else if name.elementsEqual("w:t".utf8) {
                    inText = !closing && !selfClosing
                } else if !closing, name.elementsEqual("w:tab".utf8) {
                    current.append(0x09)
                } else if !closing, name.elementsEqual("w:br".utf8) || name.elementsEqual("w:cr".utf8) {
                    current.append(0x0A)
                }
                i = close + 1
                continue
            }
            if inText {
                if b == UInt8(ascii: "&"), let (scalar, next) = reference(in: xml, at: i) {
                    current += Array(String(Character(scalar)).utf8)
                    i = next
                    continue
                }
                current.append(b)
            }
            i += 1
        }
        return paragraphs
    }

    private static func index(of byte: UInt8, in xml: [UInt8], from start: Int) -> Int? {
        var j = start
        while j < xml.count { if xml[j] == byte { return j }; j += 1 }
        return nil
    }

    private static func isNameEnd(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// `&amp;`, `&lt;`, `&#12354;`, `&#x3042;`: the character and the index after `;`.
    private static func reference(in xml: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        while j < xml.count, j - i <= 12, xml[j] != UInt8(ascii: ";") { j += 1 }
        guard j < xml.count, xml[j] == UInt8(ascii: ";") else { return nil }
        let body = String(decoding: xml[(i + 1)..<j], as: UTF8.self)
        let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        if let s = named[body] { return (s, j + 1) }
        var value: UInt32?
        if body.hasPrefix("#x") || body.hasPrefix("#X") { value = UInt32(body.dropFirst(2), radix: 16) }
        else if body.hasPrefix("#") { value = UInt32(body.dropFirst()) }
        guard let v = value, let scalar = Unicode.Scalar(v) else { return nil }
        return (scalar, j + 1)
    }
}
