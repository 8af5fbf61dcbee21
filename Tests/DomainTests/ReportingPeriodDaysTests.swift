import Testing
import WaymarkDomain

@Suite("Reporting periods' days")
struct ReportingPeriodDaysTests {
    @Test(
        "Each period starts on its first day and holds the days up to its end",
        arguments: [
            ("FY2025-26", PeriodType.financialYear, "2025-04-01", "2026-03-31"),
            ("AY2025-26", .academicYear, "2025-09-01", "2026-08-31"),
            ("2026", .calendarYear, "2026-01-01", "2026-12-31"),
            ("2026-Q3", .quarter, "2026-07-01", "2026-09-30"),
            ("2024-02", .month, "2024-02-01", "2024-02-29"),
            ("R12-2026-03", .rolling12Months, "2025-04-01", "2026-03-31"),
            ("2026-03-31", .snapshot, "2026-03-31", "2026-03-31"),
        ])
    func startsAndEnds(text: String, type: PeriodType, starts: String, ends: String) throws {
        let period = try #require(ReportingPeriod(text, type: type))
        #expect(period.starts == ISODay(starts) && period.ends == ISODay(ends))
        // Its first and last days are in it; the days either side are not. (A day is held by the 12 months that end
        // with its month.)
        #expect(ReportingPeriod.holding(period.ends, type: type) == period)
        if type != .rolling12Months {
            #expect(ReportingPeriod.holding(period.starts, type: type) == period)
            #expect(ReportingPeriod.holding(period.starts.adding(days: -1), type: type) != period)
            #expect(ReportingPeriod.holding(period.ends.adding(days: 1), type: type) != period)
        }
    }

    @Test("A snapshot is written as its day; other periods as the plan writes them")
    func inWords() {
        #expect(ReportingPeriod("2026-03-31", type: .snapshot)?.inWords == "31 March 2026")
        #expect(ReportingPeriod("FY2025-26", type: .financialYear)?.inWords == "FY2025-26")
    }

    @Test("The period holding a day: 31 March is in the year before, 1 April the year after")
    func holding() {
        #expect(ReportingPeriod.holding(ISODay("2026-03-31")!, type: .financialYear).text == "FY2025-26")
        #expect(ReportingPeriod.holding(ISODay("2026-04-01")!, type: .financialYear).text == "FY2026-27")
        #expect(ReportingPeriod.holding(ISODay("2099-12-06")!, type: .financialYear).text == "FY2099-00")
        #expect(ReportingPeriod.holding(ISODay("2026-08-31")!, type: .academicYear).text == "AY2025-26")
        #expect(ReportingPeriod.holding(ISODay("2026-12-06")!, type: .quarter).text == "2026-Q4")
        #expect(ReportingPeriod.holding(ISODay("2026-12-06")!, type: .rolling12Months).text == "R12-2026-12")
    }

    @Test("Records from 7 December 2024, on 6 December 2026: one whole financial year and the one under way")
    func coveredYears() {
        let (whole, underWay) = ReportingPeriod.covered(type: .financialYear, from: ISODay("2024-12-07")!, before: ISODay("2026-12-06")!)
        #expect(whole.map(\.text) == ["FY2025-26"])
        #expect(underWay?.text == "FY2026-27")
        // Records from the year's first day cover it; a year ending the day before counts as whole.
        let fromApril = ReportingPeriod.covered(type: .financialYear, from: ISODay("2024-04-01")!, before: ISODay("2026-04-01")!)
        #expect(fromApril.whole.map(\.text) == ["FY2024-25", "FY2025-26"] && fromApril.underWay?.text == "FY2026-27")
        // Months: November is whole on 6 December; December is under way.
        let months = ReportingPeriod.covered(type: .month, from: ISODay("2026-09-02")!, before: ISODay("2026-12-06")!)
        #expect(months.whole.map(\.text) == ["2026-10", "2026-11"] && months.underWay?.text == "2026-12")
        // Records that begin within the year under way cover no year; a snapshot is a day's count, never worked out.
        let recent = ReportingPeriod.covered(type: .financialYear, from: ISODay("2026-11-15")!, before: ISODay("2026-12-06")!)
        #expect(recent.whole.isEmpty && recent.underWay == nil)
        #expect(ReportingPeriod.covered(type: .snapshot, from: ISODay("2020-01-01")!, before: ISODay("2026-12-06")!).whole.isEmpty)
    }
}
