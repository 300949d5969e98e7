import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// Speaker labels in every style real archives use, and lines that only look like one.
@Suite struct SpeakerLabelTests {
    @Test(arguments: [
        ("○（浜井よしのり議長）　出席議員は定足数に達しております。", "○（浜井よしのり議長）", "浜井よしのり", "議長", nil, SpeakerCategory.chair),
        ("○（植浜　貴副区長）　ただいま上程されました", "○（植浜　貴副区長）", "植浜貴", "副区長", nil, .official),
        ("○２２番（浦井たかひさ議員）　議会運営委員会所属の", "○２２番（浦井たかひさ議員）", "浦井たかひさ", "議員", 22, .member),
        ("◯議長（奈良浜隆君）　これより本日の会議を開きます。", "◯議長（奈良浜隆君）", "奈良浜隆", "議長", nil, .chair),
        ("◯９番（浜平勇人君）　質問します。", "◯９番（浜平勇人君）", "浜平勇人", "議員", 9, .member),
        ("◆総務常任委員長（灘昌之）　御報告いたします。", "◆総務常任委員長（灘昌之）", "灘昌之", "総務常任委員長", nil, .member),
        ("◎市長（大浜潤）　令和６年第１回", "◎市長（大浜潤）", "大浜潤", "市長", nil, .official),
        ("◯議会事務局長(浜路崇史君) 定刻になりました", "◯議会事務局長(浜路崇史君)", "浜路崇史", "議会事務局長", nil, .secretariat),
        ("○みさき康平議長　ただいまから", "○みさき康平議長", "みさき康平", "議長", nil, .chair),
        ("◯竹中市長 おはようございます。", "◯竹中市長", "竹中", "市長", nil, .official),
        ("◯川端総合政策部長 御説明します。", "◯川端総合政策部長", "川端", "総合政策部長", nil, .official),
        ("○委員長佐々原克人) ただいまから", "○委員長佐々原克人)", "佐々原克人", "委員長", nil, .chair),
        ("◯事務局汐里哲司君) 御説明します", "◯事務局汐里哲司君)", "汐里哲司", "事務局", nil, .secretariat),
        ("山本委員長)ただ今から,総務委員会を開会いたします。", "山本委員長)", "山本", "委員長", nil, .chair),
        ("委員長(相馬君):ただいまより開会いたします。", "委員長(相馬君)", "相馬", "委員長", nil, .chair),
        ("本間君:議案第44号について", "本間君", "本間", nil, nil, .member),
        ("都市計画課係長(潮野剛史君) 本日は", "都市計画課係長(潮野剛史君)", "潮野剛史", "都市計画課係長", nil, .official),
        ("【吉清総合政策部長】 ただいま御質問", "【吉清総合政策部長】", "吉清", "総合政策部長", nil, .official),
        ("3 ◯辰巳市長 おはようございます。", "◯辰巳市長", "辰巳", "市長", nil, .official),
        ("12: ○議長（汐田一郎君）　再開します。", "○議長（汐田一郎君）", "汐田一郎", "議長", nil, .chair),
        ("◯委員長波多野 ゆう君) ただいまから", "◯委員長波多野 ゆう君)", "波多野ゆう", "委員長", nil, .chair),
    ] as [(String, String, String?, String?, Int?, SpeakerCategory)])
    func aLabelIsReadWithItsNameRoleSeatAndCategory(_ line: String, _ label: String, _ name: String?, _ role: String?, _ seat: Int?,
                                                    _ category: SpeakerCategory) throws {
        let found = try #require(SpeakerLabel.read(line[...]), "\(line)")
        #expect(found.speaker.label == label)
        #expect(found.speaker.name == name)
        #expect(found.speaker.role == role)
        #expect(found.speaker.seat == seat)
        #expect(found.speaker.category == category)
        #expect(!found.rest.hasPrefix(" ") && !found.rest.hasPrefix("　") && !found.rest.hasPrefix(":"))
    }

    @Test(arguments: [
        "○議事日程", "〇出席議員（２６人）", "〇欠席議員（１人）", "○平日の閉館時刻を午後８時まで延ばす案を検討している。",
        "○市長から以下のとおり指示があった。", "◎会期の決定", "議案第３０号について、提案理由を御説明申し上げます。",
        "　　　　１番　　むらまつ　勝康", "（資料１）", "※ 日程確認", "午後２時１２分休憩",
        "3 ○平日の閉館時刻を延ばす。", "○今後 検討 する) として", "1 〇日時 令和4年5月1日",
    ])
    func aLineThatOnlyLooksLikeALabelIsNotOne(_ line: String) {
        #expect(SpeakerLabel.read(line[...]) == nil, "\(line)")
    }

    @Test func aLabelReadBeforeIsRecalledWithTheRestOfItsOwnLine() throws {
        let memo = SpeakerLabel.Memo()
        let first = try #require(SpeakerLabel.read("○議長（山田太郎君）　開会します。", memo: memo))
        let again = try #require(SpeakerLabel.read("○議長（山田太郎君）　休憩します。", memo: memo))
        #expect(again.speaker == first.speaker)
        #expect(again.rest == "休憩します。")
        // What was not a label stays none when met again.
        #expect(SpeakerLabel.read("○議事日程（第１号）　令和７年", memo: memo) == nil)
        #expect(SpeakerLabel.read("○議事日程（第１号）　令和８年", memo: memo) == nil)
    }

    @Test func readingWithAMemoSaysWhatReadingWithoutOneSays() {
        let lines = ["○議長（汐田一郎君）　再開します。", "◯９番（浜平勇人君）　質問します。", "会長(三枝宗一君) それでは",
                     "都市計画課長(菅谷修君) 議案第3号は", "○委員長佐々原克人) ただいまから", "◯竹中市長 おはようございます。",
                     "〇出席議員（２６人）", "○議事日程", "○今後 検討 する) として", "○（植浜　貴副区長）　ただいま",
                     "○市長(汐田二郎君)続けて", "◯９番（浜平勇人君）"]
        let memo = SpeakerLabel.Memo()
        // Twice over: the second pass recalls every label of the first.
        for line in lines + lines.reversed() {
            let plain = SpeakerLabel.read(line[...])
            let recalled = SpeakerLabel.read(line[...], memo: memo)
            #expect(recalled?.speaker == plain?.speaker, "\(line)")
            #expect(recalled.map { String($0.rest) } == plain.map { String($0.rest) }, "\(line)")
        }
    }
}

/// Utterances and events of a verbatim record.
@Suite struct ProceedingsReaderTests {
    static func read(_ text: String) -> ProceedingsReader.Result {
        ProceedingsReader().read(SourceLine.split(text)[...])
    }

    @Test func utterancesRunFromOneLabelToTheNextAndEventsStayOutOfThem() {
        let r = Self.read("""
        　午後１時開会・開議
        ○（浜井よしのり議長）　お諮りいたします。
        　これに御異議ありませんか。
        　　〔「異議なし」と呼ぶ者あり〕
        ○（浜井よしのり議長）　御異議なしと認めます。
        ──────────────────
        　午後２時１２分休憩
        　午後２時２８分再開
        ○２２番（浦井たかひさ議員）　動議を提出いたします。
        （拍手）
        　午後３時７分散会
        """)
        #expect(r.speeches.map(\.speaker.label) == ["○（浜井よしのり議長）", "○（浜井よしのり議長）", "○２２番（浦井たかひさ議員）"])
        #expect(r.speeches[0].text == "お諮りいたします。\nこれに御異議ありませんか。")
        #expect(r.speeches[0].lines == LineRange(2, 3))
        #expect(r.events.map(\.kind) == [.opening, .stageDirection, .recess, .resumption, .stageDirection, .adjournment])
        #expect(r.events.compactMap(\.time) == ["13:00", "14:12", "14:28", "15:07"])
        #expect(r.rules.count == 1)
    }

    @Test func aLabelBrokenOverTwoLinesIsOneLabel() {
        let r = Self.read("""
        ○
        白浜孝雄 議長
        坂田総合政策部長。
        ◎坂田
        総合政策部長 第39号議案中、
        総合政策部に関わる事柄について御答弁申し上げます。
        """)
        #expect(r.speeches.map(\.speaker.label) == ["○\n白浜孝雄 議長", "◎坂田\n総合政策部長"])
        #expect(r.speeches[1].speaker.name == "坂田" && r.speeches[1].speaker.role == "総合政策部長")
        #expect(r.speeches[1].text == "第39号議案中、総合政策部に関わる事柄について御答弁申し上げます。")
    }

    @Test func aLabelAloneOnItsLineTakesTheUtteranceFromTheNext() {
        let r = Self.read("""
        (会長)
        本日は、お忙しい中お集まりいただき、ありがとうございます。
        (委員)
        資料１について、質問があります。
        """)
        #expect(r.speeches.map(\.speaker.label) == ["(会長)", "(委員)"])
        #expect(r.speeches.map(\.speaker.category) == [.chair, .member])
    }

    @Test func aPostAloneOverEachUtteranceMakesARecordVerbatim() {
        let lines = SourceLine.split("""
        事務局
        前回の審議会において、仮換地の案をお示ししました。
        会長代理
        本日は、会長が都合により欠席のため、私が議事を進めます。
        """)
        #expect(ProceedingsReader.looksVerbatim(lines[...]))
        #expect(Self.read(lines.map(\.content).joined(separator: "\n")).speeches.map(\.speaker.label) == ["事務局", "会長代理"])
    }

    @Test func aRosterOfPostsUnderAHeadingIsNoUtterance() {
        let lines = SourceLine.split("事務局\n港自治振興室長、岬市民協働担当主査、汐田主事\n")
        #expect(!ProceedingsReader.isUtterance(lines[1]))
        #expect(!ProceedingsReader.looksVerbatim(lines[...]))
    }

    /// A line is trimmed on its bytes as its scalars would be (spaces, ideographic spaces and
    /// tabs at either end, nothing inside).
    @Test(arguments: ["", " ", "\u{3000}\t ", "  （拍手）　", "\u{3000}午後１時開会", "休憩\t", "〔 異議なし 〕", "a\u{3000}b", "𠮟　"])
    func aLineIsTrimmedOnItsBytesAsOnItsScalars(_ text: String) {
        let line = Substring(text)
        let bounds = line.withUTF8Bytes { ProceedingsReader.trimmedBounds($0) }
        #expect(line.utf8Slice(bounds) == ProceedingsReader.trimmed(line))
    }

    @Test func aCeremonyInBracketsIsAStageDirection() {
        let r = Self.read("事務局\n大変お待たせいたしました。委嘱式を行います。\n(委嘱状伝達)\n事務局\nそれでは、本日の議事に入らせていただきます。\n")
        #expect(r.speeches.count == 2)
        #expect(r.events.map(\.kind) == [.stageDirection])
    }

    @Test func aChairsTimeStampedOpeningGivesTheStartTime() {
        let r = Self.read("委員長(波多野君):ただいまより、総務委員会を開会いたします。(14:00)\n暫時休憩いたします。(14:00)\n委員長(波多野君):以上で閉会いたします。(15:20)\n")
        let times = ProceedingsReader.declaredTimes(in: r.speeches)
        #expect(times.start?.description == "14:00")
        #expect(times.end?.description == "15:20")
    }

    @Test func summaryMinutesWithArrowAnswersAreNotVerbatim() {
        let lines = SourceLine.split("○委員　再生可能エネルギーの導入目標は達成できるか。\n→事務局　達成できる見込みである。\n○委員　家庭部門はどうか。\n")
        #expect(!ProceedingsReader.looksVerbatim(lines[...]))
        #expect(ProceedingsReader.looksVerbatim(SourceLine.split("○議長（山田太郎君）　開会します。\n")[...]))
    }
}

/// HTML pages and service exports read into text.
@Suite struct FormatTextTests {
    @Test func htmlGivesItsTextInReadingOrder() {
        let html = """
        <!DOCTYPE html><html><head><title>t</title><script>var a = "<p>no</p>";</script><style>p{}</style></head>
        <body><nav>メニュー</nav><p>◯議長（山田太郎君）&#12288;開会します。<br>本日の会議&amp;を開きます。</p><!-- c --><div>&lt;次&gt;&nbsp;&#x3042;</div></body></html>
        """
        let text = HTMLText.text(of: html)
        #expect(!text.contains("var a") && !text.contains("メニュー") && !text.contains("<p>") && !text.contains("<br>"))
        #expect(text.contains("◯議長（山田太郎君）\u{3000}開会します。\n本日の会議&を開きます。"))
        #expect(text.contains("<次>"))   // decoded after the tags were dropped
        #expect(text.contains("\u{20}あ"))
    }

    @Test func deeplyNestedOrHugeHTMLIsReadInOnePass() {
        let html = String(repeating: "<div><span>", count: 20_000) + "本文。" + String(repeating: "</span></div>", count: 20_000)
        #expect(HTMLText.text(of: html).contains("本文。"))
    }

    @Test func aServiceExportGivesItsTurnsInOrder() throws {
        let json = #"{"tenant_minutes":[{"title":"（名簿）","minute_type":"名簿","body":"<pre>１　期日　令和６年１２月２７日</pre>"},{"title":"議長（磯藤篤）","minute_type":"○議長","body":"<pre>○議長（磯藤篤）　開会いたします。\n</pre>"},{"title":"区長（浦本亨）","minute_type":"◎答弁","body":"<pre>お答えします。</pre>"}]}"#
        let text = try #require(MinutesServiceJSON.text(of: json))
        #expect(text.contains("１　期日　令和６年１２月２７日"))
        #expect(text.contains("○議長（磯藤篤）　開会いたします。"))
        #expect(text.contains("◎区長（浦本亨）　お答えします。"))
        #expect(MinutesServiceJSON.text(of: #"{"records":[]}"#) == nil)
    }
}

/// Questions and answers among a verbatim record's utterances.
@Suite struct VerbatimExchangesTests {
    @Test func aMembersQuestionTakesEveryOfficialsAnswerUntilTheNextMemberSpeaks() {
        let text = """
        ○みさき康平議長　２０番浜木まさし議員。
        ○２０番（浜木まさし議員）　区長に伺います。子育て支援の拡充はどうお考えですか。
        ○みさき康平議長　青木区長。
        ○青浜英二区長　お答えします。拡充いたします。
        ○関浜義孝教育長　学校についてお答えします。
        ○２０番（浜木まさし議員）　それでは、再質問をさせていただきます。
        ○青浜英二区長　重ねてお答えします。
        ○２２番（みなえ麻友議員）　議案第１号に異議があります。
        ○みさき康平議長　異議がありますので、起立により採決いたします。
        ○青浜英二区長　（議案の説明）補足いたします。
        """
        let speeches = ProceedingsReader().read(SourceLine.split(text)[...]).speeches
        let exchanges = VerbatimExchanges.find(in: speeches)
        #expect(exchanges.count == 2)
        #expect(exchanges[0].questioner?.seat == 20)
        #expect(exchanges[0].answers.map(\.speaker?.role) == ["区長", "教育長"])
        #expect(exchanges[1].question == "それでは、再質問をさせていただきます。")
        #expect(exchanges[1].answers.count == 1)
    }
}

/// Speakers named as the roster names them.
@Suite struct SpeakerResolverTests {
    static let record = """
    令和５年第２回汐見川市議会定例会会議録
    〇出席議員（２人）
    　　１番　　汐　田　一　郎　　　　２番　　岬　　　陽　子
    〇出席説明員
    　　市長　　　　　浜　口　　　聡　　　　副市長　　　磯　辺　和　夫
    ○議長（汐田一郎君）　ただいまから本日の会議を開きます。
    ○２番　市の財政見通しについて伺います。どのように考えていますか。
    ○市長　お答えいたします。財政の見通しは、来年度も厳しいと考えております。
    ○浜口市長　補足いたします。基金の残高は十分に確保しております。
    ○副市長　以上のとおりでございます。よろしくお願いいたします。
    """

    @Test func aPostOrASeatAloneTakesTheRostersName() {
        let m = MinutesParser().parse(text: Self.record, path: "t.txt")
        #expect(m.form == .verbatim)
        #expect(m.speeches.map(\.speaker.name) == ["汐田一郎", "岬陽子", "浜口聡", "浜口聡", "磯辺和夫"])
        // The answers of the exchange carry the resolved names too.
        #expect(m.exchanges.first?.answers.map { $0.speaker?.name } == ["浜口聡", "浜口聡", "磯辺和夫"])
    }

    /// `○波多野総務局長`: the label alone would cut the surname at two characters.
    @Test func aSurnameAndAPostTheRosterHoldsTakeTheRostersName() {
        let speeches = [Speech(speaker: Speaker(label: "○波多野総務局長", name: "波多", role: "野総務局長", seat: nil, category: .official), text: "…", lines: LineRange(5)),
                        Speech(speaker: Speaker(label: "○岬副委員長", name: "岬", role: "副委員長", seat: nil, category: .member), text: "…", lines: LineRange(6))]
        let roster = [Attendee(role: "総務局長", name: "波多野修", lines: LineRange(2)),
                      Attendee(role: "副委員長", name: "岬陽子", lines: LineRange(2)), Attendee(role: "副委員長", name: "浜口健吾", lines: LineRange(2))]
        let resolved = SpeakerResolver.resolve(speeches, attendees: roster)
        #expect(resolved.map(\.speaker.name) == ["波多野修", "岬陽子"])
        #expect(resolved.map(\.speaker.role) == ["総務局長", "副委員長"])
    }

    @Test func aPostTwoPeopleHoldNamesNoOne() {
        let speeches = [Speech(speaker: Speaker(label: "○副市長", name: nil, role: "副市長", seat: nil, category: .official), text: "…", lines: LineRange(5))]
        let roster = [Attendee(role: "副市長", name: "磯辺和夫", lines: LineRange(2)), Attendee(role: "副市長", name: "港川さより", lines: LineRange(2))]
        #expect(SpeakerResolver.resolve(speeches, attendees: roster)[0].speaker.name == nil)
    }
}

/// Each utterance under its item of the order of business.
@Suite struct OrderOfBusinessTests {
    @Test(arguments: [
        ("日程第１　会期の決定", 1, "日程第１", "会期の決定"),
        ("　第　７　　議　　案　　第　６号　令和７年度汐見川市駐車場事業特別会計予算", 7, "第７", "議案第６号　令和７年度汐見川市駐車場事業特別会計予算"),
        ("第１０　　議　　案　　第　９号　刑法等の一部を改正する法律", 10, "第１０", "議案第９号　刑法等の一部を改正する法律"),
    ])
    func anItemKeepsItsNumberLabelAndBillNumber(_ line: String, _ number: Int, _ label: String, _ title: String) throws {
        let item = try #require(AgendaExtractor.orderOfBusiness(line))
        #expect(item.0 == number && item.1 == label && item.2 == title)
    }

    /// With no agenda, the matters a chair announces as the day's business, each in brackets,
    /// are the agenda; an announcement that names none gives none.
    @Test func theMattersAChairAnnouncesAreTheAgendaOfARecordWithoutOne() {
        let opening = "ただ今から,都市建設委員会を開会いたします。\n これより議事に入ります。本日の議題は,付託された陳情の審査といたしまして,陳情第12「浜手駅前の「歩道」の整備についての陳情」。所管事務の調査といたしまして「汐見地区の排水路整備について」。「市道岬線の進捗状況について」。及び「その他」であります。\n 初めに,陳情第12を議題といたします。"
        #expect(OrderOfBusiness.itemsAnnounced(in: opening)
                == ["陳情第12 浜手駅前の「歩道」の整備についての陳情", "汐見地区の排水路整備について", "市道岬線の進捗状況について", "その他"])
        #expect(OrderOfBusiness.itemsAnnounced(in: "本日の議題は,お手元に配布いたしました協議案件書のとおりであります。「資料」を御覧ください。").isEmpty)
        #expect(OrderOfBusiness.itemsAnnounced(in: "「汐見地区の排水路整備について」御説明いたします。").isEmpty)
        let text = """
            汐見川市議会都市建設委員会会議録
            開会　令和６年６月２０日（木）午前１０時
            汐田一郎委員長　ただいまから都市建設委員会を開会いたします。本日の議題は,所管事務の調査といたしまして「汐見地区の排水路整備について」。及び「その他」であります。
            浜野花子都市建設部長　汐見地区の排水路整備について御説明いたします。
            """
        let m = MinutesParser().parse(text: text, path: "x.txt")
        #expect(m.agenda.map(\.title) == ["汐見地区の排水路整備について", "その他"])
    }

    /// With no agenda, the bills a chair puts before the meeting are the agenda; a matter named
    /// without a bill's number is not an item.
    @Test func theBillsAChairTakesUpAreTheAgendaOfARecordWithoutOne() {
        #expect(OrderOfBusiness.billsTakenUp(in: "委員会を再開いたします。\n1付託案件の審査、(1)議案第44号 汐見川市市民参加条例の制定についてを議題といたします。")
                == ["議案第44号 汐見川市市民参加条例の制定について"])
        #expect(OrderOfBusiness.billsTakenUp(in: "陳情第５号及び陳情第６号を一括議題といたします。") == ["陳情第５号及び陳情第６号"])
        #expect(OrderOfBusiness.billsTakenUp(in: "はじめに、所管事務の調査として、新庁舎建設の進捗状況についてを議題といたします。").isEmpty)
        let text = """
            汐見川市議会総務委員会会議録
            開会　令和６年６月２０日（木）午前１０時
            汐田一郎委員長　ただいまから総務委員会を開会いたします。
            　議案第３２号を議題といたします。説明を求めます。
            浜野花子総務部長　議案第３２号について御説明いたします。
            """
        let m = MinutesParser().parse(text: text, path: "x.txt")
        #expect(m.agenda.map(\.title) == ["議案第３２号"])
    }

    @Test(arguments: ["第３回汐見川市議会", "第２号議案について", "第１条　目的"])
    func aNumberedWordIsNoItem(_ line: String) {
        #expect(AgendaExtractor.orderOfBusiness(line) == nil)
    }

    @Test func speechesFallUnderTheItemHeadedOrTakenUpBeforeThem() {
        let text = """
        令和５年第１回汐見川市議会定例会会議録
        ○議長（汐田一郎君）　ただいまから本日の会議を開きます。
        ◎日程第１　会期の決定
        ○議長（汐田一郎君）　お諮りいたします。会期は本日から２０日間としたいと思います。御異議ありませんか。
        ◎日程第２　一般質問
        ○議長（汐田一郎君）　日程第２、一般質問を議題といたします。質問を許します。
        ○２番（岬陽子君）　子育て支援について伺います。市長の見解はどうですか。
        ○市長（浜口聡君）　お答えいたします。来年度に相談窓口を一本化いたします。
        """
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.agenda.map(\.number) == [1, 2])
        #expect(m.agenda.map(\.title) == ["会期の決定", "一般質問"])
        #expect(m.speeches.map(\.agendaNumber) == [nil, 1, 2, 2, 2])
        #expect(m.exchanges.map(\.agendaNumber) == [2])
    }

    /// A plenary record's first lines, its order of business's heading and first item in the
    /// layout of hakodate's 名簿: `日程第１` alone, its title on the line below.
    static let plenaryOpening = """
        　　　令和６年第１回汐見川市議会定例会会議録　第１号
        　　令和６年２月２０日（火曜日）　　　　午前１０時開会
        〇議事日程
        日程第１
        　会議録署名議員の指名

        """

    /// The order of business listed before the proceedings, the chair opening each item with
    /// its number and no `議題`: each speech is under the item its chair last opened.
    @Test func aChairOpeningWithAnItemTakesItUpWhateverTheVerb() {
        let text = Self.plenaryOpening + """
        日程第２
        　会期の決定について
        日程第３
        　閉会中継続調査報告
        日程第４
        　市政執行方針
        ──────────────────────
        ○議長（汐田一郎君）　ただいまから本日の会議を開きます。
        ○議長（汐田一郎君）　日程第２　会期の決定についてを議題といたします。
        ○議長（汐田一郎君）　日程第３　閉会中継続調査報告について、順次委員長の報告を求めます。
        ◆総務常任委員長（岬陽子君）　閉会中に総務常任委員会が行いました調査の概要を御報告いたします。
        ○議長（汐田一郎君）　日程第４　市政執行方針について市長から発言を求められておりますので、これを許します。
        ◎市長（浜口聡君）　市政執行につきまして、私の所信を申し述べます。日程第２で決まった会期の中で御審議を願います。
        """
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.agenda.map(\.number) == [1, 2, 3, 4], "\(m.agenda.map(\.title))")
        // The opening comes before any item; the speech after an item's opening is under it.
        #expect(m.speeches.map(\.agendaNumber) == [nil, 2, 3, 3, 4, 4])
        #expect(OrderOfBusiness.itemOpening("　日程第３　閉会中継続調査報告について") == 3)
        #expect(OrderOfBusiness.itemOpening("日程第１２、諸般の報告について。") == 12)
        // An item named later in the words is not the one the words open with.
        #expect(OrderOfBusiness.itemOpening("次に、日程第４に入ります。") == nil)
    }

    /// `日程第N` alone with its title on the line below, the bills an item lists under its
    /// title, and `本日の会議に付した事件` that refers to the list: each item with its title, the
    /// bills its own, nothing listed twice.
    @Test func anOrderOfBusinessWithEachTitleBelowItsNumberGivesTheTitles() {
        let text = Self.plenaryOpening + """
        日程第２
        　閉会中継続調査報告
        　（総務常任委員会および議会運営委員会）
        日程第３
        　諸般の報告
        　報告第１号　令和６年度公益財団法人汐見川市文化振興財団事業計画の報告について
        　報告第２号　定期監査および例月現金出納検査報告
        日程第４
        　市政執行方針
        ──────────────────────
        〇本日の会議に付した事件
        　議事日程と同じ
        ──────────────────────
        ○議長（汐田一郎君）　ただいまから本日の会議を開きます。
        ○議長（汐田一郎君）　日程第１　会議録署名議員の指名を行います。
        ○議長（汐田一郎君）　日程第４　市政執行方針について市長から発言を求められておりますので、これを許します。
        ◎市長（浜口聡君）　市政執行につきまして、私の所信を申し述べます。
        """
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.agenda.map(\.number) == [1, 2, 3, 4], "\(m.agenda.map(\.title))")
        #expect(m.agenda.map(\.title) == [
            "会議録署名議員の指名", "閉会中継続調査報告（総務常任委員会および議会運営委員会）",
            "諸般の報告　報告第１号　令和６年度公益財団法人汐見川市文化振興財団事業計画の報告について　報告第２号　定期監査および例月現金出納検査報告",
            "市政執行方針",
        ])
        #expect(m.agenda.map(\.lines) == [LineRange(4, 5), LineRange(6, 8), LineRange(9, 12), LineRange(13, 14)])
        // The list's `日程第N` lines are no headings of the proceedings.
        #expect(!m.events.contains { $0.kind == .heading })
        #expect(m.speeches.map(\.agendaNumber) == [nil, 1, 4, 4])
        #expect(MinutesParser.sameAsTheOrderOfBusiness("議事日程のとおり") && !MinutesParser.sameAsTheOrderOfBusiness("議事日程の変更について"))
    }
}

/// Questions and answers written with a colon after the speaker, as committees' summaries write them.
/// An agenda whose items the extraction ran into one line (`[議題] 1.… 2.… 3.…`) is split at
/// each next number written as the first.
@Suite struct RunOnAgendaTests {
    @Test func itemsRunIntoOneLineAreSplitAtTheNextNumber() throws {
        let items = AgendaExtractor.runOn(try #require(Numbering.parse("1.議案等について 2.発議案について  3.会期について")))
        #expect(items.map(\.number) == [1, 2, 3])
        #expect(items.map(\.label) == ["1.", "2.", "3."])
        #expect(items.map(\.title) == ["議案等について", "発議案について", "会期について"])
        let wide = AgendaExtractor.runOn(try #require(Numbering.parse("（１）予算について　（２）条例について")))
        #expect(wide.map(\.title) == ["予算について", "条例について"] && wide.map(\.label) == ["（１）", "（２）"])
    }

    @Test func aNumberThatIsNotTheNextOrFollowsNoSpaceSplitsNothing() throws {
        for line in ["1.第2.5次計画について", "1.議案等について 3.その他", "１．公共施設の再編について"] {
            #expect(AgendaExtractor.runOn(try #require(Numbering.parse(Substring(line)))).count == 1, "\(line)")
        }
    }

    @Test func aHeaderRunOnToOneLineGivesEachItem() throws {
        // As an aggregator's page has it: the header flattened onto one line, leaders after the agenda.
        let text = """
            汐見川市議会 > 2024-11-13 >
            令和 6年11月13日議会運営委員会−11月13日-01号

                令和 6年11月13日議会運営委員会−11月13日-01号令和 6年11月13日議会運営委員会        令和6年11月13日(水)        午前10時        第4・第5委員会室 [議題] 1.議案等について 2.発議案について 3.会期及び審議日程について 4.その他    ……………………………………          9時58分開会 ○委員長汐田一郎) ただいまから、議会運営委員会を開会する。
            """
        guard case .minutes(let m) = try ParsedDocument.parse(Data(text.utf8), source: InputSource(path: "flat.txt"), kind: .minutes) else {
            Issue.record("not read as minutes"); return
        }
        #expect(m.agenda.map(\.title) == ["議案等について", "発議案について", "会期及び審議日程について", "その他"])
    }
}

/// An agenda listed without numbers: each short line an item, a `(1)` line a sub-item of the
/// one above, and a title the page's width broke read whole.
@Suite struct UnnumberedAgendaTests {
    static func items(_ text: String) -> [AgendaItem] {
        AgendaExtractor().extract(SourceLine.split(text).map { (text: $0.content, line: $0) })
    }

    @Test func eachShortLineOfAListWithoutNumbersIsAnItem() {
        let items = Self.items("閉会中における議会運営委員の辞任及び選任\n理事の互選\n議員の辞職について\n陳情の審査\n(1)一七第七六号 委員会条例の改正に関する陳情")
        #expect(items.map(\.title) == ["閉会中における議会運営委員の辞任及び選任", "理事の互選", "議員の辞職について",
                                       "陳情の審査(1)一七第七六号 委員会条例の改正に関する陳情"])
        #expect(items.allSatisfy { $0.number == nil })
    }

    /// `【陳　情】` before numbered items names their kind: the items are read after it.
    @Test func theItemsAfterACategoryAreItsItems() {
        let items = Self.items("【陳　情】　(1)陳情6第 7号 区議会の中継に関する陳情　　(新規)　　(2)陳情6第 8号 区立図書館の開館時間に関する陳情")
        #expect(items.map(\.number) == [1, 2])
        #expect(items.map(\.title) == ["陳情6第 7号 区議会の中継に関する陳情　　(新規)", "陳情6第 8号 区立図書館の開館時間に関する陳情"])
        #expect(AgendaExtractor.afterCategory("【注意】この資料は非公開") == nil)
    }

    @Test func aTitleBrokenByThePagesWidthIsOneItem() {
        let items = Self.items("汐見川市総合計画後期基本計画の策定に向けた市民意見の募集と\n説明会の開催について")
        #expect(items.map(\.title) == ["汐見川市総合計画後期基本計画の策定に向けた市民意見の募集と説明会の開催について"])
    }
}

/// A verbatim record's order of business headed by its session's name (`…議事日程　第１号`),
/// parted from its items by the opening time, and repeated by an added order: each item once,
/// and no field holds the opening's line.
@Suite struct SessionOrderOfBusinessTests {
    @Test func anOrderHeadedByItsSessionGivesItsItemsOnce() {
        let text = """
            令和６年度汐見川区議会定例会１２月緊急議会会議録
            １　期日　　令和６年１２月２７日
            ２　場所　　汐見川区議会議事堂
            ３　出席議員（２人）
            　　　　　　　１番　　汐田一郎　　　２番　　浜野花子
            　　　　　令和６年度汐見川区議会定例会１２月緊急議会議事日程　第１号
            　　　　　　　　令和６年１２月２７日午後１時　開議
            第１　議案第７０号　令和６年度汐見川区一般会計補正予算
            追加議事日程
            第１　議案第７０号　令和６年度汐見川区一般会計補正予算－－－－－－－－＋
            　　　　　　　　　　　　＋委員会審査報告＋－－＋
            　　　　　午後１時開議
            ○議長（汐田一郎）　ただいまから令和６年度汐見川区議会定例会１２月緊急議会を開会いたします。
            """
        let m = MinutesParser().parse(text: text, path: "sumida-like.txt")
        #expect(m.agenda.map(\.number) == [1])
        #expect(m.agenda.first?.title == "議案第７０号　令和６年度汐見川区一般会計補正予算")
        let agendaLines = m.header.filter { $0.field == .agenda }.map(\.lines)
        #expect(agendaLines.count == 3 && !agendaLines.contains { $0.contains(7) }, "\(agendaLines)")
        #expect(m.events.contains { $0.lines == LineRange(7) && $0.kind == .opening })
    }
}

/// A plenary page that shows the order of business between the chair's words, several items
/// as ranges (`日程第１ … ～` then `日程第３ …`), taken up together in words.
@Suite struct OrderOfBusinessRangeTests {
    static let page = """
        ◯議長（汐田一郎君）　これより本日の会議を開きます。
        本日の会議は「議事日程第９号」により会議を進めます。
        日程第１　議案第146号　汐見川市職員定数条例の一部を改正する条例の制定について　～
        日程第３　議案第170号　汐見川市職員の給与に関する条例等の一部を改正する条例の制定について
        ◯議長（汐田一郎君）　以上３件を一括議題といたします。
        総務常任委員長の報告を求めます。
        ◯総務常任委員長（浜野花子君）　御報告申し上げます。いずれも原案のとおり可決すべきものと決しました。
        日程第４　議案第150号　公の施設の指定管理者の指定について（汐見川市浜手郷土資料館）
        日程第６　議案第152号　公の施設の指定管理者の指定について（岬公園）
        ◯議長（汐田一郎君）　日程第４議案第150号「公の施設の指定管理者の指定について」から日程第６議案第152号「公の施設の指定管理者の指定について」まで、計３件を一括議題といたします。
        日程第７　議員派遣について
        ◯議長（汐田一郎君）　日程第７「議員派遣について」を議題といたします。
        """

    @Test func anItemWithItsBillIsAHeadingHoweverLong() {
        let m = MinutesParser().parse(text: Self.page, path: "x.txt")
        let headings = m.events.filter { $0.kind == .heading }.map(\.lines.start)
        #expect(headings == [3, 4, 8, 9, 11], "\(m.events)")
        #expect(!m.speeches[0].text.includes("日程第３"))
    }

    @Test func theItemsInsideARangeAreItemsWithoutTitles() {
        let m = MinutesParser().parse(text: Self.page, path: "x.txt")
        #expect(m.agenda.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(m.agenda.map { $0.title == nil } == [false, true, false, false, true, false, false])
        #expect(m.agenda[0].title == "議案第146号　汐見川市職員定数条例の一部を改正する条例の制定について")
        #expect(OrderOfBusiness.itemRanges(in: "日程第４議案第150号「…」から日程第６議案第152号「…」まで、計３件を一括議題といたします。") == [4...6])
        #expect(OrderOfBusiness.itemRanges(in: "日程第７「議員派遣について」を議題といたします。").isEmpty)
        #expect(OrderOfBusiness.itemRanges(in: "次に、日程第８、議案第７号から日程第４２、議案第４１号までの議案３５件を一括して上程いたします。") == [8...42])
    }
}

@Suite struct ColonTurnsTests {
    @Test func aMembersQuestionAndTheSecretariatsAnswerAreAnExchange() {
        let text = """
        令和５年度第１回汐見川市環境審議会 会議録
        日時 令和5年7月4日(火) 午後2時から
        報告事項
        委員：資源ごみの回収量は、前の年と比べてどう変わったのですか。
        事務局：紙類が１割ほど減り、プラスチック類は横ばいです。
        委員：わかりました。今後も数字を示してください。
        """
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.speeches.map(\.speaker.label) == ["委員", "事務局", "委員"])
        #expect(m.exchanges.count == 1)
        #expect(m.exchanges.first?.answers.map { $0.speaker?.role } == ["事務局"])
    }
}
