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

    /// A fresh index of the whole corpus.
    static func corpusIndex() throws -> (SearchIndex, String) {
        let path = try temporaryFolder().appendingPathComponent("index.sqlite").path
        let index = try SearchIndex(path: path)
        let report = index.index(files: corpusFiles)
        precondition(report.failed.isEmpty, "\(report.failed)")
        return (index, path)
    }
}
