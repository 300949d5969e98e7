import Foundation
internal import CZlib

/// Reads files out of a ZIP archive (what a DOCX file is): the central directory, then the
/// entry, stored or deflated (inflated with the system's zlib).
///
/// ```swift
/// let xml = try ZipArchive(data).file(named: "word/document.xml")
/// ```
struct ZipArchive {
    enum Problem: Error, Equatable { case notZip, missing(String), unsupported(String), corrupt(String), tooLarge(Int) }

    private let data: [UInt8]
    private var entries: [String: (method: UInt16, compressed: Int, size: Int, offset: Int)] = [:]

    init(_ data: Data) throws(Problem) {
        self.data = [UInt8](data)
        guard self.data.count >= 22, self.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw .notZip }
        // The end-of-central-directory record is within the last 64 KiB + 22 bytes.
        var eocd = -1
        var i = self.data.count - 22
        let stop = max(0, self.data.count - 65_557)
        while i >= stop {
            if u32(i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw .corrupt("中央ディレクトリがありません") }
        let count = Int(u16(eocd + 10))
        var p = Int(u32(eocd + 16))
        for _ in 0..<count {
            guard p + 46 <= self.data.count, u32(p) == 0x0201_4B50 else { throw .corrupt("中央ディレクトリが壊れています") }
            let method = u16(p + 10)
            let compressed = Int(u32(p + 20)), size = Int(u32(p + 24))
            let nameLength = Int(u16(p + 28)), extra = Int(u16(p + 30)), comment = Int(u16(p + 32))
            let offset = Int(u32(p + 42))
            guard p + 46 + nameLength <= self.data.count else { throw .corrupt("名前が壊れています") }
            let name = String(decoding: self.data[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            entries[name] = (method, compressed, size, offset)
            p += 46 + nameLength + extra + comment
        }
    }

    /// The bytes of the entry `name`, at most `limit` of them (``InputLimits``): the sizes
    /// an archive declares are never trusted.
    func file(named name: String, limit: Int = InputLimits.standard.zipEntrySize) throws(Problem) -> Data {
        guard let e = entries[name] else { throw .missing(name) }
        guard e.offset + 30 <= data.count, u32(e.offset) == 0x0403_4B50 else { throw .corrupt(name) }
        let start = e.offset + 30 + Int(u16(e.offset + 26)) + Int(u16(e.offset + 28))
        guard start + e.compressed <= data.count else { throw .corrupt(name) }
        let raw = Array(data[start..<(start + e.compressed)])
        switch e.method {
        case 0:
            guard raw.count <= limit else { throw .tooLarge(limit) }
            return Data(raw)
        case 8: return try inflate(raw, limit: limit, name: name)
        default: throw .unsupported("圧縮方式 \(e.method)")
        }
    }

    /// Inflates in chunks, the output growing with what zlib actually produces, never sized by
    /// the declared size: a 147-byte entry that declares 4 GB costs 64 KB, and a bomb stops at `limit`.
    private func inflate(_ input: [UInt8], limit: Int, name: String) throws(Problem) -> Data {
        var stream = z_stream()
        guard gijiroku_inflate_init_raw(&stream) == Z_OK else { throw .corrupt(name) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var input = input
        var result: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while result == Z_OK, output.count <= limit {
                let produced = chunk.withUnsafeMutableBufferPointer { outBuf -> Int in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.avail_out)
                }
                output += chunk[0..<produced]
                // Nothing in, nothing out: the stream is cut short.
                if produced == 0, result == Z_OK, stream.avail_in == 0 { result = Z_BUF_ERROR }
            }
        }
        guard output.count <= limit else { throw .tooLarge(limit) }
        guard result == Z_STREAM_END else { throw .corrupt(name) }
        return Data(output)
    }

    private func u16(_ i: Int) -> UInt16 { UInt16(data[i]) | UInt16(data[i + 1]) << 8 }
    private func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
}
