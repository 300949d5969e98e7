import Testing
@testable import Gijiroku

/// Decisions: what a sentence decides, how, and about which item; only sentences that
/// end by deciding, never one that merely names a decision or puts an item on the table.
@Suite struct DecisionReaderTests {
    @Test func theOutcomeIsReadFromTheSentence() {
        #expect(DecisionReader.outcome(of: "議案第３０号は、原案のとおり可決されました。") == .approved)
        #expect(DecisionReader.outcome(of: "よって、本請願は不採択と決しました。") == .rejected)
        #expect(DecisionReader.outcome(of: "よって、本請願は採択と決しました。") == .adopted)
        #expect(DecisionReader.outcome(of: "所管の常任委員会に付託いたしました。") == .referred)
        #expect(DecisionReader.outcome(of: "本件は継続審査とすることに決定いたしました。") == .continued)
    }

    @Test func onlySentencesThatEndByDecidingAreDecisions() {
        #expect(DecisionReader.decides("よって、議案第１２号は原案のとおり可決されました。"))
        #expect(DecisionReader.decides("審議を行い、原案のとおり了承した。"))
        #expect(!DecisionReader.decides("日程第２、会期の決定を議題といたします。"))
        #expect(!DecisionReader.decides("損害賠償額の決定について報告がありました。"))
        #expect(!DecisionReader.decides("この案を承認してよろしいですか。"))
    }

    /// Sentences are cut at each `。` whatever the characters before it (one byte to four),
    /// and a deciding sentence is found among them.
    @Test func sentencesAreCutAfterCharactersOfEveryWidth() {
        let found = DecisionReader.decisions(in: "abc𠮟é。議案第３号は原案のとおり可決されました。残り", lines: LineRange(3), agendaNumber: nil)
        #expect(found.map(\.text) == ["議案第３号は原案のとおり可決されました。"])
        #expect(DecisionReader.decisions(in: "𠮟る。了承した。", lines: LineRange(1), agendaNumber: nil).map(\.text) == ["了承した。"])
    }

    @Test func theMethodMayStandInTheSentenceBefore() {
        let found = DecisionReader.decisions(in: "起立多数であります。よって、議案第１４７号は委員長報告のとおり可決と決しました。",
                                             lines: LineRange(12), agendaNumber: nil)
        #expect(found.count == 1)
        #expect(found.first?.method == "起立多数")
        #expect(found.first?.agendaNumber == 147)
        #expect(found.first?.outcome == .approved)
    }

    @Test func theChairDeclaresTheOutcomesOfAVerbatimRecord() {
        let text = """
        ○議長（二瓶浩一君）　お諮りいたします。本案は原案のとおり決することにご異議ありませんか。
        　〔「異議なし」と呼ぶ者あり〕
        ○議長（二瓶浩一君）　ご異議なしと認めます。よって、議案第５号は原案のとおり可決されました。
        ○３番（樫村修議員）　次の議案にも賛成いたします。
        """
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.decisions.map(\.text) == ["よって、議案第５号は原案のとおり可決されました。"])
        #expect(m.decisions.first?.method == "異議なし")
        #expect(m.decisions.first?.lines == LineRange(3))
    }

    @Test func everyItemOfADecisionsSectionIsADecision() {
        let m = MinutesParser().parse(text: "第3回推進本部会議\n【日 時】令和3年5月20日（木）\n【出席者】市長、副市長\n決定事項\n・防災計画の改定案を了承\n・次回は7月に開催\n", path: "t.txt")
        #expect(m.decisions.map(\.text) == ["防災計画の改定案を了承", "次回は7月に開催"])
        #expect(m.decisions.first?.outcome == .approved)
    }
}
