import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// The real minutes in `../shared/reference`, when that folder exists (it is beside the
/// clone in CI). Without it these tests are skipped, visibly.
@Suite(.enabled(if: Repository.hasReference, "../shared/reference is not present beside this clone"))
struct ReferenceDocumentTests {
    func parse(_ name: String) throws -> (Minutes, String) {
        let data = try Data(contentsOf: Repository.reference.appendingPathComponent(name))
        let text = try TextDecoder().decode(data, path: name).text
        return (try MinutesParser().parse(data, path: name), text)
    }

    @Test func planHeadquarters2018() throws {
        let (m, text) = try parse("minutes-2018-11-saitama-plan-hq.txt")
        #expect(m.date == "2018-11-16")
        #expect(m.weekday == "金")
        #expect(m.startTime == "15:00")
        #expect(m.endTime == "15:30")
        #expect(m.place == "政策会議室")
        #expect(m.attendees.count == 37)
        #expect(m.attendees.filter(\.proxy).count == 8)
        #expect(m.attendees.contains { $0.role == "都市戦略本部長" })
        #expect(m.attendees.contains { $0.role == "市長公室長" })
        #expect(m.absentees == ["市長"])
        #expect(m.chair == "髙橋副市長")
        #expect(m.meeting.session == 3)
        #expect(m.meeting.name == "さいたま市総合振興計画推進本部会議")
        #expect(m.agenda.count == 1)
        let item = try #require(m.agenda.first)
        #expect(item.number == 1)
        #expect(item.explanation?.presenter == "事務局（都市経営戦略部）")
        #expect(item.explanation?.materials == ["資料１", "資料２"])
        #expect(item.explanation?.points.filter { $0.kind == .heading }.map(\.text) == ["（資料１）", "（資料２）"])
        #expect(item.exchanges.count == 6)
        #expect(item.exchanges.reduce(0) { $0 + $1.answers.count } == 7)
        #expect(item.exchanges.allSatisfy { $0.answers.allSatisfy { $0.marker == "⇒" } })
        #expect(m.other.count == 2)
        #expect(m.directives.isEmpty)
        #expect(m.warnings.isEmpty)
        #expect(LineAccounting.problems(in: m, text: text) == [])
    }

    @Test func growthHeadquarters2016() throws {
        let (m, text) = try parse("minutes-2016-09-saitama-growth-hq.txt")
        #expect(m.title == "平成２８年度第２回さいたま市地方創生・成長戦略統合推進本部会議議事概要")
        #expect(m.meeting.fiscalYear == 2016)
        #expect(m.meeting.session == 2)
        #expect(m.date == "2016-09-01")
        #expect(m.startTime == "15:40")
        #expect(m.endTime == "17:00")
        #expect(m.agenda.count == 5)
        #expect(m.agenda.map(\.number) == [1, 2, 3, 4, 5])
        let exchanges = m.agenda.flatMap(\.exchanges)
        #expect(exchanges.count == 4)
        #expect(exchanges.filter { !$0.answers.isEmpty }.count == 3)
        #expect(exchanges.flatMap(\.answers).allSatisfy { $0.marker == "→" })
        #expect(m.agenda.filter(\.noComments).map(\.number) == [1, 2, 3, 5])
        #expect(m.directives.count == 3)
        #expect(m.directives.allSatisfy { $0.issuer == "市長" })
        let groups = Dictionary(grouping: m.attendees.compactMap(\.group), by: { $0 }).mapValues(\.count)
        #expect(groups == ["幹事区長": 2, "ＰＴリーダー": 6, "ＷＧメンバー": 3])
        #expect(m.attendees.contains { $0.role == "理事" && $0.note == "秘書・総合調整担当" })
        #expect(m.agenda[2].explanation?.presenter == "事務局（都市経営戦略部）及びワーキンググループ")
        #expect(LineAccounting.problems(in: m, text: text) == [])
        // The issue's own examples: 年内を目途に in a September 2016 meeting, 子ども未来局が主管局として.
        #expect(m.directives[0].responsible == ["子ども未来局"])
        #expect(m.directives[0].deadline == Deadline(text: "年内", basis: .yearEnd, date: "2016-12-31"))
        #expect(m.directives[1].deadline == nil)
        #expect(m.directives[2].deadline == Deadline(text: "年度末", basis: .fiscalYearEnd, date: "2017-03-31"))
    }
}
