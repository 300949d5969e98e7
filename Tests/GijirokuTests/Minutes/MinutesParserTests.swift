import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// The parser on small documents that each show one rule of the format.
@Suite struct MinutesParserTests {
    func parse(_ lines: [String]) -> Minutes {
        MinutesParser().parse(text: lines.joined(separator: "\n\n") + "\n", path: "test.txt")
    }

    @Test func answersAttachToTheQuestionAboveThemAndAQuestionMayHaveNone() {
        let m = parse(["＜意見等＞", "・一つ目の質問か？", "⇒一つ目の回答。", "⇒補足の回答。", "・二つ目の意見。", "・三つ目の質問か？", "→ 回答。"])
        let x = m.agenda.first?.exchanges ?? []
        #expect(x.map { $0.answers.count } == [2, 0, 1])
        #expect(x[2].answers.first?.marker == "→")
        #expect(x[0].lines == LineRange(3, 7))
    }

    @Test func anAnswerWithoutAQuestionIsKeptWithAWarning() {
        let m = parse(["＜意見等＞", "⇒回答だけがある。"])
        #expect(m.agenda.first?.exchanges.first?.question == nil)
        #expect(m.warnings.contains { $0.line == 3 })
    }

    @Test func aClosingTimeUnderTheHeadersDateIsTheHeadersNotAnEventBeforeTheOpening() {
        let text = """
            　　　　汐見川市議会総務常任委員会記録
            １　日　時　　令和６年６月１８日（火曜日）
            　　　　　　　午前１０時００分開会
            　　　　　　　午前１１時２５分閉会
            ２　場　所　　第１委員会室
            　　　午前１０時００分開会
            ○委員長（桐生匠君）　ただいまから委員会を開会いたします。
            ○委員長（桐生匠君）　以上で本日の委員会を閉会いたします。
            　　　午前１１時２５分閉会
            """
        let m = MinutesParser().parse(text: text + "\n", path: "t.txt")
        #expect(m.form == .verbatim)
        #expect(m.events.map(\.kind) == [.opening, .closing])
        #expect(m.events.map(\.lines.start) == [6, 9])
        #expect(m.startTime == "10:00" && m.endTime == "11:25")
        let date = m.header.first { $0.field == .date }
        #expect(date?.lines == LineRange(2, 4))
        #expect(date?.value.hasSuffix("午前１１時２５分閉会") == true)
    }

    @Test func aPageBreakInsideAnExchangeContinuesIt() {
        let m = MinutesParser().parse(text: "＜意見等＞\n\n・ページをまたぐ質\n 問である。\n\n⇒回答。\n", path: "t")
        let x = m.agenda.first?.exchanges.first
        #expect(x?.question == "ページをまたぐ質問である。")
        #expect(x?.questionLines == LineRange(3, 4))
    }

    @Test func directivesAfterAnAnnouncementTakeItsIssuer() {
        let m = parse(["＜ 意 見 等 ①＞", "特になし", "・ 全体を通して、立花副市長から以下のとおり指示があった。", "（副市長指示）", "・ 年内に報告すること。", "・ 各局で共有すること。"])
        #expect(m.directives.map(\.issuer) == ["立花副市長", "立花副市長"])
        #expect(m.directives.map(\.text) == ["年内に報告すること。", "各局で共有すること。"])
        #expect(m.agenda.first?.noComments == true)
        #expect(m.agenda.first?.exchanges.isEmpty == true)
        #expect(m.layout.map(\.role) == [.commentsLabel, .noComments, .directiveIntro, .directivesLabel])
    }

    @Test func aDirectivesLabelAloneDefaultsToItsIssuer() {
        let m = parse(["（市長指示）", "・ スピード感を持って取り組むこと。"])
        #expect(m.directives.first?.issuer == "市長")
    }

    @Test func explanationsFindTheirAgendaItemByNumber() {
        let m = parse(["【議 事】（１）予算について", "~（２）組織について", "＜ 議 題 説 明 ②＞",
                       "議題（２）組織について、事務局（総務部）から資料３について次のような説明があった。", "・ 課を統合する。"])
        #expect(m.agenda.count == 2)
        #expect(m.agenda[0].explanation == nil)
        let e = m.agenda[1].explanation
        #expect(e?.presenter == "事務局（総務部）")
        #expect(e?.materials == ["資料３"])
        #expect(e?.points.map(\.text) == ["課を統合する。"])
    }

    @Test func minutesWithoutAgendaListTakeTitlesFromTheExplanation() {
        let m = parse(["＜議題説明(1)＞", "議題（１）「次期計画の策定方針について」事務局から次のような説明があった。", "○方針を示した。"])
        #expect(m.agenda.first?.title == "次期計画の策定方針について")
        #expect(m.agenda.first?.number == 1)
    }

    @Test func textThatIsNotMinutesStillGivesARecordWithWarnings() {
        let m = parse(["今日は良い天気でした。", "明日も晴れるでしょう。"])
        #expect(m.agenda.isEmpty)
        #expect(m.date == nil)
        #expect(m.warnings.contains { $0.message.contains("開催日") })
        #expect(m.warnings.contains { $0.message.contains("ブロック") })
        #expect(LineAccounting.problems(in: m, text: "今日は良い天気でした。\n\n明日も晴れるでしょう。\n") == [])
    }

    @Test func recordCarriesItsSource() throws {
        let data = Data("【日 時】 令和元年５月２０日（月）\n".utf8)
        let m = try MinutesParser().parse(data, path: "a.txt")
        #expect(m.source.path == "a.txt")
        #expect(m.source.sha256 == SHA256.hex(of: [UInt8](data)))
        #expect(m.source.encoding == .utf8)
        #expect(m.date == "2019-05-20")
    }
}

/// Inputs that must never crash or hang.
@Suite struct BadInputTests {
    @Test func aTenMegabyteFileParses() throws {
        let block = "・ 予算の執行状況を確認し、必要な見直しを行う方針を示した。\n\n⇒検討していく。\n\n"
        let text = "＜意見等＞\n\n" + String(repeating: block, count: 10_000_000 / block.utf8.count + 1)
        #expect(text.utf8.count > 10_000_000)
        let m = MinutesParser().parse(text: text, path: "big.txt")
        #expect((m.agenda.first?.exchanges.count ?? 0) > 50_000)
    }

    @Test func aSingleOneMegabyteLineParses() throws {
        let line = String(repeating: "市長、", count: 350_000)
        let m = MinutesParser().parse(text: "【出席者】 " + line + "\n", path: "long.txt")
        #expect(m.attendees.count == 350_000)
    }

    @Test func anUnterminatedBracketDoesNotSwallowTheList() {
        let m = MinutesParser().parse(text: "【出席者】 市長（代理、教育長、\n", path: "t")
        #expect(m.attendees.count >= 1)
    }
}
