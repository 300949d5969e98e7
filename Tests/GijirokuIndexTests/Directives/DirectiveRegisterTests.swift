import Foundation
import Testing
import GijirokuTestSupport
import Gijiroku
@testable import GijirokuIndex

/// The directive register: deadlines, follow-ups, statuses, and what users set by hand.
@Suite struct DirectiveRegisterTests {
    struct Gold: Decodable {
        struct Deadline: Decodable { var text: String; var basis: String; var date: String? }
        struct FollowUp: Decodable { var file: String; var agendaNumber: Int }
        struct Entry: Decodable {
            var file: String, quote: String, issuer: String, date: String, responsible: [String]
            var deadline: Deadline?
            var followUps: [FollowUp]
            var status: String
            var sources: Int
        }
        var asOf: String
        var directives: [Entry]
    }

    static func gold() throws -> Gold {
        try JSONDecoder().decode(Gold.self, from: Data(contentsOf: TestFiles.root.appendingPathComponent("Corpus/gold/directives.json")))
    }

    @Test func theRegisterEqualsTheGoldRegister() throws {
        let gold = try Self.gold()
        let (index, _) = try LinkTests.corpus()
        let register = try index.directives(DirectiveFilter(asOf: gold.asOf))
        #expect(register.directives.count == gold.directives.count)
        for g in gold.directives {
            let found = register.directives.filter { e in e.text.contains(g.quote) && e.sources.contains { $0.path.hasSuffix("/" + g.file) } }
            guard found.count == 1, let e = found.first else {
                Issue.record("\(g.file) 「\(g.quote)」: \(found.count) entries")
                continue
            }
            #expect(e.issuer == g.issuer, "\(g.quote)")
            #expect(e.date == g.date, "\(g.quote)")
            #expect(e.responsible == g.responsible, "\(g.quote)")
            #expect(e.deadline?.text == g.deadline?.text, "\(g.quote)")
            #expect(e.deadline?.basis.rawValue == g.deadline?.basis, "\(g.quote)")
            #expect(e.deadline?.date == g.deadline?.date, "\(g.quote)")
            let followUps = e.followUps.map { "\(($0.document.path as NSString).lastPathComponent)#\($0.agendaNumber ?? 0)" }
            #expect(followUps == g.followUps.map { "\(($0.file as NSString).lastPathComponent)#\($0.agendaNumber)" }, "\(g.quote)")
            #expect(e.automaticStatus.rawValue == g.status, "\(g.quote)")
            #expect(e.status == e.automaticStatus)
            #expect(e.sources.count == g.sources, "\(g.quote)")
        }
        // Newest first.
        let dates = register.directives.compactMap(\.date)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func filtersByStatusIssuerAndDate() throws {
        let (index, _) = try LinkTests.corpus()
        let asOf = try Self.gold().asOf
        let overdue = try index.directives(DirectiveFilter(status: .overdue, asOf: asOf)).directives
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.status == .overdue })
        #expect(overdue.contains { $0.text.contains("奨学金返還支援制度") })
        let mayor = try index.directives(DirectiveFilter(issuer: "市長", asOf: asOf)).directives
        #expect(!mayor.isEmpty && mayor.allSatisfy { $0.issuer == "市長" })
        let deputy = try index.directives(DirectiveFilter(issuer: "副市長", asOf: asOf)).directives
        #expect(deputy.count == 2 && deputy.allSatisfy { $0.issuer.hasSuffix("副市長") })
        let recent = try index.directives(DirectiveFilter(since: "2020-01-01", asOf: asOf)).directives
        #expect(!recent.isEmpty && recent.allSatisfy { ($0.date ?? "") >= "2020-01-01" })
        #expect(throws: IndexError.self) { try index.directives(DirectiveFilter(since: "きのう")) }
    }

    @Test func overdueDependsOnTheDayItIsJudged() throws {
        let (index, _) = try LinkTests.corpus()
        func status(_ asOf: String) throws -> DirectiveStatus? {
            try index.directives(DirectiveFilter(asOf: asOf)).directives.first { $0.text.contains("奨学金返還支援制度") }?.status
        }
        #expect(try status("2019-07-08") == .open)      // the next meeting: the deadline day itself
        #expect(try status("2019-07-09") == .overdue)
    }

    @Test func aNextMeetingDeadlineResolvesOnceTheNextMeetingIsIndexed() throws {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("i.sqlite").path
        let index = try SearchIndex(path: path)
        let files = TestFiles.minutesAndPlans
        _ = index.index(files: files.filter { $0.hasSuffix("kosodate-02.txt") })
        let before = try #require(try index.directives().directives.first { $0.text.contains("奨学金") })
        #expect(before.deadline?.date == nil)
        #expect(before.deadline?.problem == "次回の会議が索引にありません")
        #expect(before.status == .open)
        _ = index.index(files: files.filter { $0.hasSuffix("kosodate-03.txt") })
        let after = try #require(try index.directives().directives.first { $0.text.contains("奨学金") })
        #expect(after.id == before.id)
        #expect(after.deadline?.date == "2019-07-08")
        #expect(after.deadline?.problem == nil)
    }

    @Test func anImpossibleDeadlineStaysOpenAndSaysWhy() throws {
        let (index, _) = try LinkTests.corpus()
        let e = try #require(try index.directives(DirectiveFilter(asOf: "2026-01-01")).directives.first { $0.text.contains("救急相談窓口の周知") })
        #expect(e.deadline?.date == nil)
        #expect(e.deadline?.problem?.contains("存在しない日付") == true)
        #expect(e.status == .open)
    }

    @Test func aStatusSetByHandSurvivesReindexingAndCanBeCleared() throws {
        let copy = try TestFiles.corpusCopy()
        let index = try SearchIndex(path: copy.appendingPathComponent("i.sqlite").path)
        _ = index.index(files: try TestFiles.files(in: copy))
        let target = try #require(try index.directives().directives.first { $0.text.contains("奨学金返還支援制度") })
        let full = try index.setDirectiveStatus(String(target.id.prefix(5)), status: .done, note: "制度化は見送り。来年度に再検討")
        #expect(full == target.id)

        // The meeting's file changes (a line added at the end) and another meeting is removed.
        let file = copy.appendingPathComponent("minutes/shiomigawa-kosodate-02.txt")
        try (String(contentsOf: file, encoding: .utf8) + "＜その他＞ \n\n○次回は、７月に開催する予定である。 \n\n").write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("minutes/shiomigawa-gyokaku-01.txt"))
        let report = index.index(files: try TestFiles.files(in: copy), prune: true)
        #expect(report.updated.count == 1 && report.removed.count == 1)

        let reopened = try SearchIndex(path: copy.appendingPathComponent("i.sqlite").path)
        let after = try #require(try reopened.directives().directives.first { $0.id == target.id })
        #expect(after.status == .done)
        #expect(after.statusSetByHand)
        #expect(after.automaticStatus == .overdue)
        #expect(after.note == "制度化は見送り。来年度に再検討")
        #expect(try reopened.directives(DirectiveFilter(status: .done)).directives.map(\.id) == [target.id])

        // A note alone keeps the automatic status; --clear forgets both.
        try reopened.setDirectiveStatus(target.id, status: nil, note: nil, clear: true)
        try reopened.setDirectiveStatus(target.id, status: nil, note: "担当課に確認中")
        let noted = try #require(try reopened.directives().directives.first { $0.id == target.id })
        #expect(noted.status == .overdue && !noted.statusSetByHand && noted.note == "担当課に確認中")
        #expect(throws: IndexError.self) { try reopened.setDirectiveStatus("ffffffff", status: .done, note: nil) }
    }

    @Test func followUpsAreLaterAgendaItemsOfTheSameBodyOnly() throws {
        let (index, _) = try LinkTests.corpus()
        for e in try index.directives().directives {
            for f in e.followUps {
                #expect(f.document.meeting == e.meeting)
                #expect((f.document.date ?? "") > (e.date ?? ""))
            }
        }
    }
}

/// Follow-ups are looked for in the next 12 meetings of the body: a report in the third
/// meeting is found, one in the fourteenth is not.
@Suite struct FollowUpWindowTests {
    /// Minutes of meeting `n` of a fictional body, monthly from January 2020.
    static func minutes(_ n: Int, agenda: String, point: String, directive: String? = nil) -> String {
        let month = (n - 1) % 12 + 1, year = 2 + (n - 1) / 12
        var lines = [
            "■第\(n)回汐見川市図書館サービス推進本部会議 議事概要",
            "【日 時】 令和\(year)年\(month)月10日  午前１０時～午前１１時",
            "【場 所】 中央図書館 会議室",
            "【議 事】⑴ \(agenda)",
            "＜議題説明(1)＞",
            "議題（１）「\(agenda)」事務局から次のような説明があった。",
            "○\(point)",
        ]
        if let directive {
            lines += ["・全体を通して、市長から以下のとおり指示があった。", "（市長指示）", "・\(directive)"]
        }
        return lines.map { $0 + " \n\n" }.joined()
    }

    func register(reportAt meeting: Int) throws -> DirectiveEntry {
        let dir = try TestFiles.temporaryFolder()
        var files: [String] = []
        for n in 1...14 {
            let text: String
            if n == 1 {
                text = Self.minutes(1, agenda: "図書館の利用状況について", point: "貸出冊数は前年度から５％減少した。",
                                    directive: "図書館の開館時間延長について、検討結果を報告すること。")
            } else if n == meeting {
                text = Self.minutes(n, agenda: "図書館の開館時間延長の検討結果について", point: "市長指示を受け、図書館の開館時間延長を検討した。")
            } else {
                text = Self.minutes(n, agenda: "移動図書館車の運行について", point: "運行ルートを見直し、停留所を２か所増やした。")
            }
            let file = dir.appendingPathComponent("meeting-\(n).txt")
            try text.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let index = try SearchIndex(path: dir.appendingPathComponent("i.sqlite").path)
        let report = index.index(files: files)
        #expect(report.failed.isEmpty)
        return try #require(try index.directives().directives.first)
    }

    @Test func aReportThreeMeetingsLaterIsAFollowUp() throws {
        let entry = try register(reportAt: 3)
        #expect(entry.followUps.map(\.document.date) == ["2020-03-10"])
        #expect(entry.status == .followedUp)
    }

    @Test func aReportThirteenMeetingsLaterIsOutsideTheWindow() throws {
        let entry = try register(reportAt: 14)
        #expect(entry.followUps.isEmpty)
        #expect(entry.status == .open)
    }
}
