import Foundation
import Testing
import GijirokuIndex
@testable import GijirokuSite

/// The search shards hold the index's tokens with FTS5's positions: what the browser's
/// phrase matching relies on. (That the browser then finds what `gijiroku search` finds is
/// checked in Chromium: Tests/Browser/site_browser_test.py.)
@Suite("SearchData: tokens, positions and prefixes as the index has them")
struct SearchDataTests {
    static func snapshot(_ bodies: [String]) -> ArchiveSnapshot {
        let elements = bodies.enumerated().map { i, body in
            ArchiveSnapshot.Element(id: i + 1, documentID: 1, kind: "explanation", lines: .init(start: i + 1, end: i + 1),
                                    body: body, lengthCode: 10)
        }
        return ArchiveSnapshot(documents: [], elements: elements, links: [], rowCount: elements.count, averageLength: 10)
    }

    /// Each token's elements and positions, decoded.
    static func decoded(_ data: SearchData) -> [String: [(id: Int, positions: [Int])]] {
        var out: [String: [(Int, [Int])]] = [:]
        for t in data.tokens {
            var r = 0, id = 0, p = 0
            func varint(_ bytes: [UInt8]) -> Int {
                var v = 0, shift = 0
                while true { let b = bytes[r]; r += 1; v |= Int(b & 0x7F) << shift; shift += 7; if b < 0x80 { return v } }
            }
            var ids: [Int] = []
            for _ in 0..<t.count { id += varint(t.documents); ids.append(id); _ = varint(t.documents) }
            r = 0
            var list: [(Int, [Int])] = []
            for id in ids {
                guard t.positional else { list.append((id, [])); continue }
                let n = varint(t.positions); p = 0
                list.append((id, (0..<n).map { _ in p += varint(t.positions); return p }))
            }
            out[String(decoding: t.key, as: UTF8.self)] = list
        }
        return out
    }

    @Test("bigrams at consecutive positions, the run's last character colocated, Latin words whole")
    func positions() {
        let data = SearchData(snapshot: Self.snapshot(["市長指示、ＡＩ活用", "髙橋"]))
        let tokens = Self.decoded(data)
        #expect(tokens["市長"]?.first?.positions == [0])
        #expect(tokens["長指"]?.first?.positions == [1])
        #expect(tokens["指示"]?.first?.positions == [2])
        #expect(tokens["示"]?.first?.positions == [2])          // colocated with 指示
        #expect(tokens["ai"]?.first?.positions == [3])          // width and case folded
        #expect(tokens["活用"]?.first?.positions == [4])
        #expect(tokens["高橋"]?.map(\.id) == [2])               // character variants folded
    }

    @Test("a one-character prefix counts every token starting with it, without positions")
    func prefixes() {
        let data = SearchData(snapshot: Self.snapshot(["市長と市", "都市"]))
        let tokens = Self.decoded(data)
        // 市長, 市 (the run's last character, colocated) in the first; 市 alone in the second.
        #expect(tokens["市*"]?.map(\.id) == [1, 2])
        #expect(data.tokens.first { $0.key == Array("市*".utf8) }?.positional == false)
        let first = data.tokens.first { $0.key == Array("市*".utf8) }!
        #expect(first.documents[1] == 2)   // term frequency 2 in the first element
    }

    @Test("the shard of a token is FNV-1a of its UTF-8 bytes (the script computes the same)")
    func hash() {
        #expect(SearchData.hash(Array("a".utf8)) == 0xE40C_292C)
        #expect(SearchData.hash([]) == 0x811C_9DC5)
    }
}
