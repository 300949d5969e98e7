import Testing
import GijirokuTestSupport
@testable import Gijiroku

@Suite struct TimeOfDayTests {
    @Test(arguments: [
        ("午後３時～午後３時30分", "15:00", "15:30"),
        ("午後３時４０分～午後５時００分", "15:40", "17:00"),
        ("午後３時～３時30分", "15:00", "15:30"),
        ("午前十時半〜正午", "10:30", "12:00"),
        ("18時54分~22時08分", "18:54", "22:08"),
        ("14:00~15:10", "14:00", "15:10"),
        ("午後二時から午後三時三十分まで", "14:00", "15:30"),
        ("午前１１時－午後１時", "11:00", "13:00"),
    ])
    func readsRanges(_ text: String, _ start: String, _ end: String) throws {
        let range = try #require(TimeOfDay.findRange(in: text))
        #expect(range.start.description == start)
        #expect(range.end?.description == end)
    }

    @Test func aSingleTimeHasNoEnd() throws {
        let range = try #require(TimeOfDay.findRange(in: "午後三時二分"))
        #expect(range.start.description == "15:02")
        #expect(range.end == nil)
    }
}
