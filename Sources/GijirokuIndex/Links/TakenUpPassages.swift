import Gijiroku

/// The passages of an agenda item's explanation that an exchange or a directive quotes:
/// read, with the agenda title, as the short element's context.
///
/// A question is often a few words about one part of what was explained, and it names that
/// part in quotation marks: `「４予算・組織との連動」で「市民にわかりやすく、計画と予算との関係を示す」とは
/// 具体にどういうことか？`. The plan's words for its subject (`組織体制`) are in that part, not in
/// the question. A passage is a heading with the points below it (`「４．予算・組織との連動」について`
/// and its three points) or a point under no heading. A quote is compared by its letters
/// alone (`４予算・組織との連動` is found in `「４．予算・組織との連動」について`); one found in the
/// heading takes its whole passage, one found in a point takes that point (and is the more
/// specific: a passage whose point is quoted is not also taken whole for a quote of its
/// heading). A quote of fewer than three letters or more than ``longestQuote``, one the agenda
/// title holds, or one found in more than two passages names no part and is passed over; only
/// the first ``maximumQuotes`` quotes are read (a question quotes one or two parts; a text of
/// thousands of quotes is no question, and each quote is looked for in every point).
///
/// Only quotes are read, not shared words: measured on both gold sets, passages chosen by the
/// words they share with the question took the wrong part as often as the right one (the
/// question on AI and IoT took the parts on the plan's layers and its progress management,
/// whose `項目` and `整理` it shares).
///
/// ```swift
/// TakenUpPassages.select(for: "「４予算・組織との連動」で…とは", in: [
///     "「３．総合振興計画の内容」について", "基本構想は…",
///     "「４．予算・組織との連動」について", "計画の推進にあたり予算と組織との連携について、より強化を図る。",
/// ])
/// // ["「４．予算・組織との連動」について", "計画の推進にあたり予算と組織との連携について、より強化を図る。"]
/// ```
struct TakenUpPassages {
    /// At most this many of an element's quotes are read…
    static let maximumQuotes = 16
    /// …each of at most this many letters (a part's name, not a passage copied out).
    static let longestQuote = 80

    /// The explanation's points, in order.
    let points: [String]
    /// Each passage as the positions of its points, and whether its first point heads it.
    private let passages: [(points: [Int], headed: Bool)]
    /// Each point's ``letters(_:)``, which quotes are looked for in.
    private let folded: [String]

    /// An explanation's points read into passages once, for every element that may quote it.
    init(points: [String]) {
        self.points = points
        var passages: [(points: [Int], headed: Bool)] = []
        for k in points.indices {
            let heading = Self.isHeading(points[k])
            if passages.isEmpty || heading || !passages[passages.count - 1].headed {
                passages.append(([k], heading))
            } else {
                passages[passages.count - 1].points.append(k)
            }
        }
        self.passages = passages
        folded = points.map(Self.letters)
    }

    /// The points of `points` (an explanation's, in order) that `text` quotes, in their
    /// order. `title`: the agenda title, whose words name no one part.
    static func select(for text: String, in points: [String], title: String? = nil) -> [String] {
        guard !quotes(in: text).isEmpty else { return [] }
        return TakenUpPassages(points: points).quoted(by: text, title: title)
    }

    /// The quotes of `text` that are read, as their letters.
    private static func quotes(in text: String) -> [String] {
        PlanReferences.quoted(in: text).prefix(maximumQuotes).map(letters).filter { (3...longestQuote).contains($0.count) }
    }

    /// The points that `text` quotes, in their order. `title`: the agenda title.
    func quoted(by text: String, title: String? = nil) -> [String] {
        let quotes = Self.quotes(in: text)
        guard !quotes.isEmpty, points.count > 1 else { return [] }
        let foldedTitle = title.map(Self.letters) ?? ""
        var whole = Set<Int>()      // passages taken whole (by their heading)
        var pointed = Set<Int>()    // points taken alone
        var pointedPassages = Set<Int>()
        for quote in quotes where !foldedTitle.contains(quote) {
            let found = passages.indices.filter { p in passages[p].points.contains { folded[$0].contains(quote) } }
            guard !found.isEmpty, found.count <= 2 else { continue }
            for p in found {
                let heading = passages[p].points[0]
                if passages[p].headed, folded[heading].contains(quote) {
                    whole.insert(p)
                } else {
                    for k in passages[p].points where folded[k].contains(quote) { pointed.insert(k) }
                    pointedPassages.insert(p)
                }
            }
        }
        var taken = pointed
        for p in whole.subtracting(pointedPassages) { taken.formUnion(passages[p].points) }
        return taken.sorted().map { points[$0] }
    }

    /// Whether a point heads the ones below it: a quoted part's name followed by `について`
    /// (`「４．予算・組織との連動」について`, `「６．市民参加」ついて`), 40 characters at most.
    static func isHeading(_ point: String) -> Bool {
        point.count <= 40 && point.hasPrefix("「") && (point.hasSuffix("」について") || point.hasSuffix("」ついて"))
    }

    /// `text`'s letters alone (kanji, kana, Latin), width-folded: `「（３）区の将来像」は` →
    /// `区の将来像は`.
    static func letters(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in WidthFolding.fold(text).unicodeScalars where ContentTerms.classify(c) != .none || (0x3041...0x3096).contains(c.value) {
            out.append(c)
        }
        return String(out)
    }
}
