/// A small set of scalars (markers, brackets, rule characters), tested without hashing:
/// the parser asks it of nearly every line, and a `Set`'s lookup seeds and runs a hasher
/// each time.
///
/// ```swift
/// let markers: ScalarSet = ["○", "◯", "〇"]
/// markers.contains("◯")                 // true
/// markers.contains(Character("◯"))      // true: a character of one scalar in the set
/// ```
struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    /// The scalars' values, sorted.
    private let values: [UInt32]
    private let lowest: UInt32
    private let highest: UInt32

    init<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
        values = Array(Set(scalars.map(\.value))).sorted()
        lowest = values.first ?? 1
        highest = values.last ?? 0
    }

    init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }

    @inline(__always) func contains(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= lowest, v <= highest else { return false }
        for value in values where value >= v { return value == v }
        return false
    }

    /// Whether `character` is one scalar, and that scalar is in the set (as a `Set<Character>`
    /// of these scalars would answer).
    func contains(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return contains(first)
    }
}

extension String {
    /// Without the scalars of `set` at either end, as Foundation's
    /// `trimmingCharacters(in:)` trims a `CharacterSet` of them, without bridging to
    /// `NSString` (which costs microseconds a call on Linux: this runs on every short line
    /// that opens with a marker, and on header fields).
    ///
    /// ```swift
    /// "| 第１会議室 |".trimmingCharacters(in: ["|", " "] as ScalarSet)   // "第１会議室"
    /// ```
    func trimmingCharacters(in set: ScalarSet) -> String {
        String(self[...].trimmingScalars(where: set.contains))
    }
}
