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
enum ResponsibleBodies {
    /// The endings of a body's name, longest first where one ends another (`局長` before `局`).
    static let suffixes: [StaticString] = ["委員会", "センター", "グループ", "局長", "部長", "課長", "区長", "室長", "局", "部", "課", "室", "区"]
    /// The last scalars of the ``suffixes``.
    static let suffixEnds = ScalarSet(suffixes.compactMap { $0.description.unicodeScalars.last })
    /// Words that name a role in the sentence, not a body.
    static let generic: [StaticString] = ["主管局", "主管部", "主管課", "本部", "区", "局", "部", "課", "室", "全区", "全局"]
    /// After these the name receives or qualifies rather than acts.
    static let passive: [StaticString] = ["に", "へ", "の", "から", "まで", "より"]
    /// Names written with kana inside them: 子ども未来局, こども家庭課.
    static let kanaPrefixes: [StaticString] = ["子ども", "こども"]

    static func find(in text: String) -> [String] {
        // Read on the UTF-8 bytes: this runs for every directive.
        text.withUTF8Bytes { b in
            var found: [String] = []
            var i = 0
            while i < b.count {
                let (c, width) = b.scalar(at: i)
                guard isNameScalar(c) else { i += width; continue }
                // The run of name scalars from i.
                var end = i + width
                var last = c
                while end < b.count {
                    let (next, w) = b.scalar(at: end)
                    guard isNameScalar(next) else { break }
                    end += w
                    last = next
                }
                defer { i = end }
                // Most runs end in no suffix's last scalar: told before any suffix is compared.
                guard suffixEnds.contains(last) else { continue }
                let run = b.bytes(i..<end)
                let after = b.bytes(end..<b.count)
                guard suffixes.contains(where: { run.hasSuffix($0) }), !passive.contains(where: { after.hasPrefix($0) }) else { continue }
                let before = b.bytes(0..<i)
                let start = kanaPrefixes.first(where: { before.hasSuffix($0) }).map { i - $0.utf8CodeUnitCount } ?? i
                let name = b.bytes(start..<end)
                guard !name.isOne(of: generic) else { continue }
                let string = String(decoding: name, as: UTF8.self)
                if !found.contains(string) { found.append(string) }
            }
            return found
        }
    }

    /// Kanji, katakana and the long vowel mark: the scalars of an organisation's name.
    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3005, 0x30A1...0x30FA, 0x30FC, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }
}
