/// A user-facing text: a key of the catalogue and the values of its placeholders.
///
/// Library errors and warnings are values; the words are made here, in the language a
/// person reads, from one catalogue (``Catalogue``).
///
/// ```swift
/// let m = Message(.inputEmpty)
/// m.text(in: .japanese)   // "空のファイルです（本文がありません）"
/// Message(.usageMissingValue, ["option": "--db"]).text(in: .english)   // "--db needs a value"
/// ```
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// Which text.
    public var key: MessageKey
    /// The values of the text's `{name}` placeholders.
    public var arguments: [String: String]

    public init(_ key: MessageKey, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// The text in `language`, placeholders filled.
    public func text(in language: Language) -> String {
        Catalogue.template(key, in: language).filled(arguments)
    }

    /// The Japanese text (records and logs that are not addressed to a person keep Japanese).
    public var description: String { text(in: .japanese) }
}

extension String {
    /// The template with each `{name}` replaced by `arguments[name]` (left as written when
    /// absent), and each `{name|one|other}` by `one` when `arguments[name]` is `1`, else by
    /// `other`: the English catalogue's plurals.
    ///
    /// ```swift
    /// "{n} {n|meeting|meetings}".filled(["n": "1"])   // "1 meeting"
    /// "{n} {n|meeting|meetings}".filled(["n": "3"])   // "3 meetings"
    /// ```
    func filled(_ arguments: [String: String]) -> String {
        guard !arguments.isEmpty else { return self }
        var template = self
        // On UTF-8 bytes: `{` and `}` are ASCII, so they never fall inside a character. The
        // text between placeholders is copied a run at a time (a parse that warns often
        // fills a message for each warning).
        return template.withUTF8 { bytes in
            guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var i = 0
            while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<open]))
                guard open < bytes.count else { break }
                guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...]))
                    break
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                if let value = arguments[name] {
                    out += value.utf8
                } else if name.contains("|") {
                    let parts = name.split(separator: "|", omittingEmptySubsequences: false)
                    if parts.count == 3, let value = arguments[String(parts[0])] {
                        out += (value == "1" ? parts[1] : parts[2]).utf8
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...close]))
                    }
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...close]))
                }
                i = close + 1
                open = bytes[i...].firstIndex(of: UInt8(ascii: "{")) ?? bytes.count
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The names of the `{name}` placeholders in a template, in order (a plural's,
    /// `{name|one|other}`, as `name`).
    public var placeholders: [String] {
        var names: [String] = []
        var rest = self[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inside = rest[rest.index(after: open)..<close]
            names.append(String(inside.prefix { $0 != "|" }))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
