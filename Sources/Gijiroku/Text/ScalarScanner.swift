/// A cursor over width-folded scalars, for the small grammars of dates and times.
struct ScalarScanner {
    let scalars: [Unicode.Scalar]
    var index: Int

    init<S: StringProtocol>(_ text: S) {
        self.scalars = Array(WidthFolding.fold(text).unicodeScalars)
        self.index = 0
    }

    var isAtEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func skipSpaces() {
        while let c = current, SourceLine.isSpace(c) { index += 1 }
    }

    /// Consumes `literal` (after optional spaces) if it comes next.
    mutating func scan(_ literal: String) -> Bool {
        let save = index
        skipSpaces()
        for expected in literal.unicodeScalars {
            guard current == expected else { index = save; return false }
            index += 1
        }
        return true
    }

    /// Consumes the first of `literals` that comes next, returning it.
    mutating func scanAny(_ literals: [String]) -> String? {
        for literal in literals where scan(literal) { return literal }
        return nil
    }

    /// Consumes a number (digits, kanji numerals, 元) after optional spaces.
    mutating func scanNumber() -> Int? {
        let save = index
        skipSpaces()
        guard let (value, length) = JapaneseNumber.scan(scalars, from: index) else { index = save; return nil }
        index += length
        return value
    }
}
