/// Reads the body of a verbatim record (会議録): each utterance with its speaker, and what is
/// not speech (the opening and closing, recesses, stage directions, headings) as events.
///
/// A line that opens with a speaker label (``SpeakerLabel``) starts an utterance, which goes
/// on until the next label; a label alone on its line (`○` then `白浜孝雄 議長`, `◎坂田`
/// then `総合政策部長 …`, `(会長)`, `事務局`) takes its utterance from the lines after it.
/// Event lines inside an utterance are events, never part of its text. Lines before the
/// first utterance are left to the caller (the header, rosters, the order of business).
///
/// ```swift
/// let found = ProceedingsReader().read(bodyLines)
/// found.speeches.first?.speaker.label   // "○（浜井よしのり議長）"
/// ```
struct ProceedingsReader {
    struct Result {
        var speeches: [Speech] = []
        var events: [ProceedingEvent] = []
        /// Non-blank lines before the first utterance that are not events.
        var preamble: [SourceLine] = []
        /// Rules between utterances (`──────`).
        var rules: [SourceLine] = []
    }

    /// Whether `lines` read as a verbatim record: at least one line opens with a marked label
    /// (`○（…議長）`, `◯９番（…君）`), or two lines open with any label.
    /// Summary minutes that quote their questions with `○委員` answer them with `⇒`/`→`
    /// lines: those stay summaries.
    static func looksVerbatim(_ lines: ArraySlice<SourceLine>) -> Bool {
        // (The non-blank lines by their positions: a record's lines are not copied to be asked.)
        if lines.contains(where: { !$0.isBlank && opensWithArrow($0) }) { return false }
        let all = lines.indices.filter { !lines[$0].isBlank }
        return hasLabels { $0 < all.count ? lines[all[$0]] : nil }
    }

    /// The same of `raw` lines cut as ``LineSegmenter`` cuts flattened lines, cutting no
    /// further than the first labels found: `cut` receives the lines cut so far (all of them
    /// when the answer is no). When no line holds an arrow anywhere, no part cut from one
    /// opens with one, and the parts need not all be cut to know it.
    static func looksVerbatim(cutting raw: [SourceLine], into cut: inout [SourceLine]) -> Bool {
        let arrows = raw.contains { UTF8Search.contains($0.content, "→") || UTF8Search.contains($0.content, "⇒") }
        guard !arrows else {
            cut = LineSegmenter.split(raw).lines
            return looksVerbatim(cut[...])
        }
        var all: [SourceLine] = []
        var next = 0
        var parts: [SourceLine] = []
        let found = hasLabels { k in
            while all.count <= k, next < raw.count {
                let lines = LineSegmenter.split([raw[next]]).lines
                parts += lines
                all += lines.filter { !$0.isBlank }
                next += 1
            }
            return k < all.count ? all[k] : nil
        }
        cut = parts
        return found
    }

    /// The first non-blank scalar of the line is `→` or `⇒`: an answer of summary minutes.
    private static func opensWithArrow(_ line: SourceLine) -> Bool {
        line.content.unicodeScalars.first { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }.map { $0 == "→" || $0 == "⇒" } ?? false
    }

    /// Whether the non-blank lines that `line(k)` gives in turn (nil past the last) open with
    /// one marked label, or two labels of any kind.
    private static func hasLabels(_ line: (Int) -> SourceLine?) -> Bool {
        var weak = 0
        var k = 0
        while let current = line(k) {
            let next = line(k + 1)
            if let next, splitLabel(current, next: next) != nil { return true }
            guard let label = SpeakerLabel.read(current.content) else {
                // A post alone on its line with the utterance under it (`事務局`, `会長代理`).
                if let next, current.content.utf8.count <= 40, SpeakerLabel.alone(current.content) != nil, isUtterance(next) {
                    weak += 1
                    if weak >= 2 { return true }
                }
                k += 1
                continue
            }
            let first = label.speaker.label.first
            if let first, SpeakerLabel.markers.contains(first) || first == "【", label.speaker.role != nil || label.speaker.seat != nil { return true }
            weak += 1
            if weak >= 2 { return true }
            k += 1
        }
        return false
    }

    func read(_ lines: ArraySlice<SourceLine>) -> Result {
        var result = Result()
        var current: (speaker: Speaker, text: [Substring], first: Int, last: Int)?
        func close() {
            guard let c = current else { return }
            let text = Self.joined(c.text)
            result.speeches.append(Speech(speaker: c.speaker, text: text, lines: LineRange(c.first, c.last)))
            current = nil
        }
        // The non-blank lines by their positions (the lines are not copied into another array).
        let all = lines.indices.filter { !lines[$0].isBlank }
        let memo = SpeakerLabel.Memo()
        // Whether the preamble's last label opened an order of business (`〇議事日程`).
        var inOrderOfBusiness = false
        var i = 0
        while i < all.count {
            let line = lines[all[i]]
            // A label split over two lines: a marker (with a short name) alone, the rest on the next line.
            if i + 1 < all.count, let joined = Self.splitLabel(line, next: lines[all[i + 1]]) {
                close()
                current = (joined.speaker, joined.rest.isEmpty ? [] : [joined.rest], line.number, lines[all[i + 1]].number)
                i += 2
                continue
            }
            // Before the first utterance, a roster's or the order of business's heading
            // (`〇出席議員（２６人）`, `〇議事日程`) belongs to the preamble, not to the events.
            if current == nil, result.speeches.isEmpty, let label = HeaderLabel.match(line.content),
               [.attendees, .secretariat, .absentees, .agenda].contains(label.field), !SpeakerLabel.opensInlineTurn(line.content),
               !(label.value.isEmpty && i + 1 < all.count && SpeakerLabel.alone(line.content) != nil && Self.isUtterance(lines[all[i + 1]])) {
                result.preamble.append(line)
                inOrderOfBusiness = label.field == .agenda
                i += 1
                continue
            }
            // Inside that order of business, its items (`日程第１` alone, its title on the next
            // line) are its lines too, not headings of the proceedings.
            if current == nil, result.speeches.isEmpty, inOrderOfBusiness, Self.isOrderOfBusinessItem(line.content) {
                result.preamble.append(line)
                i += 1
                continue
            }
            if let event = Self.event(line) {
                result.events.append(event)
                i += 1
                continue
            }
            if current != nil, Self.mayBeIndentedRule(line.content), Self.isRule(SpeakerLabel.compact(line.content)) {
                result.rules.append(line)
                i += 1
                continue
            }
            if let label = SpeakerLabel.read(line.content, memo: memo), Self.opensUtterance(label, line: line, next: i + 1 < all.count ? lines[all[i + 1]] : nil) {
                // `△議長` alone: a section heading (`△` heads sections in many records), not a turn.
                if label.rest.isEmpty, label.speaker.label.hasPrefix("△") {
                    result.events.append(ProceedingEvent(kind: .heading, text: String(Self.trimmed(line.content)), lines: LineRange(line.number)))
                    i += 1
                    continue
                }
                close()
                current = (label.speaker, label.rest.isEmpty ? [] : [label.rest], line.number, line.number)
                i += 1
                continue
            }
            // A label alone on its line, the utterance on the next (not for a roster's heading).
            if i + 1 < all.count, let label = SpeakerLabel.alone(line.content), Self.isUtterance(lines[all[i + 1]]) {
                close()
                current = (label.speaker, [], line.number, line.number)
                i += 1
                continue
            }
            if current != nil {
                current!.text.append(Self.trimmed(line.content))
                current!.last = line.number
            } else {
                result.preamble.append(line)
            }
            i += 1
        }
        close()
        return result
    }

    /// Whether a label opens an utterance: one with text after it, or one with a marker, or
    /// one whose next line reads as an utterance (not a roster's `（福祉事務所長）`).
    static func opensUtterance(_ label: SpeakerLabel, line: SourceLine, next: SourceLine?) -> Bool {
        if !label.rest.isEmpty { return true }
        if let first = trimmed(line.content).first, SpeakerLabel.markers.contains(first) { return true }
        return next.map(isUtterance) ?? false
    }

    /// `○` + `白浜孝雄 議長 …`, or `◎坂田` + `総合政策部長 …`.
    static func splitLabel(_ line: SourceLine, next: SourceLine) -> SpeakerLabel? {
        // A marker first, and a short line: looked at on its scalars before anything else.
        guard line.content.utf8.count <= 24,
              let lead = line.content.unicodeScalars.first(where: { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }),
              SpeakerLabel.markers.contains(Character(lead)) else { return nil }
        let content = trimmed(line.content)
        guard let first = content.first, SpeakerLabel.markers.contains(first), content.utf8.count <= 15, content.count <= 5,
              !SpeakerLabel.isRosterHeading(content.dropFirst()), SpeakerLabel.read(content) == nil else { return nil }
        let nextContent = trimmed(next.content)
        guard let nextFirst = nextContent.first, !SpeakerLabel.markers.contains(nextFirst) else { return nil }
        // The next line's first word (the post, or a name and a post separated by a space).
        let words = nextContent.split(maxSplits: 2, omittingEmptySubsequences: true) { $0 == " " || $0 == "\u{3000}" }
        guard let w1 = words.first else { return nil }
        var labelEnd = w1.endIndex
        if SpeakerLabel.role(endingAt: w1) == nil, words.count > 1, SpeakerLabel.role(endingAt: words[1]) != nil, words[1].count <= 8 {
            labelEnd = words[1].endIndex   // 白浜孝雄 議長
        }
        let post = nextContent[..<labelEnd]
        guard post.count <= 16, let found = SpeakerLabel.role(endingAt: post) else { return nil }
        let namePart = SpeakerLabel.compact(content.dropFirst())
        let label = content + "\n" + post
        // ◎坂田 + 総合政策部長: the name on the first line, the whole post on the second.
        let name = namePart.isEmpty ? found.name : namePart
        let role = namePart.isEmpty ? found.role : SpeakerLabel.compact(post)
        let speaker = Speaker(label: String(label), name: name.flatMap { $0.isEmpty ? nil : $0 }, role: role, seat: nil,
                              category: SpeakerLabel.category(role: role, seat: nil, label: Substring(label)))
        var rest = nextContent[labelEnd...]
        while let c = rest.first, c == " " || c == "\u{3000}" { rest = rest.dropFirst() }
        return SpeakerLabel(speaker: speaker, rest: rest)
    }

    /// Whether a line reads as the start of an utterance rather than a roster's entry.
    static func isUtterance(_ line: SourceLine) -> Bool {
        let t = trimmed(line.content)
        // (Sixteen characters at least: counted no further than that.)
        guard t.index(t.startIndex, offsetBy: 16, limitedBy: t.endIndex) != nil, t.includes("。") || t.includes("、"),
              SpeakerLabel.read(t) == nil else { return false }
        // `河北自治振興室長、赤松…担当主査、鈴木主事`: people and their posts, a roster.
        if !t.includes("。") {
            let parts = t.split(separator: "、")
            if parts.count >= 2, parts.allSatisfy({ SpeakerLabel.role(endingAt: $0) != nil }) { return false }
        }
        return true
    }

    /// An utterance's lines as one text: a line that ends a sentence (`。`, `」`, `）`, `？`)
    /// ends a paragraph; any other was broken where the page or the extraction broke it,
    /// and is joined to the next without a break.
    static func joined(_ lines: [Substring]) -> String {
        guard lines.count > 1 else { return lines.first.map(String.init) ?? "" }
        var out = ""
        out.reserveCapacity(lines.reduce(lines.count) { $0 + $1.utf8.count })
        for (k, line) in lines.enumerated() {
            // (The last scalar, not character: a character search compares strings.)
            if k > 0, let last = out.unicodeScalars.last, sentenceEnds.contains(last) { out += "\n" }
            out += line
        }
        return out
    }

    /// What ends a sentence, after which a line break is kept.
    private static let sentenceEnds: ScalarSet = ["。", "」", "』", "）", ")", "？", "！", "?", "!"]

    /// The bytes of a line without the spaces, ideographic spaces and tabs at either end, as
    /// ``trimmed(_:)`` cuts them.
    static func trimmedBounds(_ b: UTF8Bytes) -> Range<Int> {
        func ideographicSpace(at i: Int) -> Bool { i >= 0 && i + 2 < b.count && b[i] == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x80 }
        var start = 0, end = b.count
        while start < end {
            if b[start] == 0x20 || b[start] == 0x09 { start += 1 } else if end - start >= 3, ideographicSpace(at: start) { start += 3 } else { break }
        }
        while end > start {
            if b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 } else if end - start >= 3, ideographicSpace(at: end - 3) { end -= 3 } else { break }
        }
        return start..<end
    }

    static func trimmed(_ text: Substring) -> Substring {
        // By scalars: it runs on every line.
        let scalars = text.unicodeScalars
        func blank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{3000}" || s == "\t" }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, blank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return text[start..<end]
    }

    /// The opening and closing times a chair declares in an utterance with a time stamp after
    /// it (`…を開会いたします。(14:00)`), as some councils print them: the meeting's times when
    /// the header and the events give none.
    ///
    /// ```swift
    /// ProceedingsReader.declaredTimes(in: speeches).start?.description   // "14:00"
    /// ```
    static func declaredTimes(in speeches: [Speech]) -> (start: TimeOfDay?, end: TimeOfDay?) {
        var start: TimeOfDay?, end: TimeOfDay?
        // (A chair's speech that holds no `。(` or `。（` declares no time: looked for on its
        // bytes before its characters are walked.)
        for k in speeches.indices where speeches[k].speaker.category == .chair && (speeches[k].text.includes("。(") || speeches[k].text.includes("。（")) {
            var rest = speeches[k].text[...]
            while let stop = rest.firstIndex(of: "。") {
                let sentence = rest[..<stop]
                let after = rest[rest.index(after: stop)...]
                rest = after
                guard let open = after.first, open == "(" || open == "（",
                      let close = after.prefix(8).firstIndex(where: { $0 == ")" || $0 == "）" }) else { continue }
                var scanner = ScalarScanner(after[after.index(after: after.startIndex)..<close])
                guard let (time, _) = TimeOfDay.parse(&scanner), scanner.isAtEnd else { continue }
                let tail = sentence.suffix(12)
                if start == nil, ["開会いたします", "開議いたします", "開会します", "開議します"].contains(where: { tail.includes($0) }) { start = time }
                if ["閉会いたします", "散会いたします", "閉会します", "散会します"].contains(where: { tail.includes($0) }) { end = time }
            }
        }
        return (start, end)
    }

    // MARK: Events

    /// What an event that holds a sentence may open with: a stage direction's bracket, a rule.
    private static let sentenceEventOpeners: ScalarSet = ["〔", "(", "（", "―", "─", "-"]

    /// What a timed event is decorated with (`〇午後１時開会`, `=開会 午前10時0分=`), and the
    /// dashes around `― 休 憩 ―`.
    private static let timeEventDecorations = ScalarSet("○〇◯△=＝()（）".unicodeScalars)
    private static let ruleDashes = ScalarSet("―─-−ー".unicodeScalars)

    static let timeKeywords: [(String, ProceedingEvent.Kind)] = [
        ("開会・開議", .opening), ("開議", .opening), ("開会", .opening), ("散会", .adjournment), ("延会", .adjournment),
        ("閉会", .closing), ("休憩", .recess), ("再開", .resumption),
    ]

    /// An event line: a time with 開会/開議/散会/閉会/休憩/再開, a stage direction in 〔〕 or
    /// （拍手）, or a heading (`◎会期の決定`, `○議事日程`, `△開会・開議`, `日程第１`).
    static func event(_ line: SourceLine) -> ProceedingEvent? {
        // (Every line comes here: the line is trimmed, its length bounded and a sentence and
        // its characters looked for on its bytes, before any substring of it is made and the
        // event's signs are looked for.)
        let (bounds, first, short) = line.content.withUTF8Bytes { b -> (Range<Int>, Unicode.Scalar?, Bool) in
            let bounds = trimmedBounds(b)
            guard !bounds.isEmpty, bounds.count <= 240 else { return (bounds, nil, false) }
            let first = b.scalar(at: bounds.lowerBound).0
            // A sentence (`。`) is an event only in brackets or between rules: a speech's first
            // line, which opens with a marker too, is passed over here. An event is short.
            return (bounds, first, isShort(b.bytes(bounds), allowingSentences: sentenceEventOpeners.contains(first)))
        }
        guard let first else { return nil }
        // `日程第３　議案第170号　…の一部を改正する条例の制定について`: an item of the order of
        // business with its bill, longer than other events (a sentence, `日程第１、…を議題と
        // いたします。`, is the chair's).
        if first == "日", let heading = Self.orderOfBusinessHeading(line.content.utf8Slice(bounds), line: line.number) { return heading }
        guard short, mayBeEvent(line.content) else { return nil }
        let t = line.content.utf8Slice(bounds)
        let compact = SpeakerLabel.compact(t)
        let range = LineRange(line.number)
        // 〔「異議なし」と呼ぶ者あり〕, （拍手）, (「異議なし」の声あり), ― 休 憩 ―
        if (UTF8Search.hasPrefix(compact, "〔") && UTF8Search.hasSuffix(compact, "〕")) || isParenthesisedDirection(compact) {
            return ProceedingEvent(kind: .stageDirection, text: String(t), lines: range)
        }
        // Times: 午後２時１２分休憩, 〇午後１時開会, 開議 午前10時00分, =開会 午前10時0分=, 午前十一時三分開議
        let stripped = compact.trimmingCharacters(in: timeEventDecorations)
        if !stripped.includes("。"), stripped.unicodeScalars.count <= 24 {
            for (keyword, kind) in timeKeywords where UTF8Search.hasPrefix(stripped, keyword) || UTF8Search.hasSuffix(stripped, keyword) {
                let timeText = UTF8Search.hasPrefix(stripped, keyword) ? String(stripped.dropFirst(keyword.count)) : String(stripped.dropLast(keyword.count))
                guard let found = TimeOfDay.findRange(in: timeText), found.end == nil else { continue }
                return ProceedingEvent(kind: kind, text: String(t), time: found.start.description, lines: range)
            }
        }
        // ― 休 憩 ―
        if UTF8Search.hasPrefix(compact, "―") || UTF8Search.hasPrefix(compact, "─") || UTF8Search.hasPrefix(compact, "-") {
            let inner = compact.trimmingCharacters(in: ruleDashes)
            if UTF8Search.hasPrefix(inner, "休憩") { return ProceedingEvent(kind: .recess, text: String(t), lines: range) }
            if UTF8Search.hasPrefix(inner, "再開") { return ProceedingEvent(kind: .resumption, text: String(t), lines: range) }
        }
        // Headings: a marker and a short phrase that is not a label, or 日程第N. (Not a
        // roster's line, `◎山川昌子　○肥沼茂男`: another marker after white space.)
        // (The label is read last: every speech's first line opens with a marker, and most
        // hold a sentence.)
        if let first = t.unicodeScalars.first, SpeakerLabel.markerScalars.contains(first),
           compact.unicodeScalars.count <= 40, !compact.includes("。"), !Self.marksSeveralPeople(t), SpeakerLabel.read(t) == nil {
            return ProceedingEvent(kind: .heading, text: String(t), lines: range)
        }
        if UTF8Search.hasPrefix(compact, "日程第"), compact.unicodeScalars.count <= 40, !compact.includes("。") {
            return ProceedingEvent(kind: .heading, text: String(t), lines: range)
        }
        return nil
    }
}

extension ProceedingsReader {
    /// `日程第１`, `日程第３　議案第170号　…について`: an item of an order of business, its number
    /// with or without its title (no sentence).
    static func isOrderOfBusinessItem(_ content: Substring) -> Bool {
        guard UTF8Search.contains(content, "日程第") else { return false }
        let t = trimmed(content)
        guard UTF8Search.hasPrefix(t, "日程第"), !t.includes("。") else { return false }
        var s = ScalarScanner(String(t.dropFirst(3)))
        return s.scanNumber() != nil && (s.current.map(SourceLine.isSpace) ?? true)
    }

    /// `日程第３　議案第170号　…について`: `日程第` and the item's number, white space, then a
    /// title of 100 characters at most with no sentence in it.
    static func orderOfBusinessHeading(_ t: Substring, line: Int) -> ProceedingEvent? {
        guard UTF8Search.hasPrefix(t, "日程第"), !t.includes("。") else { return nil }
        var s = ScalarScanner(String(t.dropFirst(3)))
        guard s.scanNumber() != nil, let next = s.current, SourceLine.isSpace(next) else { return nil }
        guard t.unicodeScalars.count <= 100 else { return nil }
        return ProceedingEvent(kind: .heading, text: String(t), lines: LineRange(line))
    }

    /// Whether `bytes` hold 60 characters at most and, unless `allowingSentences`, no `。`
    /// (E3 80 82): an event's length, told in one walk that stops at the first `。`.
    static func isShort(_ bytes: UTF8Bytes, allowingSentences: Bool) -> Bool {
        // Eight bytes at a time: the characters are the bytes that do not continue one
        // (10xxxxxx), and a `。` ends in 82 after E3 80.
        var continuing = 0
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let high: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                continuing += (word & high & ~(word << 1)).nonzeroBitCount
                if !allowingSentences {
                    var hits = UTF8Bytes.zeroBytes(word ^ 0x8282_8282_8282_8282)
                    while hits != 0 {
                        let at = i + hits.trailingZeroBitCount / 8
                        if at >= 2, bytes[at - 2] == 0xE3, bytes[at - 1] == 0x80 { return false }
                        hits &= hits - 1
                    }
                }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b & 0xC0 == 0x80 { continuing += 1 }
            if !allowingSentences, b == 0x82, i >= 2, bytes[i - 2] == 0xE3, bytes[i - 1] == 0x80 { return false }
            i += 1
        }
        return bytes.count - continuing <= 60
    }

    /// `◎山川昌子　○肥沼茂男`: a roster line that marks its chair and vice-chair, a marker
    /// after white space.
    static func marksSeveralPeople(_ text: Substring) -> Bool {
        var afterSpace = false
        for s in text.unicodeScalars.dropFirst() {
            if SourceLine.isSpace(s) { afterSpace = true; continue }
            if afterSpace, SpeakerLabel.markerScalars.contains(s) { return true }
            afterSpace = false
        }
        return false
    }

    /// `（拍手）`, `（「異議なし」の声あり）`, `(…議員登壇)`, `（発言する者あり）`.
    static func isParenthesisedDirection(_ compact: String) -> Bool {
        guard let first = compact.unicodeScalars.first, first == "（" || first == "(",
              let last = compact.unicodeScalars.last, last == "）" || last == ")" else { return false }
        let inner = compact.unicodeScalars.dropFirst().dropLast()
        let text = Substring(inner)
        return ["拍手", "声あり", "者あり", "登壇", "降壇", "退席", "退場", "着席", "入室", "退室", "入場", "休憩", "再開", "笑声", "離席",
                "伝達", "交付", "黙とう", "黙祷", "撮影", "挙手", "異議なし", "起立"]
            .contains { UTF8Search.hasSuffix(text, $0) }
    }

    /// A line of only rules (`──────`, `－－－`, `＝＝＝`, `−−−`): layout, not speech.
    /// Whether a line may be a rule, on its first scalar (before it is compacted and checked).
    static func mayBeRule(_ content: Substring) -> Bool {
        guard let first = content.unicodeScalars.first else { return false }
        return ruleScalars.contains(first)
    }

    /// Whether a line's compacted text is a rule: three or more rule characters and nothing
    /// else. (By scalars: a character count of every line of a speech cost a fifth of a
    /// verbatim record's parse.)
    static func isRule(_ compact: String) -> Bool {
        var n = 0
        for s in compact.unicodeScalars {
            guard ruleScalars.contains(s) else { return false }
            n += 1
        }
        return n >= 3
    }

    static let ruleScalars = ScalarSet("─━－-—―=＝−‐~～*＊・".unicodeScalars)

    /// Whether a line's first character after white space may begin a rule.
    static func mayBeIndentedRule(_ content: Substring) -> Bool {
        guard let first = content.unicodeScalars.first(where: { !SourceLine.isSpace($0) }) else { return false }
        return ruleScalars.contains(first)
    }
}
