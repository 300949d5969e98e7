import Foundation
import Testing
@testable import Gijiroku

/// Verbatim records that break the rules still give a record: labels where no one speaks
/// (in a quotation, in a table cell), a label whose bracket never closes, a label with
/// nothing after it, and a page of 20 MB; no line is lost.
@Suite struct HostileVerbatimTests {
    static let opening = "令和5年第2回汐見川市議会定例会会議録\n午前10時開議\n"

    static func parse(_ text: String, path: String = "v.txt") throws -> Minutes {
        guard case .minutes(let m) = try ParsedDocument.parse(Data(text.utf8), source: InputSource(path: path, sha256: "0")) else {
            Issue.record("not read as minutes")
            return MinutesParser().parse(text: "", path: path, sha256: "0")
        }
        return m
    }

    @Test func aLabelQuotedInsideAnUtteranceIsPartOfItsText() throws {
        let text = Self.opening + """
        ○議長（山田太郎君）　これより会議を開きます。
        ○２２番（佐藤花子議員）　前回、「○市長（鈴木一郎君）　検討します。」と答えた件を伺います。
        ○市長（鈴木一郎君）　お答えします。
        """
        let m = try Self.parse(text)
        #expect(m.speeches.map(\.speaker.role) == ["議長", "議員", "市長"])
        #expect(m.speeches[1].text.contains("「○市長（鈴木一郎君）　検討します。」"))
        #expect(LineAccounting.problems(in: m, text: text).isEmpty)
    }

    @Test func aLabelInATableCellIsNoUtterance() throws {
        let text = Self.opening + """
        ○議長（山田太郎君）　出席者は次のとおりです。
        | 役職 | 氏名 |
        | ○市長 | 鈴木一郎 |
        ○市長（鈴木一郎君）　お答えします。
        """
        let m = try Self.parse(text)
        #expect(m.speeches.count == 2)
        #expect(m.speeches.map(\.speaker.role) == ["議長", "市長"])
        #expect(LineAccounting.problems(in: m, text: text).isEmpty)
    }

    @Test func aLabelWhoseBracketNeverClosesIsReadAsFarAsItGoes() throws {
        let text = Self.opening + """
        ○議長（山田太郎君　これより会議を開きます。
        ○市長（鈴木一郎君）　お答えします。
        ○議長（山田太郎君）　散会します。
        """
        let m = try Self.parse(text)
        // The label runs to the space; what follows is still the utterance.
        #expect(m.speeches.count == 3)
        #expect(m.speeches.first?.speaker.label == "○議長（山田太郎君")
        #expect(m.speeches.first?.text == "これより会議を開きます。")
        #expect(LineAccounting.problems(in: m, text: text).isEmpty)
    }

    @Test func aLabelWithNothingAfterItIsAnUtteranceWithoutText() throws {
        let text = Self.opening + "○議長（山田太郎君）　開会します。\n○市長（鈴木一郎君）\n"
        let m = try Self.parse(text)
        #expect(m.speeches.count == 2)
        #expect(m.speeches.last?.speaker.name == "鈴木一郎")
        #expect(m.speeches.last?.text.isEmpty == true)
        #expect(LineAccounting.problems(in: m, text: text).isEmpty)
    }

    /// 20 MB of a saved page, every paragraph an utterance: read whole, every turn found.
    @Test func anHTMLPageOf20MBIsReadWhole() throws {
        let paragraph = "<p>○議長（山田太郎君）&nbsp;ただいまから会議を開きます。</p>\n"
        let count = 20_000_000 / paragraph.utf8.count
        let page = "<html><body><h1>汐見川市議会 会議録</h1>" + String(repeating: paragraph, count: count) + "</body></html>"
        let m = try Self.parse(page, path: "page.html")
        #expect(m.speeches.count == count)
        #expect(m.source.format == .html)
    }
}
