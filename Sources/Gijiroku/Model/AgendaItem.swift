/// One item of the agenda (議題), with its explanation and the exchanges about it.
///
/// ```swift
/// var item = AgendaItem(number: 1, title: "次期総合振興計画策定基本方針案について")
/// item.noComments = true   // the 意見等 block said 特になし
/// ```
public struct AgendaItem: Sendable, Hashable, Codable {
    /// The item's number (`⑴`, `（１）`, `①`, `１．` → 1), if it has one.
    public var number: Int?
    /// The numbering as written (`⑴`).
    public var label: String?
    /// The item's title as written.
    public var title: String?
    /// The lines of the agenda entry in the header, or of the explanation's opening
    /// sentence when the header listed no agenda.
    public var lines: LineRange?
    /// What the secretariat explained (`＜議題説明①＞`).
    public var explanation: Explanation?
    /// The comments block said explicitly that there were none (`特になし`).
    public var noComments: Bool
    /// Questions and comments with their answers (`＜意見等①＞`).
    public var exchanges: [Exchange]

    public init(number: Int? = nil, label: String? = nil, title: String? = nil, lines: LineRange? = nil,
                explanation: Explanation? = nil, noComments: Bool = false, exchanges: [Exchange] = []) {
        self.number = number
        self.label = label
        self.title = title
        self.lines = lines
        self.explanation = explanation
        self.noComments = noComments
        self.exchanges = exchanges
    }
}

/// The secretariat's explanation of an agenda item (議題説明).
///
/// ```swift
/// let e = Explanation(presenter: "事務局（都市経営戦略部）", materials: ["資料１"], lines: LineRange(30, 80))
/// ```
public struct Explanation: Sendable, Hashable, Codable {
    /// Who explained (`事務局（都市経営戦略部）`).
    public var presenter: String?
    /// The materials cited, as written (`資料１`).
    public var materials: [String]
    /// The opening sentence (`議題（１）…から次のような説明があった。`).
    public var intro: Passage?
    /// The points made, in order, with sub-headings such as `（資料１）` kept.
    public var points: [Point]
    /// From the block's label line to its last point.
    public var lines: LineRange

    public init(presenter: String? = nil, materials: [String] = [], intro: Passage? = nil,
                points: [Point] = [], lines: LineRange) {
        self.presenter = presenter
        self.materials = materials
        self.intro = intro
        self.points = points
        self.lines = lines
    }
}

/// One point of an explanation, or a sub-heading between points.
///
/// ```swift
/// let p = Point(kind: .item, marker: "・", text: "実施計画は、前期・後期の各５年とする。", lines: LineRange(60))
/// ```
public struct Point: Sendable, Hashable, Codable {
    /// Whether this is a point or a sub-heading such as `（資料１）`.
    public enum Kind: String, Sendable, Hashable, Codable { case item, heading }

    public var kind: Kind
    /// The bullet as written (`・`, `○`, `〇`), or `nil` for an unmarked paragraph.
    public var marker: String?
    /// The text after the marker.
    public var text: String
    public var lines: LineRange

    public init(kind: Kind, marker: String?, text: String, lines: LineRange) {
        self.kind = kind
        self.marker = marker
        self.text = text
        self.lines = lines
    }
}
