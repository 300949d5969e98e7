#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 (FIPS 180-4), so that every record can name the exact bytes it came from
/// without a package dependency.
///
/// When the system's `libcrypto` (OpenSSL 3) can be loaded, its `SHA256_Init`/`Update`/
/// `Final`, which use the processor's SHA instructions where there are any, compute the
/// digest (several times faster here); otherwise the portable implementation below does.
/// Both give the same bytes.
///
/// ```swift
/// SHA256.hex(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
package enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `bytes` as 64 lowercase hex digits.
    package static func hex<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest(of: bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 32-byte digest of `message`.
    package static func digest<Bytes: Collection>(of message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = message.withContiguousStorageIfAvailable({ digest(of: UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(message).withUnsafeBytes { digest(of: $0) }
    }

    private static func digest(of message: UnsafeRawBufferPointer) -> [UInt8] {
        guard let system = systemSHA256 else { return portableDigest(of: message) }
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBufferPointer { md in
            // OpenSSL's SHA256_CTX is 112 bytes; room to spare, aligned for its words.
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { context in
                let context = UnsafeMutableRawPointer(context.baseAddress!)
                _ = system.initialize(context)
                _ = system.update(context, message.baseAddress, message.count)
                _ = system.finish(md.baseAddress, context)
            }
        }
        return out
    }

    /// OpenSSL's `SHA256_Init`, `SHA256_Update` and `SHA256_Final`. Not the one-shot
    /// `SHA256`: in OpenSSL 3 that looks the algorithm up by name on every call, which
    /// costs more than hashing a page of minutes.
    struct SystemFunctions: Sendable {
        typealias Initialize = @convention(c) (UnsafeMutableRawPointer?) -> Int32
        typealias Update = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int32
        typealias Finish = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutableRawPointer?) -> Int32
        let initialize: Initialize
        let update: Update
        let finish: Finish
    }

    /// The system's SHA-256, looked up once; nil where `libcrypto` is absent or
    /// `GIJIROKU_PORTABLE_SHA256` is set.
    static let systemSHA256: SystemFunctions? = {
        guard getenv("GIJIROKU_PORTABLE_SHA256") == nil else { return nil }
        for name in ["libcrypto.so.3", "libcrypto.3.dylib"] {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL),
                  let initialize = dlsym(library, "SHA256_Init"), let update = dlsym(library, "SHA256_Update"),
                  let finish = dlsym(library, "SHA256_Final") else { continue }
            return SystemFunctions(initialize: unsafeBitCast(initialize, to: SystemFunctions.Initialize.self),
                                   update: unsafeBitCast(update, to: SystemFunctions.Update.self),
                                   finish: unsafeBitCast(finish, to: SystemFunctions.Finish.self))
        }
        return nil
    }()

    /// The digest computed in Swift, whatever the system has.
    static func portableDigest(of message: UnsafeRawBufferPointer) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let fullBlocks = message.count / 64
        // The tail: the last partial block, the 0x80 marker, zeros and the bit length (one or two blocks).
        var tail = [UInt8](message[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        h.withUnsafeMutableBufferPointer { state in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                k.withUnsafeBufferPointer { k in
                    if let base = message.baseAddress {
                        for block in 0..<fullBlocks { compress(base + block * 64, state, w, k) }
                    }
                    tail.withUnsafeBytes { t in
                        for block in 0..<(t.count / 64) { compress(t.baseAddress! + block * 64, state, w, k) }
                    }
                }
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in h {
            out += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
        return out
    }

    @inline(__always)
    private static func compress(_ p: UnsafeRawPointer, _ h: UnsafeMutableBufferPointer<UInt32>,
                                 _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 {
            w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        // One round; eight at a time with the variables' roles rotated instead of moved.
        @inline(__always) func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                                     _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ i: Int) {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            d = d &+ t1
            h = t1 &+ t2
        }
        for i in stride(from: 0, to: 64, by: 8) {
            round(a, b, c, &d, e, f, g, &hh, i)
            round(hh, a, b, &c, d, e, f, &g, i + 1)
            round(g, hh, a, &b, c, d, e, &f, i + 2)
            round(f, g, hh, &a, b, c, d, &e, i + 3)
            round(e, f, g, &hh, a, b, c, &d, i + 4)
            round(d, e, f, &g, hh, a, b, &c, i + 5)
            round(c, d, e, &f, g, hh, a, &b, i + 6)
            round(b, c, d, &e, f, g, hh, &a, i + 7)
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
}
