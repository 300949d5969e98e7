import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct NumberingTests {
    @Test(arguments: [
        ("⑴ さいたま市次期総合振興計画策定基本方針案について", 1, "⑴"),
        ("（１）さいたま市まち・ひと・しごと創生総合戦略", 1, "（１）"),
        ("(12) 予算について", 12, "(12)"),
        ("① 汐見川駅東口地区", 1, "①"),
        ("１．コミュニティバス", 1, "１．"),
        ("3 出席者", 3, "3"),
        ("日程第２　議案第３１号", 2, "日程第２"),
        ("第１５ 報告", 15, "第１５"),
        ("（十二）補正予算", 12, "（十二）"),
        ("⒇　その他", 20, "⒇"),
        ("２、財政状況", 2, "２、"),
    ])
    func recognisesNumberingBeforeFolding(_ text: String, _ number: Int, _ label: String) throws {
        let n = try #require(Numbering.parse(Substring(text)))
        #expect(n.number == number)
        #expect(n.label == label)
        // The rest starts after the numbering and the spaces that follow it.
        #expect(n.rest.first.map { !SourceLine.isSpace($0.unicodeScalars.first!) } ?? true)
        #expect(text.hasSuffix(n.rest))
    }

    @Test func theRestIsTheTextAfterTheNumbering() throws {
        #expect(try #require(Numbering.parse("（３）　 予算について")).rest == "予算について")
        #expect(try #require(Numbering.parse("1. 出席者")).rest == "出席者")
        #expect(try #require(Numbering.parse("①")).rest == "")
    }

    @Test(arguments: ["１０年とする。", "2018年11月16日", "1.5倍", "（資料１）", "(1234) 番号", "第一 報告", "日程 第２", "12", "（１", "第１報告"])
    func numbersInTextAreNotNumbering(_ text: String) {
        #expect(Numbering.parse(Substring(text)) == nil)
    }
}

@Suite struct LineClassifierTests {
    @Test func spacedBlockLabelsAreRecognisedWithTheirNumbers() {
        #expect(LineClassifier.classify("＜ 議 題 説 明 ①＞") == .blockLabel(.explanation, number: 1, issuer: nil))
        #expect(LineClassifier.classify("＜議題説明(1)＞") == .blockLabel(.explanation, number: 1, issuer: nil))
        #expect(LineClassifier.classify("＜ 意 見 等 ④＞") == .blockLabel(.comments, number: 4, issuer: nil))
        #expect(LineClassifier.classify("＜意見等＞") == .blockLabel(.comments, number: nil, issuer: nil))
        #expect(LineClassifier.classify("＜その他＞") == .blockLabel(.other, number: nil, issuer: nil))
        #expect(LineClassifier.classify("（市長指示）") == .blockLabel(.directives, number: nil, issuer: "市長"))
        #expect(LineClassifier.classify("【副市長指示】") == .blockLabel(.directives, number: nil, issuer: "副市長"))
    }

    @Test func markersDecideTheKind() {
        #expect(LineClassifier.classify("⇒計画案作成で検討していく。") == .answer(marker: "⇒"))
        #expect(LineClassifier.classify("→ まずは、供給部分を確保する") == .answer(marker: "→"))
        #expect(LineClassifier.classify("・ 昨年１１月に策定した") == .bullet(marker: "・"))
        #expect(LineClassifier.classify("※市長が欠席のため") == .note)
        #expect(LineClassifier.classify("（資料１）") == .subheading)
        #expect(LineClassifier.classify("特になし") == .noComments)
        #expect(LineClassifier.classify("- 2 -") == .chrome)
        #expect(LineClassifier.classify("るため必要。") == .text)
    }

    /// An answer's marker is an arrow or an answer's word; a point, a question's word or a
    /// number is not.
    @Test(arguments: [("⇒", true), ("→", true), ("回答", true), ("答弁", true), ("答：", true), ("Ａ．", true), ("A:", true),
                      ("・", false), ("○", false), ("質問", false), ("問", false), ("Ｑ．", false), ("Q:", false), ("(1)", false), ("", false)])
    func answerMarkers(_ marker: String, _ answers: Bool) {
        #expect(LineClassifier.marksAnswer(Substring(marker)) == answers)
    }
}

@Suite struct HeaderLabelTests {
    @Test(arguments: [
        ("【日 時】 平成30年11月16日（金）", HeaderField.Field.date, "【日 時】", "平成30年11月16日（金）"),
        ("日時：2020/11/05（木）14:00~15:10", .date, "日時：", "2020/11/05（木）14:00~15:10"),
        ("1 日時　令和２年７月１５日", .date, "1 日時", "令和２年７月１５日"),
        ("1.日 時　令和２年７月１５日", .date, "1.日 時", "令和２年７月１５日"),
        ("〇招集日時　平成二十八年五月十八日", .date, "〇招集日時", "平成二十八年五月十八日"),
        ("□ 開 催 年 月 日", .date, "□ 開 催 年 月 日", ""),
        ("□ 開 会 時 刻　18時54分", .start, "□ 開 会 時 刻", "18時54分"),
        ("(閉会)　午後四時十五分", .end, "(閉会)", "午後四時十五分"),
        ("〇招集通知年月日　平成二十八年五月十一日", .noticeDate, "〇招集通知年月日", "平成二十八年五月十一日"),
        ("【出席者】 日野副市長、髙橋副市長", .attendees, "【出席者】", "日野副市長、髙橋副市長"),
        ("【議 事】⑴ さいたま市", .agenda, "【議 事】", "⑴ さいたま市"),
        ("場所：本庁舎", .place, "場所：", "本庁舎"),
    ])
    func matchesEveryLabelStyle(_ line: String, _ field: HeaderField.Field, _ written: String, _ value: String) throws {
        let label = try #require(HeaderLabel.match(Substring(line)))
        #expect(label.field == field)
        #expect(label.written == written)
        #expect(label.value == value)
    }

    @Test(arguments: ["議事の経過", "場所は本庁舎とした。", "日時を調整する", "（１）さいたま市"])
    func textThatOnlyStartsLikeALabelIsNotOne(_ line: String) {
        #expect(HeaderLabel.match(Substring(line)) == nil)
    }
}

@Suite struct AttendeeExtractorTests {
    func attendees(_ lines: [String]) -> AttendeeExtractor.Result {
        let source = SourceLine.split(lines.joined(separator: "\n"))
        return AttendeeExtractor().extract(source.map { ($0.content, $0) })
    }

    @Test func anEntryWithTheHonorificIsAPostAndAName() {
        let r = attendees(["十九名", "委員長汐田 一郎君", "副委員長岬  陽子君", "理事浜口ともみ君", "灘 健吾君", "財務局長磯辺 誠君"])
        #expect(r.attendees.filter { $0.count == nil }.map(\.role) == ["委員長", "副委員長", "理事", "", "財務局長"])
        #expect(r.attendees.filter { $0.count == nil }.map(\.name) == ["汐田一郎", "岬陽子", "浜口ともみ", "灘健吾", "磯辺誠"])
    }

    @Test func aPostWithItsCountHeadsTheNamesAfterIt() {
        let r = attendees(["委員5名 (50音順,敬称略)", " 汐田一郎,岬陽子,浜口健吾,磯辺誠,灘口さとみ"])
        #expect(r.attendees.map(\.role) == ["委員", "委員", "委員", "委員", "委員"])
        #expect(r.attendees.map(\.name) == ["汐田一郎", "岬陽子", "浜口健吾", "磯辺誠", "灘口さとみ"])
        // A count of a post with no names after it stays a count.
        #expect(attendees(["委員22名、事務局3名"]).attendees.map(\.count) == [22, 3])
    }

    @Test func aDepartmentInBracketsIsTheGroupOfTheEntriesAfterIt() {
        let r = attendees(["【財務部】", " 財務部長 汐田一郎,財務部理事兼庁舎建設担当 岬陽子,管財課長 浜口健吾", "【総務部】総務部長 磯辺誠"])
        #expect(r.attendees.map(\.role) == ["財務部長", "財務部理事兼庁舎建設担当", "管財課長", "総務部長"])
        #expect(r.attendees.map(\.name) == ["汐田一郎", "岬陽子", "浜口健吾", "磯辺誠"])
        #expect(r.attendees.map(\.group) == ["財務部", "財務部", "財務部", "総務部"])
    }

    @Test func aNameItsHonorificClosesTakesNothingFromTheNextLine() {
        let r = attendees(["潮見ゆかり君", "渚  大輔君", "浦上 正樹君", "汀  まさこ君"])
        #expect(r.attendees.map(\.name) == ["潮見ゆかり", "渚大輔", "浦上正樹", "汀まさこ"])
    }

    @Test func aSeatsNameSpelledOutIsOneName() {
        let r = attendees(["（１名）", "　　２４番　汐　田　一　郎"])
        #expect(r.attendees.map(\.name) == ["汐田一郎"])
        #expect(r.attendees.map(\.seat) == [24])
    }

    @Test func wordsBrokenAcrossLinesAreRejoined() {
        let r = attendees(["日野副市長、教育長、都市戦略", "本部長、市長", "公室長 "])
        #expect(r.attendees.map(\.role) == ["日野副市長", "教育長", "都市戦略本部長", "市長公室長"])
        #expect(r.attendees[2].lines == LineRange(1, 2))
    }

    @Test func aHardLineEndClosesAnEntry() {
        let r = attendees(["理事（秘書・総合調整担当）、総合政策監 ", "ＰＴリーダー（スポーツ部長、商工観光部長）"])
        #expect(r.attendees.map(\.role) == ["理事", "総合政策監", "スポーツ部長", "商工観光部長"])
        #expect(r.attendees[0].note == "秘書・総合調整担当")
        #expect(r.attendees[2].group == "ＰＴリーダー")
    }

    @Test func groupsSpanningLinesExpandIntoMembers() {
        let r = attendees(["幹事区長（西区長、緑区長）、ＰＴリーダー（シティセールス部長、 ", "       環境共生部長）、"])
        #expect(r.attendees.map(\.role) == ["西区長", "緑区長", "シティセールス部長", "環境共生部長"])
        #expect(r.attendees.map(\.group) == ["幹事区長", "幹事区長", "ＰＴリーダー", "ＰＴリーダー"])
    }

    @Test func proxiesAbsencesCountsAndNames() {
        let r = attendees(["財政局長（代理）、経済局長（欠席）、委員22名、委員長 山田 太郎、山本 一郎（会長）"])
        #expect(r.attendees.map(\.role) == ["財政局長", "委員", "委員長", "会長"])
        #expect(r.attendees[0].proxy)
        #expect(r.absentees == ["経済局長"])
        #expect(r.attendees[1].count == 22)
        #expect(r.attendees[2].name == "山田 太郎")
        #expect(r.attendees[3].name == "山本 一郎")
    }

    @Test func listsSeparatedBySpacesOrCommas() {
        // A member's name run into a committee post is the name and the post.
        let members = attendees(["佐々木会長　森本副会長　石井委員"]).attendees
        #expect(members.map(\.role) == ["会長", "副会長", "委員"])
        #expect(members.map(\.name) == ["佐々木", "森本", "石井"])
        // A ward's head is a post, not a name and a post.
        #expect(attendees(["東区長、西区長（代理）"]).attendees.map(\.role) == ["東区長", "西区長"])
        #expect(attendees(["交通政策課長, 運行管理部長（代理）"]).attendees.map(\.role) == ["交通政策課長", "運行管理部長"])
        let spaced = attendees(["委員 中村 健"]).attendees
        #expect(spaced.map(\.role) == ["委員"])
        #expect(spaced.first?.name == "中村 健")
    }

    @Test func seatsMissingTheirCommaAreTwoPeopleAndTheFirstPostIsEverySeats() {
        let r = attendees(["委員 1番 汐田俊男、3番 岬康雄、13番 港好道  14番 浜幸吉、15番 磯多美子"])
        #expect(r.attendees.map(\.name) == ["汐田俊男", "岬康雄", "港好道", "浜幸吉", "磯多美子"])
        #expect(r.attendees.map(\.seat) == [1, 3, 13, 14, 15])
        #expect(r.attendees.allSatisfy { $0.role == "委員" })
    }

    @Test func aSeatAndASpacedNameUnderACountAreOneAbsentee() {
        let r = attendees(["（１名）", "　　　１３番　　大　浜　ゆきこ"])
        #expect(r.attendees.map(\.name) == ["大浜ゆきこ"])
        #expect(r.attendees.map(\.seat) == [13])
    }
}

@Suite struct NoteAndTitleTests {
    /// A header line that ends a title: a sentence, a list item, a numbered heading or a long
    /// line, read with the spaces Foundation trims (`CharacterSet.whitespaces`) trimmed.
    @Test func linesThatCannotBeTitles() {
        #expect(HeaderReader.cannotBeTitle("　報告がありました。\u{3000}\u{200B}"))
        #expect(HeaderReader.cannotBeTitle("\u{A0}- 汐見川市の報告について"))
        #expect(HeaderReader.cannotBeTitle("・資料の確認"))
        #expect(HeaderReader.cannotBeTitle(" 1 重要な報告事項\t"))
        #expect(HeaderReader.cannotBeTitle(Substring(String(repeating: "議", count: 81))))
        #expect(!HeaderReader.cannotBeTitle(Substring(String(repeating: "議", count: 80))))
        #expect(!HeaderReader.cannotBeTitle("  汐見川市総合振興計画推進本部会議  "))
        for v in UInt32(0)..<0x11000 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(HeaderReader.isWhitespace(s) == CharacterSet.whitespaces.contains(s), "U+\(String(v, radix: 16))")
        }
    }

    @Test func notesGiveAbsenteesAndTheChair() {
        let note = "※市長が欠席のため、設置要綱第４条第２項の職務代理の規定により、髙橋副市長が議長として議事進行"
        #expect(NoteExtractor.absentees(in: note) == ["市長"])
        #expect(NoteExtractor.chair(in: note) == "髙橋副市長")
        #expect(NoteExtractor.absentees(in: "※市長及び教育長が欠席") == ["市長", "教育長"])
    }

    @Test(arguments: [
        ("■平成２８年度第２回さいたま市地方創生・成長戦略統合推進本部会議議事概要", "さいたま市地方創生・成長戦略統合推進本部会議", 2, 2016),
        ("■第３回さいたま市総合振興計画推進本部会議 議事概要", "さいたま市総合振興計画推進本部会議", 3, nil),
        ("令和元年度第２回汐見川市子育て・定住戦略推進本部会議議事概要", "汐見川市子育て・定住戦略推進本部会議", 2, 2019),
        ("2020年度 第1回汐見川市環境審議会 会議録", "汐見川市環境審議会", 1, 2020),
        // The body's standing name: no day, calendar year, session month, issue or listing words.
        ("令和 7年第1回定例会（第1日 2月17日）", "定例会", 1, nil),
        ("令和 4年 12月 定例会(第4回)", "定例会", 4, nil),
        ("平成29年度 総務委員会第6回委員会 (8月18日)", "総務委員会", 6, 2017),
        ("令和 元年11月13日議会運営委員会−11月13日-01号", "議会運営委員会", nil, nil),
        ("2015-05-07 汐見川市:平成27年全員協議会 本文", "汐見川市 全員協議会", nil, nil),
        ("12月16日(月曜)行政経営会議", "行政経営会議", nil, nil),
        ("総務文教常任委員会 令和3年9月16日(木)(開会前)", "総務文教常任委員会", nil, nil),
        ("「汐見川まちづくり推進協議会」会議録 (平成22年度第5回)", "汐見川まちづくり推進協議会", 5, 2010),
        ("汐見川市防災会議(第６回)を開催", "汐見川市防災会議", 6, nil),
        ("議会運営委員会速記録第六号", "議会運営委員会", nil, nil),
        ("令和６年第４回汐見川市議会定例会会議録（最終日）", "汐見川市議会定例会", 4, nil),
        ("令和　６年第１回　２月定例会令和６年第１回汐見川市議会定例会会議録　第１号", "汐見川市議会定例会", 1, nil),
        ("令和　６年　定例会緊急議会（１２月）令和６年度定例会１２月緊急議会　汐見川区議会会議録", "汐見川区議会 定例会緊急議会", nil, 2024),
        // A year that names an event stays.
        ("令和6年汐見川豪雨災害対策本部会議", "令和6年汐見川豪雨災害対策本部会議", nil, nil),
    ] as [(String, String, Int?, Int?)])
    func titlesGiveTheMeeting(_ title: String, _ name: String, _ session: Int?, _ fiscalYear: Int?) {
        let meeting = TitleExtractor.meeting(from: title)
        #expect(meeting.name == name)
        #expect(meeting.session == session)
        #expect(meeting.fiscalYear == fiscalYear)
    }
}

@Suite struct AssemblyNameTests {
    @Test(arguments: [
        ("　汐見川区議会会議録　　第１号", "汐見川区議会"),
        ("ただいまから、令和７年第１回汐見川区議会定例会を開会いたします。", "汐見川区議会"),
        ("本日は汐見川市議会の全員協議会です", "汐見川市議会"),
        ("しおみがわ市議会 > 2022-12-21 >", "しおみがわ市議会"),
        ("２　場所　汐見川県議会議場", "汐見川県議会"),
    ])
    func aCouncilIsItsMunicipalityAndSuffixBefore議会(_ text: String, _ council: String) {
        #expect(AssemblyName.council(in: text) == council)
    }

    @Test(arguments: ["議会運営委員会", "全員協議会", "議会事務局 庶務課", "（1）都議会における委員会条例の改正", "汐見川市長"])
    func noCouncilWithoutAMunicipalityBefore議会(_ text: String) {
        #expect(AssemblyName.council(in: text) == nil)
    }

    @Test func aCouncilsMeetingNamedWithoutItTakesIt() {
        #expect(AssemblyName.naming("定例会", council: "汐見川区議会") == "汐見川区議会 定例会")
        #expect(AssemblyName.naming("議会運営委員会", council: "汐見川市議会") == "汐見川市議会 議会運営委員会")
        // Already named, or not a council's meeting.
        #expect(AssemblyName.naming("汐見川市議会定例会", council: "汐見川市議会") == nil)
        #expect(AssemblyName.naming("行政経営会議", council: "汐見川市議会") == nil)
        // A body only a council has, named by its municipality, takes the council's name;
        // the municipality's own bodies keep theirs.
        #expect(AssemblyName.naming("汐見川市 全員協議会", council: "汐見川市議会") == "汐見川市議会 全員協議会")
        #expect(AssemblyName.naming("汐見川市 定例会", council: "汐見川市議会") == "汐見川市議会 定例会")
        #expect(AssemblyName.naming("汐見川市 まちづくり協議会", council: "汐見川市議会") == nil)
        #expect(AssemblyName.naming("汐見川市 教育委員会", council: "汐見川市議会") == nil)
    }

    @Test func theSessionAChairOpensOrClosesIsACouncilsSession() {
        #expect(AssemblyName.session(openedOrClosedIn: "ただいまから令和７年第１回汐見川区議会定例会を開会いたします。") == "令和７年第１回汐見川区議会定例会")
        #expect(AssemblyName.session(openedOrClosedIn: "以上で本日の日程は全部終了いたしました。これにて令和６年第４回汐見川市議会定例会を閉会いたします。")
                == "令和６年第４回汐見川市議会定例会")
        // Not a council's session, or no session at all.
        #expect(AssemblyName.session(openedOrClosedIn: "ただいまから汐見川市総合計画審議会を開会いたします。") == nil)
        #expect(AssemblyName.session(openedOrClosedIn: "ただいまから本日の会議を開きます。") == nil)
    }

    /// A page of utterances alone, with no title, is named by the session its chair closes.
    @Test func aRecordWithNoTitleIsNamedByTheSessionItsChairOpensOrCloses() {
        let text = """
            ◯議長（汐田一郎君）　日程第１、議案第３０号を議題といたします。
            ◯議長（汐田一郎君）　御異議なしと認めます。これにて令和６年第４回汐見川市議会定例会を閉会いたします。
            """
        let minutes = MinutesParser().parse(text: text, path: "x.txt")
        #expect(minutes.title == nil)
        #expect(minutes.meeting.name == "汐見川市議会定例会" && minutes.meeting.session == 4, "\(minutes.meeting)")
    }

    @Test func aRecordTitledBySessionAloneIsNamedWithItsCouncil() {
        let text = "開催日：令和 7年 2月17日\n会議名：令和 7年第1回定例会（第1日 2月17日）\n\n○議事日程\n　　　　汐見川区議会会議録　　第１号\n\n１　日時　令和７年２月１７日　午後１時\n"
        let minutes = MinutesParser().parse(text: text, path: "x.txt")
        #expect(minutes.meeting.name == "汐見川区議会 定例会")
        #expect(minutes.meeting.session == 1)
    }

    @Test func aMunicipalityIsReadAfterItsPrefectureAtTheStartOfALine() {
        #expect(AssemblyName.municipality(in: "茨城県汐見川市汐見一丁目1番地1") == "汐見川市")
        #expect(AssemblyName.municipality(in: "埼玉県 汐見川市") == "汐見川市")
        #expect(AssemblyName.municipality(in: "東京都汐見区役所") == "汐見区")
        #expect(AssemblyName.municipality(in: "愛知県浜手郡汐見町大字岬") == "汐見町")
        #expect(AssemblyName.municipality(in: "汐見川県浜手市本町二丁目3番地4") == "浜手市")
        #expect(AssemblyName.municipality(in: "汐見川市汐見一丁目") == nil)
        #expect(AssemblyName.municipality(in: "県道汐見線の整備") == nil)
        #expect(AssemblyName.municipality(in: "会場は埼玉県汐見川市の市民会館") == nil)
    }

    /// A committee page of a council's site that names the council only by its address.
    static let committeePage = """
        〒999-0001
        茨城県汐見川市汐見一丁目1番地1

        議会中継

         第9回委員会 (1月25日)
        出席委員 汐田一郎委員長,岬陽子副委員長,浜口健吾委員
        市執行部 都市建設部長(灘誠)
        議会事務局 議事課係長(磯辺聡)

        汐田委員長)
        ただ今から,都市建設委員会を開会いたします。
         これより議事に入ります。本日の議題は,所管事務の調査といたしまして「浜手地区の排水路整備について」であります。
         執行部から説明をお願いします。

        都市建設部長)
        それでは,浜手地区の排水路整備について御説明いたします。
         本年度は測量を行い,来年度に工事に着手する予定であります。

        汐田委員長)
        説明が終わりました。質疑があればお願いします。

        浜口委員)
        工事の期間中,通行止めはあるのでしょうか。

        都市建設部長)
        片側通行で対応する予定であります。

        汐田委員長)
        以上で本日の委員会を閉会いたします。
        """

    @Test func aCouncilsCommitteeNamedOnlyByItsAddressIsTheCouncils() {
        let minutes = MinutesParser().parse(text: Self.committeePage, path: "x.txt")
        #expect(minutes.meeting.name == "汐見川市議会 都市建設委員会", "\(minutes.meeting)")
        // The executive's people (`市執行部`) are the explainers, the council's secretariat its own.
        #expect(minutes.attendees.filter { $0.group != nil }.map(\.group) == ["説明員", "事務局"])
        #expect(minutes.meeting.session == 9)
    }

    @Test func aMunicipalitysOwnCommitteeIsNotACouncils() {
        let lines = SourceLine.nonBlankLines(of: "〒999-0001\n茨城県汐見川市汐見一丁目1番地1\n\n第3回汐見川市教育委員会定例会\n出席者 教育長 汐田一郎\n").lines
        #expect(AssemblyName.councilOfMunicipality(in: lines, meeting: "教育委員会") == nil)
        #expect(AssemblyName.councilOfMunicipality(in: lines, meeting: "議会改革特別委員会") == "汐見川市議会")
        let roster = SourceLine.nonBlankLines(of: "茨城県汐見川市汐見一丁目1番地1\n議会事務局 議事課係長(磯辺聡)\n").lines
        #expect(AssemblyName.councilOfMunicipality(in: roster, meeting: "総務委員会") == "汐見川市議会")
    }

    /// A council's committee whose record names neither the council nor an address is the
    /// council of the municipality whose bills it takes up, where the record also names the
    /// municipality standing alone (which says where the name ends).
    @Test func aCouncilsCommitteeIsTheCouncilOfTheMunicipalityWhoseBillsItTakesUp() {
        let record = """
            総務文教常任委員会 令和2年6月22日(月)
            委員長(浜口君):ただいまより、総務文教常任委員会を開会いたします。(14:00)
            1付託案件の審査、(1)議案第44号 汐見川市市民参加条例の制定についてを議題といたします。
            岬君:この条例は、今後の汐見川市にとって大切な条例であります。
            """
        let minutes = MinutesParser().parse(text: record, path: "x.txt")
        #expect(minutes.meeting.name == "汐見川市議会 総務文教常任委員会", "\(minutes.meeting)")
        let lines = SourceLine.nonBlankLines(of: record).lines
        #expect(AssemblyName.municipalityOfBills(in: lines) == "汐見川市")
        // Without the name standing alone, where it ends is not known: no council.
        let bare = SourceLine.nonBlankLines(of: "(1)議案第44号 汐見川市市民参加条例の制定について\n").lines
        #expect(AssemblyName.municipalityOfBills(in: bare) == nil)
        // A municipality's own committee takes up bills too, and is not the council's.
        #expect(AssemblyName.councilOfMunicipality(in: lines, meeting: "教育委員会") == nil)
        #expect(AssemblyName.councilOfMunicipality(in: lines, meeting: "総務文教常任委員会") == "汐見川市議会")
    }
}

@Suite struct ExplanationIntroTests {
    @Test(arguments: [
        ("議題（１）「予算について」事務局（財政部）から資料１について、次のような説明があった。", "事務局（財政部）"),
        ("議題（２）について、環境局及び(仮称)推進室から次のような説明があった。", "環境局及び(仮称)推進室"),
        ("議題（３）。都市局から説明があった。", "都市局"),
        ("（事務局から説明があった。）", "事務局"),
        ("議題（４）「（仮称）計画について」企画課から、次のような説明があった。", "企画課"),
        ("事務局から次のような報告があった。", "事務局"),
    ])
    func thePresenterIsThePhraseBeforeから(_ text: String, _ presenter: String) {
        #expect(ExplanationExtractor.presenter(in: text) == presenter)
    }

    @Test(arguments: ["議題（１）について説明があった。", "議題から説明があった。", "資料の説明があった。"])
    func noPresenterWithoutOne(_ text: String) {
        #expect(ExplanationExtractor.presenter(in: text) == nil)
    }

    @Test func theAgendaTitleIsQuotedOrEndsInについて() {
        #expect(ExplanationExtractor.agendaTitle(in: "議題（１）「予算について」事務局から説明があった。") == "予算について")
        #expect(ExplanationExtractor.agendaTitle(in: "議題⑵ 防災計画の改定について、事務局から説明があった。") == "防災計画の改定について")
        #expect(ExplanationExtractor.agendaTitle(in: "事務局から説明があった。") == nil)
    }
}

@Suite struct DirectiveIntroTests {
    @Test func theIssuerIsTheNameBeforeThePhrase() {
        #expect(DirectiveIntro.issuer(in: "全体を通して、市長から以下のとおり指示があった。") == "市長")
        #expect(DirectiveIntro.issuer(in: "最後に、副市長から次のような指示があった。") == "副市長")
        #expect(DirectiveIntro.issuer(in: "委員から指摘があった。") == nil)
        #expect(DirectiveIntro.issuer(in: "市長指示を踏まえ、検討する。") == nil)
    }
}
