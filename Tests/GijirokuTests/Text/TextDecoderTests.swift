import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct TextDecoderTests {
    let sample = "【日 時】 平成30年11月16日（金）\n髙橋副市長、①"

    @Test func readsUTF8WithAndWithoutBOM() throws {
        #expect(try TextDecoder().decode(Data(sample.utf8), path: "a").encoding == .utf8)
        let bom = try TextDecoder().decode(Data([0xEF, 0xBB, 0xBF] + Array(sample.utf8)), path: "a")
        #expect(bom.encoding == .utf8BOM)
        #expect(bom.text == sample)
    }

    @Test func readsUTF16BothWays() throws {
        let le = Data([0xFF, 0xFE] + sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = Data([0xFE, 0xFF] + sample.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(try TextDecoder().decode(le, path: "a").text == sample)
        #expect(try TextDecoder().decode(be, path: "a").encoding == .utf16BE)
        let bomless = Data(sample.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(try TextDecoder().decode(bomless, path: "a").text == sample)
    }

    @Test(arguments: [true, false])
    func readsJapaneseInUTF16WithoutABOM(littleEndian: Bool) throws {
        // Almost all kanji and kana: few zero bytes, all on one side of the pairs.
        let url = Repository.corpus.appendingPathComponent("minutes/shiomigawa-gyokaku-01.txt")
        let text = try TextDecoder().decode(Data(contentsOf: url), path: "a").text
        let units = text.utf16.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decoded = try TextDecoder().decode(Data(units), path: "a")
        #expect(decoded.encoding == (littleEndian ? .utf16LE : .utf16BE))
        #expect(decoded.text == text)
    }

    @Test func readsShiftJISIncludingCP932Extensions() throws {
        let bytes = try #require(TextDecoder.iconvEncode(sample, to: "CP932"))
        let decoded = try TextDecoder().decode(Data(bytes), path: "sjis.txt")
        #expect(decoded.encoding == .shiftJIS)
        #expect(decoded.text == sample)
    }

    @Test func readsEUCJP() throws {
        let text = "【日 時】 平成30年11月16日（金）\n市長、副市長、教育長"
        let bytes = try #require(TextDecoder.iconvEncode(text, to: "EUC-JP"))
        let decoded = try TextDecoder().decode(Data(bytes), path: "euc.txt")
        #expect(decoded.encoding == .eucJP)
        #expect(decoded.text == text)
    }

    @Test(arguments: [Data(), Data("  \n\n\u{3000}".utf8)])
    func emptyInputIsAnErrorNamingTheFile(_ data: Data) {
        let error = #expect(throws: InputError.self) { try TextDecoder().decode(data, path: "空.txt") }
        #expect(error?.reason == .empty)
        #expect(error?.description.hasPrefix("空.txt: error:") == true)
    }

    @Test func binaryInputIsAnError() {
        var bytes = [UInt8](repeating: 0, count: 64)
        for i in bytes.indices { bytes[i] = UInt8((i * 37) % 256) }
        let error = #expect(throws: InputError.self) { try TextDecoder().decode(Data(bytes), path: "x.bin") }
        #expect(error?.reason == .binary)
    }
}

extension TextDecoder {
    /// Test helper: encodes through iconv, the same library that decodes.
    static func iconvEncode(_ text: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        let ok = input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = ib.baseAddress
                var op: UnsafeMutablePointer<CChar>? = ob.baseAddress
                return iconv(cd, &ip, &inLeft, &op, &outLeft) != -1
            }
        }
        return ok ? output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) } : nil
    }
}

/// A damaged copy: UTF-8 but for a few bytes.
@Suite struct DamagedTextTests {
    @Test func aFewBadBytesAreReadAsReplacementsOnTheirLines() throws {
        var bytes = Array("第３回汐見川市行財政改革推進本部会議 議事概要\n【日 時】 平成30年6月12日（火）\n".utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE], at: 9)
        bytes += Array("【場 所】 本庁舎5階 会議室".utf8) + [0x80] + Array("\n".utf8)
        let decoded = try TextDecoder().decode(Data(bytes), path: "壊れた.txt")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.replacedLines == [1, 3])
        #expect(decoded.text.contains("\u{FFFD}"))
        guard case .minutes(let m) = try ParsedDocument.parse(Data(bytes), source: InputSource(path: "壊れた.txt")) else { Issue.record("kind"); return }
        #expect(m.date == "2018-06-12")
        #expect(m.warnings.filter { $0.kind == .invalidBytesReplaced }.map(\.line) == [1, 3])
    }

    @Test func textThatIsNotUTF8AtAllNamesItsFirstBadByte() {
        let bytes: [UInt8] = Array("abc ".utf8) + [0xFF, 0xFE, 0xFD, 0xFC, 0x81, 0x82, 0x83, 0x84] + Array(" def\n".utf8)
        #expect(throws: InputError(path: "x.txt", reason: .undecodable(offset: 4))) { try TextDecoder().decode(Data(bytes), path: "x.txt") }
    }
}
