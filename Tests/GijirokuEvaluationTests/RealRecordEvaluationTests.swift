import Foundation
import Testing
import GijirokuTestSupport
@testable import GijirokuEvaluation

/// The parser on the real public meeting records of `../shared/realworld`, against their
/// hand-made gold. The bars are what was measured once real headers were read (web chrome,
/// box-drawing tables, flattened lines, unlabelled values, spaced rosters, pages of several
/// meetings): speaker turns 252 of 261 with none beyond the gold, labels 55 of 62, header
/// fields 76 of 84, no date given where the gold states none. A change that reads real
/// records worse fails here.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: Repository.shared.appendingPathComponent("realworld/gold.json").path),
                "../shared/realworld is not beside this clone: the real-record evaluation needs it"))
struct RealRecordEvaluationTests {
    static let report = Result { try RealRecordEvaluation.run(folder: Repository.shared.appendingPathComponent("realworld").path) }

    @Test func everyGoldFileIsReadWithoutAnError() throws {
        let report = try Self.report.get()
        #expect(report.files.count >= 30)
        for f in report.files { #expect(f.error == nil, "\(f.file): \(f.error ?? "")") }
    }

    @Test func speakerTurnsAndLabelsMeetTheBar() throws {
        let r = try Self.report.get()
        let turns = Double(r.turnsMatched) / Double(r.goldTurns)
        let labels = Double(r.labelsFound) / Double(r.goldLabels)
        print(String(format: "real records: speaker turns %d of %d (%.1f%%), %d more than the gold; labels %d of %d (%.1f%%)",
                     r.turnsMatched, r.goldTurns, 100 * turns, r.extraTurns, r.labelsFound, r.goldLabels, 100 * labels))
        #expect(turns >= 0.99)
        #expect(r.extraTurns == 0)
        #expect(labels >= 0.98, "\(r.files.flatMap(\.missingLabels))")
    }

    @Test func headerFieldsMeetTheBar() throws {
        let r = try Self.report.get()
        print("real records: header fields \(r.headerFieldsRight) of \(r.headerFieldsStated), dates given where none is stated: \(r.inventedDates)")
        // Measured 84 of 84 (83 before a roster cut off inside a post stopped giving a person).
        #expect(Double(r.headerFieldsRight) / Double(r.headerFieldsStated) >= 0.99, "\(r.files.flatMap(\.fieldMistakes))")
        #expect(r.inventedDates == 0)
    }

    @Test func agendaCountsMeetTheBar() throws {
        let r = try Self.report.get()
        print("real records: agenda item counts equal to the gold in \(r.agendaExact) of \(r.agendaFiles) files")
        // Measured 26 of 28 (25 before parser revision 13, 24 before 12, 23 before 11, 22 before 10, 21 before 9, 20 before 7, 19 before 6, 18 before 5, 17 before 4): agendas written as prose (`協議事項は…について`) or in tables the
        // extraction scattered are still missed.
        #expect(r.agendaExact >= 28)
    }

    /// A council's record is named with its council where the text names it (`目黒区議会 定例会`,
    /// `長崎市議会 全員協議会`, `青森市議会定例会` from the session its chair closes), or by the
    /// municipality whose bills a committee takes up. Measured 18 of 19 (17 before parser
    /// revision 26, 14 before 15, 12 before 8); tokyotogikai writes only `都議会`.
    @Test func councilRecordsAreNamedWithTheirCouncil() throws {
        let r = try Self.report.get()
        print("real records: council records named with their council: \(r.councilNamed) of \(r.councilFiles)")
        #expect(r.councilNamed >= 18)
    }

    @Test func everyDateTheGoldStatesIsRead() throws {
        let r = try Self.report.get()
        let wrong = r.files.flatMap(\.fieldMistakes).filter { $0.hasPrefix("date:") }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func theCompleteVerbatimRecordsGiveEveryTurnWithItsLabel() throws {
        let r = try Self.report.get()
        for name in ["kaigiroku-katsushika-honkaigi-20250214.txt", "kaigiroku-meguro-honkaigi-20250217.txt",
                     "kaigiroku-aomori-honkaigi-r06-4-final.html", "kaigiroku-hakodate-honkaigi-20240222.json",
                     "kaigiroku-sumida-kinkyugikai-20241227.json"] {
            let f = try #require(r.files.first { $0.file == name })
            #expect(f.foundTurns == f.goldTurns, "\(name)")
            #expect(f.missingLabels.isEmpty, "\(name): \(f.missingLabels)")
        }
    }
}
