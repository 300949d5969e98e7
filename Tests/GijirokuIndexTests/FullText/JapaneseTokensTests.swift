import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
@testable import GijirokuIndex

@Suite struct JapaneseTokensTests {
    @Test func japaneseRunsBecomeOverlappingBigramsWithTheLastCharacterColocated() {
        let tokens = JapaneseTokens.tokens(of: "市長指示", forIndex: true)
        #expect(tokens.map(\.text) == ["市長", "長指", "指示", "示"])
        #expect(tokens.map(\.colocated) == [false, false, false, true])
        #expect(tokens.map(\.start) == [0, 3, 6, 9])
        #expect(tokens.map(\.end) == [6, 9, 12, 12])
    }

    @Test func queriesGetNoExtraTokensAndALoneCharacterIsAUnigram() {
        #expect(JapaneseTokens.tokens(of: "市長指示", forIndex: false).map(\.text) == ["市長", "長指", "指示"])
        #expect(JapaneseTokens.tokens(of: "市", forIndex: false).map(\.text) == ["市"])
        #expect(JapaneseTokens.tokens(of: "市", forIndex: true).map(\.text) == ["市"])
    }

    @Test func widthAndCaseAreFoldedButOffsetsPointAtTheOriginal() {
        let tokens = JapaneseTokens.tokens(of: "ＡＩ、IoT活用", forIndex: false)
        #expect(tokens.map(\.text) == ["ai", "iot", "活用"])
        #expect(tokens[0].start == 0 && tokens[0].end == 6)   // two full-width letters, 3 bytes each
        #expect(JapaneseTokens.tokens(of: "ｶﾞｲﾄﾞ", forIndex: false).map(\.text) == ["ガイ", "イド"])
        #expect(JapaneseTokens.tokens(of: "２０１８年", forIndex: false).map(\.text) == ["2018", "年"])
    }

    @Test func punctuationAndSpaceSeparateRuns() {
        #expect(JapaneseTokens.tokens(of: "市長、副市長", forIndex: false).map(\.text) == ["市長", "副市", "市長"])
        #expect(JapaneseTokens.tokens(of: "「　」・。", forIndex: true).isEmpty)
    }
}

/// The one-pass tokenizer gives exactly the tokens of a plain one that collects each run
/// first and then cuts it, on the corpus and on random text full of edge cases (half-width
/// voiced marks, full-width and accented letters, invalid bytes).
@Suite struct TokenizerEquivalenceTests {
    typealias Token = (text: [UInt8], start: Int, end: Int, colocated: Bool)

    /// The plain tokenizer: decode every character, fold it, gather a run, then cut it. A
    /// token is the text as written when folding changed none of its characters, else the
    /// folded characters.
    static func reference(_ bytes: [UInt8], forIndex: Bool) -> [Token] {
        var out: [Token] = []
        var run: [(scalar: Unicode.Scalar, start: Int, end: Int, changed: Bool)] = []
        var runClass = JapaneseTokens.Class.separator
        func encoded(_ chars: ArraySlice<(scalar: Unicode.Scalar, start: Int, end: Int, changed: Bool)>) -> [UInt8] {
            chars.contains(where: \.changed) ? chars.flatMap { Array(String($0.scalar).utf8) } : Array(bytes[chars.first!.start..<chars.last!.end])
        }
        func flush() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            switch runClass {
            case .latin:
                out.append((encoded(run[...]), run.first!.start, run.last!.end, false))
            case .japanese:
                if run.count == 1 { out.append((encoded(run[0...0]), run[0].start, run[0].end, false)); return }
                for i in 0..<(run.count - 1) {
                    out.append((encoded(run[i...(i + 1)]), run[i].start, run[i + 1].end, false))
                }
                if forIndex { out.append((encoded(run[(run.count - 1)...]), run.last!.start, run.last!.end, true)) }
            case .separator:
                break
            }
        }
        bytes.withUnsafeBufferPointer { text in
            var i = 0
            while i < text.count {
                let start = i
                guard let (decoded, length) = JapaneseTokens.decode(text, at: i) else { i += 1; flush(); runClass = .separator; continue }
                i += length
                // Character variants as the table says; a dropped one (a variation selector)
                // makes the character before it end after it.
                guard var scalar = CharacterVariants.shipped.fold(JapaneseTokens.fold(decoded)) else {
                    if runClass == .japanese, let last = run.last { run[run.count - 1] = (last.scalar, last.start, i, true) }
                    if runClass == .latin, let last = run.last { run[run.count - 1] = (last.scalar, last.start, last.end, true) }
                    continue
                }
                if decoded.value == 0xFF9E || decoded.value == 0xFF9F, runClass == .japanese, let last = run.last {
                    let v = last.scalar.value
                    let semi = decoded.value == 0xFF9F
                    var composed: UInt32?
                    if semi { if (0x30CF...0x30DB).contains(v) && (v - 0x30CF) % 3 == 0 { composed = v + 2 } }
                    else if v == 0x30A6 { composed = 0x30F4 }
                    else if (0x30AB...0x30C2).contains(v) && (v - 0x30AB) % 2 == 0 { composed = v + 1 }
                    else if (0x30C4...0x30C8).contains(v) && (v - 0x30C4) % 2 == 0 { composed = v + 1 }
                    else if (0x30CF...0x30DB).contains(v) && (v - 0x30CF) % 3 == 0 { composed = v + 1 }
                    if let composed {
                        run[run.count - 1] = (Unicode.Scalar(composed)!, last.start, i, true)
                        continue
                    }
                }
                let cls = JapaneseTokens.classify(scalar)
                if cls == .latin, (0x41...0x5A).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value + 0x20)! }
                if cls != runClass { flush(); runClass = cls }
                if cls != .separator { run.append((scalar, start, i, scalar != decoded)) }
            }
            flush()
        }
        return out
    }

    static func tokens(_ bytes: [UInt8], forIndex: Bool) -> [Token] {
        var out: [Token] = []
        bytes.withUnsafeBufferPointer { text in
            JapaneseTokens.tokenize(text, forIndex: forIndex, characters: .shipped) { token, start, end, colocated in
                out.append((Array(token), start, end, colocated))
                return true
            }
        }
        return out
    }

    static func same(_ bytes: [UInt8]) -> Bool {
        [true, false].allSatisfy { forIndex in
            let a = tokens(bytes, forIndex: forIndex), b = reference(bytes, forIndex: forIndex)
            return a.count == b.count && zip(a, b).allSatisfy { $0.text == $1.text && $0.start == $1.start && $0.end == $1.end && $0.colocated == $1.colocated }
        }
    }

    @Test func theCorpusTokenizesTheSame() throws {
        for folder in ["minutes", "plans", "documents"] {
            let dir = TestFiles.root.appendingPathComponent("Corpus/" + folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                let bytes = try Array(Data(contentsOf: dir.appendingPathComponent(name)))
                #expect(Self.same(bytes), "\(folder)/\(name)")
            }
        }
    }

    @Test func randomTextTokenizesTheSame() {
        let pieces = ["市", "長", "指", "示", "ガ", "カ", "ハ", "ウ", "ｶ", "ﾊ", "ｳ", "ﾞ", "ﾟ", "ｰ", "ｱ", "、", "。", "・", " ", "　", "Ａ", "ｂ",
                      "A", "z", "9", "９", "é", "Ω", "ж", "-", "「", "」", "々", "ー", "𠮷", "髙", "⽇", "\u{FE00}", "\u{E0100}", "\n"].map { Array($0.utf8) }
        var generator = SeededGenerator()
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                if Int.random(in: 0..<40, using: &generator) == 0 { bytes.append(UInt8.random(in: 0x80...0xFF, using: &generator)) }   // a stray byte
                else { bytes += pieces.randomElement(using: &generator)! }
            }
            #expect(Self.same(bytes), "\(bytes) (seed \(generator.seed))")
        }
    }
}

@Suite struct JapaneseTokensVariantTests {
    @Test func characterVariantsAreFoldedAtIndexAndQueryTimeButOffsetsPointAtTheOriginal() {
        let tokens = JapaneseTokens.tokens(of: "髙橋", forIndex: false)
        #expect(tokens.map(\.text) == ["高橋"])
        #expect(tokens[0].start == 0 && tokens[0].end == 6)
        #expect(JapaneseTokens.tokens(of: "⽇本", forIndex: true).map(\.text) == JapaneseTokens.tokens(of: "日本", forIndex: true).map(\.text))
        #expect(JapaneseTokens.tokens(of: "山﨑", forIndex: false).map(\.text) == ["山崎"])
    }

    @Test func aVariationSelectorJoinsTheCharacterBeforeIt() {
        let tokens = JapaneseTokens.tokens(of: "葛\u{E0100}飾区", forIndex: false)
        #expect(tokens.map(\.text) == ["葛飾", "飾区"])
        #expect(tokens[0].start == 0 && tokens[0].end == 10)   // 葛 (3 bytes), the selector (4), 飾 (3)
    }

    @Test func iterationMarksAreKept() {
        #expect(JapaneseTokens.tokens(of: "佐々木", forIndex: false).map(\.text) == ["佐々", "々木"])
    }

    @Test func anotherTableFoldsWhatItLists() throws {
        let table = try CharacterVariants(table: "甲 乙\n", file: "t")
        #expect(JapaneseTokens.tokens(of: "甲丙", forIndex: false, characters: table).map(\.text) == ["乙丙"])
        #expect(JapaneseTokens.tokens(of: "髙橋", forIndex: false, characters: table).map(\.text) == ["髙橋"])
    }
}
