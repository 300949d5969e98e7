/// Reads a roster laid out in columns with white space, as printed rosters and their
/// extracted text are: entries apart by runs of spaces, names often spaced out character by
/// character (`委 員 長  琴 尾 みさと  副委員長  清 原 和 幸`), seat numbers before names
/// (`３番　　つ　た　えりな　　　　４番　　舟　坂　と　も` is two people), posts beside names
/// (`区長　　　浦本　亨　　　福祉保健部長　　浮浜康宏`) or run into them (`汐 田 区長`), and a
/// stated count somewhere (`(9名)`).
///
/// Single characters are put back together: into a post when they spell one (`委`, `員` →
/// `委員`), else into the name beside them (`佐 藤   昇`). A bare post names the role of the
/// people after it; a surname spelled out before its post is that post's holder (`磯 辺 企画経営部長`).
///
/// ```swift
/// SpacedRoster.read([("１番　　小浜しょう　　　１７番　　たかはし", line)])?.attendees.map(\.seat)   // [1, 17]
/// ```
enum SpacedRoster {
    struct Result {
        var attendees: [Attendee] = []
        /// Counts the roster states (`(22名)`).
        var statedCounts: [Int] = []
        /// The part of a post the roster ends with, its holder's name cut off with the rest
        /// of the text (`文化推`, a page's excerpt): no attendee.
        var cutOff: (text: String, line: Int)?
    }

    private struct Token {
        var text: String
        var line: Int
        /// The white space before the token, an ideographic space counting two.
        var gap: Int = 0
        /// The name of the person whose post `text` is, when the token spelled both out
        /// (`磯 辺 企画経営部長`), with the remark in brackets after the post (`参事(総務課長)`).
        var spelledName: String? = nil
        var note: String? = nil
        /// Whether the token was spelled out, its characters apart (`灘 口 聡 子`).
        var spaced = false
        var isPost: Bool { AttendeeExtractor.isPost(text) }
    }

    /// Posts of two characters that end a spelled-out name and post (`汐 田 区長`); a longer
    /// post may be any (`磯 辺 企画経営部長`), while a two-character word such as `信長` may
    /// be a given name.
    private static let shortPosts: Set<String> = barePosts.union(["参事", "課長", "部長", "係長", "室長", "所長", "局長", "主査", "主事"])

    /// A token of names spelled out and their posts, one space apart: `磯 辺 企画経営部長`, or
    /// two people in a column that lost its gap (`潮 見 選挙管理委員会事務局長 沖 野 監査事務局長`).
    /// Each person is one or more words of a name (four characters at most together) and a
    /// post; `nil` unless the whole token is read so.
    private static func spelledPeople(_ t: String, line: Int, gap: Int) -> [Token]? {
        let words = t.split(separator: " ")
        guard words.count >= 2 else { return nil }
        var out: [Token] = []
        var name = ""
        for word in words {
            var post = Substring(word)
            var note: String?
            if let open = word.firstIndex(where: { $0 == "(" || $0 == "（" }), word.last == ")" || word.last == "）" {
                post = word[..<open]
                note = String(word[word.index(after: open)..<word.index(before: word.endIndex)])
            }
            // `岬 陽議員`: a given name run into a member's post.
            if !name.isEmpty, !barePosts.contains(String(word)), let (given, post) = memberRunOn(String(word), nameLength: 1...2) {
                out.append(Token(text: post, line: line, gap: out.isEmpty ? gap : 1, spelledName: name + given))
                name = ""
                continue
            }
            if !name.isEmpty, AttendeeExtractor.isPost(post), post.count >= 3 || shortPosts.contains(String(post)) {
                out.append(Token(text: String(post), line: line, gap: out.isEmpty ? gap : 1, spelledName: name, note: note))
                name = ""
                continue
            }
            guard note == nil, !AttendeeExtractor.isPost(word), name.count + word.count <= 4, word.count <= 2 else { return nil }
            name += word
        }
        return name.isEmpty && !out.isEmpty ? out : nil
    }

    /// Whether a list is laid out with white space rather than separators.
    static func applies(to parts: [(text: Substring, line: SourceLine)]) -> Bool {
        var runs = 0
        for part in parts {
            if part.text.includes("、") || part.text.includes(",") || part.text.includes("，") { return false }
            var previousSpace = false
            for s in part.text.unicodeScalars {
                let space = SourceLine.isSpace(s)
                if space && previousSpace { runs += 1 }
                previousSpace = space
            }
        }
        // One run is enough before a seat's name: `１３番　　大　森　ゆきこ`; none, when the
        // seat's name is spelled out (`２４番　汐　田　一　郎`).
        return runs >= 2 || (runs == 1 || parts.contains { spellsOutName($0.text) }) && parts.contains { UTF8Search.contains($0.text, "番") }
    }

    /// Whether `text` holds three characters or more one space apart (`汐　田　一　郎`).
    private static func spellsOutName(_ text: Substring) -> Bool {
        var singles = 0
        var previous: Unicode.Scalar?
        var beforePrevious: Unicode.Scalar?
        for s in text.unicodeScalars {
            // A character with a space on each side (or the line's end after it) is one of them.
            if let p = previous, !SourceLine.isSpace(p), beforePrevious.map(SourceLine.isSpace) == true, SourceLine.isSpace(s) {
                singles += 1
                if singles >= 3 { return true }
            } else if let p = previous, !SourceLine.isSpace(p), !SourceLine.isSpace(s) {
                singles = 0
            }
            beforePrevious = previous
            previous = s
        }
        if let p = previous, !SourceLine.isSpace(p), beforePrevious.map(SourceLine.isSpace) == true { singles += 1 }
        return singles >= 3
    }

    static func read(_ parts: [(text: Substring, line: SourceLine)], group: String? = nil) -> Result {
        var result = Result()
        var tokens: [Token] = []
        for part in parts { tokens += self.tokens(of: part.text, line: part.line.number, counts: &result.statedCounts) }
        tokens = joinSplitPosts(rejoin(tokens))
        var role: String?
        var roleHolders = 0
        var seat: Int?
        var previousWasName = false
        // Names read as written: spelled out (`灘 口 聡 子`) or close (`浮浜康宏`).
        var spelledNames = 0
        var closeNames = 0
        for (n, token) in tokens.enumerated() {
            if let s = seatNumber(token.text) { seat = s; previousWasName = false; continue }
            if let name = token.spelledName {
                // `総 合 政策部長  磯 辺   誠`: a post spelled out, then its holder's name.
                if n + 1 < tokens.count, tokens[n + 1].spelledName == nil, !tokens[n + 1].isPost, seatNumber(tokens[n + 1].text) == nil,
                   tokens[n + 1].text.first != "(", tokens[n + 1].text.first != "（" {
                    role = name + token.text
                    roleHolders = 0
                    previousWasName = false
                    continue
                }
                result.attendees.append(Attendee(role: token.text, name: name, group: group, note: token.note, seat: seat, lines: LineRange(token.line)))
                previousWasName = false
                seat = nil
                continue
            }
            // A name's second word after one space (`出　村　ゆかり`, `佐　藤　聖智子`): the same person.
            if previousWasName, seat == nil, !token.isPost, token.line == tokens[n - 1].line,
               token.gap == 2 && tokens[n - 1].text.count <= 3 && token.text.count <= 3 || token.text.hasSuffix("君") && token.text.count <= 3 || result.attendees.last?.seat != nil && seat == nil && token.gap <= 2 {
                result.attendees[result.attendees.count - 1].name! += token.text
                previousWasName = false
                continue
            }
            if token.text.first == "(" || token.text.first == "（" {
                // A bracket after an entry: a concurrent post or a remark.
                if !result.attendees.isEmpty, result.attendees[result.attendees.count - 1].note == nil {
                    result.attendees[result.attendees.count - 1].note = String(token.text.dropFirst().dropLast())
                }
                continue
            }
            let nextIsName = n + 1 < tokens.count && !tokens[n + 1].isPost && seatNumber(tokens[n + 1].text) == nil
            if token.isPost, nextIsName {
                role = token.text
                roleHolders = 0
                previousWasName = false
                continue
            }
            let lines = LineRange(token.line)
            if token.isPost {
                // `青木区長`: a name run into its post, or a post standing for its holder.
                var (name, post) = splitNameAndPost(token.text)
                // A seat's holder is a member: `３番  汐田一郎議員` is 汐田一郎, 議員.
                if name == nil, seat != nil, let member = memberRunOn(token.text, nameLength: 2...5) { (name, post) = member }
                result.attendees.append(Attendee(role: post, name: name, group: group, seat: seat, lines: lines))
                previousWasName = false
            } else {
                // `◎志賀直人 〇玉置さくら`: the chair and the vice-chair marked in a committee's roster.
                var name = token.text
                var marked: String?
                if let first = name.first, first == "◎" || first == "〇" || first == "○" {
                    marked = first == "◎" ? "委員長" : "副委員長"
                    name.removeFirst()
                }
                // The last entry, written close after a holder's name where every name was
                // spelled out, is the start of a post whose holder the text lost (`…清掃事務所長
                // 灘 口 聡 子  文化推`, a page's excerpt): no one.
                if n == tokens.count - 1, previousWasName, !token.spaced, spelledNames >= 3, closeNames == 0 {
                    result.cutOff = (token.text, token.line)
                    continue
                }
                if token.spaced { spelledNames += 1 } else { closeNames += 1 }
                // A bare post (`委員`) is every name's after it; an office (`…事務所長`) is one
                // person's, and a second name after it holds a post the list does not give.
                let held = role.map { roleHolders == 0 || barePosts.contains($0) } == true ? role : nil
                result.attendees.append(Attendee(role: marked ?? held ?? "", name: name, group: group, seat: seat, lines: lines))
                roleHolders += 1
                previousWasName = true
            }
            seat = nil
        }
        return result
    }

    /// Tokens apart by two spaces or more (one ideographic space inside a name stays).
    private static func tokens(of text: Substring, line: Int, counts: inout [Int]) -> [Token] {
        var out: [Token] = []
        var current = String.UnicodeScalarView()
        var spaces = 0
        var gap = 0
        func flush() {
            var t = String(current)
            current = String.UnicodeScalarView()
            // A stated count glued before or after a word: `(22名)田中`.
            for (count, rest) in strippingCounts(t) { counts.append(count); t = rest }
            if let people = spelledPeople(t, line: line, gap: gap) { out += people; return }
            let compact = t.unicodeScalars.filter { !SourceLine.isSpace($0) }
            if !compact.isEmpty {
                out.append(Token(text: String(String.UnicodeScalarView(compact)), line: line, gap: gap, spaced: compact.count < t.unicodeScalars.count))
            }
        }
        for s in text.unicodeScalars {
            if SourceLine.isSpace(s) {
                spaces += s == "\u{3000}" ? 2 : 1
                continue
            }
            if spaces >= 2 { flush(); gap = spaces } else if spaces == 1 { current.append(" ") }
            spaces = 0
            current.append(s)
        }
        flush()
        return out
    }

    /// `(22名)` or `15名` inside a token: the counts, and the token without them.
    private static func strippingCounts(_ t: String) -> [(Int, String)] {
        let folded = WidthFolding.fold(t)
        var scanner = ScalarScanner(folded)
        while !scanner.isAtEnd {
            let start = scanner.index
            let bracket = scanner.scanAny(["(", "（"]) != nil
            if let n = scanner.scanNumber(), scanner.scanAny(["名", "人"]) != nil, !bracket || scanner.scanAny([")", "）"]) != nil {
                var rest = scanner.scalars
                rest.removeSubrange(start..<scanner.index)
                return [(n, String(String.UnicodeScalarView(rest)))]
            }
            scanner.index = start + 1
        }
        return []
    }

    /// Puts single characters back together: into a post they spell, else into a neighbour name.
    private static func rejoin(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            // The longest run of single characters that spells a post (`副`, `市`, `長`).
            if tokens[i].text.count == 1 {
                var run = i
                while run < tokens.count, tokens[run].text.count == 1 { run += 1 }
                var matched = false
                var end = run
                while end > i + 1 {
                    let joined = tokens[i..<end].map(\.text).joined()
                    if barePosts.contains(joined) {
                        out.append(Token(text: joined, line: tokens[i].line, gap: tokens[i].gap))
                        i = end
                        matched = true
                        break
                    }
                    end -= 1
                }
                if matched { continue }
                // A single character of a name: onto the name before it, or the one after it.
                // (Not across a column's gap: `政策経営部長兼務　　　　長　浜　幸　紀`.)
                // (Not onto a name its honorific closed, `潮見ゆかり君`, nor from the line before.)
                if let last = out.last, !last.isPost, seatNumber(last.text) == nil, !last.text.hasPrefix("("),
                   !last.text.hasSuffix("君"), last.line == tokens[i].line || last.text.count <= 3,
                   tokens[i].gap <= 4 || last.text.count <= 3 {
                    out[out.count - 1].text += tokens[i].text
                    out[out.count - 1].spaced = true
                } else if i + 1 < tokens.count, tokens[i + 1].spelledName == nil, tokens[i + 1].gap <= 4,
                          tokens[i + 1].text.count >= 3 || shortPosts.contains(tokens[i + 1].text), tokens[i + 1].isPost {
                    // A surname of one character before its post (`灘   施設課長`).
                    var person = tokens[i + 1]
                    person.spelledName = tokens[i].text
                    person.gap = tokens[i].gap
                    out.append(person)
                    i += 1
                } else if i + 1 < tokens.count, !tokens[i + 1].isPost, seatNumber(tokens[i + 1].text) == nil {
                    out.append(Token(text: tokens[i].text + tokens[i + 1].text, line: tokens[i].line, gap: tokens[i].gap, spaced: true))
                    i += 1
                } else {
                    out.append(tokens[i])
                }
                i += 1
                continue
            }
            out.append(tokens[i])
            i += 1
        }
        return out.map { t in
            var t = t
            t.text = String(t.text.unicodeScalars.filter { $0 != " " })
            return t
        }
    }

    /// Posts that the layout split around a name or over two lines, made whole again:
    /// `教 育 委 員 会  汐 山 裕 之  教  育  長` (a two-line cell read row by row) is 教育委員会教育長
    /// 汐山裕之, and `政策経営部長兼務  長 浜 幸 紀` with `ＳＤＧｓ推進担当部長` alone on the next
    /// line is one post 政策経営部長兼務ＳＤＧｓ推進担当部長 held by 長浜幸紀.
    private static func joinSplitPosts(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        var n = 0
        while n < tokens.count {
            let text = tokens[n].text
            // An organisation, then a name, then the post in it with no name of its own.
            if text.hasSuffix("委員会"), n + 2 < tokens.count, !tokens[n + 1].isPost, seatNumber(tokens[n + 1].text) == nil,
               tokens[n + 2].isPost, n + 3 == tokens.count || tokens[n + 3].isPost {
                let post = Token(text: text + tokens[n + 2].text, line: tokens[n].line, gap: tokens[n].gap)
                tokens[n + 2] = tokens[n + 1]
                tokens[n + 1] = post
                tokens.remove(at: n)
                continue
            }
            // A post that goes on (`…兼務`, `…兼`): its rest is the next line's only token.
            if text.hasSuffix("兼務") || text.hasSuffix("兼"), let rest = tokens[(n + 1)...].firstIndex(where: { $0.line > tokens[n].line }),
               tokens[rest].isPost, rest + 1 == tokens.count || tokens[rest + 1].line > tokens[rest].line {
                tokens[n].text += tokens[rest].text
                tokens.remove(at: rest)
            }
            n += 1
        }
        return tokens
    }

    /// A name run into a member's post (`汐田一郎議員`, `陽議員`): the name, of `nameLength`
    /// characters, and the post.
    private static func memberRunOn(_ text: String, nameLength: ClosedRange<Int>) -> (name: String, post: String)? {
        guard let post = ["議員", "委員"].first(where: { text.hasSuffix($0) }), nameLength.contains(text.count - post.count) else { return nil }
        return (String(text.dropLast(post.count)), post)
    }

    /// `１番`, `12番`: a seat number.
    private static func seatNumber(_ t: String) -> Int? {
        let folded = WidthFolding.fold(t)
        guard folded.hasSuffix("番"), folded.count <= 4 else { return nil }
        return Int(folded.dropLast())
    }

    /// Posts that are a role alone (`委員長`, `区長`), not a name and a post run together.
    static let barePosts: Set<String> = ["委員長", "副委員長", "委員", "会長", "副会長", "議長", "副議長", "理事", "幹事", "書記",
                                         "市長", "副市長", "区長", "副区長", "町長", "副町長", "村長", "副村長", "教育長", "次長",
                                         "事務局長", "事務局次長", "座長", "部会長", "専門委員", "臨時委員", "特別委員", "参与", "監査委員"]

    /// `青木区長` → (`青木`, `区長`); a long post (`企画経営部長`) → (nil, the post).
    static let barePostsLongestFirst = barePosts.sorted { $0.count > $1.count || $0.count == $1.count && $0 < $1 }

    static func splitNameAndPost(_ t: String) -> (String?, String) {
        for post in barePostsLongestFirst where UTF8Search.hasSuffix(t, post) && t.count > post.count {
            let name = String(t.dropLast(post.count))
            if name.count <= 4 { return (name, post) }
        }
        return (nil, t)
    }
}
