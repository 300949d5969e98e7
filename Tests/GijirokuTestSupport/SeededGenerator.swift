import Foundation

/// A reproducible random number generator for tests (SplitMix64), seeded from
/// `GIJIROKU_TEST_SEED` when set, otherwise from the clock; its ``seed`` belongs in every
/// expectation's message, so a failure can be replayed with `GIJIROKU_TEST_SEED=… swift test`.
///
/// ```swift
/// var random = SeededGenerator()
/// let n = Int.random(in: 0...9, using: &random)
/// #expect(check(n), "seed \(random.seed)")
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The seed this generator started from.
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64? = nil) {
        let chosen = seed
            ?? ProcessInfo.processInfo.environment["GIJIROKU_TEST_SEED"].flatMap { UInt64($0) }
            ?? UInt64(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds)
        self.seed = chosen
        self.state = chosen
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
