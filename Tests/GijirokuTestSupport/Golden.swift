import Foundation
import Testing

/// Golden files: the expected output beside each corpus input, compared byte for byte.
public enum Golden {
    /// Compares `actual` with the golden file; with `RECORD_GOLDEN=1`, writes the golden
    /// file instead and fails, so that a recording is read before it is committed.
    public static func compare(_ actual: String, golden: URL, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if Repository.recording {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.lastPathComponent); read it, then run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; run RECORD_GOLDEN=1 swift test and review the diff",
                sourceLocation: sourceLocation)
    }
}
