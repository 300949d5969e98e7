import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesKnownVectors(_ input: String, _ hex: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == hex)
    }

    @Test func handlesInputsAcrossBlockBoundaries() {
        // One million 'a' (FIPS 180-2 test vector).
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func portableDigestMatchesKnownVectors() {
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(million.withUnsafeBytes { SHA256.portableDigest(of: $0) } == SHA256.digest(of: million))
        let abc = Array("abc".utf8).withUnsafeBytes { SHA256.portableDigest(of: $0) }
        #expect(abc.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
    }

    @Test(.enabled(if: SHA256.systemSHA256 != nil, "libcrypto is not loadable here: only the portable digest is in use"))
    func systemAndPortableDigestsAgreeOnEveryLength() {
        var generator = SeededGenerator()
        for length in Array(0...200) + [1_000, 4_095, 4_096, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let portable = bytes.withUnsafeBytes { SHA256.portableDigest(of: $0) }
            #expect(SHA256.digest(of: bytes) == portable, "length \(length) (seed \(generator.seed))")
        }
    }
}
