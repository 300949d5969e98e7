import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct ControlByteTests {
    /// The reference: one byte at a time.
    func reference(_ bytes: [UInt8]) -> (Int, Bool) {
        (bytes.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count, bytes.contains(0))
    }

    @Test func eightBytesAtATimeCountsAsOneByteAtATime() {
        var generator = SeededGenerator()
        for length in Array(0...40) + [255, 1_000] {
            for _ in 0..<20 {
                // Mostly text-like bytes, with control bytes, high bytes and NULs mixed in.
                let bytes = (0..<length).map { _ -> UInt8 in
                    switch UInt8.random(in: 0...9, using: &generator) {
                    case 0: return UInt8.random(in: 0...0x1F, using: &generator)
                    case 1: return UInt8.random(in: 0x80...0xFF, using: &generator)
                    default: return UInt8.random(in: 0x20...0x7F, using: &generator)
                    }
                }
                let found = bytes.withUnsafeBufferPointer(TextDecoder.controlBytes)
                let expected = reference(bytes)
                #expect(found.count == expected.0 && found.nul == expected.1, "\(bytes) (seed \(generator.seed))")
            }
        }
    }
}
