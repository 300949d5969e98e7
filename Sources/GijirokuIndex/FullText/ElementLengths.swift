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
    static let stepsPerDoubling = 20.0
    static let table = ChunkedElementBytes(table: "element_lengths", column: "lengths", width: 1)

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
        try table.store(codes, from: first, statement: statement)
    }

    /// Every stored code, indexed by element id (0 where an id has none).
    static func load(from database: Database) throws(IndexError) -> [UInt8] {
        try table.load(from: database)
    }

    /// Fills the table from the stored elements (an index made before it existed).
    static func rebuild(in database: Database) throws(IndexError) {
        try table.rebuild(in: database, sql: "SELECT id, length(body) FROM elements ORDER BY id") { [code(for: $0.int(1) ?? 0)] }
    }
}
