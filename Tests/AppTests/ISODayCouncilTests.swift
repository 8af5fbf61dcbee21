import Foundation
import Testing
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

/// The board report's default period (three months back), day arithmetic and the council's days, worked by hand.
@Suite struct ISODayCouncilTests {
    @Test func threeMonthsEarlierKeepsTheDayOrTakesTheMonthsLast() {
        #expect(ISODay("2026-11-22")!.adding(months: -3) == ISODay("2026-08-22"))
        #expect(ISODay("2026-01-15")!.adding(months: -3) == ISODay("2025-10-15"))
        #expect(ISODay("2026-05-31")!.adding(months: -3) == ISODay("2026-02-28"))
        #expect(ISODay("2024-05-31")!.adding(months: -3) == ISODay("2024-02-29"))
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(ISODay("2026-11-22")!.adding(days: 30) == ISODay("2026-12-22"))
        #expect(ISODay("2026-12-31")!.nextDay == ISODay("2027-01-01"))
        #expect(ISODay("2024-02-28")!.nextDay == ISODay("2024-02-29"))
        #expect(ISODay(ISODay("2026-03-29")!.start) == ISODay("2026-03-29"))
    }

    @Test func theCouncilsDayIsEnglandsNotUTCs() throws {
        let utc = ISO8601DateFormatter()
        // Half past midnight on 1 June, British Summer Time, is 23:30 on 31 May in UTC: the council's day is 1 June.
        #expect(ISODay(try #require(utc.date(from: "2026-05-31T23:30:00Z"))) == ISODay("2026-06-01"))
        // In winter England keeps UTC: 23:30 on 15 January is still the 15th.
        #expect(ISODay(try #require(utc.date(from: "2026-01-15T23:30:00Z"))) == ISODay("2026-01-15"))
        // A day starts at the council's midnight: 23:00 UTC the evening before in summer, midnight UTC in winter.
        #expect(ISODay("2026-06-01")!.start == utc.date(from: "2026-05-31T23:00:00Z"))
        #expect(ISODay("2026-01-15")!.start == utc.date(from: "2026-01-15T00:00:00Z"))
        // The clocks go forward at 01:00 UTC on Sunday 29 March 2026: that day still starts at midnight UTC.
        #expect(ISODay("2026-03-29")!.start == utc.date(from: "2026-03-29T00:00:00Z"))
    }
}
