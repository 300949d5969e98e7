import Foundation
import Gijiroku

/// What an indexing run did, file by file.
public struct IndexReport: Sendable, Hashable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// Files that could not be indexed, with the reason (`path: error: …`).
    public var failed: [(path: String, reason: String)] = []

    public static func == (a: IndexReport, b: IndexReport) -> Bool {
        a.added == b.added && a.updated == b.updated && a.unchanged == b.unchanged && a.removed == b.removed
            && a.failed.map(\.path) == b.failed.map(\.path)
    }
    public func hash(into h: inout Hasher) { h.combine(added); h.combine(updated); h.combine(unchanged) }
}

extension SearchIndex {
    /// Indexes files: an unchanged file (same SHA-256) is skipped, a changed one replaces its
    /// old rows in one transaction, a file that cannot be read or parsed is reported and the
    /// run goes on. With `prune`, documents whose files are gone are removed.
    ///
    /// ```swift
    /// let report = index.index(files: ["Corpus/minutes/a.txt"], prune: false)
    /// print(report.added.count, report.failed.count)
    /// ```
    public func index(files: [String], prune: Bool = false) -> IndexReport {
        var report = IndexReport()
        let parser = MinutesParser()
        for path in files {
            do {
                let data: Data
                do { data = try Data(contentsOf: URL(fileURLWithPath: path)) }
                catch { throw InputError(path: path, reason: .unreadable((error as NSError).localizedDescription)) }
                let digest = SHA256.hex(of: data)
                let stored = try storedDigest(of: path)
                if stored == digest { report.unchanged.append(path); continue }
                let minutes = try parser.parse(data, path: path)
                try store(minutes)
                if stored == nil { report.added.append(path) } else { report.updated.append(path) }
            } catch let error as InputError {
                report.failed.append((path, error.description))
            } catch {
                report.failed.append((path, "\(path): error: \(error)"))
            }
        }
        if prune {
            do {
                for path in try indexedPaths() where !FileManager.default.fileExists(atPath: path) {
                    try database.transaction { try remove(path: path) }
                    report.removed.append(path)
                }
            } catch {
                report.failed.append(("(prune)", "索引から削除できません: \(error)"))
            }
        }
        return report
    }
}
