/// Reads the speaker label that opens an utterance in a verbatim record, in every style real
/// archives use:
///
/// | style | example |
/// |---|---|
/// | post (name) | `○議長（山田太郎君）`, `◯議会事務局長(浜路崇史君)`, `◆総務常任委員長（灘昌之）` |
/// | seat (name) | `○２２番（浦井たかひさ議員）`, `◯９番（浜平勇人君）`, `○２番` alone then the speech |
/// | (name post) | `○（浜井よしのり議長）`, `○（植浜　貴副区長）` |
/// | name post | `○みさき康平議長`, `◯森委員長`, `○野村委員長` (then a space or the end of the line) |
/// | closing bracket only | `○委員長佐々原克人)`, `◯委員長岬田 織君)`, `沖野(米)委員長)`, `山本委員長)` |
/// | colon | `委員長(相馬君):`, `本間君:` |
/// | brackets | `【吉清総合政策部長】`, `(会長)` or `（委員）` alone on a line |
/// | no marker | `都市計画課係長(潮野剛史君) …` |
///
/// Markers are `○` (U+25CB), `◯` (U+25EF), `〇` (U+3007), `◎`, `◆`, `△`. A marker followed by
/// a section name (`○議事日程`, `◎会期の決定`) or a sentence (`○平日の閉館時刻を…`) is not a
/// label: a label ends in a post or an honorific and is followed by a space, a colon, the
/// end of the line, or its closing bracket.
///
/// ```swift
/// SpeakerLabel.read("○（浜井よしのり議長）　出席議員は定足数に達しております。")?.speaker.role   // "議長"
/// ```
struct SpeakerLabel {
    let speaker: Speaker
    /// What follows the label on its line: the start of the utterance (may be empty).
    let rest: Substring

    static let markerScalars: ScalarSet = ["○", "◯", "〇", "◎", "◆", "△", "●"]
    /// The same set, where it is asked of characters (`markers.contains(label.first!)`).
    static let markers = markerScalars

    /// Posts and honorifics a label ends in, longest first where one ends another.
    static let roleSuffixes: [String] = [
        "臨時議長", "副議長", "議長", "副委員長", "委員長", "会長代理", "副会長", "会長", "座長", "議員", "教育委員", "監査委員", "委員",
        "副市長", "市長", "副区長", "区長", "副町長", "町長", "副村長", "村長", "副知事", "知事", "教育長", "事務局長", "事務局次長",
        "事務局", "部長", "課長", "局長", "室長", "次長", "所長", "署長", "参事", "副参事", "主幹", "係長", "主査", "主事", "理事",
        "管理者", "幹事", "書記", "担当", "君",
    ].sorted { $0.count > $1.count }

    /// A label that opens `line`, if any. `line` is the line's content; leading white space is skipped.
    /// `memo`: the labels already read in the same record (a record repeats a few dozen
    /// labels thousands of times), when the caller keeps one.
    static func read(_ line: Substring, memo: Memo? = nil) -> SpeakerLabel? {
        guard mayOpen(line), mayHoldPost(line) else { return nil }
        var content = Substring(line.unicodeScalars.drop { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
        // A page number glued before a bracketed label (`15110【…部長】`), as scrapers leave it.
        let digits = content.unicodeScalars.prefix { $0.value >= 0x30 && $0.value <= 0x39 }
        if !digits.isEmpty {
            let afterDigits = content.unicodeScalars[digits.endIndex...]
            if digits.count <= 8, afterDigits.first == "【" { content = Substring(afterDigits) }
            // A turn number before a marked label (`3 ◯竹中市長`, `12: ○議長（…）`), as search systems print it.
            else if digits.count <= 4 {
                let after = afterDigits.drop { $0 == ":" || $0 == "：" }
                let spaced = after.drop { $0 == " " || $0 == "\u{3000}" }
                if spaced.startIndex > after.startIndex, let marker = spaced.first, markerScalars.contains(marker) { content = Substring(spaced) }
            }
        }
        // (Scalars, never characters: comparing characters compares strings, at every line.)
        guard let first = content.unicodeScalars.first else { return nil }
        if markerScalars.contains(first) { return marked(content, memo: memo) }
        if first == "【" { return bracketed(content) }
        if first == "(" || first == "（" { return parenthesised(content) }
        return unmarked(content, memo: memo)
    }

    /// `○…`: post (name), seat (name), (name post), name post, or a closing bracket only.
    private static func marked(_ content: Substring, memo: Memo?) -> SpeakerLabel? {
        // (Scalars, not characters, wherever a line is walked: this is asked of every line.)
        let body = Substring(content.unicodeScalars.dropFirst())
        guard let c = body.unicodeScalars.first, c != " ", c != "\u{3000}" else { return nil }
        // ○（name post）
        if c == "(" || c == "（" {
            guard let close = closing(of: body) else { return nil }
            let inner = body[body.unicodeScalars.index(after: body.startIndex)..<close]
            let end = body.unicodeScalars.index(after: close)
            return memo.recalled(content[..<end], as: .nameAndPostInBrackets, rest: content[end...]) { () -> Speaker? in
                guard let (name, role) = nameAndRole(inner), role != nil else { return nil }
                return speaker(content[..<end], name: name, role: role, seat: nil)
            }
        }
        // ○post(name) / ○２２番(name) / ○…) with a closing bracket only
        if let open = openingBracket(in: body, within: 25) {
            let head = body[..<open]
            if let close = closing(of: body[open...]) {
                let inner = body[body.unicodeScalars.index(after: open)..<close]
                let end = body.unicodeScalars.index(after: close)
                let after = content[end...]
                let next = after.unicodeScalars.first
                guard next == nil || next == " " || next == "\u{3000}" || next == ":" || next == "：" else {
                    // 沖野(米)委員長) : a bracket inside the name, then the post and a lone closing bracket.
                    return loneClose(content, body: body)
                }
                // From here on, what the label says depends on its own text alone.
                return memo.recalled(content[..<end], as: .postAndNameInBrackets, rest: after) { () -> Speaker? in
                    if let seat = seatNumber(head) {
                        let (name, role) = nameAndRole(inner) ?? (compact(inner), nil)
                        return speaker(content[..<end], name: name, role: role ?? "議員", seat: seat)
                    }
                    let post = compact(head)
                    guard !head.isEmpty, !isRosterHeading(post), !isCount(inner),
                          role(endingAt: Substring(post)) != nil || isPost(Substring(post)) else { return nil }
                    let name = honorificStripped(compact(inner))
                    guard !name.isEmpty, name.unicodeScalars.count <= 16 else { return nil }
                    // The name is in the brackets: all before them is the post (`学校教育課長`, not
                    // 学校 and 教育課長 as a compound post without brackets would be read).
                    return speaker(content[..<end], name: name, role: post, seat: nil)
                }
            }
        }
        if let lone = loneClose(content, body: body, memo: memo) { return lone }
        // ○name post (then a space or the end of the line); no label is longer than 20.
        guard let word = leadingWord(of: body, endsAt: { $0 == " " || $0 == "\u{3000}" }) else { return nil }
        // What a word followed by more says depends on the word alone (a seat alone at the
        // end of a line is read otherwise).
        let said = { () -> Speaker? in
            // ○２番 alone: a member by seat, named by the roster.
            if let seat = seatNumber(word), word.endIndex < body.endIndex {
                return speaker(content[..<word.endIndex], name: nil, role: "議員", seat: seat)
            }
            guard !isRosterHeading(word), let found = role(endingAt: word), !found.role.isEmpty else { return nil }
            return speaker(content[..<word.endIndex], name: found.name, role: found.role, seat: nil)
        }
        let after = body[word.endIndex...]
        if after.isEmpty { return said().map { SpeakerLabel(speaker: $0, rest: trimmedRest(after)) } }
        return memo.recalled(content[..<word.endIndex], as: .markedWord, rest: after, read: said)
    }

    /// The text up to the first scalar that `endsAt` (or the end), when it is 20 scalars at
    /// most: no label is longer. Walked on scalars, as every line is asked.
    private static func leadingWord(of text: Substring, endsAt: (Unicode.Scalar) -> Bool) -> Substring? {
        let scalars = text.unicodeScalars
        var end = scalars.startIndex, length = 0
        while end < scalars.endIndex, !endsAt(scalars[end]) {
            length += 1
            if length > 20 { return nil }
            end = scalars.index(after: end)
        }
        return text[..<end]
    }

    /// `○委員長佐々原克人)`, `沖野(米)委員長)`: the label ends in a closing bracket that opens nowhere.
    private static func loneClose(_ content: Substring, body: Substring, memo: Memo? = nil) -> SpeakerLabel? {
        // The first closing bracket that closes nothing, within 28 scalars and before any 。 or 、
        // (found on the bytes).
        let offset = body.withUTF8Bytes { b -> Int? in
            var depth = 0, i = 0, count = 0
            while i < b.count, count < 28 {
                let (c, width) = b.scalar(at: i)
                if c == "(" || c == "（" { depth += 1 }
                if c == ")" || c == "）" {
                    if depth == 0 { return i }
                    depth -= 1
                }
                if c == "。" || c == "、" { return nil }
                i += width
                count += 1
            }
            return nil
        }
        guard let offset else { return nil }
        let i = body.utf8.index(body.startIndex, offsetBy: offset)
        let inner = body[..<i]
        let end = body.unicodeScalars.index(after: i)
        return memo.recalled(content[..<end], as: .loneClosingBracket, rest: content[end...]) { () -> Speaker? in
            guard !inner.isEmpty, !inner.includes("。"), !inner.includes("、") else { return nil }
            // Spaces only inside a name with its honorific (`岬田 織君`): a sentence has them elsewhere.
            if inner.includes(" ") || inner.includes("\u{3000}") {
                guard UTF8Search.hasSuffix(inner, "君"), inner.unicodeScalars.first != " ", inner.unicodeScalars.first != "\u{3000}",
                      compact(inner).unicodeScalars.count <= 16 else { return nil }
            }
            let (name, role) = roleAndNameAround(inner)
            guard role != nil || UTF8Search.hasSuffix(inner, "君") else { return nil }
            return speaker(content[..<end], name: name, role: role, seat: nil)
        }
    }

    /// `【吉清総合政策部長】…`
    private static func bracketed(_ content: Substring) -> SpeakerLabel? {
        let scalars = content.unicodeScalars
        guard let end = scalars.prefix(25).firstIndex(of: "】") else { return nil }
        let inner = content[scalars.index(after: scalars.startIndex)..<end]
        guard let found = role(endingAt: inner) else { return nil }
        let after = scalars.index(after: end)
        return make(content[..<after], name: found.name, role: found.role, seat: nil, rest: trimmedRest(content[after...]))
    }

    /// `(会長)`, `（事務局）` opening a line: a post in brackets, the speech after it or on the next line.
    private static func parenthesised(_ content: Substring) -> SpeakerLabel? {
        guard let close = closing(of: content) else { return nil }
        let inner = content[content.unicodeScalars.index(after: content.startIndex)..<close]
        guard inner.unicodeScalars.count <= 8, isPost(inner) else { return nil }
        let end = content.unicodeScalars.index(after: close)
        let found = role(endingAt: inner)
        return make(content[..<end], name: found?.name, role: found?.role ?? compact(inner), seat: nil, rest: trimmedRest(content[end...]))
    }

    /// `委員長(相馬君):`, `本間君:`, `都市計画課係長(潮野剛史君) …`, `市川恵一委員長` alone.
    private static func unmarked(_ content: Substring, memo: Memo?) -> SpeakerLabel? {
        // (By scalars: a character search compares characters as strings, at every line.)
        // post(name君) or name君, then a colon
        if let colon = firstIndex(in: content, within: 28, where: { $0 == ":" || $0 == "：" }) {
            let label = content[..<colon]
            guard !label.isEmpty, !label.includes(" "), !label.includes("。"), !label.includes("、") else { return nil }
            let after = content[content.unicodeScalars.index(after: colon)...]
            if let open = label.unicodeScalars.firstIndex(where: { $0 == "(" || $0 == "（" }), let close = closing(of: label[open...]),
               label.unicodeScalars.index(after: close) == label.endIndex {
                let post = label[..<open]
                let name = honorificStripped(compact(label[label.unicodeScalars.index(after: open)..<close]))
                guard isPost(post) || post.isEmpty else { return nil }
                return make(label, name: name, role: post.isEmpty ? nil : compact(post), seat: nil, rest: after)
            }
            guard let found = role(endingAt: label) else { return nil }
            return make(label, name: found.name, role: found.isHonorific ? nil : found.role, seat: nil, rest: after)
        }
        // A closing bracket only: `山本委員長)ただ今から…`, `沖野(米)委員長)`.
        if let lone = loneClose(content, body: content, memo: memo), lone.speaker.role != nil { return lone }
        // post(name君) then a space and the speech
        if let open = openingBracket(in: content, within: 28), let close = closing(of: content[open...]) {
            let post = content[..<open]
            let inner = content[content.unicodeScalars.index(after: open)..<close]
            let end = content.unicodeScalars.index(after: close)
            let after = content[end...]
            guard after.isEmpty || after.unicodeScalars.first == " " || after.unicodeScalars.first == "\u{3000}" else { return nil }
            return memo.recalled(content[..<end], as: .postAndHonouredName, rest: after) { () -> Speaker? in
                guard !post.isEmpty, UTF8Search.hasSuffix(inner, "君") || UTF8Search.hasSuffix(inner, "議員"), isPost(post) else { return nil }
                return speaker(content[..<end], name: honorificStripped(compact(inner)), role: compact(post), seat: nil)
            }
        }
        // A full name and post, then a space and the speech: `末松裕人委員長　ただいまから…`.
        // (A member's full name, three characters or more: `山田委員　から…` in a summary is
        // a sentence. An official's compound post leaves the name's end to the roster.)
        guard let word = leadingWord(of: content, endsAt: SourceLine.isSpace), word.endIndex < content.endIndex else { return nil }
        let rest = trimmedRest(content[word.endIndex...])
        guard !rest.isEmpty, !["から", "が", "は", "の", "に", "より", "と", "へ", "を", "も"].contains(where: { UTF8Search.hasPrefix(rest, $0) }),
              // What follows is said, a sentence: a roster's post and spaced name (`総務部長　福　島　啓　介`) is none.
              rest.includes("。") || rest.includes("、") || rest.includes("？") else { return nil }
        return memo.recalled(word, as: .nameAndPost, rest: rest) { () -> Speaker? in
            guard let found = role(endingAt: word), !found.isHonorific, let name = found.name,
                  name.unicodeScalars.count >= (UTF8Search.isOne(of: ["委員", "議員"], found.role) ? 3 : 2) else { return nil }
            return speaker(word, name: name, role: found.role, seat: nil)
        }
    }

    /// Whether `content` opens with a post in brackets and goes on with a sentence
    /// (`(事務局)資料1の…について伺いたい。`): a turn, though `(事務局)` alone would head a roster.
    static func opensInlineTurn(_ content: Substring) -> Bool {
        guard let first = content.unicodeScalars.first, first == "(" || first == "（", let label = read(content) else { return false }
        return label.rest.includes("。")
    }

    /// A label alone on its line with no marker (`市川恵一委員長`, `事務局`, `会長代理`): read only
    /// when the caller knows the next line is the utterance.
    static func alone(_ line: Substring) -> SpeakerLabel? {
        let content = ProceedingsReader.trimmed(line)
        // (More than 48 bytes is more than 12 scalars: the count is not taken of a speech's every line.)
        guard !content.isEmpty, content.utf8.count <= 48, content.unicodeScalars.count <= 12, !content.includes(" "), !content.includes("\u{3000}")
        else { return nil }
        if let p = parenthesised(content), p.rest.isEmpty { return p }
        guard let found = role(endingAt: content), !found.isHonorific || found.name != nil else { return nil }
        return make(content, name: found.name, role: found.role, seat: nil, rest: "")
    }

    // MARK: Pieces

    private static func make(_ label: Substring, name: String?, role: String?, seat: Int?, rest: Substring) -> SpeakerLabel {
        SpeakerLabel(speaker: speaker(label, name: name, role: role, seat: seat), rest: rest)
    }

    private static func speaker(_ label: Substring, name: String?, role: String?, seat: Int?) -> Speaker {
        let name = name.flatMap { $0.isEmpty ? nil : $0 }
        let role = role.flatMap { $0.isEmpty ? nil : $0 }
        return Speaker(label: String(label), name: name, role: role, seat: seat, category: category(role: role, seat: seat, label: label))
    }

    /// The first `(` or `（` among the first `limit` scalars of `text` (found on its bytes).
    private static func openingBracket(in text: Substring, within limit: Int) -> Substring.Index? {
        firstIndex(in: text, within: limit) { $0 == "(" || $0 == "（" }
    }

    /// The first scalar among the first `limit` of `text` that `matches`, walked on the bytes
    /// (stepping a string's scalar indexes checks each one).
    @inline(__always)
    private static func firstIndex(in text: Substring, within limit: Int, where matches: (Unicode.Scalar) -> Bool) -> Substring.Index? {
        let offset = text.withUTF8Bytes { b -> Int? in
            var i = 0, n = 0
            while i < b.count, n < limit {
                let (c, width) = b.scalar(at: i)
                if matches(c) { return i }
                i += width
                n += 1
            }
            return nil
        }
        return offset.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }

    /// The closing bracket that matches the opening one at the start of `text`, within 40
    /// characters (a label's brackets are short).
    private static func closing(of text: Substring) -> Substring.Index? {
        // (On the bytes: stepping scalar indexes checks each one.)
        let offset = text.withUTF8Bytes { b -> Int? in
            var depth = 0, n = 0, i = 0
            while i < b.count {
                let (c, width) = b.scalar(at: i)
                if c == "(" || c == "（" { depth += 1 }
                if c == ")" || c == "）" { depth -= 1; if depth == 0 { return i } }
                if c == "。" { return nil }
                n += 1
                if n > 40 { return nil }
                i += width
            }
            return nil
        }
        return offset.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }

    /// `２６人`, `３８名`: a count, as a roster's heading gives it.
    static func isCount(_ text: Substring) -> Bool {
        guard let end = text.unicodeScalars.last(where: { !SourceLine.isSpace($0) }), end == "人" || end == "名" else { return false }
        let t = compact(text)
        guard let last = t.last, last == "人" || last == "名" else { return false }
        return JapaneseNumber.value(of: t.dropLast()) != nil
    }

    /// `出席議員`, `欠席委員`, `説明員`, `事務局出席職員`: a roster's heading, not a speaker.
    static func isRosterHeading<S: StringProtocol>(_ text: S) -> Bool {
        compact(text).withUTF8Bytes { t in
            t.hasPrefix("出席") || t.hasPrefix("欠席") || t.hasSuffix("説明員") || t.hasSuffix("職員") || t.hasSuffix("出席者")
                || t.hasPrefix("説明のため")
        }
    }

    /// `２２番` → 22.
    private static func seatNumber(_ head: Substring) -> Int? {
        guard UTF8Search.hasSuffix(head, "番") else { return nil }
        let digits = head.dropLast()
        guard !digits.isEmpty, digits.unicodeScalars.count <= 3 else { return nil }
        return JapaneseNumber.value(of: digits)
    }

    /// Whether `text` is a post (it ends in one of the known posts and holds no sentence).
    private static func isPost(_ text: Substring) -> Bool {
        let t = compact(text)
        return t.withUTF8Bytes { b in
            guard !b.isEmpty, b.scalarCount <= 24, b.offset(of: "。") == nil, b.offset(of: "、") == nil else { return false }
            return posts.contains { !$0.isHonorific && b.hasSuffix($0.bytes) }
        }
    }

    /// What ``role(endingAt:)`` finds: the name before the post (none for a post alone)
    /// and the post, or the honorific `君`.
    struct Found {
        let name: String?
        let role: String
        var isHonorific: Bool { UTF8Search.equals(role, "君") }
    }

    /// `みさき康平議長` → name みさき康平, role 議長; `川端総合政策部長` → 川端, 総合政策部長;
    /// `事務局` → no name, role 事務局; `本間君` → 本間, 君.
    static func role(endingAt text: Substring) -> Found? {
        // Most words end in no post's last character: answered before compacting the word.
        // (On the bytes: the last scalar that is not white space, then the posts in order,
        // longest first: a post that ends the word ends in that scalar.)
        let mayEnd = text.withUTF8Bytes { b -> Bool in
            var end = b.count
            while end > 0 {
                var start = end - 1
                while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
                let (c, _) = b.scalar(at: start)
                if !SourceLine.isSpace(c) { return postLastScalars.contains(c) }
                end = start
            }
            return false
        }
        guard mayEnd else { return nil }
        let t = compact(text)
        return t.withUTF8Bytes { b -> Found? in
            guard !b.isEmpty, b.scalarCount <= 24, !holdsSentencePunctuation(b),
                  let suffix = posts.first(where: { b.hasSuffix($0.bytes) }) else { return nil }
            let before = b.bytes(0..<(b.count - suffix.bytes.count))
            let name = String(decoding: before, as: UTF8.self)
            if suffix.isHonorific { return before.isEmpty ? nil : Found(name: name, role: suffix.text) }
            if before.isEmpty { return Found(name: nil, role: suffix.text) }
            // A compound post (総合政策部長, 都市計画課長): the name is the first two characters
            // when more come before the post; a post alone has no name.
            if suffix.isCompound {
                if before.scalarCount >= 4 {
                    let cut = before.offset(afterScalars: 2)
                    return Found(name: String(decoding: before.bytes(0..<cut), as: UTF8.self),
                                 role: String(decoding: before.bytes(cut..<before.count), as: UTF8.self) + suffix.text)
                }
                return Found(name: nil, role: name + suffix.text)
            }
            // 総務常任委員長, 議会運営委員長, 議会事務局長: a post made longer, not a name.
            if suffix.isLengthened, lengthening.contains(where: { before.hasSuffix($0) }) {
                return Found(name: nil, role: name + suffix.text)
            }
            return Found(name: name, role: suffix.text)
        }
    }

    /// A known post or honorific, with what reading a label needs to know of it.
    struct Post: Sendable {
        let text: String
        let bytes: [UInt8]
        /// `君`: the word before it is a name.
        let isHonorific: Bool
        /// A post that follows a department's name (`部長`, `課長`).
        let isCompound: Bool
        /// A post that a committee's name makes longer (`常任` + `委員長`).
        let isLengthened: Bool
    }

    /// ``roleSuffixes`` as ``Post``s, in the same order.
    static let posts: [Post] = roleSuffixes.map {
        Post(text: $0, bytes: Array($0.utf8), isHonorific: $0 == "君",
             isCompound: ["部長", "課長", "局長", "室長", "次長", "所長", "署長", "参事", "主幹", "係長", "主査", "主事", "担当"].contains($0),
             isLengthened: ["委員長", "事務局長", "委員"].contains($0))
    }

    /// ``posts`` by their last character, longest first: a word is matched against the
    /// posts that end as it ends (and a word that ends in none of them names no post).
    /// The last scalars of the ``posts``.
    static let postLastScalars = ScalarSet(posts.map { $0.text.unicodeScalars.last! })

    /// Whether a word's bytes hold `。`, `、` or `「` (E3 80 82, E3 80 81, E3 80 8C): a word of a
    /// label is short, and one walk beats a search for each.
    @inline(__always) private static func holdsSentencePunctuation(_ b: UTF8Bytes) -> Bool {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x82 || b[i + 2] == 0x81 || b[i + 2] == 0x8C { return true }
            i += 1
        }
        return false
    }

    /// What makes a post longer: `総務常任委員長`, `議会運営委員長`.
    private static let lengthening: [[UInt8]] = ["常任", "特別", "運営", "議会", "教育", "監査", "選挙管理"].map { Array($0.utf8) }

    /// `委員長佐々原克人` → 委員長 and 佐々原克人; `沖野(米)委員長` → 沖野(米) and 委員長; `岬田 織君` → 岬田織.
    private static func roleAndNameAround(_ inner: Substring) -> (name: String?, role: String?) {
        let t = compact(inner)
        // The name and then the post: 沖野(米)委員長, 山本委員長.
        if let found = role(endingAt: Substring(t)), !found.isHonorific { return (found.name, found.role) }
        // The post and then the name: 委員長佐々原克人, 事務局汐里哲司君.
        for suffix in roleSuffixes where suffix != "君" {
            if let r = t.range(of: suffix), t[..<r.lowerBound].count <= 8, r.upperBound < t.endIndex {
                let post = String(t[..<r.upperBound])
                let name = honorificStripped(String(t[r.upperBound...]))
                return (name.isEmpty ? nil : name, post)
            }
        }
        return (UTF8Search.hasSuffix(t, "君") ? honorificStripped(t) : nil, nil)
    }

    /// `浜井よしのり議長` → (浜井よしのり, 議長); `浦井たかひさ議員` → (浦井たかひさ, 議員).
    private static func nameAndRole(_ inner: Substring) -> (String?, String?)? {
        let t = compact(inner)
        guard !t.isEmpty, t.unicodeScalars.count <= 20 else { return nil }
        if let found = role(endingAt: Substring(t)) {
            return found.isHonorific ? (found.name, nil) : (found.name, found.role)
        }
        return nil
    }

    private static func honorificStripped(_ name: String) -> String {
        let cut = name.withUTF8Bytes { b -> Int? in
            for h in honorifics where b.count > h.utf8CodeUnitCount && b.hasSuffix(h) { return h.utf8CodeUnitCount }
            return nil
        }
        guard let cut else { return name }
        return String(decoding: name.utf8.dropLast(cut), as: UTF8.self)
    }

    private static let honorifics: [StaticString] = ["君", "議員", "さん", "氏"]

    /// Without spaces (names are often spaced out: `植浜　貴`).
    /// (On UTF-8 bytes: comparing characters goes through string comparison, and this is
    /// asked of every candidate label.)
    static func compact<S: StringProtocol>(_ text: S) -> String {
        text.withUTF8Bytes { bytes in
            // Most words hold no white space: they are returned without a copy of their bytes.
            func isSpace(_ i: Int) -> Int {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 { return 1 }
                // U+3000 is E3 80 80.
                return b == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 ? 3 : 0
            }
            var i = 0
            while i < bytes.count, isSpace(i) == 0 { i += 1 }
            guard i < bytes.count else { return String(text) }
            var kept: [UInt8] = Array(bytes[0..<i])
            kept.reserveCapacity(bytes.count)
            while i < bytes.count {
                let width = isSpace(i)
                if width > 0 { i += width; continue }
                kept.append(bytes[i])
                i += 1
            }
            return String(decoding: kept, as: UTF8.self)
        }
    }

    static func trimmedRest(_ text: Substring) -> Substring {
        var t = text.unicodeScalars
        while let c = t.first, c == " " || c == "\u{3000}" || c == ":" || c == "：" || c == "\t" { t.removeFirst() }
        return Substring(t)
    }

    /// The category a label's post and seat give.
    static func category(role: String?, seat: Int?, label: Substring) -> SpeakerCategory {
        if seat != nil { return .member }
        guard let role else { return label.includes("君") ? .member : .other }
        // (Byte comparisons: comparing strings normalises them, and this is asked of every label.)
        if UTF8Search.isOne(of: chairPosts, role) { return .chair }
        if role.includes("事務局") || UTF8Search.equals(role, "書記") { return .secretariat }
        if UTF8Search.isOne(of: memberPosts, role) || UTF8Search.hasSuffix(role, "委員長") || UTF8Search.hasSuffix(role, "常任委員") { return .member }
        return .official
    }

    private static let chairPosts = ["議長", "副議長", "臨時議長", "委員長", "副委員長", "会長", "副会長", "座長", "会長代理"]
    private static let memberPosts = ["議員", "委員", "君"]
}

extension SpeakerLabel {
    /// The labels already read in one record, by their bytes: a record repeats a few dozen
    /// labels thousands of times, and a label that has been read says the same again. Only
    /// what a label's own text decides is kept (where the label ends was found first).
    ///
    /// ```swift
    /// let memo = SpeakerLabel.Memo()
    /// SpeakerLabel.read("○議長（山田太郎君）　開会します。", memo: memo)   // read
    /// SpeakerLabel.read("○議長（山田太郎君）　休憩します。", memo: memo)   // recalled
    /// ```
    final class Memo {
        /// The style a label was read in: the same text read in another style is another entry.
        enum Style: UInt8 {
            case nameAndPostInBrackets, postAndNameInBrackets, markedWord, loneClosingBracket, postAndHonouredName, nameAndPost
        }

        /// What was read, in the order it was: each entry with the next of the same hash.
        private var entries: [(style: Style, label: [UInt8], speaker: Speaker?, next: Int)] = []
        /// By a hash of the label's style and bytes: the last entry with that hash.
        private var last: [UInt64: Int] = [:]

        func recall(_ label: UTF8Bytes, as style: Style, hash: UInt64) -> Speaker?? {
            // (By index: an entry is compared where it is stored, not copied out.)
            var k = last[hash] ?? -1
            while k >= 0 {
                if entries[k].style == style, entries[k].label.count == label.count,
                   entries[k].label.withUnsafeBufferPointer({ label.equals($0) }) {
                    return .some(entries[k].speaker)
                }
                k = entries[k].next
            }
            return nil
        }

        func remember(_ label: UTF8Bytes, as style: Style, hash: UInt64, _ speaker: Speaker?) {
            entries.append((style, Array(label), speaker, last[hash] ?? -1))
            last[hash] = entries.count - 1
        }

        /// FNV-1a over the style and the bytes.
        static func hash(_ bytes: UTF8Bytes, _ style: Style) -> UInt64 {
            var h: UInt64 = (0xcbf29ce484222325 ^ UInt64(style.rawValue)) &* 0x100000001b3
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            return h
        }
    }
}

extension Optional where Wrapped == SpeakerLabel.Memo {
    /// The speaker `label` names, read in `style`: recalled when it was read so before, else
    /// read by `read` (and remembered); with `rest` after it, as a ``SpeakerLabel``.
    func recalled(_ label: Substring, as style: SpeakerLabel.Memo.Style, rest: Substring, read: () -> Speaker?) -> SpeakerLabel? {
        let speaker: Speaker?
        if let memo = self {
            speaker = label.withUTF8Bytes { bytes -> Speaker? in
                let hash = SpeakerLabel.Memo.hash(bytes, style)
                if let known = memo.recall(bytes, as: style, hash: hash) { return known }
                let found = read()
                memo.remember(bytes, as: style, hash: hash, found)
                return found
            }
        } else {
            speaker = read()
        }
        return speaker.map { SpeakerLabel(speaker: $0, rest: SpeakerLabel.trimmedRest(rest)) }
    }
}
