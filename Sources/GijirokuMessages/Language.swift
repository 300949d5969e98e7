/// The language of everything Gijiroku says to a person: Japanese or English.
///
/// Chosen from the environment as POSIX programs choose theirs: `GIJIROKU_LANG` (`ja` or
/// `en`) forces it; otherwise the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set
/// decides (Japanese when it starts with `ja`); with none set, English.
///
/// ```swift
/// Language(environment: ["LANG": "ja_JP.UTF-8"])      // .japanese
/// Language(environment: ["GIJIROKU_LANG": "en"])       // .english
/// ```
public enum Language: String, Sendable, Hashable, CaseIterable {
    case japanese = "ja"
    case english = "en"

    /// The language the environment asks for.
    public init(environment: [String: String]) {
        if let forced = environment["GIJIROKU_LANG"].flatMap(Language.init(rawValue:)) {
            self = forced
            return
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            self = value.hasPrefix("ja") ? .japanese : .english
            return
        }
        self = .english
    }
}
