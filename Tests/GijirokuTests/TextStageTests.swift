import Testing
@testable import Gijiroku

@Suite struct SourceLineTests {
    @Test func nonBlankLinesKeepTheirNumbersAndTheCountOfAll() {
        let text = "議事概要 \r\n\r\n　\n【日 時】令和元年５月２０日\n\n・意見"
        let (lines, count) = SourceLine.nonBlankLines(of: text)
        #expect(count == 6)
        #expect(lines.map(\.number) == [1, 4, 6])
        #expect(lines.map(\.content) == ["議事概要", "【日 時】令和元年５月２０日", "・意見"])
        // The same lines, as a full split has them.
        let all = SourceLine.split(text)
        #expect(all.count == count)
        #expect(lines == all.filter { !$0.isBlank })
    }

    @Test func splitsOnEveryLineEndAndKeepsNumbers() {
        let lines = SourceLine.split("一\r\n二\r三\n\n四")
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.content) == ["一", "二", "三", "", "四"])
    }

    @Test func recordsHardLineEndsAndPageBreakIndents() {
        let lines = SourceLine.split(" ○「２．体系」について \n都市戦略\n")
        #expect(lines[0].startsWithSpace && lines[0].endsWithSpace)
        #expect(lines[0].content == "○「２．体系」について")
        #expect(!lines[1].endsWithSpace)
    }
}

@Suite struct WidthFoldingTests {
    @Test(arguments: [
        ("平成３０年１１月１６日", "平成30年11月16日"),
        ("ＰＴリーダー", "PTリーダー"),
        ("午後３時～午後３時30分", "午後3時~午後3時30分"),
        ("ｶﾞｲﾄﾞ", "カ゛イト゛"),
    ])
    func foldsWidth(_ input: String, _ expected: String) {
        #expect(WidthFolding.fold(input) == expected)
    }

    @Test func compactRemovesSpacesInsideSpacedLabels() {
        #expect(WidthFolding.compact("＜ 議 題 説 明 ①＞") == "<議題説明①>")
        #expect(WidthFolding.compact("□ 開　催　年 月 日") == "□開催年月日")
    }
}

@Suite struct JapaneseNumberTests {
    @Test(arguments: [("３０", 30), ("30", 30), ("二十八", 28), ("十", 10), ("十一", 11), ("百二十", 120),
                      ("二〇一六", 2016), ("元", 1), ("１，０００", 1000), ("三十", 30)])
    func readsNumbers(_ text: String, _ value: Int) {
        #expect(JapaneseNumber.value(of: text) == value)
    }

    @Test func rejectsText() {
        #expect(JapaneseNumber.value(of: "市長") == nil)
        #expect(JapaneseNumber.value(of: "") == nil)
    }
}

@Suite struct JapaneseDateTests {
    @Test(arguments: [
        ("平成30年11月16日（金）", "2018-11-16"),
        ("平成２８年９月１日（木）", "2016-09-01"),
        ("平成二十八年五月十八日", "2016-05-18"),
        ("令和元年5月1日", "2019-05-01"),
        ("令和元年 11 月 5 日", "2019-11-05"),
        ("昭和64年1月7日", "1989-01-07"),
        ("大正元年8月1日", "1912-08-01"),
        ("明治45年7月29日", "1912-07-29"),
        ("2018年11月16日", "2018-11-16"),
        ("2020/11/05（木）", "2020-11-05"),
        ("R2.7.15", "2020-07-15"),
        ("令和２年（2020年）７月１５日", "2020-07-15"),
        ("2019年（令和元年）7月3日（水）", "2019-07-03"),
        ("開催日は平成31年4月30日です", "2019-04-30"),
    ])
    func readsEraAndWesternDates(_ text: String, _ iso: String) throws {
        let found = try #require(JapaneseDate.find(in: text))
        #expect(found.date.iso == iso)
        #expect(found.problems == [])
    }

    @Test func weekdayIsReadAndAMismatchIsAProblemNotAFailure() throws {
        let right = try #require(JapaneseDate.find(in: "平成30年11月16日（金曜日）"))
        #expect(right.weekday == "金")
        let wrong = try #require(JapaneseDate.find(in: "令和元年１１月１８日（火）"))
        #expect(wrong.date.iso == "2019-11-18")
        #expect(wrong.problems.count == 1)
        #expect(wrong.problems[0].contains("一致しません"))
    }

    @Test func anEraYearOutsideItsEraIsReadWithAProblem() throws {
        let found = try #require(JapaneseDate.find(in: "平成31年5月10日"))
        #expect(found.date.iso == "2019-05-10")
        #expect(found.problems.first?.contains("令和元年") == true)
    }

    @Test func aBracketedYearThatDisagreesIsAProblem() throws {
        let found = try #require(JapaneseDate.find(in: "令和２年（2021年）７月１５日"))
        #expect(found.date.iso == "2020-07-15")
        #expect(found.problems.count == 1)
    }

    @Test func impossibleDatesAreNotDates() {
        #expect(JapaneseDate.find(in: "平成30年2月30日") == nil)
        #expect(JapaneseDate.find(in: "第３回本部会議") == nil)
    }
}

@Suite struct TimeOfDayTests {
    @Test(arguments: [
        ("午後３時～午後３時30分", "15:00", "15:30"),
        ("午後３時４０分～午後５時００分", "15:40", "17:00"),
        ("午後３時～３時30分", "15:00", "15:30"),
        ("午前十時半〜正午", "10:30", "12:00"),
        ("18時54分~22時08分", "18:54", "22:08"),
        ("14:00~15:10", "14:00", "15:10"),
        ("午後二時から午後三時三十分まで", "14:00", "15:30"),
        ("午前１１時－午後１時", "11:00", "13:00"),
    ])
    func readsRanges(_ text: String, _ start: String, _ end: String) throws {
        let range = try #require(TimeOfDay.findRange(in: text))
        #expect(range.start.description == start)
        #expect(range.end?.description == end)
    }

    @Test func aSingleTimeHasNoEnd() throws {
        let range = try #require(TimeOfDay.findRange(in: "午後三時二分"))
        #expect(range.start.description == "15:02")
        #expect(range.end == nil)
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesKnownVectors(_ input: String, _ hex: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == hex)
    }

    @Test func handlesInputsAcrossBlockBoundaries() {
        // One million 'a' (FIPS 180-2 test vector).
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func portableDigestMatchesKnownVectors() {
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(million.withUnsafeBytes { SHA256.portableDigest(of: $0) } == SHA256.digest(of: million))
        let abc = Array("abc".utf8).withUnsafeBytes { SHA256.portableDigest(of: $0) }
        #expect(abc.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
    }

    @Test(.enabled(if: SHA256.systemSHA256 != nil, "libcrypto is not loadable here: only the portable digest is in use"))
    func systemAndPortableDigestsAgreeOnEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [1_000, 4_095, 4_096, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let portable = bytes.withUnsafeBytes { SHA256.portableDigest(of: $0) }
            #expect(SHA256.digest(of: bytes) == portable, "length \(length)")
        }
    }
}

@Suite struct ControlByteTests {
    /// The reference: one byte at a time.
    func reference(_ bytes: [UInt8]) -> (Int, Bool) {
        (bytes.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count, bytes.contains(0))
    }

    @Test func eightBytesAtATimeCountsAsOneByteAtATime() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...40) + [255, 1_000] {
            for _ in 0..<20 {
                // Mostly text-like bytes, with control bytes, high bytes and NULs mixed in.
                let bytes = (0..<length).map { _ -> UInt8 in
                    switch UInt8.random(in: 0...9, using: &generator) {
                    case 0: return UInt8.random(in: 0...0x1F, using: &generator)
                    case 1: return UInt8.random(in: 0x80...0xFF, using: &generator)
                    default: return UInt8.random(in: 0x20...0x7F, using: &generator)
                    }
                }
                let found = bytes.withUnsafeBufferPointer(TextDecoder.controlBytes)
                let expected = reference(bytes)
                #expect(found.count == expected.0 && found.nul == expected.1, "\(bytes)")
            }
        }
    }
}

@Suite struct ByteSearchTests {
    /// Short Japanese and ASCII pieces, so that random texts share lead and trailing bytes.
    static let pieces = ["指", "示", "指示", "から", "以下", "の", "とおり", "説明", "資料", "１", "2", "ー", "。", "、", " ", "　", "a", "市長", "局"]

    func randomText(_ count: Int, _ generator: inout SystemRandomNumberGenerator) -> String {
        (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }

    /// The reference: the first byte offset where `needle`'s bytes start, tried at every offset.
    func naiveOffset(_ needle: String, in text: String, from: Int = 0) -> Int? {
        let h = Array(text.utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count, from <= h.count - n.count else { return nil }
        return (from...(h.count - n.count)).first { Array(h[$0..<($0 + n.count)]) == n }
    }

    @Test func searchFindsWhatATryAtEveryOffsetFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = randomText(Int.random(in: 0...30, using: &generator), &generator)
            let needle = randomText(Int.random(in: 1...3, using: &generator), &generator)
            #expect(UTF8Search.contains(text, needle) == (naiveOffset(needle, in: text) != nil), "\(needle) in \(text)")
            #expect(UTF8Search.offset(of: needle, in: text) == naiveOffset(needle, in: text), "\(needle) in \(text)")
        }
    }

    @Test func theNthOccurrenceOfAByteIsFoundAsByAWalk() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            // Bytes near the one looked for (0x0A), with 0x0B and 0x8A to catch a carry or a lost high bit.
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in [0x0A, 0x0B, 0x09, 0x8A, 0x00, 0xFF, 0x41].randomElement(using: &generator)! as UInt8 }
            let walked = bytes.indices.filter { bytes[$0] == 0x0A }
            for n in 0...(walked.count + 1) {
                let found = bytes.withUnsafeBufferPointer { $0.offset(ofOccurrence: n, of: 0x0A) }
                #expect(found == (n >= 1 && n <= walked.count ? walked[n - 1] : nil), "\(n) in \(bytes)")
            }
        }
    }

    @Test func staticStringOffsetsAgreeFromAnyStart() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let text = randomText(Int.random(in: 0...30, using: &generator), &generator)
            let from = Int.random(in: 0...text.utf8.count, using: &generator)
            text.withUTF8Bytes { bytes in
                #expect(bytes.offset(of: "指示", from: from) == naiveOffset("指示", in: text, from: from), "\(text) from \(from)")
                #expect(bytes.offset(of: "から", from: from) == naiveOffset("から", in: text, from: from), "\(text) from \(from)")
                // The last occurrence: the first from which no later one starts.
                let last = naiveOffset("から", in: text).map { first in
                    sequence(first: first) { naiveOffset("から", in: text, from: $0 + 1) }.reduce(first) { max($0, $1) }
                }
                #expect(bytes.lastOffset(of: "から") == last, "\(text)")
            }
        }
    }

    @Test func prefixSuffixAndTrimmingReadTheBytes() {
        "　＜議題説明＞ ".withUTF8Bytes { bytes in
            let trimmed = bytes.trimmingSpaces
            #expect(String(decoding: trimmed, as: UTF8.self) == "＜議題説明＞")
            #expect(trimmed.hasPrefix("＜") && trimmed.hasSuffix("＞") && !trimmed.hasSuffix("＜"))
            #expect(trimmed.equals("＜議題説明＞") && !trimmed.equals("＜議題説明"))
            #expect(trimmed.isOne(of: ["＜意見等＞", "＜議題説明＞"]))
            #expect(trimmed.scalarCount == 6)
            #expect(trimmed.lastScalarStart == trimmed.count - 3)
        }
        "  \u{3000} ".withUTF8Bytes { #expect($0.trimmingSpaces.isEmpty && $0.isSpace(from: 0)) }
    }
}
