/// The message catalogue: every text Gijiroku says to a person, in Japanese and in English,
/// as templates with `{name}` placeholders. Both languages are complete and have the same
/// keys and placeholders (tested).
///
/// ```swift
/// Catalogue.template(.inputEmpty, in: .english)   // "the file is empty (no text)"
/// ```
public enum Catalogue {
    /// The template of `key` in `language`.
    public static func template(_ key: MessageKey, in language: Language) -> String {
        let table = language == .japanese ? japanese : english
        return table[key] ?? japanese[key] ?? key.rawValue
    }

    /// Every template of `language`, by key (for tests and tools).
    public static func templates(in language: Language) -> [MessageKey: String] {
        language == .japanese ? japanese : english
    }
}
