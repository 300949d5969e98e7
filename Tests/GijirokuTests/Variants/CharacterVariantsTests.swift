import Foundation
import Testing
@testable import Gijiroku

@Suite struct CharacterVariantsTests {
    let shipped = CharacterVariants.shipped

    @Test(arguments: [("髙", "高"), ("﨑", "崎"), ("德", "徳"), ("邊", "辺"), ("邉", "辺"), ("齋", "斎"), ("齊", "斉"), ("濵", "浜"),
                      ("櫻", "桜"), ("廣", "広"), ("澤", "沢"), ("國", "国"), ("龍", "竜"), ("⽇", "日"), ("\u{F900}", "豈")])
    func theIssuesVariantsFoldToTheirStandardForm(_ variant: String, _ standard: String) {
        #expect(shipped.fold(variant) == standard)
    }

    @Test func foldingKeepsIterationMarksAndEverythingElse() {
        #expect(shipped.fold("佐々木　ゝゞヽヾ") == "佐々木　ゝゞヽヾ")
        #expect(shipped.fold("髙橋副市長が⽇程を説明") == "高橋副市長が日程を説明")
    }

    @Test func variationSelectorsAreDropped() {
        #expect(shipped.fold("葛\u{E0100}飾区") == "葛飾区")
        #expect(shipped.fold("辻\u{FE00}") == "辻")
    }

    /// Sections 2 and 3 of the table against the toolchain's own Unicode tables: every
    /// Kangxi radical and compatibility ideograph that decomposes to one character is listed,
    /// with that character (or, when that is itself a listed variant, its target).
    @Test func radicalsAndCompatibilityIdeographsMatchTheirUnicodeDecompositions() {
        var checked = 0
        for range in [0x2F00...0x2FD5, 0xF900...0xFAFF, 0x2F800...0x2FA1F] {
            for value in range {
                guard let s = Unicode.Scalar(value) else { continue }
                let decomposed = String(s).decomposedStringWithCompatibilityMapping.unicodeScalars
                guard decomposed.count == 1, let d = decomposed.first, d != s else { continue }
                let expected = shipped.fold(d) ?? d
                #expect(shipped.fold(s) == expected, "U+\(String(value, radix: 16, uppercase: true))")
                checked += 1
            }
        }
        #expect(checked > 1_200)
    }

    @Test func theShippedTableHasNoChainsAndEachCharacterOnce() {
        let targets = Set(shipped.mappings.compactMap(\.target))
        let variants = shipped.mappings.map(\.variant)
        #expect(Set(variants).count == variants.count)
        #expect(targets.isDisjoint(with: Set(variants)))
        #expect(shipped.mappings.count > 1_400)
    }

    @Test func aMalformedTableNamesTheLine() {
        #expect(throws: CharacterVariants.TableError(file: "t", line: 2, reason: "expected a variant and its target, found 3 fields")) {
            try CharacterVariants(table: "# ok\n髙 高 高\n", file: "t")
        }
        #expect(throws: CharacterVariants.TableError.self) { try CharacterVariants(table: "髙 高\n髙 亠\n", file: "t") }
        let chain = #expect(throws: CharacterVariants.TableError.self) { try CharacterVariants(table: "A B\nB C\n", file: "t") }
        #expect(chain?.line == 1)
        #expect(chain?.reason.contains("itself a variant") == true)
        #expect(throws: CharacterVariants.TableError.self) { try CharacterVariants(table: "abc 高\n", file: "t") }
    }

    @Test func theFingerprintFollowsTheMappingsNotTheComments() throws {
        let a = try CharacterVariants(table: "髙 高\n", file: "a")
        let b = try CharacterVariants(table: "# a comment\n髙 高   # another\n", file: "b")
        let c = try CharacterVariants(table: "髙 高\n﨑 崎\n", file: "c")
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
    }
}
