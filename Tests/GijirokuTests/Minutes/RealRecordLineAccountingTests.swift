import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Nothing is dropped from real records either: every non-blank line of each real text
/// record that reads as minutes is in exactly one header field, layout line, element,
/// utterance, event or warning.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Repository.shared.appendingPathComponent("realworld").path),
                "../shared/realworld is not beside this clone"))
struct RealRecordLineAccountingTests {
    static let files: [String] = {
        let dir = Repository.shared.appendingPathComponent("realworld").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let texts = names.filter { $0.hasSuffix(".txt") }.sorted()
        return texts.isEmpty ? ["(no text file in ../shared/realworld)"] : texts
    }()

    @Test(arguments: files)
    func everyLineIsAccountedForOnce(_ name: String) throws {
        let data = try Data(contentsOf: Repository.shared.appendingPathComponent("realworld/\(name)"))
        let text = try TextDecoder().decode(data, path: name).text
        guard DocumentKind.detect(text) == .minutes else { return }
        let record = MinutesParser().parse(text: text, path: name)
        #expect(LineAccounting.problems(in: record, text: text) == [], "\(name)")
    }
}
