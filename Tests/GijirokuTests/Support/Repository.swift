import Foundation

/// Paths of the repository, the corpus and the shared reference files, found from this file.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus = root.appendingPathComponent("Corpus")
    static let reference = root.deletingLastPathComponent().appendingPathComponent("shared/reference")

    /// Whether `../shared/reference` is there (it is in CI and on developer machines, not in a bare clone).
    static var hasReference: Bool { FileManager.default.fileExists(atPath: reference.path) }

    /// The corpus inputs of one folder, by name, sorted.
    static func corpusInputs(_ folder: String) -> [String] {
        let dir = corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") || $0.hasSuffix(".docx") }.sorted()
    }

    /// The corpus PDFs of one folder (read through `pdftotext`).
    static func corpusPDFs(_ folder: String) -> [String] {
        let dir = corpus.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    /// Whether `pdftotext` (poppler-utils) is on PATH.
    static var hasPDFText: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
        }
    }

    /// Whether expectations are being re-recorded (`RECORD_GOLDEN=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }
}
