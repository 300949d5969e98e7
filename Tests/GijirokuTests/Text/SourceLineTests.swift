import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct SourceLineTests {
    @Test func nonBlankLinesKeepTheirNumbersAndTheCountOfAll() {
        let text = "議事概要 \r\n\r\n　\n【日 時】令和元年５月２０日\n\n・意見"
        let (lines, count) = SourceLine.nonBlankLines(of: text)
        #expect(count == 6)
        #expect(lines.map(\.number) == [1, 4, 6])
        #expect(lines.map(\.content) == ["議事概要", "【日 時】令和元年５月２０日", "・意見"])
        // The same lines, as a full split has them.
        let all = SourceLine.split(text)
        #expect(all.count == count)
        #expect(lines == all.filter { !$0.isBlank })
    }

    @Test func splitsOnEveryLineEndAndKeepsNumbers() {
        let lines = SourceLine.split("一\r\n二\r三\n\n四")
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines.map(\.content) == ["一", "二", "三", "", "四"])
    }

    @Test func recordsHardLineEndsAndPageBreakIndents() {
        let lines = SourceLine.split(" ○「２．体系」について \n都市戦略\n")
        #expect(lines[0].startsWithSpace && lines[0].endsWithSpace)
        #expect(lines[0].content == "○「２．体系」について")
        #expect(!lines[1].endsWithSpace)
    }
}
