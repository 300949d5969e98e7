/// Words printed one character at a time with a space between (`工 藤 日 出 夫`,
/// `視 察 地`), as reports and rosters lay out names and labels to a fixed width, put back
/// together. Only runs of Japanese characters are joined: at least two single characters
/// apart by one space, the last word of the run up to three characters (`工 藤 日出夫`);
/// words of two characters or more on both sides of a space stay apart.
///
/// ```swift
/// SpacedLetters.joined("特別委員長 工 藤 日 出 夫")   // "特別委員長 工藤日出夫"
/// SpacedLetters.joined("渡 邉 良 太、湯 沢 美 恵")     // "渡邉良太、湯沢美恵"
/// ```
enum SpacedLetters {
    static func joined(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: SourceLine.isSpace) else { return text }
        // Each item of a list on its own: `渡 邉 良 太、湯 沢 美 恵`.
        if text.includes("、") { return text.split(separator: "、", omittingEmptySubsequences: false).map { joinedItem(String($0)) }.joined(separator: "、") }
        return joinedItem(text)
    }

    /// Words spread out with ideographic spaces, as a council's order of business lays out
    /// `議　　案　　第　６号`: the spaces between single characters and numbers go, one space
    /// (ideographic when the text has them) stays between words (`議案第６号　令和７年度葛飾区一般会計予算`).
    ///
    /// ```swift
    /// SpacedLetters.joinedWide("議　　案　　第　６号　令和７年度予算")   // "議案第６号　令和７年度予算"
    /// ```
    static func joinedWide(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        let space = text.includes("\u{3000}") ? "\u{3000}" : " "
        var out = ""
        for (k, word) in words.enumerated() {
            if k > 0 {
                let previous = words[k - 1]
                // Glue a single character or a number to its neighbour; keep a space between words.
                let glue = previous.count == 1 || word.count == 1 || previous.last!.isNumber || word.first!.isNumber
                    || previous.hasSuffix("第") || word.hasPrefix("号")
                if !glue { out += space }
            }
            out += word
        }
        return out
    }

    private static func joinedItem(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3 else { return text }
        var words: [(start: Int, end: Int)] = []   // runs of non-space scalars
        var i = 0
        while i < scalars.count {
            if SourceLine.isSpace(scalars[i]) { i += 1; continue }
            let start = i
            while i < scalars.count, !SourceLine.isSpace(scalars[i]) { i += 1 }
            words.append((start, i))
        }
        var drop = Set<Int>()   // indices of spaces to remove
        var w = 0
        while w < words.count {
            // A run: single Japanese characters apart by exactly one space, maybe ending in a short word.
            var end = w
            while end + 1 < words.count, isSingle(words[end], scalars), words[end + 1].start - words[end].end == 1 { end += 1 }
            let singles = (w..<end).filter { isSingle(words[$0], scalars) }.count
            let lastIsShort = words[end].end - words[end].start <= 3 && isJapanese(scalars[words[end].start..<words[end].end])
            if end > w, singles >= 2 || (singles >= 1 && end - w >= 2), lastIsShort {
                for k in w..<end { drop.insert(words[k].end) }
            }
            w = end + 1
        }
        guard !drop.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        for (k, s) in scalars.enumerated() where !drop.contains(k) { out.append(s) }
        return String(out)
    }

    private static func isSingle(_ word: (start: Int, end: Int), _ scalars: [Unicode.Scalar]) -> Bool {
        word.end - word.start == 1 && isJapanese(scalars[word.start..<word.end])
    }

    private static func isJapanese(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.allSatisfy { (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) || $0 == "々" }
    }
}
