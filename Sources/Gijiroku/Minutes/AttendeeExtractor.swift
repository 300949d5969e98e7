/// Splits an attendance list into one ``Attendee`` per person or post.
///
/// Entries are separated by `、`, `,` or `，` (or by white space when the list uses no
/// commas) and by line ends that close an entry (in PDF text, a line that ends in white
/// space); a line broken mid-word (`都市戦略` / `本部長`) is rejoined. A bracket after an
/// entry is a member list when it holds separators (`幹事区長（西区長、緑区長）`), a proxy
/// mark (`（代理）`), an absence (`（欠席）`), a post beside a name (`山田太郎（委員長）`),
/// or else a remark kept as `note`.
///
/// ```swift
/// // 【出席者】 財政局長（代理）、幹事区長（西区長、緑区長）
/// // → 財政局長 (proxy), 西区長 (group 幹事区長), 緑区長 (group 幹事区長)
/// ```
struct AttendeeExtractor {
    struct Result {
        var attendees: [Attendee] = []
        var absentees: [String] = []
        /// The part of a post a roster ends with, its holder cut off (``SpacedRoster/Result/cutOff``).
        var cutOff: (text: String, line: Int)?
        /// The people the list's headings count (`委員7名 (50音順,敬称略)` → 7), for checking
        /// against the names read.
        var headingTotal: Int?
    }

    /// One scalar of the list with the line it came from; `nil` scalar marks a closed line end.
    private typealias Token = (scalar: Unicode.Scalar?, line: Int)

    func extract(_ parts: [(text: Substring, line: SourceLine)]) -> Result {
        var result = read(parts)
        for i in result.attendees.indices { result.attendees[i] = Self.withoutHonorific(result.attendees[i]) }
        // A count alone before the names (`三名`, then one person a line) is the list's stated
        // total, not an entry: the caller checks it against the names.
        if let first = result.attendees.first, first.count != nil, first.role.isEmpty,
           result.attendees.dropFirst().contains(where: { $0.count == nil }) {
            result.attendees.removeFirst()
        }
        return result
    }

    private func read(_ parts: [(text: Substring, line: SourceLine)]) -> Result {
        // A roster laid out in columns with white space (seats, spaced-out names).
        if SpacedRoster.applies(to: parts) {
            let roster = SpacedRoster.read(parts)
            return Result(attendees: roster.attendees, cutOff: roster.cutOff)
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(parts.reduce(parts.count) { $0 + $1.text.utf8.count })
        for n in parts.indices {
            let number = parts[n].line.number
            // A bulleted line (`• 石井都市整備部長`) is one entry.
            var text = parts[n].text.unicodeScalars[...]
            let bulleted = text.first.map(LineClassifier.isBulletMarker) == true || text.first == "•"
            if bulleted { text = text.dropFirst().drop(while: SourceLine.isSpace) }
            // A line ending in the honorific is one person, a space only apart the name's parts.
            let person = text.last == "君"
            for scalar in text where !(person && SourceLine.isSpace(scalar)) { tokens.append((scalar, number)) }
            // A line is one entry when it ends a name with its honorific (`理事浜口 健吾君`) or
            // is a count alone (`四名`); a department in brackets (`【総務部】`) opens a new one.
            if n + 1 < parts.count, parts[n].line.endsWithSpace || bulleted || parts[n + 1].text.unicodeScalars.first == "•"
                || parts[n + 1].text.unicodeScalars.first == "【"
                || startsWithBarePost(parts[n + 1].text) || text.last == "君" || Self.endsCount(text) { tokens.append((nil, number)) }
        }
        let commaSeparated = tokens.contains { $0.scalar == "、" || $0.scalar == "," || $0.scalar == "，" }
        var result = Result()
        var entries = split(tokens, spaces: !commaSeparated)
        if !commaSeparated {
            entries = mergePostsWithNames(entries, in: tokens)
        } else {
            entries = entries.flatMap(splitAtSeats)
        }
        // `委員 1番 濱浦俊男、3番 汐根康雄`: the post before the first seat is every seat's; and
        // `委員 浜口聡 汐田みのり 岬陽子`: a bare post before names apart by spaces is every name's.
        var seatPost: String?
        var namesPost: String?
        // `【財務部】財務部長 汐田一郎,財務部理事 …`: the department in brackets is the group of
        // the entries after it, up to the next one.
        var department: String?
        // `委員7名 (50音順,敬称略)` over a list of names: the post of every name after it; the
        // count is the list's stated total, the remark says how it is ordered.
        var headingPost: String?
        var afterHeading = 0
        for entry in entries {
            let before = result.attendees.count
            if let heading = Self.groupHeading(text(trim(entry))) {
                headingPost = heading.post
                afterHeading = before
                result.headingTotal = (result.headingTotal ?? 0) + heading.count
                continue
            }
            add(entry, group: nil, to: &result)
            if trim(entry).first?.scalar == "【" {
                department = result.attendees.count > before ? result.attendees[before].group : nil
            } else if let department {
                for i in before..<result.attendees.count where result.attendees[i].group == nil { result.attendees[i].group = department }
            }
            if !commaSeparated, result.attendees.count == before + 1 {
                let a = result.attendees[before]
                if a.name != nil, SpacedRoster.barePosts.contains(a.role) {
                    namesPost = a.role
                } else if a.name == nil, a.count == nil, let post = namesPost, !Self.isPost(a.role), isName(a.role) {
                    result.attendees[before].name = a.role
                    result.attendees[before].role = post
                } else {
                    namesPost = nil
                }
            }
            guard result.attendees.count == before + 1, result.attendees[before].seat != nil else { seatPost = nil; continue }
            if result.attendees[before].role.isEmpty, let post = seatPost {
                result.attendees[before].role = post
            } else if !result.attendees[before].role.isEmpty {
                seatPost = result.attendees[before].role
            }
        }
        if let post = headingPost {
            for i in afterHeading..<result.attendees.count {
                let a = result.attendees[i]
                if a.name == nil, a.count == nil, a.seat == nil, !Self.isPost(a.role), isName(a.role) {
                    result.attendees[i].name = a.role
                    result.attendees[i].role = post
                }
            }
        }
        if !commaSeparated { result.attendees = pairPostsWithNames(result.attendees) }
        // Members of the public who watched (`傍聴者 2名`) did not attend.
        result.attendees.removeAll { UTF8Search.hasPrefix($0.role, "傍聴") }
        return result
    }

    /// In a list separated by spaces, what was read as words alone: a post followed by a name
    /// (`都市整備部長　青柳悠　　道路課長　霧島正`) is one person, and a name with no post
    /// (`出席委員　大原ひとみ　小暮大地`) is a person whose post the label gives (left empty
    /// for the caller to fill in).
    private func pairPostsWithNames(_ attendees: [Attendee]) -> [Attendee] {
        func bare(_ a: Attendee) -> Bool { a.name == nil && a.count == nil && a.seat == nil }
        // A bare word is read as a name only beside another name-like word (a list of people).
        let nameLike = Set(attendees.filter { bare($0) && isName($0.role) }.map(\.role))
        var out: [Attendee] = []
        var i = 0
        while i < attendees.count {
            var a = attendees[i]
            if bare(a), Self.isPost(a.role), i + 1 < attendees.count, bare(attendees[i + 1]),
               !Self.isPost(attendees[i + 1].role), isName(attendees[i + 1].role) {
                a.name = attendees[i + 1].role
                a.lines = a.lines.union(attendees[i + 1].lines)
                out.append(a)
                i += 2
                continue
            }
            if bare(a), !a.role.isEmpty, !Self.isPost(a.role), isName(a.role), nameLike.contains(where: { $0 != a.role }) {
                a.name = a.role
                a.role = ""
            }
            out.append(a)
            i += 1
        }
        return out
    }

    /// In a list separated by spaces, `委員 中村 健` is one entry: a bare post followed by
    /// the one or two short words of a name.
    private func mergePostsWithNames(_ entries: [ArraySlice<Token>], in tokens: [Token]) -> [ArraySlice<Token>] {
        var merged: [ArraySlice<Token>] = []
        var i = 0
        while i < entries.count {
            let word = text(entries[i])
            var end = i
            if Self.isPost(word), word.count <= 4, end + 2 < entries.count, isSeat(text(entries[end + 1])) {
                end += 2   // `委員 4番 二階堂剛`
            } else if Self.isPost(word), word.count <= 4 {
                // The words of one spaced name are short (`中村 健`); longer ones are names of their own.
                var length = 0
                while end + 1 < entries.count, end - i < 2, !Self.isPost(text(entries[end + 1])) {
                    let next = text(entries[end + 1]).count
                    guard next <= 3, length + next <= 5 else { break }
                    length += next
                    end += 1
                }
            }
            if end > i {
                let first = entries[i].startIndex, last = entries[end].endIndex
                merged.append(tokens[first..<last])
            } else {
                merged.append(entries[i])
            }
            i = end + 1
        }
        return merged
    }

    /// `13番 浜田好道  14番 岬田幸吉` in a list separated by commas: two entries, cut where a
    /// seat number follows white space.
    private func splitAtSeats(_ entry: ArraySlice<Token>) -> [ArraySlice<Token>] {
        guard entry.contains(where: { $0.scalar == "番" }) else { return [entry] }
        var parts: [ArraySlice<Token>] = []
        var start = entry.startIndex
        var i = entry.startIndex
        while i < entry.endIndex {
            defer { i += 1 }
            guard i > start, entry[i - 1].scalar.map(SourceLine.isSpace) ?? true, let s = entry[i].scalar, isDigit(s) else { continue }
            var j = i
            while j < entry.endIndex, let d = entry[j].scalar, isDigit(d) { j += 1 }
            guard j - i <= 3, j < entry.endIndex, entry[j].scalar == "番" else { continue }
            // Only when a seat came before: `委員 1番 …` starts with a post, not a seat of its own.
            guard entry[start..<i].contains(where: { $0.scalar == "番" }) else { continue }
            parts.append(trim(entry[start..<i]))
            start = i
        }
        parts.append(trim(entry[start..<entry.endIndex]))
        return parts.filter { !$0.isEmpty }
    }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || ("０"..."９").contains(s) }

    private func isSeat(_ word: String) -> Bool {
        let folded = WidthFolding.fold(word)
        return folded.hasSuffix("番") && folded.count <= 4 && Int(folded.dropLast()) != nil
    }

    private func isSeparator(_ token: Token, spaces: Bool) -> Bool {
        guard let s = token.scalar else { return true }
        // `|`: a cell of a table flattened by extraction.
        return s == "、" || s == "," || s == "，" || s == "|" || (spaces && SourceLine.isSpace(s))
    }

    /// Splits at separators outside brackets.
    private func split(_ tokens: ArraySlice<Token>, spaces: Bool) -> [ArraySlice<Token>] {
        var entries: [ArraySlice<Token>] = []
        var depth = 0
        var start = tokens.startIndex
        for i in tokens.indices {
            switch tokens[i].scalar {
            case "（", "(", "【", "［", "[", "〔": depth += 1
            case "）", ")", "】", "］", "]", "〕": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, isSeparator(tokens[i], spaces: spaces) {
                entries.append(tokens[start..<i])
                start = i + 1
            }
        }
        entries.append(tokens[start..<tokens.endIndex])
        return entries.map(trim).filter { !$0.isEmpty }
    }

    private func split(_ tokens: [Token], spaces: Bool) -> [ArraySlice<Token>] { split(tokens[...], spaces: spaces) }

    private func trim(_ t: ArraySlice<Token>) -> ArraySlice<Token> {
        var t = t
        while let f = t.first, f.scalar.map(SourceLine.isSpace) ?? true { t = t.dropFirst() }
        while let l = t.last, l.scalar.map(SourceLine.isSpace) ?? true { t = t.dropLast() }
        return t
    }

    private func text(_ t: ArraySlice<Token>) -> String {
        // Written as UTF-8 straight from the tokens: one allocation.
        String(unsafeUninitializedCapacity: t.count * 4) { buffer in
            var n = 0
            for token in t {
                guard let scalar = token.scalar else { continue }
                for byte in UTF8.encode(scalar)! { buffer[n] = byte; n += 1 }
            }
            return n
        }
    }

    private func add(_ entry: ArraySlice<Token>, group: String?, to result: inout Result) {
        let lines = LineRange(entry.first!.line, entry.last!.line)
        // A leading bracket: `(浜手支所長)汐田一郎`, a post before its holder's name.
        let trimmed = trim(entry)
        if let open = trimmed.first?.scalar, open == "(" || open == "（",
           let close = trimmed.firstIndex(where: { $0.scalar == ")" || $0.scalar == "）" }), close + 1 < trimmed.endIndex {
            let post = text(trim(trimmed[(trimmed.startIndex + 1)..<close]))
            let name = text(trim(trimmed[(close + 1)...]))
            if Self.isPost(post), isName(name) {
                result.attendees.append(Attendee(role: post, name: name, group: group, lines: lines))
                return
            }
        }
        // A trailing bracket: （代理）, （西区長、緑区長）, （秘書・総合調整担当）.
        if let close = entry.last?.scalar, close == "）" || close == ")",
           let open = entry.lastIndex(where: { $0.scalar == "（" || $0.scalar == "(" }), open > entry.startIndex {
            let outer = text(trim(entry[entry.startIndex..<open]))
            let innerTokens = entry[(open + 1)..<(entry.endIndex - 1)]
            let inner = text(trim(innerTokens))
            let compact = WidthFolding.compact(inner)
            if group == nil, innerTokens.contains(where: { isSeparator($0, spaces: false) }) {
                for member in split(innerTokens, spaces: false) { add(member, group: outer, to: &result) }
                return
            }
            if UTF8Search.isOne(of: ["代理", "代理出席"], compact) {
                result.attendees.append(attendee(outer, group: group, lines: lines, proxy: true))
                return
            }
            if UTF8Search.equals(compact, "欠席") {
                result.absentees.append(outer)
                return
            }
            if Self.isPost(inner), !Self.isPost(outer) {
                result.attendees.append(Attendee(role: inner, name: outer, group: group, lines: lines))
                return
            }
            if Self.isPost(outer), !Self.isPost(inner), isName(inner) {
                result.attendees.append(Attendee(role: outer, name: inner, group: group, lines: lines))
                return
            }
            result.attendees.append(attendee(outer, group: group, lines: lines, note: inner))
            return
        }
        result.attendees.append(attendee(text(entry), group: group, lines: lines))
    }

    /// The total a list states before its names: `（１５名）`, `15人`, `(9名)`.
    ///
    /// ```swift
    /// AttendeeExtractor.statedCount(in: "（３名）　汐田一郎、岬陽子、浜口聡")   // 3
    /// ```
    static func statedCount(in value: String) -> Int? {
        var s = ScalarScanner(value.prefix(16))
        return scanCount(&s)
    }

    /// Whether `text` is a head count and nothing else: `四名`, `（１５名）`, `3人`.
    static func isCountAlone<S: Sequence<Unicode.Scalar>>(_ text: S) -> Bool {
        var s = ScalarScanner(String(String.UnicodeScalarView(text)))
        guard scanCount(&s) != nil else { return false }
        s.skipSpaces()
        return s.isAtEnd
    }

    /// Whether a line of a list is a count alone or a post's count heading its names (`四名`,
    /// `委員7名 (50音順,敬称略)`); only lines ending as a count or a bracket are read.
    private static func endsCount(_ line: Substring.UnicodeScalarView.SubSequence) -> Bool {
        guard let last = line.last, "名人)）".unicodeScalars.contains(last) else { return false }
        return isCountAlone(line) || groupHeading(String(String.UnicodeScalarView(line))) != nil
    }

    /// A head count where `s` stands, in brackets or not (`（１５名）`, `十九名`), after white space.
    private static func scanCount(_ s: inout ScalarScanner) -> Int? {
        s.skipSpaces()
        let bracket = s.scanAny(["(", "（"]) != nil
        guard let n = s.scanNumber(), s.scanAny(["名", "人"]) != nil else { return nil }
        if bracket { guard s.scanAny([")", "）"]) != nil else { return nil } }
        return n
    }

    /// A post (or nothing) and the head count that ends `text`, in digits or kanji numerals:
    /// `委員22名` → (委員, 22), `十九名` → ("", 19). The post as written, trimmed.
    static func headCount(_ text: String) -> (post: String, count: Int)? {
        guard let last = text.unicodeScalars.last, last == "名" || last == "人" else { return nil }
        let body = WidthFolding.fold(text).dropLast()
        let digits = body.reversed().prefix { $0.isASCII && $0.isNumber || $0.unicodeScalars.count == 1 && JapaneseNumber.isKanjiNumeral($0.unicodeScalars.first!) }
        guard !digits.isEmpty, let count = JapaneseNumber.value(of: String(digits.reversed())) else { return nil }
        let folded = TitleExtractor.trimSpaces(String(body.dropLast(digits.count)))
        return (TitleExtractor.trimSpaces(String(text.prefix(folded.count))), count)
    }

    /// A post with its head count and, at most, a remark in brackets, heading the names after
    /// it: `委員7名 (50音順,敬称略)` → 委員, 7. `nil` for anything else (`委員22名` alone is a
    /// count entry, read as before).
    ///
    /// ```swift
    /// AttendeeExtractor.groupHeading("委員7名 (50音順,敬称略)")?.post   // "委員"
    /// ```
    static func groupHeading(_ text: String) -> (post: String, count: Int)? {
        // Every line of a list comes here: its last scalar settles most of them.
        guard let last = text.unicodeScalars.last, last == ")" || last == "）",
              let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }), text.last == ")" || text.last == "）",
              let heading = headCount(TitleExtractor.trimSpaces(String(text[..<open]))), isPost(heading.post) else { return nil }
        return heading
    }

    /// An entry written with the honorific of assembly records, its post run into the name
    /// (`委員長汐田 一郎君`, `財務局長灘 健吾君`): the post and the name apart, without `君`.
    /// The post is the longest bare post the entry begins with (`副委員長`, `理事`), or else
    /// the shortest post of three characters or more (`財務局長`), leaving a name of two or
    /// more; an entry with no post before its name keeps its role (`岬陽子君` → the name
    /// `岬陽子`, the role the list's label gives).
    ///
    /// ```swift
    /// AttendeeExtractor.withoutHonorific(Attendee(role: "議長磯辺 誠君", lines: lines)).name   // "磯辺誠"
    /// ```
    static func withoutHonorific(_ attendee: Attendee) -> Attendee {
        let written = attendee.name ?? attendee.role
        guard written.unicodeScalars.last == "君", written.unicodeScalars.count >= 3 else { return attendee }
        let entry = String(String.UnicodeScalarView(written.unicodeScalars.dropLast().filter { !SourceLine.isSpace($0) }))
        var a = attendee
        let characters = Array(entry)
        if let post = SpacedRoster.barePostsLongestFirst.first(where: { entry.hasPrefix($0) && characters.count - $0.count >= 2 }) {
            a.role = post
            a.name = String(characters.dropFirst(post.count))
        } else if let k = (3..<max(3, characters.count - 1)).first(where: { isPost(String(characters[..<$0])) }) {
            a.role = String(characters[..<k])
            a.name = String(characters[k...])
        } else if attendee.name != nil {
            a.name = entry
        } else {
            a.role = ""
            a.name = entry
        }
        return a
    }

    static let committeePosts: Set<String> = ["委員長", "副委員長", "委員", "会長", "副会長", "議長", "副議長", "部会長"]

    /// `委員 1番 唐沢…` on the next line: a new group of the list begins there.
    private func startsWithBarePost(_ text: Substring) -> Bool {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) else { return false }
        return SpacedRoster.barePosts.contains(String(text[..<space]))
    }

    private func attendee(_ entry: String, group: String?, lines: LineRange, proxy: Bool = false, note: String? = nil) -> Attendee {
        var entry = entry
        var group = group
        // `【総務部】総務部長 矢吹正樹`: the bracket names the group.
        if UTF8Search.hasPrefix(entry, "【"), let close = entry.firstIndex(of: "】"), close != entry.index(before: entry.endIndex) {
            group = group ?? String(entry[entry.index(after: entry.startIndex)..<close])
            entry = TitleExtractor.trimSpaces(String(entry[entry.index(after: close)...]))
        }
        // `委員 1番 唐沢なつみ`: the post of the entries that follow, before the first of them.
        if entry.utf8.contains(0x20) || UTF8Search.contains(entry, "\u{3000}"),
           let space = entry.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }), SpacedRoster.barePosts.contains(String(entry[..<space])) {
            let post = String(entry[..<space])
            var found = attendee(TitleExtractor.trimSpaces(String(entry[space...])), group: group, lines: lines, proxy: proxy, note: note)
            if found.name == nil { found.name = found.role; found.role = post } else if found.role.isEmpty { found.role = post }
            return found
        }
        // `1番 唐沢なつみ`: a seat number before the name.
        let folded = UTF8Search.contains(entry, "番") ? WidthFolding.fold(entry) : ""
        if let ban = folded.firstIndex(of: "番"), folded.distance(from: folded.startIndex, to: ban) <= 3,
           let seat = Int(folded[..<ban]), folded.index(after: ban) < folded.endIndex {
            entry = TitleExtractor.trimSpaces(String(entry.dropFirst(folded.distance(from: folded.startIndex, to: ban) + 1)))
            var found = attendee(entry, group: group, lines: lines, proxy: proxy, note: note)
            found.seat = seat
            // A seat is a member's: the word after it is a name.
            if found.name == nil, !Self.isPost(found.role) { found.name = found.role; found.role = "" }
            return found
        }
        let scalars = entry.unicodeScalars
        // A head count: 委員22名, 委員 22人.
        if let (written, count) = Self.headCount(entry) {
            // `2名` alone under `事務局`: the label names them (the caller fills the role in).
            return Attendee(role: written, proxy: proxy, group: group, note: note, count: count, lines: lines)
        }
        guard scalars.contains(where: SourceLine.isSpace) else {
            // `若月勝委員長`: a member's name run into a committee post (`東区長`, `大森副市長` stay posts:
            // a ward's head, or a post with a surname the list does not separate).
            if Self.committeePosts.contains(where: { UTF8Search.hasSuffix(entry, $0) }), !SpacedRoster.barePosts.contains(entry),
               case let (name?, post) = SpacedRoster.splitNameAndPost(entry), Self.committeePosts.contains(post), name.count >= 2 {
                return Attendee(role: post, name: name, proxy: proxy, group: group, note: note, lines: lines)
            }
            return Attendee(role: entry, proxy: proxy, group: group, note: note, lines: lines)
        }
        // "委員長 山田太郎" / "山田 太郎 委員長": a post and a name separated by white space.
        let words = entry.split(whereSeparator: { $0.unicodeScalars.allSatisfy(SourceLine.isSpace) })
        if words.count >= 2 {
            if Self.isPost(words[0]), !words.dropFirst().contains(where: { Self.isPost($0) }), isName(words.dropFirst().joined()) {
                return Attendee(role: String(words[0]), name: words.dropFirst().joined(separator: " "), proxy: proxy, group: group, note: note, lines: lines)
            }
            if let last = words.last, Self.isPost(last), !words.dropLast().contains(where: { Self.isPost($0) }),
               isName(words.dropLast().joined()) {
                return Attendee(role: String(last), name: words.dropLast().joined(separator: " "), proxy: proxy, group: group, note: note, lines: lines)
            }
        }
        return Attendee(role: entry, proxy: proxy, group: group, note: note, lines: lines)
    }

    /// A post ends in one of these; `…課長兼務` (held with another) and `…課長事務取扱` (carried
    /// out in the other's absence) are posts too.
    static let postSuffixes: [StaticString] = ["長", "員", "監", "者", "官", "理事", "参与", "顧問", "幹事", "主幹", "主査", "参事", "リーダー", "メンバー", "技監", "担当", "書記", "係長", "主任", "主事", "主査", "兼務", "事務取扱"]

    static func isPost<S: StringProtocol>(_ s: S) -> Bool {
        s.withUTF8Bytes { bytes in
            var t = bytes.trimmingSpaces
            // A closing bracket whose opening one the extraction lost (`…課長事務取扱)`).
            if t.last == UInt8(ascii: ")"), !t.contains(UInt8(ascii: "(")) { t = UnsafeBufferPointer(rebasing: t.dropLast()) }
            // A charge alone (`秘書・総合調整担当`) is a remark on a post; a post held with one
            // (`財務部理事兼庁舎建設担当`) is a post.
            return !t.isEmpty && (!t.hasSuffix("担当") || t.offset(of: "兼") != nil) && Self.postSuffixes.contains { t.hasSuffix($0) }
        }
    }

    /// A short run of kanji/kana with no post suffix reads as a personal name.
    private func isName<S: StringProtocol>(_ s: S) -> Bool {
        let t = WidthFolding.compact(s)
        return (2...8).contains(t.count) && !t.includes("・") && t.unicodeScalars.allSatisfy { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
}
