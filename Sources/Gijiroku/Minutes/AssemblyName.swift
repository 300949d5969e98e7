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
    static func session(openedOrClosedIn text: String) -> String? {
        for sentence in DecisionReader.sentences(text) {
            guard let verb = ["を開会いたします", "を閉会いたします", "を開会します", "を閉会します"].lazy.compactMap({ UTF8Search.range(of: $0, in: sentence) }).first
            else { continue }
            var name = Substring(sentence[..<verb.lowerBound])
            for opening in ["ただいまから", "ただ今から", "只今から", "これより", "これから", "これにて", "以上で", "これで"] {
                if let r = UTF8Search.range(of: opening, in: name) { name = name[r.upperBound...] }
            }
            let session = TitleExtractor.trimSpaces(String(name.drop { $0 == "、" || $0 == " " || $0 == "\u{3000}" }))
            guard session.unicodeScalars.count <= 40, council(in: session) != nil,
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
