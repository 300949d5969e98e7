import Gijiroku

/// Explicit references to plan items in a text: `第２章第１節` (item `2-1`), `第２章` (`2`),
/// `施策2-1-3`, an item's title quoted in 「」 (`「公共施設の脱炭素化」`), and a plan named
/// by its title.
///
/// ```swift
/// PlanReferences.numbered(in: "基本計画第１章第１節「子育て環境の充実」の施策について")
/// // [("第１章第１節", "1-1")]
/// ```
enum PlanReferences {
    /// `第N章`, `第N章第M節`, `施策N-M-K` (and a `第M節` after a chapter named earlier): the
    /// words as written and the item ID they name.
    static func numbered(in text: String) -> [(text: String, id: String)] {
        guard text.unicodeScalars.contains(where: { $0 == "第" || $0 == "策" }) else { return [] }
        let original = Array(text.unicodeScalars)
        let s = Array(WidthFolding.fold(text).unicodeScalars)
        guard s.count == original.count else { return [] }
        var out: [(String, String)] = []
        var chapter: Int?
        var i = 0
        func number(at k: Int) -> (Int, Int)? {
            var n = 0, length = 0
            while k + length < s.count, let d = digit(s[k + length]) { n = n * 10 + d; length += 1 }
            return length > 0 ? (n, length) : nil
        }
        while i < s.count {
            if s[i] == "第", let (n, length) = number(at: i + 1), i + 1 + length < s.count {
                let unit = s[i + 1 + length]
                var end = i + 2 + length
                if unit == "章" {
                    chapter = n
                    var id = "\(n)"
                    if end < s.count, s[end] == "第", let (m, l2) = number(at: end + 1), end + 1 + l2 < s.count, s[end + 1 + l2] == "節" {
                        id += "-\(m)"
                        end += 2 + l2
                    }
                    out.append((String(String.UnicodeScalarView(original[i..<end])), id))
                    i = end
                    continue
                }
                if unit == "節", let chapter {
                    out.append((String(String.UnicodeScalarView(original[i..<end])), "\(chapter)-\(n)"))
                    i = end
                    continue
                }
            }
            if s[i] == "施", i + 1 < s.count, s[i + 1] == "策", let (a, l1) = number(at: i + 2) {
                var end = i + 2 + l1
                var id = "\(a)"
                while end + 1 < s.count, s[end] == "-" || s[end] == "ー" || s[end] == "－", let (b, l) = number(at: end + 1) {
                    id += "-\(b)"
                    end += 1 + l
                }
                if id.contains("-") { out.append((String(String.UnicodeScalarView(original[i..<end])), id)) }
                i = end
                continue
            }
            i += 1
        }
        return out
    }

    /// The texts quoted in 「」 or 『』.
    static func quoted(in text: String) -> [String] {
        var out: [String] = []
        var current: String.UnicodeScalarView?
        for c in text.unicodeScalars {
            if c == "「" || c == "『" { current = String.UnicodeScalarView() }
            else if c == "」" || c == "』" { if let q = current, !q.isEmpty { out.append(String(q)) }; current = nil }
            else if current != nil { current!.append(c) }
        }
        return out
    }

    private static let kanjiDigits = Array("〇一二三四五六七八九".unicodeScalars)

    private static func digit(_ c: Unicode.Scalar) -> Int? {
        if ("0"..."9").contains(c) { return Int(c.value - 0x30) }
        return kanjiDigits.firstIndex(of: c)
    }
}
