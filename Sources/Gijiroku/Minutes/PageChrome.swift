/// Recognises the lines that web sites, mirrors and aggregators put around a record:
/// navigation (`ページの先頭です`, `メニューを飛ばして本文へ`, breadcrumbs `春日市議会 > 2018-10-05 >`),
/// sharing and copy buttons (`ツイート シェア`, `Copied!`), the mirror's provenance
/// (`取得元: …`, `最終取得日: …`, `議事ロックス -地方議会議事録検索-`), page metadata
/// (`ページID:…`, `更新日:…`, `掲載日:…`), search-hit banners, postal addresses, telephone
/// numbers and mail addresses. The header reader keeps them as layout lines with the role
/// `pageChrome`, never in the title or a field.
///
/// ```swift
/// PageChrome.matches("最終取得日: 2021-05-05")        // true
/// PageChrome.matches("第11回羽村市都市計画審議会会議録")  // false
/// ```
enum PageChrome {
    /// Whole lines (compared without spaces).
    static let lines: Set<String> = [
        "ページの先頭です", "本文", "本文ここから", "本文ここまで", "メニューを飛ばして本文へ", "本文へ", "ナビゲーションを飛ばす",
        "Copied!", "N/A", "検索結果がありません", "ツイートシェア", "ツイート", "シェア", "印刷", "印刷する", "このページを印刷する",
        "議会中継", "ページトップへ", "ページの先頭へ", "このページの先頭へ", "このページのトップへ", "ページのトップへ", "ページのトップへ戻る", "先頭へ戻る", "戻る", "閉じる", "トップページ", "ホーム",
        "文字サイズ", "背景色", "サイトマップ", "お問い合わせ", "よくある質問", "ここから本文です", "PDFファイルを開く", "Shareボタン",
    ]
    /// Line openings (compared without spaces).
    static let openings: [String] = [
        "取得元:", "取得元：", "最終取得日:", "最終取得日：", "ページID:", "ページID：", "ページ番号:", "ページ番号：",
        "更新日:", "更新日：", "最終更新日:", "最終更新日：", "掲載日:", "掲載日：", "公開日:", "公開日：", "登録日:", "登録日：",
        "議事ロックス", "〒", "Tel", "TEL", "tel", "電話:", "電話：", "電話番号", "FAX", "Fax", "ファクス",
        "Eメール", "E-mail", "Email", "メール:", "メール：", "メールフォーム", "このページに関するお問い合わせ", "このページについて",
        "メニュー", "現在位置", "現在のページ", "ホーム>", "トップ>", "トップページ>",
    ]

    /// The whole lines by their first scalar, compared byte for byte as the openings are
    /// (hashing a line of Japanese for a set look-up cost more than the rest of the test).
    static let linesByFirst: [Unicode.Scalar: [String]] = Dictionary(grouping: lines, by: { $0.unicodeScalars.first! })

    /// The openings by their first scalar, so that a line is compared with a few only.
    static let openingsByFirst: [Unicode.Scalar: [String]] = Dictionary(grouping: openings, by: { $0.unicodeScalars.first! })

    static func matches(_ content: Substring) -> Bool {
        guard !content.isEmpty, content.utf8.count <= 240 else { return false }
        let compact = WidthFolding.compact(content)
        let u = compact.utf8
        if let first = compact.unicodeScalars.first {
            if let candidates = linesByFirst[first], candidates.contains(where: { $0.utf8.elementsEqual(u) }) { return true }
            if let candidates = openingsByFirst[first], candidates.contains(where: { UTF8Search.hasPrefix(compact, $0) }) { return true }
        }
        // Counted on the bytes (every byte that does not continue a scalar starts one).
        let scalars = compact.withUTF8Bytes { b in b.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        // A postal address: `汐見川県汐見川市本町二丁目3番地4`, `…柿岡5680-1(八郷総合支所)`.
        if scalars <= 40, ["県", "都", "府", "道"].contains(where: { UTF8Search.contains(compact, $0) }),
           UTF8Search.contains(compact, "丁目") || UTF8Search.contains(compact, "番地") || hasHyphenatedNumber(compact),
           !TitleExtractor.meetingWords.contains(where: { UTF8Search.contains(compact, $0) }) { return true }
        // An aggregator's turn number alone: `1:`.
        if u.count >= 2, u.count <= 4, u.last == UInt8(ascii: ":"), u.dropLast().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        // A search banner: `↓ 最初のヒットへ(全 0 ヒット)`.
        if UTF8Search.hasSuffix(compact, "ヒット)"), UTF8Search.contains(compact, "最初のヒットへ") { return true }
        // A mail address alone (ASCII only).
        if UTF8Search.contains(compact, "@"), UTF8Search.contains(compact, "."), u.allSatisfy({ $0 < 0x80 }) { return true }
        // A breadcrumb: parts joined by `>` (two or more), or a line ending in `>`.
        var arrows = 0
        for s in content.unicodeScalars where s == ">" || s == "＞" || s == "›" || s == "»" { arrows += 1 }
        if arrows >= 1, content.unicodeScalars.last == ">" || arrows >= 2, scalars <= 60,
           !content.unicodeScalars.contains("<"), !content.unicodeScalars.contains("＜") { return true }
        // Two parts and one arrow with spaces around it (`汐見川市議会 > 会議録`): a short breadcrumb.
        if arrows == 1, scalars <= 30, UTF8Search.contains(content, " > "), !UTF8Search.contains(content, "。") { return true }
        // A search hit banner: `• "高輪地区総合支所管理課長"(1/1)`.
        if let first = content.unicodeScalars.first, first == "•" || first == "・", u.last == UInt8(ascii: ")"), u.contains(UInt8(ascii: "\"")) { return true }
        return false
    }

    /// `5680-1`, `23-5600`: digits, a hyphen, digits.
    private static func hasHyphenatedNumber(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard u.count >= 3 else { return false }
        func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        return (1..<(u.count - 1)).contains { (u[$0] == "-" || u[$0] == "−") && digit(u[$0 - 1]) && digit(u[$0 + 1]) }
    }
}
