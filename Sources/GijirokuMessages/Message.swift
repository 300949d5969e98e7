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
    /// The template with each `{name}` replaced by `arguments[name]` (left as written when absent).
    func filled(_ arguments: [String: String]) -> String {
        guard !arguments.isEmpty, contains("{") else { return self }
        var out = ""
        var rest = self[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// The names of the `{name}` placeholders in a template, in order.
    public var placeholders: [String] {
        var names: [String] = []
        var rest = self[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
