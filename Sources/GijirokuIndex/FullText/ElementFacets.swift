import Foundation

/// What a search may filter on, per element, kept beside the full-text index like
/// ``ElementLengths``: the element's kind and its document's date, three bytes an element
/// (the kind code, then the date as days since 1900-01-01, 0 for none, little-endian). A
/// search filtered by kind or date reads them once (about 1 MB for 300 000 elements) and
/// the ranking function tests each match from memory, instead of joining every match to
/// its element and document rows.
///
/// Stored in `element_facets`, 2 048 elements to a row, as the lengths are.
///
/// ```swift
/// ElementFacets.day(of: "2020-01-01")                  // 43 829
/// ElementFacets.codes(kind: 1, date: "2020-01-01")     // [1, 53, 171]
/// ```
enum ElementFacets {
    static let width = 3
    static let table = ChunkedElementBytes(table: "element_facets", column: "facets", width: width)

    /// Days since 1900-01-01 of an ISO date (`2020-01-01`), or 0 when there is none or it
    /// cannot be read.
    static func day(of iso: String?) -> UInt16 {
        guard let iso, iso.utf8.count == 10 else { return 0 }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1900...2078).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return 0 }
        // Days from the civil calendar (Howard Hinnant's algorithm), then from 1900-01-01.
        func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
            let y = m <= 2 ? y0 - 1 : y0
            let era = y / 400
            let yoe = y - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146_097 + doe
        }
        return UInt16(days(parts[0], parts[1], parts[2]) - days(1900, 1, 1) + 1)
    }

    /// The three bytes of one element.
    static func codes(kind: Int, date: String?) -> [UInt8] {
        var out: [UInt8] = []
        append(kind: kind, day: day(of: date), to: &out)
        return out
    }

    /// Appends the three bytes of an element of `kind` whose document's date is `day`.
    static func append(kind: Int, day: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(kind & 0xFF))
        bytes.append(UInt8(day & 0xFF))
        bytes.append(UInt8(day >> 8))
    }

    /// The kind code of element `id` in `facets`, or nil when it has none stored.
    @inline(__always)
    static func kind(_ facets: [UInt8], _ id: Int) -> Int? {
        let at = id * width
        return at + 2 < facets.count ? Int(facets[at]) : nil
    }

    /// The day of element `id` in `facets` (0: no date).
    @inline(__always)
    static func day(_ facets: [UInt8], _ id: Int) -> UInt16 {
        let at = id * width
        return at + 2 < facets.count ? UInt16(facets[at + 1]) | UInt16(facets[at + 2]) << 8 : 0
    }

    /// Fills the table from the stored elements (an index made before it existed).
    static func rebuild(in database: Database) throws(IndexError) {
        try table.rebuild(in: database, sql: """
            SELECT e.id, e.style & \(IndexedElement.kindMask), d.date FROM elements e JOIN documents d ON d.id = e.document_id ORDER BY e.id
            """) { s in codes(kind: s.int(1) ?? 0, date: s.string(2)) }
    }
}

/// Per-element bytes of a fixed width, stored 2 048 elements to a row of `table` (`chunk =
/// id >> 11`): the storage ``ElementLengths`` and ``ElementFacets`` share.
struct ChunkedElementBytes: Sendable {
    static let chunkBits = 11
    static let chunkSize = 1 << chunkBits
    let table: String
    let column: String
    /// Bytes per element.
    let width: Int

    /// Records the bytes of consecutive elements, the first with id `first`.
    /// `statement` prepares SQL (or returns a statement prepared before).
    func store(_ bytes: [UInt8], from first: Int64, statement: (String) throws(IndexError) -> Statement) throws(IndexError) {
        guard !bytes.isEmpty else { return }
        let read = try statement("SELECT \(column) FROM \(table) WHERE chunk = ?1")
        let write = try statement("INSERT OR REPLACE INTO \(table)(chunk, \(column)) VALUES (?1, ?2)")
        let count = bytes.count / width
        var id = first
        var k = 0
        while k < count {
            let chunk = id >> Self.chunkBits
            var row = try read.firstRow([chunk]) { Array($0.bytes(0)) } ?? []
            let offset = Int(id & Int64(Self.chunkSize - 1))
            let n = min(count - k, Self.chunkSize - offset)
            if row.count < (offset + n) * width { row.append(contentsOf: repeatElement(0, count: (offset + n) * width - row.count)) }
            row.replaceSubrange(offset * width..<(offset + n) * width, with: bytes[k * width..<(k + n) * width])
            try write.run([chunk, row])
            id += Int64(n)
            k += n
        }
    }

    /// Every stored byte, indexed by element id × width (0 where an id has none).
    func load(from database: Database) throws(IndexError) -> [UInt8] {
        let s = try database.prepare("SELECT chunk, \(column) FROM \(table) ORDER BY chunk")
        try s.bind([])
        var all: [UInt8] = []
        while try s.step() {
            let start = ((s.int(0) ?? 0) << Self.chunkBits) * width
            let bytes = s.bytes(1)
            if all.count < start { all.append(contentsOf: repeatElement(0, count: start - all.count)) }
            if all.count < start + bytes.count { all.append(contentsOf: repeatElement(0, count: start + bytes.count - all.count)) }
            all.replaceSubrange(start..<start + bytes.count, with: bytes)
        }
        return all
    }

    /// Fills the table from `sql` (element ids in its first column, in order), each row's
    /// bytes from `bytes`.
    func rebuild(in database: Database, sql: String, bytes: (Statement) -> [UInt8]) throws(IndexError) {
        try database.execute("DELETE FROM \(table)")
        var prepared: [String: Statement] = [:]
        func statement(_ sql: String) throws(IndexError) -> Statement {
            if let s = prepared[sql] { return s }
            let s = try database.prepare(sql)
            prepared[sql] = s
            return s
        }
        let s = try database.prepare(sql)
        try s.bind([])
        var first: Int64 = -1
        var run: [UInt8] = []
        while try s.step() {
            let id = Int64(s.int(0) ?? 0)
            if first < 0 { first = id }
            if id != first + Int64(run.count / width) {
                try store(run, from: first, statement: statement)
                first = id
                run = []
            }
            run += bytes(s)
        }
        try store(run, from: first, statement: statement)
    }
}
