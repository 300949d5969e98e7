import Foundation
@testable import GijirokuIndex

enum TestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus/minutes")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0).path }
    }

    /// A fresh folder for one test.
    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gijiroku-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every minutes file (text and PDF) and every plan in the corpus.
    static var minutesAndPlans: [String] {
        ["minutes", "plans"].flatMap { folder -> [String] in
            let dir = root.appendingPathComponent("Corpus/" + folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".pdf") }.sorted().map { dir.appendingPathComponent($0).path }
        }
    }

    /// A copy of the corpus's minutes and plans in a fresh folder, for tests that change files.
    static func corpusCopy() throws -> URL {
        let dir = try temporaryFolder()
        for folder in ["minutes", "plans"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for path in minutesAndPlans {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().lastPathComponent
            try FileManager.default.copyItem(at: url, to: dir.appendingPathComponent("\(folder)/\(url.lastPathComponent)"))
        }
        return dir
    }

    /// The files of a folder made by ``corpusCopy()``, minutes then plans.
    static func files(in copy: URL) -> [String] {
        ["minutes", "plans"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent(folder).path)) ?? []).sorted()
                .map { copy.appendingPathComponent("\(folder)/\($0)").path }
        }
    }

    /// A fresh index of the whole corpus.
    static func corpusIndex() throws -> (SearchIndex, String) {
        let path = try temporaryFolder().appendingPathComponent("index.sqlite").path
        let index = try SearchIndex(path: path)
        let report = index.index(files: corpusFiles)
        precondition(report.failed.isEmpty, "\(report.failed)")
        return (index, path)
    }
}
