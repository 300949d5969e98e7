import Testing
import GijirokuTestSupport
@testable import Gijiroku

/// A verbatim record in Markdown reads as a transcript.
@Suite struct MarkdownTranscriptTests {
    @Test func speakersInBoldEventsInItalicsHeadingsAsHeadings() {
        let text = """
        令和７年第１回汐見川市議会定例会会議録
        　午前10時開議
        ◎会期の決定
        ○（田中一郎議長）　お諮りいたします。
        　　〔「異議なし」と呼ぶ者あり〕
        ○２２番（浦井たかひさ議員）　市長に伺います。子育て支援はどうなりますか。
        ○（岡本　誠市長）　お答えします。
        　午前11時散会
        """
        let record = ParsedDocument.parse(text: text, source: InputSource(path: "会議録.txt"), kind: .minutes)
        let markdown = Markdown.render(record)
        #expect(markdown.contains("*午前10時開議*"))
        #expect(markdown.contains("### ◎会期の決定"))
        #expect(markdown.contains("**○（田中一郎議長）**　お諮りいたします。"))
        #expect(markdown.contains("*〔「異議なし」と呼ぶ者あり〕*"))
        #expect(markdown.contains("**○２２番（浦井たかひさ議員）**（質問1）　市長に伺います。"))
        #expect(markdown.contains("*午前11時散会*"))
        guard case .minutes(let m) = record else { Issue.record("not minutes"); return }
        #expect(m.startTime == "10:00" && m.endTime == "11:00")
    }
}
