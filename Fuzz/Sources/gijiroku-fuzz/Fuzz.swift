import Foundation
import Gijiroku
@testable import GijirokuInput

/// One input through everything a hostile file reaches: decoding, kind detection and the
/// parser of each kind, a page split into meetings, the JSON and Markdown writers, and the
/// DOCX reader. libFuzzer calls it; any trap, overflow or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for kind in [nil] + DocumentKind.allCases.map(Optional.some) {
        guard let record = try? ParsedDocument.parse(data, source: InputSource(path: "fuzz.txt"), kind: kind) else { continue }
        for meeting in record.meetings {
            _ = try? RecordEncoder.json(meeting)
            _ = Markdown.render(meeting)
        }
    }
    _ = try? ParsedDocument.parse(data, source: InputSource(path: "fuzz.html", format: .html))
    _ = try? ParsedDocument.parse(data, source: InputSource(path: "fuzz.json", format: .json))
    _ = try? DocxText.extract(from: data, path: "fuzz.docx")
    _ = DocxText.paragraphs(of: [UInt8](data))
    return 0
}

/// libFuzzer's driver, which the executable's entry point hands over to (SwiftPM names an
/// executable's `main` after its target).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt) -> CInt

@_cdecl("gijiroku_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
