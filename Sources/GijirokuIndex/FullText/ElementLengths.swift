import Foundation

/// Every element's length in characters, one byte per element, kept beside the full-text
/// index so that ranking a match needs no lookup: a search reads all of them once (about
/// 300 KB for 300 000 elements) and BM25 takes each match's length from memory.
///
/// A byte is a logarithmic code, 20 steps to a doubling (each step 3.5 %), so it covers
/// lengths up to about 6 900 characters. The bytes are stored in `element_lengths`, 2 048
/// elements to a row (`chunk = id >> 11`, the byte at `id & 2047`: two rows to a database
/// page, none overflowing). Element ids are plain sequence numbers, which keeps the
/// full-text index's row-id deltas small.
///
/// ```swift
/// ElementLengths.code(for: 100)     // 133
/// ElementLengths.length(of: 133)    // ≈ 100.4
/// ```
enum ElementLengths {
    static let chunkBits = 11
    static let chunkSize = 1 << chunkBits
    static let stepsPerDoubling = 20.0

    /// The code of a length in characters.
    static func code(for length: Int) -> UInt8 {
        guard length > 1 else { return 0 }
        return UInt8(min(255, (log2(Double(length)) * stepsPerDoubling).rounded()))
    }

    /// The length a code stands for.
    static func length(of code: UInt8) -> Double { lengths[Int(code)] }

    private static let lengths: [Double] = (0...255).map { pow(2, Double($0) / stepsPerDoubling) }

    /// Records the lengths of consecutive elements, the first with id `first`.
    /// `statement` prepares SQL (or returns a statement prepared before).
    static func store(_ codes: [UInt8], from first: Int64, statement: (String) throws(IndexError) -> Statement) throws(IndexError) {
        guard !codes.isEmpty else { return }
        let read = try statement("SELECT lengths FROM element_lengths WHERE chunk = ?1")
        let write = try statement("INSERT OR REPLACE INTO element_lengths(chunk, lengths) VALUES (?1, ?2)")
        var id = first
        var k = 0
        while k < codes.count {
            let chunk = id >> chunkBits
            var bytes = try read.firstRow([chunk]) { Array($0.bytes(0)) } ?? []
            let offset = Int(id & Int64(chunkSize - 1))
            let n = min(codes.count - k, chunkSize - offset)
            if bytes.count < offset + n { bytes.append(contentsOf: repeatElement(0, count: offset + n - bytes.count)) }
            bytes.replaceSubrange(offset..<offset + n, with: codes[k..<k + n])
            try write.run([chunk, bytes])
            id += Int64(n)
            k += n
        }
    }

    /// Every stored code, indexed by element id (0 where an id has none).
    static func load(from database: Database) throws(IndexError) -> [UInt8] {
        let s = try database.prepare("SELECT chunk, lengths FROM element_lengths ORDER BY chunk")
        try s.bind([])
        var all: [UInt8] = []
        while try s.step() {
            let start = (s.int(0) ?? 0) << chunkBits
            let bytes = s.bytes(1)
            if all.count < start { all.append(contentsOf: repeatElement(0, count: start - all.count)) }
            all.replaceSubrange(start..<min(all.count, start + bytes.count), with: bytes)
        }
        return all
    }

    /// Fills the table from the stored elements (an index made before it existed).
    static func rebuild(in database: Database) throws(IndexError) {
        try database.execute("DELETE FROM element_lengths")
        var prepared: [String: Statement] = [:]
        func statement(_ sql: String) throws(IndexError) -> Statement {
            if let s = prepared[sql] { return s }
            let s = try database.prepare(sql)
            prepared[sql] = s
            return s
        }
        let s = try database.prepare("SELECT id, length(body) FROM elements ORDER BY id")
        try s.bind([])
        var first: Int64 = -1
        var codes: [UInt8] = []
        while try s.step() {
            let id = Int64(s.int(0) ?? 0)
            if first < 0 { first = id }
            if id != first + Int64(codes.count) {
                try store(codes, from: first, statement: statement)
                first = id
                codes = []
            }
            codes.append(code(for: s.int(1) ?? 0))
        }
        try store(codes, from: first, statement: statement)
    }
}
