import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkApp

/// The board report's default period (three months back) and day arithmetic, worked by hand.
@Suite struct ISODayUTCTests {
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
        #expect(ISODay(utc: ISODay("2026-03-29")!.startUTC) == ISODay("2026-03-29"))
    }
}
