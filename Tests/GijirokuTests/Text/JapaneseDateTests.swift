import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct JapaneseDateTests {
    @Test(arguments: [
        ("平成30年11月16日（金）", "2018-11-16"),
        ("平成２８年９月１日（木）", "2016-09-01"),
        ("平成二十八年五月十八日", "2016-05-18"),
        ("令和元年5月1日", "2019-05-01"),
        ("令和元年 11 月 5 日", "2019-11-05"),
        ("昭和64年1月7日", "1989-01-07"),
        ("大正元年8月1日", "1912-08-01"),
        ("明治45年7月29日", "1912-07-29"),
        ("2018年11月16日", "2018-11-16"),
        ("2020/11/05（木）", "2020-11-05"),
        ("R2.7.15", "2020-07-15"),
        ("令和２年（2020年）７月１５日", "2020-07-15"),
        ("2019年（令和元年）7月3日（水）", "2019-07-03"),
        ("開催日は平成31年4月30日です", "2019-04-30"),
    ])
    func readsEraAndWesternDates(_ text: String, _ iso: String) throws {
        let found = try #require(JapaneseDate.find(in: text))
        #expect(found.date.iso == iso)
        #expect(found.problems == [])
    }

    @Test func weekdayIsReadAndAMismatchIsAProblemNotAFailure() throws {
        let right = try #require(JapaneseDate.find(in: "平成30年11月16日（金曜日）"))
        #expect(right.weekday == "金")
        let wrong = try #require(JapaneseDate.find(in: "令和元年１１月１８日（火）"))
        #expect(wrong.date.iso == "2019-11-18")
        #expect(wrong.problems.count == 1)
        #expect(wrong.problems[0].contains("一致しません"))
    }

    @Test func anEraYearOutsideItsEraIsReadWithAProblem() throws {
        let found = try #require(JapaneseDate.find(in: "平成31年5月10日"))
        #expect(found.date.iso == "2019-05-10")
        #expect(found.problems.first?.contains("令和元年") == true)
    }

    @Test func aBracketedYearThatDisagreesIsAProblem() throws {
        let found = try #require(JapaneseDate.find(in: "令和２年（2021年）７月１５日"))
        #expect(found.date.iso == "2020-07-15")
        #expect(found.problems.count == 1)
    }

    @Test func impossibleDatesAreNotDates() {
        #expect(JapaneseDate.find(in: "平成30年2月30日") == nil)
        #expect(JapaneseDate.find(in: "第３回本部会議") == nil)
    }
}
