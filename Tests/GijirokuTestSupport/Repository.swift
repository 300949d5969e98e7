import Foundation

/// Paths of the repository, its corpus and the shared real documents, found from this file,
/// and the corpus lists parameterised tests run over.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let corpus = root.appendingPathComponent("Corpus")
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    public static let reference = shared.appendingPathComponent("reference")

    /// Whether `../shared/reference` is there (it is in CI and on developer machines, not in a bare clone).
    public static var hasReference: Bool { FileManager.default.fileExists(atPath: reference.path) }

    /// The names of the files of a corpus folder with one of the extensions, sorted.
    ///
    /// Never empty: a folder that is missing or holds no such file gives one name that
    /// says so, so the parameterised test that runs over the list fails on it instead of
    /// passing with no case.
    public static func corpusFiles(_ folder: String, extensions: Set<String>) -> [String] {
        let dir = corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let found = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
        return found.isEmpty ? ["(no \(extensions.sorted().joined(separator: "/")) file in Corpus/\(folder))"] : found
    }

    /// The text inputs of a corpus folder (text, Markdown, DOCX).
    public static func corpusInputs(_ folder: String) -> [String] {
        corpusFiles(folder, extensions: ["txt", "md", "docx"])
    }

    /// Whether `pdftotext` (poppler-utils) is on PATH.
    public static var hasPDFText: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
        }
    }

    /// Whether expectations are being re-recorded (`RECORD_GOLDEN=1`).
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The folder under the temporary directory that this test process writes its files in,
    /// removed with everything in it when the process exits: a test run leaves nothing behind
    /// (indexes, sites and archives written by hundreds of tests filled gigabytes of `/tmp`).
    ///
    /// ```swift
    /// let db = Repository.scratch.appendingPathComponent("gijiroku-cli-\(UUID().uuidString)/index.sqlite").path
    /// ```
    public static let scratch: URL = {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("gijiroku-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Repository.scratch) }
        return dir
    }()

    /// A new empty folder in ``scratch``.
    public static func temporaryFolder(_ prefix: String = "gijiroku-test") throws -> URL {
        let dir = scratch.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
