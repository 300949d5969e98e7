import Testing
@testable import GijirokuMessages

/// The message catalogue: both languages complete, with the same placeholders.
@Suite struct CatalogueTests {
    @Test func bothLanguagesHaveEveryKey() {
        for language in Language.allCases {
            let table = Catalogue.templates(in: language)
            let missing = MessageKey.allCases.filter { table[$0] == nil }
            #expect(missing.isEmpty, "\(language): no text for \(missing)")
            #expect(table.count == MessageKey.allCases.count, "\(language) has keys the enum does not")
        }
    }

    @Test(arguments: MessageKey.allCases)
    func bothLanguagesHaveTheSamePlaceholders(_ key: MessageKey) {
        let ja = Catalogue.template(key, in: .japanese), en = Catalogue.template(key, in: .english)
        #expect(Set(ja.placeholders) == Set(en.placeholders), "\(key): \(ja) / \(en)")
        #expect(!ja.isEmpty && !en.isEmpty)
    }

    @Test func englishTextsAreWrittenInEnglish() {
        // Every English text has English words outside its placeholders (Japanese terms may
        // be quoted inside it); only a bare placeholder or a separator has none.
        for key in MessageKey.allCases {
            let en = Catalogue.template(key, in: .english)
            let words = en.filled(Dictionary(en.placeholders.map { ($0, "") }, uniquingKeysWith: { a, _ in a }))
            let letters = words.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }.count
            #expect(letters > 0 || [.warningDateProblem, .listSeparator].contains(key), "\(key): \(en)")
        }
    }

    /// An English count says `1 meeting`, `3 meetings`: `{name|one|other}` picks by the count.
    @Test func englishCountsAgreeWithTheirNouns() {
        #expect(Message(.linksDiscussedCount, ["elements": "1", "meetings": "1", "dates": "2016-09-01"]).text(in: .english)
                == "1 element (1 meeting, 2016-09-01)")
        #expect(Message(.linksDiscussedCount, ["elements": "3", "meetings": "2", "dates": "…"]).text(in: .english)
                == "3 elements (2 meetings, …)")
        #expect(Message(.warningAttendeeCountMismatch, ["label": "出席者", "stated": "1", "found": "2"]).text(in: .english)
                == "出席者 states 1 person but 2 were read: the names read are kept")
        #expect(Message(.warningAttendeeCountMismatch, ["label": "出席者", "stated": "5", "found": "1"]).text(in: .english)
                == "出席者 states 5 people but 1 was read: the names read are kept")
        // A plural whose count is not given is left as written; its name is the placeholder's.
        #expect("{n} {n|meeting|meetings}".filled([:]) == "{n} {n|meeting|meetings}")
        #expect("{n} {n|meeting|meetings}".placeholders == ["n", "n"])
        #expect(Message(.linksDiscussedCount, ["elements": "1", "meetings": "1", "dates": "x"]).text(in: .japanese) == "1件（会議 1回、x）")
    }

    @Test func placeholdersAreFilledAndUnknownOnesKept() {
        #expect(Message(.usageMissingValue, ["option": "--db", "value": "PATH"]).text(in: .english) == "--db needs a value (PATH)")
        #expect(Message(.usageMissingValue, ["option": "--db"]).text(in: .japanese) == "--db の後に値（{value}）がありません")
        // A value that looks like a placeholder is not filled again.
        #expect(Message(.searchNoHits, ["query": "{query}"]).text(in: .english) == "no hits for 「{query}」")
        // Text around and between placeholders is kept; a brace never closed is text.
        #expect("「{a}」と{b}、{a}です".filled(["a": "議題", "b": "1"]) == "「議題」と1、議題です")
        #expect("{a} {未完".filled(["a": "x"]) == "x {未完")
        #expect("括弧なし".filled(["a": "x"]) == "括弧なし")
    }

    @Test(arguments: [
        ([:], Language.english),
        (["LANG": "ja_JP.UTF-8"], .japanese),
        (["LANG": "C.UTF-8"], .english),
        (["LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"], .english),
        (["LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"], .japanese),
        (["LC_ALL": "", "LANG": "ja_JP.UTF-8"], .japanese),
        (["GIJIROKU_LANG": "ja", "LC_ALL": "C"], .japanese),
        (["GIJIROKU_LANG": "en", "LANG": "ja_JP.UTF-8"], .english),
        (["GIJIROKU_LANG": "fr", "LANG": "ja_JP.UTF-8"], .japanese),
    ] as [([String: String], Language)])
    func theLanguageComesFromTheEnvironment(_ environment: [String: String], _ expected: Language) {
        #expect(Language(environment: environment) == expected)
    }
}
