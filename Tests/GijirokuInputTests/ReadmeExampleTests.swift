import Foundation
import Testing
import Gijiroku
import GijirokuInput
import GijirokuTestSupport

/// The README's first library example, as written there (only the path made absolute),
/// through the public API alone: this file imports nothing `@testable`.
@Suite struct ReadmeExampleTests {
    @Test func theThreeLineExampleRunsOnTheCorpus() throws {
        _ = FileManager.default.changeCurrentDirectoryPath(Repository.root.path)
        let record = try SourceFile(path: "Corpus/minutes/shiomigawa-kosodate-01.txt").parse()
        if case .minutes(let minutes) = record { print(minutes.date ?? "?", minutes.agenda.count, minutes.directives.count) }
        print(try RecordEncoder.json(record))
        guard case .minutes(let minutes) = record else { Issue.record("not minutes"); return }
        #expect(minutes.date != nil && !minutes.agenda.isEmpty)
    }
}
