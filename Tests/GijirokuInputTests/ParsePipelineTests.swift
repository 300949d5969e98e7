import Foundation
import Testing
import Gijiroku
import GijirokuTestSupport
@testable import GijirokuInput

/// The pipeline `parse`, `convert` and the index read files through: every file's outcome,
/// in input order, whatever the number of threads.
@Suite struct ParsePipelineTests {
    /// The corpus's minutes, with a missing file among them.
    static let paths: [String] = {
        let folder = Repository.corpus.appendingPathComponent("minutes")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
        var paths = names.map { folder.appendingPathComponent($0).path }
        paths.insert(folder.appendingPathComponent("ない会議録.txt").path, at: min(5, paths.count))
        return paths
    }()

    /// What a test keeps of an outcome: the file's digest, or the error.
    static func summary(_ outcome: ParsePipeline.Outcome<String>) -> String {
        switch outcome {
        case .done(let sha256): sha256
        case .failed(let error): error.description
        case .skipped: "skipped"
        case .unchanged: "unchanged"
        }
    }

    @Test(arguments: [(1, nil), (2, nil), (4, nil), (2, 1), (3, 2), (2, 5)] as [(Int, Int?)])
    func streamDeliversEveryFileInInputOrder(jobs: Int, ahead: Int?) {
        let paths = Self.paths
        #expect(paths.count > 20)
        let expected = ParsePipeline(jobs: 1).run(paths) { _, document, _ in document.source.sha256 }.map(Self.summary)
        var delivered: [Int] = []
        var outcomes: [String] = []
        ParsePipeline(jobs: jobs).stream(paths, ahead: ahead, transform: { _, document, _ in document.source.sha256 }) { i, outcome in
            delivered.append(i)
            outcomes.append(Self.summary(outcome))
        }
        #expect(delivered == Array(paths.indices))
        #expect(outcomes == expected)
        #expect(outcomes[5].contains("ない会議録.txt: error:"))
    }

    @Test func noMoreThanAheadOutcomesWaitToBeDelivered() {
        let paths = Self.paths
        let ahead = 3
        let progress = Progress()
        // The caller is slow (a pipe that a reader empties slowly): workers must wait for room.
        ParsePipeline(jobs: 4).stream(paths, ahead: ahead, transform: { i, _, _ in progress.started(i) }) { _, _ in
            Thread.sleep(forTimeInterval: 0.002)
            progress.delivered()
        }
        #expect(progress.furthest < ahead)
        #expect(progress.deliveries == paths.count)
    }

    @Test func anEmptyListDeliversNothing() {
        var calls = 0
        ParsePipeline(jobs: 2).stream([], transform: { _, _, _ in 0 }) { _, _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test func givenBytesAreParsedInPlaceOfTheFile() {
        let text = "第１回汐見川市テスト会議 議事概要\n日時：令和２年５月１日（金）午前１０時から\n"
        let outcomes = ParsePipeline(jobs: 2).run(["-"], given: [0: Data(text.utf8)]) { _, document, _ in document.source.path }
        #expect(outcomes.map(Self.summary) == ["-"])
    }

    /// How far ahead of delivery the workers went.
    final class Progress: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private(set) var furthest = 0
        var deliveries: Int { lock.withLock { done } }

        func started(_ i: Int) -> String {
            lock.withLock { furthest = max(furthest, i - done) }
            return ""
        }

        func delivered() { lock.withLock { done += 1 } }
    }
}
