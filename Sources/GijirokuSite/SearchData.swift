import Foundation
import Gijiroku
import GijirokuIndex

/// The static site's search data: the index's tokens, split into shards so that a query
/// loads only the shards of its own tokens.
///
/// Every element is tokenized exactly as the index tokenizes it (``JapaneseTokens``:
/// bigrams, a run's last character colocated, Latin words, variants folded), with the
/// positions FTS5 gives the tokens. Each token's postings go to shard `hash(token) % count`:
/// - `t/N.js`: for each token, its elements (id delta, term frequency): what a one-token
///   query and BM25 need (the elements' lengths are one table, `lengths.js`);
/// - `q/N.js`: for each token, each element's positions: what a phrase needs.
///
/// A one-character Japanese word is an FTS5 prefix query (`"市"*`): its postings are the
/// token `市*`, every token starting with 市 counted together (no positions).
///
/// ```swift
/// let data = SearchData(snapshot: snapshot)
/// data.shardCount                       // 64
/// data.postingsShard(3)                 // bytes: varint-coded entries, token by token
/// ```
struct SearchData {
    /// Postings of one token.
    struct Postings {
        var key: [UInt8]
        var documents: [UInt8] = []
        var positions: [UInt8] = []
        var lastElement = 0
        var count = 0
        /// Whether positions are kept (not for the `c*` prefix tokens).
        var positional: Bool
    }

    private(set) var tokens: [Postings] = []
    let shardCount: Int

    /// Tokenizes every element of `snapshot`.
    init(snapshot: ArchiveSnapshot, characters: CharacterVariants = .shipped) {
        var short: [UInt64: Int] = [:]
        var long: [[UInt8]: Int] = [:]
        var tokens: [Postings] = []
        func id(of bytes: UnsafeBufferPointer<UInt8>, suffix: UInt8? = nil) -> Int {
            let length = bytes.count + (suffix == nil ? 0 : 1)
            if length <= 8 {
                var packed: UInt64 = 0
                for b in bytes { packed = packed << 8 | UInt64(b) }
                if let suffix { packed = packed << 8 | UInt64(suffix) }
                if let found = short[packed] { return found }
                short[packed] = tokens.count
            } else {
                let key = Array(bytes) + (suffix.map { [$0] } ?? [])
                if let found = long[key] { return found }
                long[key] = tokens.count
            }
            tokens.append(Postings(key: Array(bytes) + (suffix.map { [$0] } ?? []), positional: suffix == nil))
            return tokens.count - 1
        }
        var occurrences: [(token: Int, position: Int)] = []
        for element in snapshot.elements {
            occurrences.removeAll(keepingCapacity: true)
            var position = -1
            var body = element.body
            body.withUTF8 { text in
                JapaneseTokens.tokenize(text, forIndex: true, characters: characters) { token, _, _, colocated in
                    if !colocated { position += 1 }
                    occurrences.append((id(of: token), position))
                    // A Japanese token (its characters are all U+3005 or above: three UTF-8 bytes
                    // or four) also counts for the prefix of its first character.
                    if token[0] >= 0xE0 {
                        let first = Self.firstScalarLength(token)
                        occurrences.append((id(of: UnsafeBufferPointer(rebasing: token[0..<first]), suffix: UInt8(ascii: "*")), -1))
                    }
                    return true
                }
            }
            occurrences.sort { $0.token != $1.token ? $0.token < $1.token : $0.position < $1.position }
            var i = 0
            while i < occurrences.count {
                let t = occurrences[i].token
                var j = i
                while j < occurrences.count, occurrences[j].token == t { j += 1 }
                let frequency = j - i
                Varint.append(element.id - tokens[t].lastElement, to: &tokens[t].documents)
                Varint.append(frequency, to: &tokens[t].documents)
                if tokens[t].positional {
                    Varint.append(frequency, to: &tokens[t].positions)
                    var previous = 0
                    for k in i..<j {
                        Varint.append(occurrences[k].position - previous, to: &tokens[t].positions)
                        previous = occurrences[k].position
                    }
                }
                tokens[t].lastElement = element.id
                tokens[t].count += 1
                i = j
            }
        }
        self.tokens = tokens
        // About 16 KB of postings per shard, a power of two so that a token's shard is its hash's low bits.
        let total = tokens.reduce(0) { $0 + $1.documents.count + $1.key.count + 8 }
        var count = 16
        while count * 16_384 < total { count *= 2 }
        shardCount = count
    }

    /// The element kinds in the order their codes are written (the site's search script reads the same list).
    static let kinds = SearchQuery.Kind.allCases.map(\.rawValue)

    private static func firstScalarLength(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        switch token[0] {
        case 0xF0...: return min(4, token.count)
        case 0xE0...: return min(3, token.count)
        case 0xC0...: return min(2, token.count)
        default: return 1
        }
    }

    /// FNV-1a over the token's UTF-8 bytes: the shard is its low bits (the script computes the same).
    static func hash(_ key: [UInt8]) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in key { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    /// Each shard's tokens, in key order.
    func shards() -> [[Int]] {
        var shards = [[Int]](repeating: [], count: shardCount)
        for (i, t) in tokens.enumerated() { shards[Int(Self.hash(t.key) & UInt32(shardCount - 1))].append(i) }
        return shards.map { $0.sorted { tokens[$0].key.lexicographicallyPrecedes(tokens[$1].key) } }
    }

    /// A postings shard: for each token, `len key`, `count`, `len documents`, documents.
    func postingsShard(_ members: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for i in members {
            let t = tokens[i]
            Varint.append(t.key.count, to: &out); out += t.key
            Varint.append(t.count, to: &out)
            Varint.append(t.documents.count, to: &out); out += t.documents
        }
        return out
    }

    /// A positions shard: for each positional token, `len key`, `len positions`, positions
    /// (each element in postings order: its count, then position deltas).
    func positionsShard(_ members: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for i in members where tokens[i].positional {
            let t = tokens[i]
            Varint.append(t.key.count, to: &out); out += t.key
            Varint.append(t.positions.count, to: &out); out += t.positions
        }
        return out
    }
}

/// Unsigned LEB128, as the site's script reads it.
enum Varint {
    @inline(__always)
    static func append(_ value: Int, to out: inout [UInt8]) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }
}
