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

    @Test func placeholdersAreFilledAndUnknownOnesKept() {
        #expect(Message(.usageMissingValue, ["option": "--db", "value": "PATH"]).text(in: .english) == "--db needs a value (PATH)")
        #expect(Message(.usageMissingValue, ["option": "--db"]).text(in: .japanese) == "--db の後に値（{value}）がありません")
        // A value that looks like a placeholder is not filled again.
        #expect(Message(.searchNoHits, ["query": "{query}"]).text(in: .english) == "no hits for 「{query}」")
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
