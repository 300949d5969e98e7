import Testing
@testable import Gijiroku

/// Small sets of scalars, asked of nearly every line without hashing.
@Suite struct ScalarSetTests {
    @Test func aScalarIsInTheSetWhenItWasGivenAndOnlyThen() {
        let markers: ScalarSet = ["○", "◯", "〇", "◎", "◆", "△", "●"]
        for scalar in "○◯〇◎◆△●".unicodeScalars { #expect(markers.contains(scalar), "\(scalar)") }
        // Below the lowest, above the highest, and between two of them.
        for scalar in "a（□◇○\u{3008}".unicodeScalars where scalar != "○" { #expect(!markers.contains(scalar), "\(scalar)") }
    }

    @Test func aCharacterIsInTheSetWhenItIsOneScalarOfIt() {
        let markers = ScalarSet("○◯".unicodeScalars)
        #expect(markers.contains(Character("◯")))
        // ○ with a combining mark is another character, as a Set<Character> would say.
        #expect(!markers.contains(Character("○\u{3099}")))
        #expect(!markers.contains(Character("あ")))
    }

    @Test func anEmptySetHoldsNothing() {
        let none = ScalarSet([Unicode.Scalar]())
        #expect(!none.contains(Unicode.Scalar("a")))
        #expect(!none.contains(Character("a")))
    }
}
