/// Width and spacing normalisation for matching; the text shown to users stays as written.
///
/// Full-width ASCII becomes ASCII (`２０１８` → `2018`, `ＰＴ` → `PT`), the ideographic
/// space becomes a space, wave dashes become `~`, and half-width katakana become
/// full-width. Numbering markers (`⑴`, `①`) are left alone: recognise them first.
///
/// ```swift
/// WidthFolding.fold("平成３０年１１月１６日")      // "平成30年11月16日"
/// WidthFolding.compact("＜ 議 題 説 明 ①＞")      // "<議題説明①>"
/// ```
package enum WidthFolding {
    /// Folds width; keeps spaces.
    package static func fold<S: StringProtocol>(_ text: S) -> String { folded(text, keepingSpaces: true) }

    /// Folds width and removes all white space: for matching spaced-out labels.
    package static func compact<S: StringProtocol>(_ text: S) -> String { folded(text, keepingSpaces: false) }

    private static func folded<S: StringProtocol>(_ text: S, keepingSpaces: Bool) -> String {
        // Folding never lengthens a scalar's UTF-8 form, so the text's byte count is enough.
        text.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { fold(bytes, into: $0.baseAddress!, keepingSpaces: keepingSpaces) }
        }
    }

    /// Calls `body` with the compacted (folded, white space removed) form of UTF-8 `bytes`,
    /// built in a temporary buffer: label matching without a string per line.
    static func withCompacted<R>(_ bytes: UTF8Bytes, _ body: (UTF8Bytes) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
            let n = fold(bytes, into: buffer.baseAddress!, keepingSpaces: false)
            return body(UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Writes the folded form of valid UTF-8 `bytes` to `out` (at least as long); returns its length.
    private static func fold(_ bytes: UTF8Bytes, into out: UnsafeMutablePointer<UInt8>, keepingSpaces: Bool) -> Int {
        var i = 0, n = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if keepingSpaces || !(b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0D) { out[n] = b; n += 1 }
                i += 1
                continue
            }
            let (scalar, width) = bytes.scalar(at: i)
            defer { i += width }
            if !keepingSpaces, SourceLine.isSpace(scalar) { continue }
            let folded = fold(scalar)
            if folded == scalar {
                for k in 0..<width { out[n + k] = bytes[i + k] }
                n += width
            } else {
                for byte in UTF8.encode(folded)! { out[n] = byte; n += 1 }
            }
        }
        return n
    }

    /// Folds one scalar.
    @inline(__always) public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        switch v {
        case 0xFF01...0xFF5E: return Unicode.Scalar(v - 0xFEE0)!
        case 0x3000: return " "
        case 0x301C, 0xFF5E, 0x2053: return "~"
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: return "-"
        case 0xFF61...0xFF9F: return halfWidthKana[Int(v - 0xFF61)]
        default: return s
        }
    }

    // U+FF61…U+FF9F mapped to their full-width forms (voiced marks as separate full-width marks).
    private static let halfWidthKana: [Unicode.Scalar] = Array(
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"
            .unicodeScalars)
}
