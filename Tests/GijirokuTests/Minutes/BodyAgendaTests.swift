import Foundation
import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// A summary with no agenda field: the items listed under its reported or discussed matters,
/// and its numbered sections, are its agenda (``BodyAgenda``).
@Suite struct BodyAgendaTests {
    static func minutes(_ text: String) throws -> Minutes {
        guard case .minutes(let m) = try ParsedDocument.parse(Data(text.utf8), source: InputSource(path: "page.txt"), kind: .minutes) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return m
    }

    @Test func itemsListedUnderReportedOrDiscussedMattersAreAgendaItems() throws {
        let m = try Self.minutes("""
            12月2日(月曜)行政経営会議
            1 協議事項
            次の項目について協議しました。
            - 令和7年度組織改正(案)
            2 重要な報告事項
            ・汐見川市立図書館の移転について
            (3) 雲雀丘公園の再整備について
            """)
        #expect(m.agenda.map(\.title) == ["令和7年度組織改正(案)", "汐見川市立図書館の移転について", "雲雀丘公園の再整備について"])
        #expect(m.agenda.map(\.number) == [nil, nil, 3])
        #expect(m.agenda.map(\.lines) == [LineRange(4), LineRange(6), LineRange(7)])
        #expect(m.paragraphs.map(\.text) == ["次の項目について協議しました。"])
    }

    /// With no agenda field, a summary's numbered sections (1, 2, 3 … in order, short
    /// headings) are its agenda items, the text after each a paragraph.
    @Test func aSummarysNumberedSectionsAreItsAgendaWhenItHasNone() throws {
        let m = try Self.minutes("""
            汐見川市雲雀丘まちづくり協議会 会議録
            日時 令和6年12月16日(月)午後1時30分～午後3時
            場所 汐見川市雲雀丘支所 会議室
            1 開会
            支所長が進行役を務めた。
            2 会長あいさつ
            今年の事業を振り返り、来年の事業について意見をいただきたい。
            3 報告事項(事務局)
            (1)全体会議の日程について
            """)
        #expect(m.agenda.map(\.title) == ["開会", "会長あいさつ", "報告事項(事務局)"])
        #expect(m.agenda.map(\.number) == [1, 2, 3] && m.agenda.map(\.lines) == [LineRange(4), LineRange(6), LineRange(8)])
        #expect(m.paragraphs.map(\.text).prefix(2) == ["支所長が進行役を務めた。", "今年の事業を振り返り、来年の事業について意見をいただきたい。"])
    }

    @Test func numberedLinesOutOfOrderOrUnderAnAgendaFieldAreNoSections() throws {
        let skipping = try Self.minutes("""
            汐見川市雲雀丘まちづくり協議会 会議録
            日時 令和6年12月16日(月)午後1時30分～午後3時
            2 会長あいさつ
            3 報告事項
            """)
        #expect(skipping.agenda.isEmpty)
        let listed = try Self.minutes("""
            汐見川市雲雀丘まちづくり協議会 会議録
            日時 令和6年12月16日(月)午後1時30分～午後3時
            議題 (1)全体会議の日程について
            1 開会
            2 会長あいさつ
            """)
        #expect(listed.agenda.map(\.title) == ["全体会議の日程について"])
    }

    @Test func sentencesUnderThemAndListsUnderOtherSectionsStayParagraphs() throws {
        let m = try Self.minutes("""
            12月2日(月曜)行政経営会議
            1 報告事項
            - 図書館の移転について報告があり、了承された。
            2 議事の経過
            - 駅前広場の整備について
            """)
        #expect(m.agenda.isEmpty)
        #expect(m.paragraphs.map(\.text) == ["図書館の移転について報告があり、了承された。", "駅前広場の整備について"])
    }

    /// Under `内容`, the numbered headings numbered from 1 head the items, and a numbered
    /// `その他` after them is the last item (its lines stay the その他 section's).
    @Test func theNumberedHeadingsOfTheProceedingsAreItsItems() throws {
        let m = try Self.minutes("""
            汐見川市新型感染症対策本部会議(第58回)を開催
            日付
            令和5年6月2日
            内容
               夏季の対応について協議を行いました。
            (1)夏季の施設利用における感染対策について
            事務局から、利用時の感染対策が説明されました。
            (2)その他
            ・市職員の出勤の考え方について協議しました。
            """)
        #expect(m.agenda.map(\.title) == ["夏季の施設利用における感染対策について", "その他"])
        #expect(m.agenda.map(\.number) == [1, 2] && m.agenda.map(\.lines) == [LineRange(6), LineRange(8)])
        #expect(m.paragraphs.map(\.text) == ["夏季の対応について協議を行いました。", "事務局から、利用時の感染対策が説明されました。"])
        #expect(m.other.map(\.text) == ["市職員の出勤の考え方について協議しました。"])
    }

    /// A heading numbered out of order, or under a section that is not the proceedings.
    @Test(arguments: [("内容", "(2)"), ("概要", "(1)")])
    func aHeadingOutOfOrderOrOutsideTheProceedingsHeadsNoItem(_ section: String, _ number: String) throws {
        let m = try Self.minutes("""
            汐見川市新型感染症対策本部会議(第58回)を開催
            日付
            令和5年6月2日
            \(section)
            \(number)夏季の施設利用における感染対策について
            事務局から説明されました。
            """)
        #expect(m.agenda.isEmpty)
    }
}
