import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
@testable import GijirokuIndex

/// Spelling variants in search: character variants folded by the tokenizer, word variants
/// expanded at query time, typed forms ranked first.
@Suite struct VariantSearchTests {
    static let groups: [[String]] = [["子ども", "子供", "こども"], ["取組", "取組み", "取り組み"], ["副市長", "助役"],
                                     ["ワーキンググループ", "ＷＧ"], ["放課後児童クラブ", "学童保育"]]

    func found(_ index: SearchIndex, _ words: String, exact: Bool = false) throws -> [SearchHit] {
        var query = try SearchQuery(parsing: words, variants: exact ? nil : .shipped)
        query.limit = 10_000
        return try index.search(query).hits
    }

    /// Every form of a group finds the same elements: those holding any of its forms
    /// (the independent definition: folded text contains a folded form).
    @Test(arguments: groups)
    func everyFormOfAGroupFindsTheSameElements(_ forms: [String]) throws {
        let (index, _) = try TestFiles.corpusIndex()
        let keys = forms.map { String(String.UnicodeScalarView(WordVariants.key($0))) }
        let s = try index.database.prepare("SELECT e.id, e.body FROM elements e")
        try s.bind([])
        var expected = Set<String>()
        while try s.step() {
            let body = String(String.UnicodeScalarView(WordVariants.key(s.string(1) ?? "")))
            if keys.contains(where: body.contains) { expected.insert(s.string(1) ?? "") }
        }
        #expect(!expected.isEmpty, "the corpus holds \(forms)")
        for form in forms {
            let hits = Set(try found(index, form).map(\.text))
            #expect(hits == expected, "\(form)")
        }
    }

    @Test func theReferenceExamplesAreFound() throws {
        let (index, _) = try TestFiles.corpusIndex()
        // The chair calls 高橋副市長 once and 髙橋副市長 once: either spelling finds both.
        let typed = try found(index, "高橋副市長", exact: true)
        #expect(typed.count == 2)
        #expect(Set(typed.map(\.text)) == Set(try found(index, "髙橋副市長", exact: true).map(\.text)))
        #expect(typed.contains { $0.text.contains("髙橋") })
        // A Kangxi radical left by PDF extraction (⼦ U+2F26) is found as 子.
        #expect(try found(index, "子ども会", exact: true).contains { $0.text.contains("⼦ども会") })
    }

    @Test func hitsOnTheTypedFormRankAboveVariantHits() throws {
        let (index, _) = try TestFiles.corpusIndex()
        for word in ["子供", "こども", "取り組み", "学童保育"] {
            let hits = try found(index, word)
            let typed = hits.map { $0.variants == nil }
            #expect(typed.contains(true) && typed.contains(false), "\(word) finds both forms in the corpus")
            // Every hit on the typed form comes before every hit on a variant only.
            #expect(typed == typed.sorted { $0 && !$1 }, "\(word): \(typed)")
            #expect(hits.filter { $0.variants != nil }.allSatisfy { $0.variants!.allSatisfy { $0.typed == word && $0.matched != word } })
        }
    }

    @Test func aHitSaysWhichVariantItMatched() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let hit = try #require(try found(index, "子供").first { $0.variants != nil })
        #expect(hit.variants?.first?.typed == "子供")
        #expect(["子ども", "こども"].contains(hit.variants?.first?.matched ?? ""))
        #expect(hit.text.contains(hit.variants!.first!.matched))
    }

    @Test func exactSearchesOnlyTheTypedWordButStillFoldsCharacters() throws {
        let (index, _) = try TestFiles.corpusIndex()
        let exact = try found(index, "子供", exact: true)
        #expect(!exact.isEmpty)
        #expect(exact.allSatisfy { WordVariants.key($0.text).contains("子供".unicodeScalars.first!) && $0.variants == nil })
        #expect(exact.count < (try found(index, "子供")).count)
        #expect(try found(index, "髙橋一成", exact: true).count == (try found(index, "高橋一成", exact: true)).count)
    }

    @Test func theSpeakerFilterAndTheSpeakerCountFoldVariantsAndSpaces() throws {
        let (index, _) = try TestFiles.corpusIndex()
        var query = SearchQuery.everything
        query.speaker = "高橋 一成"
        query.limit = 100
        let hits = try index.search(query).hits
        #expect(hits.count == 2)
        let people = try index.speakers(SpeakerFilter(meeting: "子ども・子育て支援特別委員会")).speakers
        let vice = people.filter { $0.role == "副市長" }
        #expect(vice.count == 1)
        #expect(vice.first?.turns == 2)
    }

    @Test func anIndexBuiltWithAnotherCharacterTableIsRebuiltWhenWrittenAndRefusedWhenRead() throws {
        let dir = try TestFiles.temporaryFolder()
        let path = dir.appendingPathComponent("i.sqlite").path
        let file = dir.appendingPathComponent("a.txt")
        try "議事概要\n令和6年4月1日\n甲乙会議の報告について説明した。\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            let index = try SearchIndex(path: path)
            #expect(index.index(files: [file.path]).failed.isEmpty)
            #expect(try index.search(SearchQuery(parsing: "丙乙")).total == 0)
        }
        let other = try CharacterVariants(table: "甲 丙\n", file: "other.variants")
        // Reading with the other table: refused, with a clear error.
        #expect(throws: IndexError(.otherCharacterVariants(path: path))) { try SearchIndex(path: path, readOnly: true, characters: other) }
        // Writing with it: the full-text index is rebuilt, and the run says so.
        let index = try SearchIndex(path: path, characters: other)
        let report = index.index(files: [file.path])
        #expect(report.rebuiltForCharacterVariants)
        #expect(report.unchanged == [file.path])
        #expect(try index.search(SearchQuery(parsing: "丙乙")).total == 1)
        // And the next run has nothing to rebuild.
        #expect(!(try SearchIndex(path: path, characters: other)).index(files: [file.path]).rebuiltForCharacterVariants)
        #expect(try SearchIndex(path: path, readOnly: true, characters: other).search(SearchQuery(parsing: "甲乙")).total == 1)
    }
}
