/// Stage 1b: splits lines that extraction flattened. Aggregators and some web pages lose
/// the line breaks of a record, so that a whole header (`日  時  令和5年9月15日(金) …  場  所
/// 第3委員会室出席委員(8名) …`) or a run of utterances (`… ◯委員長(岬田織君) 中原委員から… 2:
/// ◯事務局(汐里哲司君) それでは…`) stands on one line. Such a line is cut where a header
/// label, a numbered value, a speaker's label, a timed opening or a rule begins after white
/// space, and each part goes on as a line of its own with the same number. The line is
/// reported so that the record can mark it `shared`.
///
/// Only long lines with at least two such places are cut: a sentence that mentions `場所`
/// after a space keeps its line.
///
/// ```swift
/// let (lines, shared) = LineSegmenter.split(SourceLine.nonBlankLines(of: flattened).lines)
/// lines.map(\.content)   // ["令和元年企画総務委員会", "1 日    時 令和元年6月21日(金)", "開会 午前10時00分", …]
/// ```
enum LineSegmenter {
    /// Lines shorter than this (in UTF-8 bytes) are never cut.
    static let minimumLength = 200

    /// - Parameters:
    ///   - minimumLength: lines shorter than this (UTF-8 bytes) are kept whole.
    ///   - minimumCuts: how many places a line must have to be cut.
    static func split(_ lines: [SourceLine], minimumLength: Int = minimumLength, minimumCuts: Int = 2) -> (lines: [SourceLine], shared: [SourceLine]) {
        guard lines.contains(where: { $0.content.utf8.count >= minimumLength }) else { return (lines, []) }
        var out: [SourceLine] = []
        out.reserveCapacity(lines.count)
        var shared: [SourceLine] = []
        // A flattened record repeats its speakers' labels along its lines: each is read once.
        let memo = SpeakerLabel.Memo()
        for line in lines {
            guard line.content.utf8.count >= minimumLength, mayHaveCuts(line.content, atLeast: minimumCuts) else { out.append(line); continue }
            let cuts = cutPoints(line.content, memo: memo)
            guard cuts.count >= minimumCuts else { out.append(line); continue }
            shared.append(line)
            var start = line.content.startIndex
            for cut in cuts {
                let part = line.segment(start..<cut.end)
                if !part.isBlank { out.append(part) }
                start = cut.start
            }
            let last = line.segment(start..<line.content.endIndex)
            if !last.isBlank { out.append(last) }
        }
        return (out, shared)
    }

    /// Whether `content` has room for `count` cuts, by its bytes alone: every cut is at a
    /// character after white space (a numbered value or label glued on has white space after
    /// its number) or at `出席`/`欠席`. An utterance of a verbatim record, a long line with no
    /// white space, is passed over without looking for openings at each of its characters.
    static func mayHaveCuts(_ content: Substring, atLeast count: Int) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var places = 0, i = 0
            var previousSpace = false
            while i < bytes.count {
                let b = bytes[i]
                // White space: ASCII, or the ideographic space U+3000 (E3 80 80).
                let isSpace = b == 0x20 || b == 0x09 || (b == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80)
                if !isSpace, previousSpace {
                    places += 1
                } else if b == 0xE5 || b == 0xE6, i + 5 < bytes.count, bytes[i + 3] == 0xE5, bytes[i + 4] == 0xB8, bytes[i + 5] == 0xAD,
                          (b == 0xE5 && bytes[i + 1] == 0x87 && bytes[i + 2] == 0xBA) || (b == 0xE6 && bytes[i + 1] == 0xAC && bytes[i + 2] == 0xA0) {
                    places += 1   // 出席 or 欠席
                }
                if places >= count { return true }
                previousSpace = isSpace
                i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            }
            return false
        }
        if let found = content.utf8.withContiguousStorageIfAvailable(scan) { return found }
        return Array(content.utf8).withUnsafeBufferPointer(scan)
    }

    /// A place to cut: where the previous part ends (a turn number such as `2:` left before a
    /// label is dropped with the white space) and where the next begins.
    struct Cut { var end: Substring.Index; var start: Substring.Index }

    static func cutPoints(_ content: Substring, memo: SpeakerLabel.Memo? = nil) -> [Cut] {
        // Walked on UTF-8 bytes: only a character after white space, or a digit, `出` or `欠`
        // after a word, may open a part; the others are passed over without building anything.
        let cuts = content.withUTF8Bytes { bytes -> [Cut] in
            var cuts: [Cut] = []
            var i = 0
            var previous: Int?
            var afterSpace = false
            while i < bytes.count {
                let space = bytes.spaceWidth(at: i)
                if space > 0 { afterSpace = true; previous = i; i += space; continue }
                let lead = bytes[i]
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                defer { previous = i; i += width }
                let wasAfterSpace = afterSpace
                afterSpace = false
                if wasAfterSpace {
                    let at = content.utf8.index(content.startIndex, offsetBy: i)
                    if opensPart(content[at...], memo: memo) { cuts.append(Cut(end: turnNumberStart(before: at, in: content) ?? at, start: at)) }
                } else if let p = previous, mayGlue(bytes, at: i) {
                    // `(第4回)1 令和4年…`, `第3委員会室出席委員(8名)`: no space before the part.
                    let before = bytes.scalar(at: p).0
                    guard !isDigit(before), !HeaderLabel.decorations.contains(before) else { continue }
                    let at = content.utf8.index(content.startIndex, offsetBy: i)
                    if gluedOpening(content[at...]) { cuts.append(Cut(end: at, start: at)) }
                }
            }
            return cuts
        }
        // A cut right after another with nothing but numbering between (`1 出席議員`: at `1`
        // and again at the label) is one cut.
        var kept: [Cut] = []
        for cut in cuts where cut.start > content.startIndex {
            if let last = kept.last {
                let between = content[last.start..<cut.end]
                if between.unicodeScalars.count <= 4, between.unicodeScalars.allSatisfy({ isDigit($0) || SourceLine.isSpace($0) || $0 == "." || $0 == "．" }) {
                    continue
                }
            }
            kept.append(cut)
        }
        return kept
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }

    /// Whether the scalar at byte `i` may begin a part glued on (see ``gluedOpening(_:)``):
    /// a digit, ASCII or full-width, `出` or `欠`.
    @inline(__always) private static func mayGlue(_ bytes: UTF8Bytes, at i: Int) -> Bool {
        let b = bytes[i]
        if b >= 0x30 && b <= 0x39 { return true }
        guard i + 2 < bytes.count else { return false }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        return (b == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99)   // ０ … ９
            || (b == 0xE5 && b1 == 0x87 && b2 == 0xBA)                 // 出
            || (b == 0xE6 && b1 == 0xAC && b2 == 0xA0)                 // 欠
    }

    /// What may begin a part after white space.
    static func opensPart(_ rest: Substring, memo: SpeakerLabel.Memo? = nil) -> Bool {
        guard let first = rest.unicodeScalars.first else { return false }
        // A speaker's label with its marker: `◯委員長(岬田織君)`, `○竹中市長`.
        if SpeakerLabel.markerScalars.contains(first) {
            // With words after it: `△議長` before a rule heads a section, it says nothing.
            if let label = SpeakerLabel.read(rest.prefix(scalars: 40), memo: memo), label.speaker.role != nil || label.speaker.name != nil,
               let said = label.rest.unicodeScalars.first, said != "─", said != "━" { return true }
        }
        // A post in brackets opening a turn inside a paragraph: `(事務局)資料1の…`, `（委員）問題量が…`.
        if first == "(" || first == "（", let label = SpeakerLabel.read(rest.prefix(scalars: 12)), label.speaker.label.count <= 8,
           label.speaker.role != nil, !label.rest.isEmpty { return true }
        // A section heading of the proceedings: `△委員外議員の出席について`.
        if first == "△" { return true }
        // A stage direction run into an utterance: `〔「異議なし」と呼ぶ者あり〕`.
        if first == "〔" { return true }
        // A rule: `────`.
        if first == "─" || first == "━" { return rest.unicodeScalars.prefix(4).allSatisfy { $0 == "─" || $0 == "━" } }
        // A timed opening or closing: `=開会 午前10時0分=`, `開議 午前10時00分`, `午前10時 開会`.
        if startsTimedEvent(rest) { return true }
        // A header label, numbered or not, with its value or white space after it (looked for
        // only where one may open: this is asked after every space of a flattened page).
        let numbered = Numbering.parse(rest) != nil
        if numbered || HeaderLabel.mayOpen(with: first), let label = HeaderLabel.match(rest.prefix(scalars: 60)), label.written.count >= 2 {
            // A spaced label that runs on into a longer spaced word (`事 務 局 長`) is that word.
            if label.written.unicodeScalars.contains(where: SourceLine.isSpace),
               let next = label.value.first, "長員者記".contains(next) { return false }
            // (Lengths in bytes: counting the rest's characters at every space made long lines quadratic.)
            return !label.value.isEmpty || rest.utf8.count > label.written.utf8.count
        }
        // A numbered value: `1 令和4年12月21日`.
        if numbered, let n = Numbering.parse(rest.prefix(scalars: 30)), JapaneseDate.find(in: n.rest.prefix(scalars: 16)) != nil { return true }
        return false
    }

    /// What may begin a part glued to the text before it: numbering and a label or a date
    /// (`1 出席議員`, `1 令和4年…`, `1 館山市役所議場`), or an attendance label with its count.
    static func gluedOpening(_ rest: Substring) -> Bool {
        let scalars = rest.unicodeScalars
        guard let first = scalars.first else { return false }
        // (Never `scalars.count`: this is asked at every character of a line.)
        if isDigit(first), let second = scalars.dropFirst().first, SourceLine.isSpace(second), scalars.dropFirst(2).first != nil {
            let after = Substring(scalars.dropFirst(2))
            if HeaderLabel.match(after.prefix(scalars: 40)) != nil { return true }
            var s = ScalarScanner(after.prefix(scalars: 16))
            if JapaneseDate.parse(&s) != nil { return true }
            let word = after.prefix { !SourceLine.isSpace($0.unicodeScalars.first!) && !isDigit($0.unicodeScalars.first!) }
            return HeaderReader.looksLikePlace(word.prefix(scalars: 40))
        }
        guard first == "出" || first == "欠" else { return false }
        for label in ["出席委員", "出席議員", "欠席委員", "欠席議員", "出席説明員", "出席者"] where rest.hasPrefix(label) {
            let after = rest.dropFirst(label.count)
            return after.first == "(" || after.first == "（" || after.first.map { $0.unicodeScalars.allSatisfy(SourceLine.isSpace) } == true
        }
        return false
    }

    private static func startsTimedEvent(_ rest: Substring) -> Bool {
        // An event word or a time opens the part, after `=`: most parts open otherwise.
        guard let opening = rest.unicodeScalars.first(where: { $0 != "=" && $0 != "＝" }), mayOpenTimedEvent(opening) else { return false }
        let head = rest.prefix(scalars: 24)
        // Every event word holds 開, 散, 閉 or 休: most parts hold none, and are passed over.
        guard head.withUTF8Bytes({ b in eventKanji.contains { b.offset(of: $0) != nil } }) else { return false }
        var s = ScalarScanner(head)
        _ = s.scanAny(["=", "＝"])
        if s.scanAny(["開会", "開議", "散会", "閉会", "再開", "休憩"]) != nil { return TimeOfDay.parse(&s) != nil }
        guard TimeOfDay.parse(&s) != nil else { return false }
        // The word right after the time (`午前10時開議`), not one a field further on.
        if s.index + 1 < s.scalars.count, SourceLine.isSpace(s.scalars[s.index]), SourceLine.isSpace(s.scalars[s.index + 1]) { return false }
        return s.scanAny(["開会", "開議", "散会", "閉会", "再開", "休憩"]) != nil
    }

    private static let eventKanji: [StaticString] = ["開", "散", "閉", "休"]
    private static let timedEventOpeners = ScalarSet("開散閉再休延正午AaPp元".unicodeScalars)

    /// Whether a timed event may open with `c` (after `=`): an event word (`開会`, `再開` …), a
    /// time (`午前`, `正午`, `AM`, a number in digits or kanji), or white space before a number.
    private static func mayOpenTimedEvent(_ c: Unicode.Scalar) -> Bool {
        timedEventOpeners.contains(c) || isDigit(c) || SourceLine.isSpace(c)
            || JapaneseNumber.isKanjiNumeral(c)
    }

    /// A turn number just before a label (`2: ◯事務局…`, `3 ◯竹中市長`): where it starts.
    private static func turnNumberStart(before index: Substring.UnicodeScalarView.Index, in content: Substring) -> Substring.Index? {
        let scalars = content.unicodeScalars
        var j = index
        func back() -> Unicode.Scalar? {
            guard j > scalars.startIndex else { return nil }
            j = scalars.index(before: j)
            return scalars[j]
        }
        // White space, an optional colon, one to four digits, white space.
        var c = back()
        while let s = c, SourceLine.isSpace(s) { c = back() }
        if c == ":" || c == "：" { c = back() }
        var digits = 0
        while let s = c, isDigit(s) { digits += 1; c = back() }
        guard (1...4).contains(digits), let s = c, SourceLine.isSpace(s) else { return nil }
        return scalars.index(after: j)
    }
}
