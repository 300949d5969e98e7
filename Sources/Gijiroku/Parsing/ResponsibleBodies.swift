/// Finds the bodies a directive makes responsible: the organisation names (`…局`, `…部`,
/// `…課`, `…室`, `…区`, `…委員会`, `…センター`, `…グループ`, and their heads `…局長`)
/// that act in the sentence, not those that receive (`事務局に提出`) or qualify (`各区の`).
///
/// ```swift
/// ResponsibleBodies.find(in: "子ども家庭局が主管局として、保育士確保策を取りまとめること。")
/// // ["子ども家庭局"]
/// ResponsibleBodies.find(in: "財政局と環境局が連携し、実施計画を取りまとめること。")
/// // ["財政局", "環境局"]
/// ```
public enum ResponsibleBodies {
    static let suffixes = ["委員会", "センター", "グループ", "局長", "部長", "課長", "区長", "室長", "局", "部", "課", "室", "区"]
        .map { Array($0.unicodeScalars) }
    /// Words that name a role in the sentence, not a body.
    static let generic: Set<String> = ["主管局", "主管部", "主管課", "本部", "区", "局", "部", "課", "室", "全区", "全局"]
    /// After these the name receives or qualifies rather than acts.
    static let passive = ["に", "へ", "の", "から", "まで", "より"].map { Array($0.unicodeScalars) }
    /// Names written with kana inside them: 子ども未来局, こども家庭課.
    static let kanaPrefixes = ["子ども", "こども"].map { Array($0.unicodeScalars) }

    public static func find(in text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var found: [String] = []
        var i = 0
        while i < s.count {
            guard isNameScalar(s[i]) else { i += 1; continue }
            var end = i
            while end < s.count, isNameScalar(s[end]) { end += 1 }
            defer { i = end }
            let run = s[i..<end]
            guard suffixes.contains(where: { run.count >= $0.count && run.suffix($0.count).elementsEqual($0) }),
                  !passive.contains(where: { s[end...].starts(with: $0) }) else { continue }
            let start = kanaPrefixes.contains { i >= $0.count && s[(i - $0.count)..<i].elementsEqual($0) } ? i - 3 : i
            let name = String(scalars: s[start..<end])
            if !generic.contains(name), !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// Kanji, katakana and the long vowel mark: the scalars of an organisation's name.
    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3005, 0x30A1...0x30FA, 0x30FC, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }
}
