import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// The header and body layouts of real archives, stage by stage: web chrome, box-drawing
/// sheets, lines flattened by extraction, unlabelled values, marked times, years completed
/// from the title, spaced rosters, pages of several meetings. The texts are written for
/// these tests (a fictional city), in the layouts real archives use.
@Suite struct PageChromeTests {
    @Test func navigationProvenanceAndContactsAreChrome() {
        for line in ["ページの先頭です", "汐見川市議会 > 2019-11-20 >", "ツイート シェア", "取得元: 汐見川市議会公式サイト",
                     "最終取得日: 2021-03-14", "更新日:2022年10月31日", "ページID:1234567", "〒399-0101",
                     "汐見川県汐見川市本町二丁目3番地4", "Tel 0299(11)2200", "gikai@city.shiomigawa.example.jp",
                     "↓ 最初のヒットへ(全 0 ヒット)", "1:", "議事ロックス -地方議会議事録検索-"] {
            #expect(PageChrome.matches(Substring(line)), "\(line)")
        }
    }

    @Test func aShortBreadcrumbOfTwoPartsIsChrome() {
        #expect(PageChrome.matches("汐見川市議会 > 会議録"))
        #expect(!PageChrome.matches("議案第５号（歳入 > 歳出の調整）について審査した。"))
    }

    /// A page with no labelled field: after its title, a sentence, a `- ` item or a numbered
    /// heading begins the body, which is kept; a page's numbered list of links is not a heading.
    @Test func aPagesBodyAfterItsTitleIsNotChrome() throws {
        for line in ["次の項目について報告がありました。", "- 汐見川駅西口自転車駐車場について", "・市民会館の改修について", "1 重要な報告事項", "２　協議事項",
                     String(repeating: "令和6年11月7日議会運営委員会    ", count: 5)] {
            #expect(HeaderReader.cannotBeTitle(Substring(line)), "\(line)")
        }
        for line in ["第３回汐見川市行政経営会議", "1. 汐見川市議会 2024-11-07", "11月7日(木曜)行政経営会議", "1 令和6年11月7日(木)"] {
            #expect(!HeaderReader.cannotBeTitle(Substring(line)), "\(line)")
        }
        let text = "行政経営会議の結果(令和6年11月開催分)\n11月7日(木曜)行政経営会議\n1 重要な報告事項\n次の項目について報告がありました。\n- 図書館の指定管理者の選定について\n"
        guard case .minutes(let minutes) = try ParsedDocument.parse(Data(text.utf8), source: InputSource(path: "page.txt"), kind: .minutes) else {
            Issue.record("not read as minutes"); return
        }
        // The item listed under the reported matters is the meeting's agenda item.
        #expect(minutes.agenda.map(\.title) == ["図書館の指定管理者の選定について"])
        #expect(minutes.paragraphs.map(\.text) == ["次の項目について報告がありました。"])
        #expect(!minutes.layout.contains { $0.role == .pageChrome && $0.text.contains("図書館") })
        // A numbered line over labelled fields is the header's: the fields are read.
        let numbered = "第3回汐見川市まちづくり審議会\n1 審議会の概要\n2 日時 令和6年5月10日(金)午後2時\n3 場所 汐見川市役所 第1会議室\n"
        guard case .minutes(let header) = try ParsedDocument.parse(Data(numbered.utf8), source: InputSource(path: "numbered.txt"), kind: .minutes) else {
            Issue.record("not read as minutes"); return
        }
        #expect(header.date == "2024-05-10" && header.place?.contains("第1会議室") == true, "\(header.header)")
        // A page whose line breaks were lost: its header values, agenda and body run together.
        let flat = """
            汐見川市議会 > 2024-11-07 >
            令和6年11月7日議会運営委員会−11月07日-01号

            取得元: 汐見川市議会公式サイト
            令和6年11月7日議会運営委員会−11月07日-01号令和6年11月7日議会運営委員会                 令和6年11月7日(木)                 午前10時                 第1委員会室                 [議題] 1.会期について 2.議事日程について
             A議会図書室の資料整理について(汐田委員提起)    ……………………………………          9時58分開会 ○委員長汐田一郎)ただいまから、議会運営委員会を開会する。

            """
        guard case .minutes(let page) = try ParsedDocument.parse(Data(flat.utf8), source: InputSource(path: "flat.txt"), kind: .minutes) else {
            Issue.record("not read as minutes"); return
        }
        #expect(!page.layout.contains { $0.role == .pageChrome && $0.line == 5 }, "\(page.layout)")
        #expect(page.agenda.first?.title?.contains("会期について") == true, "\(page.agenda)")
    }

    @Test func aMeetingsNameOrAPlaceIsNotChrome() {
        for line in ["第8回汐見川市都市計画審議会会議録", "市役所4階第3会議室", "平成29年度 総務委員会", "<議題> 予防接種について"] {
            #expect(!PageChrome.matches(Substring(line)), "\(line)")
        }
    }
}

@Suite struct LineSegmenterTests {
    static let flattened = "令和元年議会運営委員会(11月20日)        1 日    時 令和元年11月20日(水)     開会 午前10時00分     散会 午前10時52分 2 場    所 第二委員会室 3 出席者    委員長   波 多 野 ゆ う   副委員長  石 動 まさる"

    @Test func aFlattenedHeaderIsCutWhereEachFieldBegins() {
        let (lines, shared) = LineSegmenter.split(SourceLine.nonBlankLines(of: Self.flattened).lines)
        #expect(lines.map(\.content) == ["令和元年議会運営委員会(11月20日)", "1 日    時 令和元年11月20日(水)", "開会 午前10時00分",
                                         "散会 午前10時52分", "2 場    所 第二委員会室", "3 出席者    委員長   波 多 野 ゆ う   副委員長  石 動 まさる"])
        #expect(lines.allSatisfy { $0.number == 1 })
        #expect(shared.map(\.number) == [1])
    }

    @Test func utterancesRunTogetherAreCutAtTheirLabelsAndTheTurnNumbersDropped() {
        let text = String(repeating: "前置きの文です。", count: 4) + "  1: ◯委員長(波多野ゆう君) ただいまから開会いたします。  2: ◯事務局次長(津久井清君) ご説明いたします。"
        let lines = LineSegmenter.split(SourceLine.nonBlankLines(of: text).lines).lines
        #expect(lines.map(\.content).dropFirst() == ["◯委員長(波多野ゆう君) ただいまから開会いたします。", "◯事務局次長(津久井清君) ご説明いたします。"])
    }

    @Test func turnsWrittenInsideAParagraphAreCutAtTheirBracketedPosts() {
        let text = "2.議題 (1)市民意識調査について -資料1を基に事務局より説明- (事務局)調査票の案について、全体の感想を伺いたい。 (委員)設問の数は多すぎないと思った。ただ、言葉が難しい箇所がある。"
        let lines = LineSegmenter.split(SourceLine.nonBlankLines(of: text).lines).lines
        #expect(lines.map(\.content).dropFirst() == ["(事務局)調査票の案について、全体の感想を伺いたい。", "(委員)設問の数は多すぎないと思った。ただ、言葉が難しい箇所がある。"])
        let m = MinutesParser().parse(text: "汐見川市人権推進会議会議録\n1 日時 | 令和3年1月26日(火曜日) 午後6時30分から午後8時まで |\n7 会議概要 | |\n" + text, path: "t.txt")
        #expect(m.speeches.map(\.speaker.label) == ["(事務局)", "(委員)"])
    }

    @Test func aLongSentenceThatMentionsALabelKeepsItsLine() {
        let text = String(repeating: "議会の運営について協議しました。", count: 8) + " 場所 は次回に決めます。"
        let (lines, shared) = LineSegmenter.split(SourceLine.nonBlankLines(of: text).lines)
        #expect(lines.count == 1)
        #expect(shared.isEmpty)
    }
}

@Suite struct BoxTableTests {
    static let sheet = """
    ┌──────┬────────────────────┬───────┐
    │      │                    │ 会議室    │
    │会議名   │第17回 議会改革特別委員会      ├───────┤
    │      │                    │ 第1委員会室 │
    ├──────┼────────────────────┴───────┤
    │      │        開会 午前 9時30分         │
    │日    時│平成25年11月12日(火)              │
    │      │        閉会 午前11時05分         │
    ├──────┼────────────────────────────┤
    │出席委員  │◎志 賀 直 人  〇玉 置 さ く ら   柏 木 達 也  │
    └──────┴────────────────────────────┘
    """

    @Test func eachRowIsAFieldWithItsLabelCellAndValueCells() throws {
        let minutes = MinutesParser().parse(text: "会 議 結 果\n" + Self.sheet, path: "sheet.txt")
        #expect(minutes.title == "第17回 議会改革特別委員会")
        #expect(minutes.date == "2013-11-12")
        #expect(minutes.startTime == "09:30")
        #expect(minutes.endTime == "11:05")
        #expect(minutes.place == "第1委員会室")
        #expect(minutes.attendees.map(\.name) == ["志賀直人", "玉置さくら", "柏木達也"])
        #expect(minutes.attendees.map(\.role) == ["委員長", "副委員長", "委員"])
        #expect(LineAccounting.problems(in: minutes, text: "会 議 結 果\n" + Self.sheet) == [])
    }
}

@Suite struct UnlabelledHeaderTests {
    @Test func aDateLineAndAPlaceLineAfterTheTitleAreTheDateAndThePlace() {
        let text = "汐見川市議会議会運営委員会速記録第三号\n\n令和四年二月十日(木曜日)\n議会運営委員会室\n   午前十時五分開議\n"
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.date == "2022-02-10")
        #expect(m.place == "議会運営委員会室")
    }

    @Test func aFlattenedHeaderWithoutLabelsGivesItsRoom() {
        #expect(HeaderReader.placeInFlattenedHeader("令和 6年11月13日議会運営委員会      令和6年11月13日(水)          午前10時          第4・第5委員会室")
                == "第4・第5委員会室")
        // A room named in prose, or with no date part before it, is no header's.
        #expect(HeaderReader.placeInFlattenedHeader("会議は第2委員会室で開かれ、令和6年11月13日(水)に終わった。") == nil)
        #expect(HeaderReader.placeInFlattenedHeader("議会運営委員会      午前10時      第2委員会室") == nil)
    }

    @Test func labelsGluedToTheirValuesAfterNumbering() {
        let m = MinutesParser().parse(text: "第8回審議会会議録\n1 日時平成18年11月29日(水曜日) 午後2時~午後3時25分\n2 場所市役所4階第3会議室\n", path: "t.txt")
        #expect(m.date == "2006-11-29")
        #expect(m.startTime == "14:00")
        #expect(m.endTime == "15:25")
        #expect(m.place == "市役所4階第3会議室")
    }

    /// `議事` with no value, then its items as numbered lines: `1 開会` is the agenda's first
    /// item, not the label of the opening time; a numbered `開会` with a time is that time.
    @Test func anAgendaOfNumberedLinesUnderAnEmptyLabelBeginsWithTheOpening() {
        let text = "汐見川市地域協働推進懇話会 会議録\n\n日時\n\n令和６年７月２４日\n\n議事\n\n1 開会\n\n2 新委員の紹介\n\n3 実施状況について\n・事務局より説明\n\n(会長)\n率直に聞かせてほしい。\n"
        let m = MinutesParser().parse(text: text, path: "t.txt")
        #expect(m.agenda.map(\.number) == [1, 2, 3])
        #expect(m.agenda.map(\.title) == ["開会", "新委員の紹介", "実施状況について"])
        #expect(m.startTime == nil)
        let timed = MinutesParser().parse(text: "第8回審議会会議録\n1 日時 令和６年７月２４日\n2 開会 午後2時\n", path: "t.txt")
        #expect(timed.startTime == "14:00")
    }

    @Test func openingAndClosingTimesAreReadWhereverTheyStand() {
        #expect(TimeOfDay.marked(in: "10時00分開会 10時38分閉会(会議時間0時間38分)").start?.description == "10:00")
        #expect(TimeOfDay.marked(in: "10時00分開会 10時38分閉会(会議時間0時間38分)").end?.description == "10:38")
        #expect(TimeOfDay.marked(in: "(開会)午後 1時30分").start?.description == "13:30")
        #expect(TimeOfDay.marked(in: "令和元年6月21日(金) 開会 午前10時00分 散会 午前10時43分").end?.description == "10:43")
    }

    @Test func aDayWithoutAYearIsCompletedFromTheFiscalYearWithAWarning() {
        let m = MinutesParser().parse(text: "平成29年度 総務委員会\n 第4回委員会 (2月9日)\n出席委員 若月勝委員長,桐谷由香副委員長\n", path: "t.txt")
        #expect(m.date == "2018-02-09")   // February of fiscal 平成29 is in 2018
        #expect(m.warnings.contains { if case .dateInferred(date: "2018-02-09", written: "2月9日", year: "平成29年度") = $0.kind { true } else { false } })
    }

    @Test func aDayWithNoYearAnywhereStaysUnknown() {
        let m = MinutesParser().parse(text: " 第9回委員会 (1月25日)\n出席委員 鈴木一郎委員長,山口二郎副委員長\n", path: "t.txt")
        #expect(m.date == nil)
    }
}

@Suite struct SpacedRosterTests {
    func roster(_ lines: [String]) -> [Attendee] {
        let parts = SourceLine.nonBlankLines(of: lines.joined(separator: "\n")).lines.map { ($0.content, $0) }
        return SpacedRoster.read(parts).attendees
    }

    @Test func seatsInTwoColumnsAreTwoPeopleALine() {
        let people = roster(["１番　　さ　わ　えりか　　　　　　２番　　浜　岡　と　も", "３番　　樫　村　　　修　　　　　　５番　　百　武　ゆかり"])
        #expect(people.map(\.name) == ["さわえりか", "浜岡とも", "樫村修", "百武ゆかり"])
        #expect(people.map(\.seat) == [1, 2, 3, 5])
    }

    @Test func aPostNamesThePeopleAfterItAndSpacedLettersAreJoined() {
        let people = roster(["委 員 長  波 多 野 ゆ う  副委員長  石 動 まさる  委  員  小 暮 はるか       八 重 樫   恵"])
        #expect(people.map(\.role) == ["委員長", "副委員長", "委員", "委員"])
        #expect(people.map(\.name) == ["波多野ゆう", "石動まさる", "小暮はるか", "八重樫恵"])
    }

    @Test func aPostSplitAroundItsHoldersNameOrOverTwoLinesIsOnePost() {
        let cell = roster(["建 設 部 長  笠 間 善 行     教 育 委 員 会  出 水 裕 之                       教  育  長  教 育 部 長  岡 崎 賢太郎"])
        #expect(cell.map(\.role) == ["建設部長", "教育委員会教育長", "教育部長"])
        #expect(cell.map(\.name) == ["笠間善行", "出水裕之", "岡崎賢太郎"])
        let wrapped = roster(["　　政策経営部長兼務　　　　　　　　　　長　南　幸　江", "　　ＳＤＧｓ推進担当部長", "　　総務部長　　　　　　　　　　　　　　長谷川　　　稔"])
        #expect(wrapped.map(\.role) == ["政策経営部長兼務ＳＤＧｓ推進担当部長", "総務部長"])
        #expect(wrapped.map(\.name) == ["長南幸江", "長谷川稔"])
    }

    @Test func postsBesideNamesAndNamesRunIntoPosts() {
        let pairs = roster(["市長　　　　　　矢　代　　　明　　　　副市長　　　　　嵯　峨　恵　子"])
        #expect(pairs.map(\.role) == ["市長", "副市長"])
        #expect(pairs.map(\.name) == ["矢代明", "嵯峨恵子"])
        let run = roster(["津 久 井 次長          満 島 議事係長"])
        #expect(run.map(\.role) == ["次長", "議事係長"])
        #expect(run.map(\.name) == ["津久井", "満島"])
    }

    @Test func aSpelledOutSurnameBeforeItsPostIsThePostsHolder() {
        let people = roster(["汐 田 区長          磯 辺 企画経営部長     (5名)浜 口 政策企画課長      灘   施設課長",
                             "          岬 参事(総務課長)          潮 見 選挙管理委員会事務局長 沖 野 監査事務局長"])
        #expect(people.map(\.role) == ["区長", "企画経営部長", "政策企画課長", "施設課長", "参事", "選挙管理委員会事務局長", "監査事務局長"])
        #expect(people.map(\.name) == ["汐田", "磯辺", "浜口", "灘", "岬", "潮見", "沖野"])
        #expect(people[4].note == "総務課長")
    }

    @Test func aPostSpelledOutBeforeANameStaysAPost() {
        let people = roster(["総 合 政策部長  磯 辺   誠  危 機 管理部長  浜 口 健 吾"])
        #expect(people.map(\.role) == ["総合政策部長", "危機管理部長"])
        #expect(people.map(\.name) == ["磯辺誠", "浜口健吾"])
    }

    @Test func aPostHeldWithAnotherOrCarriedOutIsAPost() {
        let people = roster(["教育長                    汐 田 一 郎",
                             "     浜手地区総合支所長浜手地区管理課長兼務      岬 陽 子  文化担当部長国際担当課長事務取扱)     灘 口 聡"])
        #expect(people.map(\.role) == ["教育長", "浜手地区総合支所長浜手地区管理課長兼務", "文化担当部長国際担当課長事務取扱)"])
        #expect(people.map(\.name) == ["汐田一郎", "岬陽子", "灘口聡"])
    }

    /// `委員` is every name's after it; an office is one person's.
    @Test func anOfficeIsHeldByTheOneNameAfterIt() {
        let people = roster(["教育長                    汐 田 一 郎     浜手事務所長      岬 陽 子       灘 口 聡"])
        #expect(people.map(\.role) == ["教育長", "浜手事務所長", ""])
        #expect(people.map(\.name) == ["汐田一郎", "岬陽子", "灘口聡"])
    }

    /// A roster whose names are spelled out, cut off inside a post after the last name (a
    /// page's excerpt): the fragment is no attendee, and the reader says where it was cut.
    @Test func aRosterCutOffInsideAPostEndsWithItsLastName() {
        let parts = SourceLine.nonBlankLines(of: "教育長      汐 田 一 郎  浜手地区総合支所長      岬 陽 子  清掃事務所長      灘 口 聡 子  文化推").lines.map { ($0.content, $0) }
        let cut = SpacedRoster.read(parts)
        #expect(cut.attendees.map(\.name) == ["汐田一郎", "岬陽子", "灘口聡子"])
        #expect(cut.cutOff?.text == "文化推" && cut.cutOff?.line == 1)
        // A name written close at the end of such a roster after a post is that post's holder;
        // and where names are written close, the last one is a name.
        #expect(roster(["教育長      汐 田 一 郎  浜手地区総合支所長      岬 陽 子  清掃事務所長      灘 口   聡  文化担当部長  浜口"]).last?.name == "浜口")
        #expect(roster(["区長　　　浦本亨　　　福祉保健部長　　浮浜康宏　　　総務部長　　岬陽子　　汐田聡"]).last?.name == "汐田聡")
        let m = MinutesParser().parse(text: "第3回汐見川区民文教委員会 記録\n日時 令和5年9月15日(金)\n出席説明員 教育長      汐 田 一 郎  浜手地区総合支所長      岬 陽 子  清掃事務所長      灘 口 聡 子  文化推\n", path: "t.txt")
        #expect(m.attendees.count == 3)
        #expect(m.warnings.contains { $0.kind == .rosterCutOff("文化推") && $0.line == 3 })
    }

    @Test func aSeatsMemberRunIntoThePostIsANameAndAPost() {
        let people = roster(["     ３番  汐田一郎議員      ４番  岬 陽議員"])
        #expect(people.map(\.role) == ["議員", "議員"])
        #expect(people.map(\.name) == ["汐田一郎", "岬陽"])
        #expect(people.map(\.seat) == [3, 4])
    }
}

@Suite struct MeetingHeadingsTests {
    static let page = """
    汐見川市対策本部会議

    更新日:2022年10月31日

    第12回 対策本部会議(令和4年10月28日開催)

    概要

      •  発生状況について、情報共有を行いました。

    第11回対策本部会議(令和4年9月16日開催)

    概要

      •  国の方針について、情報共有を行いました。
    """

    /// A line is read a character at a time for `。`, `、`, `第` and `回`, whatever the
    /// width of the characters before them (one byte, two, four).
    @Test func aHeadingsMarksAreFoundAfterCharactersOfEveryWidth() {
        #expect(MeetingHeadings.marks(of: "第12回 対策本部会議") == (false, true))
        #expect(MeetingHeadings.marks(of: "é𠮟第3回") == (false, true))
        #expect(MeetingHeadings.marks(of: "𠮟第3") == (false, false))
        #expect(MeetingHeadings.marks(of: "第12回の会議では、情報共有を行いました") == (true, false))
        #expect(MeetingHeadings.marks(of: "abc。") == (true, false))
        #expect(MeetingHeadings.marks(of: "") == (false, false))
    }

    @Test func eachMeetingIsARecordOfItsOwnAndTheRecordsShareNoLine() throws {
        let whole = MinutesParser().parse(text: Self.page, path: "page.txt")
        let parts = MeetingSplitter.split(whole)
        #expect(parts.map(\.date) == ["2022-10-28", "2022-09-16"])
        #expect(parts.map(\.meeting.session) == [12, 11])
        #expect(parts.map(\.meeting.name) == ["対策本部会議", "対策本部会議"])
        #expect(parts.map { $0.source.part?.lines } == [LineRange(1, 10), LineRange(11, 15)])
        // Each line the whole record accounts for is in exactly one meeting's record, within its lines.
        func owned(_ m: Minutes) -> [Int] {
            m.header.map(\.lines.start) + m.layout.map(\.line) + m.other.map(\.lines.start) + m.paragraphs.map(\.lines.start)
                + m.agenda.flatMap { $0.exchanges.map(\.lines.start) }
        }
        #expect(owned(whole).sorted() == parts.flatMap(owned).sorted())
        for part in parts { #expect(owned(part).allSatisfy { part.source.part!.lines.start <= $0 && $0 <= part.source.part!.lines.end }) }
        #expect(parts.allSatisfy { !$0.warnings.contains { if case .severalMeetings = $0.kind { true } else { false } } })
    }

    @Test func aPageOfSeveralMeetingsClaimsNoOneDateAndSaysSo() {
        let m = MinutesParser().parse(text: Self.page, path: "page.txt")
        #expect(m.date == nil)
        #expect(m.warnings.contains { if case .severalMeetings(["2022-10-28", "2022-09-16"]) = $0.kind { true } else { false } })
        // The second meeting's heading opens a section: it is in no one's paragraph.
        #expect(m.layout.contains { $0.role == .sectionLabel && $0.text.hasPrefix("第11回") })
        #expect(LineAccounting.problems(in: m, text: Self.page) == [])
    }

    @Test func aSinglePageMeetingKeepsItsDate() {
        let m = MinutesParser().parse(text: "第12回 対策本部会議(令和4年10月28日開催)\n\n概要\n\n・次回は第13回会議で報告します。\n", path: "one.txt")
        #expect(m.date == "2022-10-28")
    }
}

/// Headers that are ambiguous or broken: a record with warnings that say what was read, never a guess presented as fact.
@Suite struct HeaderBadInputTests {
    func parse(_ text: String) -> Minutes { MinutesParser().parse(text: text, path: "t.txt") }

    @Test func aTableFlattenedLabelsFirstGivesEachLabelItsValue() {
        let m = parse("第3回汐見川市交通会議 議事録\n日時\n場所\n出席者\n令和4年5月10日\n市役所3階会議室\n委員 5名\n事務局 2名\n")
        #expect(m.date == "2022-05-10")
        #expect(m.place == "市役所3階会議室")
        #expect(m.attendees.map(\.role) == ["委員", "事務局"])
        #expect(m.attendees.map(\.count) == [5, 2])
        #expect(m.layout.filter { $0.role == .tableLabel }.map(\.line) == [2, 3, 4])
        #expect(m.header.first { $0.field == .date }?.lines == LineRange(5))
    }

    @Test func moreValuesThanLabelsStayWithTheLastLabelAndSaySo() {
        let m = parse("第3回汐見川市交通会議 議事録\n日時\n場所\n令和4年5月10日\n市役所3階会議室\n（オンライン併用）\n")
        #expect(m.date == "2022-05-10")
        #expect(m.place == "市役所3階会議室（オンライン併用）")
        #expect(m.warnings.contains { if case .tableValuesBeyondLabels(labels: 2, values: 3, kept: "場所") = $0.kind { true } else { false } })
    }

    @Test func aLabelWithNoValueIsSaidSoAndNoDateIsGuessed() {
        let m = parse("第3回汐見川市交通会議 議事録\n日時：\n場所： 市役所3階\n")
        #expect(m.date == nil)
        #expect(m.warnings.contains { if case .fieldWithoutValue(label: "日時：") = $0.kind { true } else { false } })
    }

    @Test func theDayAMeetingWasCalledIsNotTheDayItWasHeld() {
        let m = parse("第3回汐見川市交通会議 議事録\n令和4年5月10日 招集\n令和4年5月17日(火)午後2時\n場所 市役所\n")
        #expect(m.date == "2022-05-17")
        #expect(m.noticeDate == "2022-05-10")
        #expect(m.startTime == "14:00")
    }

    @Test func aStatedTotalThatDiffersFromTheNamesReadIsSaidSo() {
        let m = parse("第3回汐見川市交通会議 議事録\n日時 令和4年5月17日(火)\n出席委員（４名） 汐田一郎、岬陽子、浜口聡\n")
        #expect(m.attendees.count == 3)
        #expect(m.warnings.contains { if case .attendeeCountMismatch(label: _, stated: 4, found: 3) = $0.kind { true } else { false } })
        let right = parse("第3回汐見川市交通会議 議事録\n日時 令和4年5月17日(火)\n出席委員（３名） 汐田一郎、岬陽子、浜口聡\n")
        #expect(!right.warnings.contains { if case .attendeeCountMismatch = $0.kind { true } else { false } })
    }

    @Test func aBoxTableCutInHalfIsReadAndSaysSo() {
        let cut = parse("第3回汐見川市交通会議 議事録\n┌──────┬──────────────┐\n│日  時│令和4年5月10日(火)        │\n├──────┼──────────────┤\n│場  所│市役所3階                  │\n")
        #expect(cut.date == "2022-05-10" && cut.place == "市役所3階")
        #expect(cut.warnings.contains { $0.kind == .tableCutOff && $0.line == 5 })
        let whole = parse("第3回汐見川市交通会議 議事録\n┌──────┬──────────────┐\n│日  時│令和4年5月10日(火)        │\n└──────┴──────────────┘\n")
        #expect(!whole.warnings.contains { $0.kind == .tableCutOff })
    }

    @Test func aPageOfChromeOnlyHasNoTitleAndSaysSo() {
        let m = parse("ページの先頭です\nメニューを飛ばして本文へ\nこのページのトップへ\n")
        #expect(m.title == nil)
        #expect(m.layout.allSatisfy { $0.role == .pageChrome })
        #expect(m.warnings.contains { $0.kind == .titleMissing } && m.warnings.contains { $0.kind == .dateMissing })
    }
}

/// Bodies of summary minutes in other layouts: `議事の経過` with the agenda's items again, who
/// explained with what, and questions and answers in words.
@Suite struct ProceedingsSectionTests {
    static let text = """
    第2回汐見川市駐輪対策協議会 会議録
    日時 令和5年2月8日(水) 午前10時～11時
    議題
    1 駅前駐輪場の有料化について
    2 放置自転車の撤去について
    議事の経過
    1 駅前駐輪場の有料化について
    (資料1により事務局が説明)
    問 料金はいくらを想定しているのか。
    答 1日100円を想定している。
    Ｑ．定期利用の割引はあるか。
    Ａ．学生向けの割引を検討している。
    2 放置自転車の撤去について
    事務局から資料2に基づき説明があった。
    ・撤去の予告期間はどのくらいか。
    ⇒条例で7日間と定めている。
    """

    @Test func eachItemTakesItsExplanationAndItsQuestionsAndAnswers() {
        let m = MinutesParser().parse(text: Self.text, path: "t.txt")
        #expect(m.agenda.map(\.number) == [1, 2])
        #expect(m.agenda.map { $0.explanation?.presenter } == ["事務局", "事務局"])
        #expect(m.agenda.map { $0.explanation?.materials ?? [] } == [["資料1"], ["資料2"]])
        #expect(m.agenda[0].exchanges.map(\.questionMarker) == ["問", "Ｑ．"])   // the marker as written, its stop with it
        #expect(m.agenda[0].exchanges.map { $0.answers.map(\.marker) } == [["答"], ["Ａ．"]])
        #expect(m.agenda[0].exchanges[1].question == "定期利用の割引はあるか。")
        #expect(m.agenda[1].exchanges.map(\.question) == ["撤去の予告期間はどのくらいか。"])
        #expect(m.paragraphs.isEmpty)
        #expect(LineAccounting.problems(in: m, text: Self.text) == [])
    }

    @Test(arguments: [("質問 停留所はどうなるか。", false), ("回答 残す予定である。", true), ("答：検討している。", true), ("A: yes", true)])
    func wordsOpenQuestionsAndAnswers(_ line: String, _ answer: Bool) throws {
        let word = try #require(LineClassifier.qaWord(line[...]))
        #expect(word.answer == answer)
    }

    @Test(arguments: ["問題点を整理する。", "答申案について", "A bus stop", "質問事項"])
    func aWordThatOnlyBeginsLikeOneIsNot(_ line: String) {
        #expect(LineClassifier.qaWord(line[...]) == nil)
    }
}

/// A prefectural assembly's committee record: one person a line with the honorific, and the
/// people who attended without being members listed under the absent members' count, their
/// own heading lost in extraction.
@Suite struct AbsentMembersHeadingTests {
    static let record = """
        議会運営委員会速記録第三号

        令和七年二月十日(月曜日)
        議会運営委員会室
           午後一時開議
         出席委員 三名
        委員長汐田 一郎君
        副委員長岬  陽子君
        浜口ともみ君

         欠席委員 一名

        議長磯辺 誠君
        財務局長灘 健吾君

        本日の会議に付した事件
        会議予定について

        ○汐田委員長 ただいまから議会運営委員会を開会いたします。
        """

    @Test func peopleWhoAreNoMembersUnderAnAbsenteeCountAttended() {
        let minutes = MinutesParser().parse(text: Self.record, path: "x.txt")
        #expect(minutes.attendees.map(\.role) == ["委員長", "副委員長", "委員", "議長", "財務局長"])
        #expect(minutes.attendees.map(\.name) == ["汐田一郎", "岬陽子", "浜口ともみ", "磯辺誠", "灘健吾"])
        #expect(minutes.absentees.isEmpty)
    }

    @Test func absentMembersStayAbsentees() {
        let record = Self.record.replacingOccurrences(of: "議長磯辺 誠君\n財務局長灘 健吾君", with: "理事磯辺 誠君")
        let minutes = MinutesParser().parse(text: record, path: "x.txt")
        #expect(minutes.attendees.count == 3)
        #expect(minutes.absentees == ["理事 磯辺誠"])
    }

    /// A roster field that gives a count alone takes the names on the indented line below it,
    /// each post in brackets before its holder (not a speaker's first words); a roster
    /// continued on indented lines ends at the first line that is not.
    @Test func aCountsNamesOnTheIndentedLineBelowItAreItsPeople() {
        let record = """
            「浜手地区まちづくり協議会」会議録 (令和4年度第2回)

            日時 令和4年10月6日(木)
            午後1時30分〜午後3時00分
            場所 汐見川市浜手支所 2階「会議室」
            出席者 委員3名 (50音順,敬称略)
             汐田一郎,岬陽子,浜口聡
            事務局職員2名
             (浜手支所長)磯辺誠,(同市民係長)灘口ゆかり
            欠席者 委員2名(50音順,敬称略)
             潮見健吾,沖野真理
            会議の公開・非公開 公開
            1 開会
             浜手支所長が進行役を務めた。
            """
        let minutes = MinutesParser().parse(text: record, path: "x.txt")
        #expect(minutes.attendees.map(\.name) == ["汐田一郎", "岬陽子", "浜口聡", "磯辺誠", "灘口ゆかり"])
        #expect(minutes.attendees.suffix(2).map(\.role) == ["浜手支所長", "同市民係長"])
        #expect(minutes.attendees.suffix(2).map(\.group) == ["事務局", "事務局"])
        #expect(minutes.absentees == ["委員 潮見健吾", "委員 沖野真理"])
        #expect(minutes.header.contains { $0.field == .absentees && $0.lines == LineRange(10, 11) })
        // A heading's count is checked against the names under it, present or absent.
        #expect(!minutes.warnings.contains { if case .attendeeCountMismatch = $0.kind { true } else { false } })
        let miscounted = MinutesParser().parse(text: record.replacingOccurrences(of: "出席者 委員3名", with: "出席者 委員4名")
            .replacingOccurrences(of: "欠席者 委員2名", with: "欠席者 委員3名"), path: "x.txt")
        #expect(miscounted.warnings.contains { $0.kind == .attendeeCountMismatch(label: "出席者", stated: 4, found: 3) && $0.line == 6 })
        #expect(miscounted.warnings.contains { $0.kind == .attendeeCountMismatch(label: "欠席者", stated: 3, found: 2) && $0.line == 10 })
    }
}
