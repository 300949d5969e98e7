import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Deadlines and responsible bodies read from a directive's text.
@Suite struct DeadlineReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var meeting: String
        var expected: Deadline?
        var testDescription: String { "\(text) @ \(meeting)" }
    }

    static let cases: [Case] = [
        Case(text: "年内を目途に、この本部会議に諮ること。", meeting: "2016-09-01",
             expected: Deadline(text: "年内", basis: .yearEnd, date: "2016-12-31")),
        Case(text: "年度末までに業務の棚卸しを終えること。", meeting: "2016-09-01",
             expected: Deadline(text: "年度末", basis: .fiscalYearEnd, date: "2017-03-31")),
        Case(text: "最終報告を、年度末を目途に報告すること。", meeting: "2019-02-14",
             expected: Deadline(text: "年度末", basis: .fiscalYearEnd, date: "2019-03-31")),
        Case(text: "今年度中に方針を示すこと。", meeting: "2020-04-01",
             expected: Deadline(text: "今年度中", basis: .fiscalYearEnd, date: "2021-03-31")),
        Case(text: "来年度中に実施すること。", meeting: "2020-05-28",
             expected: Deadline(text: "来年度中", basis: .nextFiscalYearEnd, date: "2022-03-31")),
        Case(text: "令和３年度末までに完了すること。", meeting: "2020-05-28",
             expected: Deadline(text: "令和３年度末", basis: .date, date: "2022-03-31")),
        Case(text: "現状と課題を３月末までに事務局に提出すること。", meeting: "2021-02-18",
             expected: Deadline(text: "３月末まで", basis: .month, date: "2021-03-31")),
        Case(text: "８月中に説明会を開くこと。", meeting: "2019-10-25",
             expected: Deadline(text: "８月中", basis: .month, date: "2020-08-31")),
        Case(text: "令和３年３月１５日までに報告すること。", meeting: "2020-11-26",
             expected: Deadline(text: "令和３年３月１５日まで", basis: .date, date: "2021-03-15")),
        Case(text: "令和二年十二月二十五日までに報告すること。", meeting: "2020-11-26",
             expected: Deadline(text: "令和二年十二月二十五日まで", basis: .date, date: "2020-12-25")),
        Case(text: "検討結果を次回の本部会議で報告すること。", meeting: "2019-04-22",
             expected: Deadline(text: "次回の本部会議", basis: .nextMeeting)),
        Case(text: "避難所運営マニュアルの見直しは、台風の時期までに終えること。", meeting: "2016-05-26",
             expected: Deadline(text: "台風の時期まで", basis: .unresolved)),
        Case(text: "報告会を早期に開催すること。", meeting: "2016-05-26",
             expected: Deadline(text: "早期", basis: .unresolved)),
        Case(text: "市の広報紙の在り方を見直すこと。", meeting: "2020-08-27", expected: nil),
        Case(text: "令和２年２月３０日までに取りまとめること。", meeting: "2020-01-10",
             expected: Deadline(text: "令和２年２月３０日まで", basis: .unresolved, problem: "2020年2月30日は存在しない日付です")),
        Case(text: "平成２７年３月３１日までに報告すること。", meeting: "2016-05-26",
             expected: Deadline(text: "平成２７年３月３１日まで", basis: .date, date: "2015-03-31",
                                problem: "期限 2015-03-31 が会議の日付 2016-05-26 より前です")),
        Case(text: "１３月末までに報告すること。", meeting: "2016-05-26",
             expected: Deadline(text: "１３月", basis: .unresolved, problem: "13月という月はありません")),
    ]

    @Test(arguments: cases)
    func deadlineIsReadAndResolvedAgainstTheMeetingDate(_ c: Case) {
        #expect(DeadlineReader.read(c.text, meetingDate: c.meeting) == c.expected)
    }

    @Test func withoutAMeetingDateAMonthIsKeptButNotResolved() {
        #expect(DeadlineReader.read("年内に終えること。", meetingDate: nil) == Deadline(text: "年内", basis: .yearEnd))
    }

    @Test func anImpossibleDeadlineIsAWarningOnTheDirectivesLine() throws {
        let text = """
        ■第１回汐見川市総合計画推進本部会議 議事概要
        【日 時】 令和2年1月10日（金）  午前１０時～午前１１時
        ・全体を通して、市長から以下のとおり指示があった。
        （市長指示）
        ・計画の案を令和２年２月３０日までに取りまとめること。
        """
        let m = MinutesParser().parse(text: text, path: "x.txt")
        let d = try #require(m.directives.first)
        #expect(d.deadline?.date == nil)
        #expect(d.deadline?.problem == "2020年2月30日は存在しない日付です")
        #expect(m.warnings.contains { $0.line == 5 && $0.message.contains("存在しない日付") })
    }
}

@Suite struct ResponsibleBodiesTests {
    @Test(arguments: [
        ("子ども家庭局が主管局として、保育士確保策を取りまとめること。", ["子ども家庭局"]),
        ("子ども未来局が主管局として検討すること。", ["子ども未来局"]),
        ("財政局と環境局が連携し、実施計画を取りまとめること。", ["財政局", "環境局"]),
        ("各局長が先頭に立ち、業務の棚卸しを終えること。", ["各局長"]),
        ("各局は現状と課題を事務局に提出すること。", ["各局"]),
        ("若者定住促進ワーキンググループは、最終報告をこの本部会議に報告すること。", ["若者定住促進ワーキンググループ"]),
        ("各区の自主防災組織と連携すること。", []),
        ("検討結果を次回の本部会議で報告すること。", []),
    ])
    func actorsAreFoundAndRecipientsAreNot(_ text: String, _ expected: [String]) {
        #expect(ResponsibleBodies.find(in: text) == expected)
    }
}
