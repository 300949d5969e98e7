import Foundation
import GijirokuTestSupport
@testable import GijirokuIndex

enum TestFiles {
    static let root = Repository.root
    static let corpus = root.appendingPathComponent("Corpus/minutes")

    /// The corpus's minutes text files (never empty: a missing folder gives a path that fails).
    static var corpusFiles: [String] {
        Repository.corpusFiles("minutes", extensions: ["txt"]).map { corpus.appendingPathComponent($0).path }
    }

    /// A fresh folder for one test.
    static func temporaryFolder() throws -> URL {
        try Repository.temporaryFolder("gijiroku-index")
    }

    /// Every minutes file (text and PDF) and every plan in the corpus (never empty, as above).
    static var minutesAndPlans: [String] {
        ["minutes", "plans"].flatMap { folder -> [String] in
            Repository.corpusFiles(folder, extensions: ["txt", "pdf"]).map { root.appendingPathComponent("Corpus/\(folder)/\($0)").path }
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
    static func files(in copy: URL) throws -> [String] {
        try ["minutes", "plans"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent(folder).path).sorted()
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

    /// A fresh index of one record written here (a verbatim record, say).
    static func index(of text: String, named name: String = "kaigiroku.txt") throws -> SearchIndex {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let report = index.index(files: [file.path])
        precondition(report.failed.isEmpty, "\(report.failed)")
        return index
    }
}
