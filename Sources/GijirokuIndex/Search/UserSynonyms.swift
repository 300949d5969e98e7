import Foundation
import Gijiroku

/// A user's own word variants: a file in the format of the shipped `words.variants`, by
/// default `synonyms.txt` beside the index, read at each search (no rebuilding). Its groups
/// join the shipped ones; a group that names a shipped form extends that group.
///
/// ```swift
/// let user = UserSynonyms(path: UserSynonyms.defaultPath(besideIndex: db))
/// _ = try user.add(["児童クラブ", "学童"])
/// let words = try WordVariants.shipped.adding(user.load().groups)
/// ```
public struct UserSynonyms: Sendable {
    /// The file.
    public let path: String

    public init(path: String) { self.path = path }

    /// `synonyms.txt` in the folder of the index at `db`.
    public static func defaultPath(besideIndex db: String) -> String {
        ((db as NSString).deletingLastPathComponent as NSString).appendingPathComponent("synonyms.txt")
    }

    /// Why the file could not be used.
    public enum FileError: Error, Sendable, Hashable {
        /// There is no file at the path (only an error when the path was asked for).
        case missing(path: String)
        /// The file exists but cannot be read, or is not UTF-8.
        case unreadable(path: String, reason: String)
        /// Writing the file failed; it is unchanged.
        case unwritable(path: String, reason: String)
        /// A group that cannot be added, and why.
        case invalid(WordVariants.Problem.Reason)
        /// Every form is already in one group.
        case alreadyGrouped(forms: [String], group: WordVariants.Group)
        /// No group of the user's file holds the form.
        case notFound(form: String, shipped: WordVariants.Group?)
    }

    /// What the file holds: its groups and the lines that were not used. A missing file
    /// holds nothing.
    /// - Throws: ``FileError`` `.unreadable` when the file exists and cannot be read as UTF-8.
    public func load() throws(FileError) -> (groups: [WordVariants.Group], problems: [WordVariants.Problem]) {
        guard let text = try read() else { return ([], []) }
        return WordVariants.parse(text, file: path)
    }

    /// The file's text, or `nil` when there is no file.
    private func read() throws(FileError) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: path, reason: "not UTF-8 text") }
        return text
    }

    /// Adds a group of `forms` as a line of its own; returns the group as the search will
    /// read it (merged with the shipped or user group it shares a form with).
    /// - Throws: ``FileError`` `.invalid` for forms that cannot be a group (one form, a
    ///   one-kana form …), `.alreadyGrouped` when they already are one group.
    public func add(_ forms: [String], to variants: WordVariants) throws(FileError) -> WordVariants.Group {
        if let reason = WordVariants.check(forms) { throw .invalid(reason) }
        let groups = Set(forms.compactMap { variants.group(of: $0) })
        if groups.count == 1, let group = groups.first, forms.allSatisfy({ variants.group(of: $0) == group }) {
            throw .alreadyGrouped(forms: forms, group: group)
        }
        var text = try read() ?? Self.header
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += forms.joined(separator: " ") + "\n"
        try write(text)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return variants.adding([WordVariants.Group(forms: forms, file: path, line: line)]).group(of: forms[0])
            ?? WordVariants.Group(forms: forms, file: path, line: line)
    }

    /// Removes every line of the file whose group holds `form`; returns the groups removed.
    /// - Throws: ``FileError`` `.notFound` when no user group holds it (with the shipped
    ///   group that does, if any: shipped groups are not removed; `search --exact` searches
    ///   without them).
    public func remove(_ form: String) throws(FileError) -> [WordVariants.Group] {
        let key = WordVariants.key(form)
        guard let text = try read() else { throw .notFound(form: form, shipped: WordVariants.shipped.group(of: form)) }
        let (groups, _) = WordVariants.parse(text, file: path)
        let removed = groups.filter { $0.forms.contains { WordVariants.key($0) == key } }
        guard !removed.isEmpty else { throw .notFound(form: form, shipped: WordVariants.shipped.group(of: form)) }
        let dropped = Set(removed.map(\.line))
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !dropped.contains($0.offset + 1) }.map(\.element).joined(separator: "\n")
        try write(kept)
        return removed
    }

    /// Writes the whole file at once (a temporary file renamed over it): a failed write
    /// leaves the old file as it was.
    private func write(_ text: String) throws(FileError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// The first lines of a new file.
    static let header = """
        # Gijiroku: your own word variants (表記ゆれ), one group a line, forms separated by spaces.
        # Read at each search with the shipped groups; `gijiroku synonyms add|remove` edits this file.

        """
}
