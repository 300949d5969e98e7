/// The council a record belongs to (`目黒区議会`), read near the top of the record, for a
/// meeting name that does not say it (`定例会`, `区民文教常任委員会`).
///
/// A council's records often title a meeting by its session or committee alone; the
/// council's name stands in the page's heading (`目黒区議会会議録　第１号`), an aggregator's
/// breadcrumb (`館山市議会 > 2022-12-21 >`) or the place (`目黒区議会議場`). Without it the
/// sessions of two councils in one archive would share one name (`定例会`).
///
/// ```swift
/// AssemblyName.council(in: "　汐見川区議会会議録　　第１号")      // "汐見川区議会"
/// AssemblyName.naming("定例会", council: "汐見川区議会")           // "汐見川区議会 定例会"
/// AssemblyName.naming("議会運営委員会", council: "汐見川市議会")   // "汐見川市議会 議会運営委員会"
/// ```
enum AssemblyName {
    /// How far from the top the council's name is looked for: past the rosters, as far as
    /// the chair's opening (`令和７年第１回葛飾区議会定例会を開会いたします`).
    static let linesRead = 200
    /// Meeting names that are a council's: its sessions, plenary and committees.
    static let councilMeetings = ["定例会", "臨時会", "本会議", "委員会", "協議会", "緊急議会", "審査会"]
    private static let municipalitySuffixes: Set<Unicode.Scalar> = ["都", "道", "府", "県", "市", "区", "町", "村"]
    /// A municipality's name with its suffix is at most this long (`南アルプス市`).
    private static let longestName = 7

    /// The first council named in `lines`, read from the top.
    static func council<C: Collection<SourceLine>>(in lines: C) -> String? {
        for line in lines.prefix(linesRead) {
            if let found = council(in: line.content) { return found }
        }
        return nil
    }

    /// The first council named in `text`: a municipality's name, its suffix and `議会`.
    static func council<S: StringProtocol>(in text: S) -> String? {
        guard UTF8Search.contains(text, "議会") else { return nil }
        let scalars = Array(text.unicodeScalars)
        var i = 1
        while i + 1 < scalars.count {
            defer { i += 1 }
            guard scalars[i] == "議", scalars[i + 1] == "会", municipalitySuffixes.contains(scalars[i - 1]) else { continue }
            // The name before the suffix: kanji (`目黒`), else kana (`さいたま`).
            var start = i - 1
            while start > 0, i - 1 - start < longestName, isKanji(scalars[start - 1]) { start -= 1 }
            if start == i - 1 {
                while start > 0, i - 1 - start < longestName, isKana(scalars[start - 1]) { start -= 1 }
            }
            guard start < i - 1 else { continue }
            // A counter after a number is not part of it (`第１回葛飾区議会`).
            if start < i - 1, start > 0, counters.contains(scalars[start]), isNumeral(scalars[start - 1]) { start += 1 }
            return String(String.UnicodeScalarView(scalars[start..<(i + 2)]))
        }
        return nil
    }

    /// The council of a committee whose record never names it, from the municipality the page
    /// names near its top (an address, `茨城県汐見川市汐見一丁目1番地1`, or an aggregator's
    /// heading, `埼玉県 汐見川市`), else the one its bills name as theirs
    /// (``municipalityOfBills(in:)``), when the record is a council's: its roster has the council's
    /// secretariat (`議会事務局`), the page is a council's (`議会中継`, `議会議事録`), or the
    /// committee is one only a council has (`…常任委員会`, `…特別委員会`, `議会運営委員会`,
    /// `議会改革…`). `nil` otherwise: a municipality's own committees (`教育委員会`) are
    /// named on its pages too.
    ///
    /// ```swift
    /// // 茨城県汐見川市汐見一丁目1番地1 … 議会事務局 庶務課主任
    /// AssemblyName.councilOfMunicipality(in: lines, meeting: "総務委員会")   // "汐見川市議会"
    /// ```
    static func councilOfMunicipality<C: Collection<SourceLine>>(in lines: C, meeting: String) -> String? {
        guard UTF8Search.hasSuffix(meeting, "委員会"), council(in: meeting) == nil else { return nil }
        let councilsOwn = ["常任委員会", "特別委員会", "議会運営委員会"].contains { UTF8Search.contains(meeting, $0) }
            || UTF8Search.hasPrefix(meeting, "議会")
        let top = lines.prefix(linesRead)
        guard councilsOwn || top.contains(where: { line in councilSigns.contains { UTF8Search.contains(line.content, $0) } }) else { return nil }
        for line in top.prefix(30) {
            if let municipality = municipality(in: line.content) { return municipality + "議会" }
        }
        return municipalityOfBills(in: top).map { $0 + "議会" }
    }

    /// The municipality whose bill the record takes up (`議案第44号 汐見川市市民参加条例の制定について`:
    /// a council debates its own municipality's bills), where the record also names it standing
    /// alone (`今後の汐見川市にとって`), which says where its name ends: `汐見川市`, not
    /// `汐見川市市` of `汐見川市市民…`. `nil` when no bill's title begins with such a name.
    ///
    /// ```swift
    /// // 1付託案件の審査、(1)議案第44号 汐見川市市民参加条例の制定について …
    /// // … 今後の汐見川市にとって大変意義深く …
    /// AssemblyName.municipalityOfBills(in: lines)   // "汐見川市"
    /// ```
    static func municipalityOfBills<C: Collection<SourceLine>>(in lines: C) -> String? {
        let texts = lines.map { Array($0.content.unicodeScalars) }
        // The names a bill's title may begin with, shortest first: the kanji after `議案第N号`
        // up to each `市`, `町`, `村` or `区` (`汐見川市`, `汐見川市市`).
        var names: [ArraySlice<Unicode.Scalar>] = []
        for s in texts {
            var i = 0
            while i + 2 < s.count {
                defer { i += 1 }
                guard s[i] == "議", s[i + 1] == "案", s[i + 2] == "第" else { continue }
                var j = i + 3
                while j < s.count, isNumeral(s[j]) { j += 1 }
                guard j > i + 3, j < s.count, s[j] == "号" else { continue }
                j += 1
                while j < s.count, SourceLine.isSpace(s[j]) { j += 1 }
                var end = j
                while end < s.count, end - j < longestName, isKanji(s[end]) {
                    end += 1
                    if end - j >= 2, ["市", "町", "村", "区"].contains(s[end - 1]), !names.contains(s[j..<end]) { names.append(s[j..<end]) }
                }
            }
        }
        // Standing alone: no kanji just before or after it.
        func standsAlone(_ name: ArraySlice<Unicode.Scalar>, in s: [Unicode.Scalar]) -> Bool {
            var i = 0
            while i + name.count <= s.count {
                defer { i += 1 }
                guard s[i..<(i + name.count)].elementsEqual(name) else { continue }
                if (i == 0 || !isKanji(s[i - 1])) && (i + name.count == s.count || !isKanji(s[i + name.count])) { return true }
            }
            return false
        }
        return names.first { name in texts.contains { standsAlone(name, in: $0) } }.map { String(String.UnicodeScalarView($0)) }
    }

    /// Words only a council's pages and rosters have.
    private static let councilSigns = ["議会事務局", "議会中継", "議会議事録", "議会会議録"]

    /// The prefectures, by which a municipality's name is recognised at the start of a line
    /// (北海道, 東京都, 京都府 and 大阪府 among them: the others end in 県).
    private static let prefectures = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
        "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
        "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// The municipality a line begins with after its prefecture: `茨城県汐見川市…` → `汐見川市`,
    /// `埼玉県 汐見川市` → `汐見川市`, `愛知県浜手郡汐見町` → `汐見町` (a district is no part of it).
    static func municipality<S: StringProtocol>(in line: S) -> String? {
        let text = TitleExtractor.trimSpaces(String(line))
        // A prefecture of the list, or any name of two or three kanji and 県 (a record may be
        // of a prefecture the list spells otherwise, `茨城県` or `茨木県` in a scan).
        let scalars = Array(text.unicodeScalars)
        let generic = (2...3).first { $0 < scalars.count && scalars[$0] == "県" && scalars[..<$0].allSatisfy(isKanji) }.map { $0 + 1 }
        guard let length = prefectures.first(where: { text.hasPrefix($0) })?.unicodeScalars.count ?? generic else { return nil }
        var name: [Unicode.Scalar] = []
        for c in scalars.dropFirst(length).drop(while: SourceLine.isSpace) {
            guard isKanji(c) || isKana(c) else { return nil }
            if c == "郡" { name = []; continue }
            name.append(c)
            if name.count >= 2, ["市", "区", "町", "村"].contains(c) { return String(String.UnicodeScalarView(name)) }
            if name.count >= longestName { return nil }
        }
        return nil
    }

    /// The meeting's name with its council before it, when the name is a council's meeting
    /// that names no council and not the municipality; `nil` when it needs nothing. A body
    /// only a council has, named by its municipality (`長崎市 全員協議会`), takes the council in
    /// the municipality's place, as the council's other meetings are named.
    static func naming(_ meeting: String, council: String) -> String? {
        guard councilMeetings.contains(where: { UTF8Search.hasSuffix(meeting, $0) }), Self.council(in: meeting) == nil else { return nil }
        let municipality = String(council.dropLast(2))
        guard UTF8Search.contains(meeting, municipality) else { return council + " " + meeting }
        let rest = meeting.hasPrefix(municipality) ? TitleExtractor.trimSpaces(String(meeting.dropFirst(municipality.count))) : ""
        guard councilOnlyBodies.contains(rest) else { return nil }
        return council + " " + rest
    }

    /// The session a chair's words open or close: `これにて令和６年第４回青森市議会定例会を閉会いたします。`
    /// → `令和６年第４回青森市議会定例会`; a council's session or meeting only.
    ///
    /// ```swift
    /// AssemblyName.session(openedOrClosedIn: "ただいまから令和７年第１回汐見川区議会定例会を開会いたします。")
    /// // "令和７年第１回汐見川区議会定例会"
    /// ```
    ///
    /// With `council` false, any meeting's name: `ただ今から,都市建設委員会を開会いたします。` →
    /// `都市建設委員会`, for a committee titled by its number alone (`第9回委員会`).
    static func session(openedOrClosedIn text: String, council needsCouncil: Bool = true) -> String? {
        for sentence in DecisionReader.sentences(text) {
            guard let verb = ["を開会いたします", "を閉会いたします", "を開会します", "を閉会します"].lazy.compactMap({ UTF8Search.range(of: $0, in: sentence) }).first
            else { continue }
            var name = Substring(sentence[..<verb.lowerBound])
            for opening in ["ただいまから", "ただ今から", "只今から", "これより", "これから", "これにて", "以上で", "これで"] {
                if let r = UTF8Search.range(of: opening, in: name) { name = name[r.upperBound...] }
            }
            let session = TitleExtractor.trimSpaces(String(name.drop { $0 == "、" || $0 == "," || $0 == "，" || $0 == " " || $0 == "\u{3000}" }))
            guard session.unicodeScalars.count <= 40, !needsCouncil || council(in: session) != nil,
                  needsCouncil || !session.unicodeScalars.contains(where: { SourceLine.isSpace($0) || $0 == "、" || $0 == "。" }),
                  councilMeetings.contains(where: { UTF8Search.hasSuffix(session, $0) }) else { continue }
            return session
        }
        return nil
    }

    /// Bodies that only a council has: named by the municipality, they are its council's.
    static let councilOnlyBodies: Set<String> = ["全員協議会", "定例会", "臨時会", "本会議"]

    private static let counters: Set<Unicode.Scalar> = ["回", "号", "年", "月", "日", "期", "次"]
    private static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("０"..."９").contains(c) || "〇一二三四五六七八九十百元".unicodeScalars.contains(c)
    }
    private static func isKanji(_ c: Unicode.Scalar) -> Bool { WordVariants.isKanji(c) || c == "々" || c == "ヶ" }
    private static func isKana(_ c: Unicode.Scalar) -> Bool {
        WordVariants.isKana(c) || (0x30A1...0x30FA).contains(c.value) || c == "ー"
    }
}
