import Gijiroku

/// The content-bearing character bigrams of a text, for linking and follow-up detection.
///
/// Text is width-folded, its character variants folded (`髙` → `高`) and each word variant
/// read as its group's link form (`子ども`, `こども` → `子供`: ``WordVariants/linkForm(of:)``),
/// so a plan's `子供` and a record's `子ども` share a term. Runs of kanji, katakana and
/// Latin letters are kept and everything else (hiragana, digits, punctuation) separates
/// them, so function words and numbers do not count as shared content. Each run of two or
/// more characters gives its overlapping bigrams; a Latin run is one lowercase term.
///
/// ```swift
/// ContentTerms.bigrams(of: "保育士の確保が難しい")   // ["保育", "育士", "確保"]
/// ContentTerms.bigrams(of: "こどもの居場所")         // ["子供", "居場", "場所"]
/// ```
package enum ContentTerms {
    /// A bigram (`保育`: its two scalars packed) or a lowercase Latin word (`led`: its
    /// FNV-1a hash with the top bit set). Integers, not strings: linking a large archive
    /// looks terms up hundreds of millions of times.
    package typealias Term = UInt64

    static func bigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Term { UInt64(a.value) << 21 | UInt64(b.value) }

    static func word<C: Collection<Unicode.Scalar>>(_ scalars: C) -> Term {
        var hash: UInt64 = 0xcbf29ce484222325
        for c in scalars { hash = (hash ^ UInt64(lowercased(c).value)) &* 0x100000001b3 }
        return hash | 1 << 63
    }

    /// `A`–`Z` as `a`–`z`; any other scalar as it is (a word's Latin letters are ASCII).
    static func lowercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(c.value) ? Unicode.Scalar(UInt8(c.value + 0x20)) : c
    }

    /// The distinct terms of `text`, in order of first appearance; each spelling of a group
    /// of `variants` is read as the group's link form.
    package static func bigrams(of text: String, variants: WordVariants = .shipped) -> [Term] {
        distinct(spans(of: text, variants: variants).map(\.terms))
    }

    /// The terms of `lists` each once, in order of first appearance.
    private static func distinct(_ lists: [[Term]]) -> [Term] {
        var seen = Set<Term>()
        var out: [Term] = []
        for list in lists {
            for term in list where seen.insert(term).inserted { out.append(term) }
        }
        return out
    }

    /// Words of administrative prose that name no subject (`必要`, `今後`, `検討`, `報告`):
    /// every record and plan is full of them, so sharing one is no evidence of a shared
    /// subject. Their weight would come from how rare they are in the index, which in a
    /// small index (a plan and two meetings) says nothing.
    static let generic: Set<Term> = Set("""
        必要 今後 検討 実施 推進 結果 基本 報告 意見 委員 状況 対応 関係 取組 方針 本市 平成 令和 年度 資料 説明 以下 以上
        場合 予定 内容 部分 具体 全体 現在 会議 本部 議題 事務 事項 各種 向上 充実 強化 確保 促進 整備 実現 構築 展開 必要
        積極 極的 効果 的確 適切 適正 一層 引き続 続き 今回 前回 次回 本年 昨年 当該 同様 様々 多様 目指 取り 組み 図る
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { w in
            let s = Array(w.unicodeScalars)
            return bigram(s[0], s[1])
        })

    /// Kanji that end a word as a suffix (`効率化`, `効果的`, `多様性`, `施設等`).
    static let suffixes: Set<Unicode.Scalar> = ["的", "化", "性", "等"]

    /// The terms of a plan item's text: ``bigrams(of:)`` less the bigrams that join a
    /// suffix to the character before it inside a longer run (`率化` of `効率化`, `果的` of
    /// `効果的`), which are the ends of two words, not a word: a record and a plan that both
    /// say `効率化` share `効率`, not a second term for the ending. Such a bigram is kept where
    /// `words` has it, the two-character words the plans write on their own
    /// (``twoCharacterWords(of:)``: `女性` of `女性の活躍` keeps `女性` of `若年女性`). The
    /// minutes' side needs no such rule: a term counts only where a profile has it.
    ///
    /// ```swift
    /// ContentTerms.profileBigrams(of: "効率化の徹底", words: [])           // 効率, 徹底 (not 率化)
    /// ContentTerms.profileBigrams(of: "若年女性の就労", words: [bigram("女", "性")])   // 若年, 年女, 女性, 就労
    /// ContentTerms.profileBigrams(of: "若年女性の就労", words: [])                    // 若年, 年女, 就労
    /// ```
    static func profileBigrams(of text: String, words: Set<Term>) -> [Term] {
        profileBigrams(of: spans(of: text), words: words)
    }

    /// ``profileBigrams(of:words:)`` of a text already read into its runs.
    static func profileBigrams(of spans: [Span], words: Set<Term>) -> [Term] {
        distinct(spans.map { span in
            span.isLatin ? span.terms : span.placedBigrams.enumerated().compactMap { k, term in
                term.flatMap { span.joinsSuffix(at: k) && !words.contains($0) ? nil : $0 }
            }
        })
    }

    /// The kanji runs of exactly two characters in `text`: words written on their own
    /// (`女性` and `活躍` of `女性の活躍`).
    static func twoCharacterWords(of text: String) -> [Term] {
        twoCharacterWords(of: spans(of: text))
    }

    /// ``twoCharacterWords(of:)`` of a text already read into its runs.
    static func twoCharacterWords(of spans: [Span]) -> [Term] {
        spans.compactMap { span in
            !span.isLatin && span.scalars.count == 2 ? bigram(span.scalars[0], span.scalars[1]) : nil
        }
    }

    /// In how many of `termLists` each term occurs (each list holds distinct terms),
    /// counted on every core.
    static func documentFrequencies<C: Collection & Sendable>(_ termLists: [C]) -> [Term: Int] where C.Element == Term {
        var df: [Term: Int] = [:]
        let partials = termLists.concurrentChunks { lists in
            var df: [Term: Int] = [:]
            for terms in lists { for t in terms { df[t, default: 0] += 1 } }
            return df
        }
        for partial in partials { df.merge(partial, uniquingKeysWith: +) }
        return df
    }

    /// A run of content characters: where it starts in the text's scalars, its folded
    /// scalars, and its terms.
    struct Span {
        var start: Int
        var scalars: [Unicode.Scalar]
        var isLatin: Bool
        /// The run's terms: its one word, or its bigrams less the ``generic`` ones.
        var terms: [Term] { isLatin ? [ContentTerms.word(scalars)] : placedBigrams.compactMap { $0 } }
        /// A kanji run's bigrams where they stand: bigram `k` is `scalars[k]` and
        /// `scalars[k + 1]`, and a ``generic`` one is `nil` (`推進体制` → `nil`, `進体`, `体制`).
        var placedBigrams: [Term?] {
            guard !isLatin, scalars.count >= 2 else { return [] }
            return (0..<(scalars.count - 1)).map { k in
                let t = ContentTerms.bigram(scalars[k], scalars[k + 1])
                return ContentTerms.generic.contains(t) ? nil : t
            }
        }
        /// Whether bigram `k` joins a suffix to the character before it inside the run
        /// (`率化` of `効率化`: `k` 1 of 3 characters), not a word of two characters (`文化`).
        func joinsSuffix(at k: Int) -> Bool {
            !isLatin && k > 0 && k + 1 < scalars.count && ContentTerms.suffixes.contains(scalars[k + 1])
        }
    }

    static func spans(of text: String, variants: WordVariants = .shipped, characters: CharacterVariants = .shipped) -> [Span] {
        var spans: [Span] = []
        var current: Span?
        var currentClass = Class.none
        for (i, raw) in variants.linkFormScalars(of: text).enumerated() {
            guard let c = characters.fold(WidthFolding.fold(raw)) else { continue }
            let cls = classify(c)
            if let k = current, cls != currentClass {
                if k.scalars.count >= 2 { spans.append(k) }
                current = nil
            }
            currentClass = cls
            guard cls != .none else { continue }
            if current == nil { current = Span(start: i, scalars: [], isLatin: cls != .japanese) }
            current!.scalars.append(c)
        }
        if let k = current, k.scalars.count >= 2 { spans.append(k) }
        return spans
    }

    /// Kanji (with 々〆ヶ), katakana, Latin: a katakana or Latin run is one word, a kanji run
    /// its bigrams.
    enum Class { case none, japanese, katakana, latin }

    static func classify(_ c: Unicode.Scalar) -> Class {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x3005, 0x3006, 0x30F6: return .japanese
        case 0x30A1...0x30F5, 0x30F7...0x30FA, 0x30FC: return .katakana
        case 0x41...0x5A, 0x61...0x7A: return .latin
        default: return .none
        }
    }
}
