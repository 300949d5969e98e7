import Foundation

/// Stage 5: finds the decisions a record states. In summary minutes: every item of a
/// `決定事項`, `結論` or `会議の結果` section, and any sentence elsewhere that ends by deciding
/// (`…原案のとおり了承された。`, `…承認した。`); in verbatim records: the chair's sentences that
/// declare an outcome (`…原案のとおり可決されました。`, `…継続審査とすることに決定いたしました。`).
/// Each keeps its sentence, its outcome, how it was decided when stated, and the number of
/// the item it names.
///
/// ```swift
/// DecisionReader.outcome(of: "議案第３０号は、原案のとおり可決されました。")   // .approved
/// DecisionReader.method(in: "起立多数であります。よって、本件は否決されました。")   // "起立多数"
/// ```
enum DecisionReader {
    /// Words that end a deciding sentence, with the outcome they state. Longer words first
    /// where one holds another (`不採択` before `採択`).
    static let endings: [(StaticString, Decision.Outcome)] = [
        ("省略", .other), ("不採択", .rejected), ("否決", .rejected), ("採択", .adopted), ("継続審査", .continued), ("継続審議", .continued),
        ("付託", .referred), ("可決", .approved), ("承認", .approved), ("了承", .approved), ("同意", .approved),
        ("認定", .approved), ("決定", .approved), ("報告を受け", .reported), ("決し", .approved),
    ]

    /// Endings of a sentence that decides rather than proposes or asks (`可決されました`, `了承した`).
    static let decidingTails: [StaticString] = ["されました", "された", "しました", "した", "いたしました", "と決しました", "決しました", "とする", "とした",
                                "とします", "といたします", "とすることに決定", "に決定", "と決定", "付託いたします", "付託します"]

    /// The last three bytes of each of the ``decidingTails`` (each ends in a character of three).
    static let tailEnds: [UInt32] = Array(Set(decidingTails.map { lastThree(UTF8Bytes($0)) }))

    @inline(__always) static func lastThree(_ b: UTF8Bytes) -> UInt32 {
        UInt32(b[b.count - 3]) << 16 | UInt32(b[b.count - 2]) << 8 | UInt32(b[b.count - 1])
    }

    /// How a vote went, when a sentence says so.
    static let methods = ["全会一致", "全員賛成", "異議なし", "起立多数", "起立全員", "賛成多数", "挙手多数", "挙手全員", "賛成少数", "起立少数"]

    /// The outcome a sentence states, if it states one.
    static func outcome<S: StringProtocol>(of sentence: S) -> Decision.Outcome? {
        for (word, outcome) in endings where sentence.withUTF8Bytes({ $0.offset(of: word) != nil }) { return outcome }
        return nil
    }

    static func method<S: StringProtocol>(in text: S) -> String? {
        // Every method opens with 全, 異, 起, 賛 or 挙: a text with none of them states none
        // (told in one walk, before a search for each).
        guard text.withUTF8Bytes({ mayStateMethod($0) }) else { return nil }
        if UTF8Search.contains(text, "異議がありません") || UTF8Search.contains(text, "異議ありません") { return "異議なし" }
        return methods.first { UTF8Search.contains(text, $0) }
    }

    /// The first scalars of the ``methods`` and of `異議…`.
    private static let methodOpenings = ScalarSet(methods.map { $0.unicodeScalars.first! } + ["異"])

    private static func mayStateMethod(_ bytes: UTF8Bytes) -> Bool {
        var i = 0
        while i < bytes.count {
            let (c, width) = bytes.scalar(at: i)
            if methodOpenings.contains(c) { return true }
            i += width
        }
        return false
    }

    /// The sentences of a text (ended by `。`), with the one that ends it kept, as they stand.
    static func sentences(_ text: String) -> [Substring] {
        let bounds = text.withUTF8Bytes { sentenceBounds($0) }
        return bounds.map { text.utf8Slice($0) }
    }

    /// Where each sentence of `bytes` starts and ends (`。` kept), the text after the last `。`
    /// included. (`。` is E3 80 82: found on the bytes, as offsets.)
    private static func sentenceBounds(_ b: UTF8Bytes) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = 0, i = 0
        // A character at a time, by its first byte's length (the text is valid UTF-8).
        while i + 2 < b.count {
            let lead = b[i]
            if lead == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x82 {
                bounds.append(start..<(i + 3))
                start = i + 3
                i += 3
            } else {
                i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            }
        }
        if start < b.count { bounds.append(start..<b.count) }
        return bounds
    }

    private static func trimmed(_ s: Substring) -> Substring {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isWhiteSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isWhiteSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return s[start..<end]
    }

    /// Unicode's White_Space property, without a property lookup (every sentence is trimmed).
    @inline(__always) private static func isWhiteSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether a sentence decides: an outcome word near its end (`…原案のとおり可決されました`, not
    /// `…額の決定について報告がありました`), and a deciding tail.
    static func decides<S: StringProtocol>(_ sentence: S) -> Bool {
        // On the sentence's bytes: every sentence of a record comes here.
        sentence.withUTF8Bytes { decides(bytes: $0) }
    }

    private static func decides(bytes whole: UTF8Bytes) -> Bool {
        let body = whole.hasSuffix("。") ? UTF8Bytes(rebasing: whole[..<(whole.count - 3)]) : whole
        // Told on the last three bytes before the tails are compared (most sentences end
        // otherwise): every deciding tail ends in one of a few characters (た す る 定).
        guard body.count >= 3, tailEnds.contains(Self.lastThree(body)) else { return false }
        guard decidingTails.contains(where: { body.hasSuffix($0) }) else { return false }
        guard !body.hasSuffix("ものとした"), !body.hasSuffix("ありました"),
              whole.offset(of: "議題と") == nil, whole.offset(of: "か。") == nil else { return false }
        // The outcome word in the last 16 characters.
        var start = body.count, characters = 0
        while start > 0 && characters < 16 {
            start -= 1
            if body[start] & 0xC0 != 0x80 { characters += 1 }
        }
        let tail = UTF8Bytes(rebasing: body[start...])
        return endings.contains { tail.offset(of: $0.0) != nil }
    }

    /// The item a sentence names: `議案第３０号`, `日程第２`, `陳情第７号`.
    static func itemNumber<S: StringProtocol>(in sentence: S) -> Int? {
        var s = ScalarScanner(sentence)
        // `議題1 原案のとおり了承された。`, `議題(2)は…`: the item the sentence opens with.
        if s.scan("議題") {
            _ = s.scanAny(["(", "（", "第"])
            if let n = s.scanNumber() { return n }
            s.index = 0
        }
        while !s.isAtEnd {
            let start = s.index
            if s.scan("第"), let n = s.scanNumber(), s.scan("号") || isAgendaNumber(s.scalars, before: start) {
                return n
            }
            s.index = start + 1
        }
        return nil
    }

    private static func isAgendaNumber(_ scalars: [Unicode.Scalar], before index: Int) -> Bool {
        // `日程第２`: 日程 right before 第.
        index >= 2 && scalars[index - 2] == "日" && scalars[index - 1] == "程"
    }

    /// The deciding sentences of one element or utterance.
    static func decisions(in text: String, lines: LineRange, agendaNumber: Int?, everySentence: Bool = false) -> [Decision] {
        // The sentences as byte ranges. One that ends at its `。` is asked whether it decides
        // on its bytes, before it is cut out and trimmed (white space before it changes
        // nothing that is asked): most do not, and are never made substrings.
        let (bounds, candidates) = text.withUTF8Bytes { b -> ([Range<Int>], [Int]) in
            let bounds = sentenceBounds(b)
            guard !everySentence else { return (bounds, Array(bounds.indices)) }
            let candidates = bounds.indices.filter { k in
                let raw = b.bytes(bounds[k])
                return !raw.hasSuffix("。") || decides(bytes: raw)
            }
            return (bounds, candidates)
        }
        var out: [Decision] = []
        for i in candidates {
            let sentence = trimmed(text.utf8Slice(bounds[i]))
            guard !sentence.isEmpty, everySentence || decides(sentence) else { continue }
            // `起立多数であります。よって、本件は可決されました。`: the method may be in the sentence before.
            let method = method(in: sentence) ?? (i > 0 ? method(in: text.utf8Slice(bounds[i - 1])) : nil)
            out.append(Decision(agendaNumber: itemNumber(in: sentence) ?? agendaNumber,
                                outcome: outcome(of: sentence) ?? (everySentence ? .approved : .other),
                                method: method, text: String(sentence), lines: lines))
        }
        return out
    }

    /// Section labels whose items are decisions.
    static func namesDecisions(_ label: String) -> Bool {
        let compact = WidthFolding.compact(label)
        return ["決定事項", "結論", "会議の結果", "決定内容", "審議結果"].contains { compact.includes($0) }
    }

    /// The decisions of a record, from its elements (summary minutes) or its chair's
    /// utterances (verbatim records).
    static func read(_ minutes: Minutes) -> [Decision] {
        var out: [Decision] = []
        if minutes.form == .verbatim {
            // (By index: a loop's copy of every speech costs more than reading the chair's.)
            for k in minutes.speeches.indices where minutes.speeches[k].speaker.category == .chair {
                // Under its item of the order of business when the record gives one (`日程第２`;
                // the bill's own number stays in the text), else the number the sentence names.
                var found = decisions(in: minutes.speeches[k].text, lines: minutes.speeches[k].lines, agendaNumber: nil)
                if let item = minutes.speeches[k].agendaNumber { for i in found.indices { found[i].agendaNumber = item } }
                out += found
            }
            return out
        }
        for item in minutes.agenda {
            guard let e = item.explanation else { continue }
            if let intro = e.intro { out += decisions(in: intro.text, lines: intro.lines, agendaNumber: item.number) }
            for point in e.points { out += decisions(in: point.text, lines: point.lines, agendaNumber: item.number) }
        }
        for p in minutes.paragraphs + minutes.other { out += decisions(in: p.text, lines: p.lines, agendaNumber: nil) }
        return out.sorted { $0.lines.start < $1.lines.start }
    }
}
