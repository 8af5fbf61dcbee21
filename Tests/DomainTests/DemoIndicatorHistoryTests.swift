import Testing
import WaymarkDomain

@Suite struct DemoIndicatorHistoryTests {
    static let madeOn = ISODay(year: 2026, month: 12, day: 7)

    @Test func eachPeriodAfterTheLatestGivenUpToTheLastEndedBeforeTheDemo() {
        // 2017 given: 2018 to 2025 made up (2026 has not ended on 7 December 2026), for each area given for 2017.
        let latest = [("Barnet", "2017", 84.0), ("London", "2017", 80.0), ("Barnet", "2016", 82.0)]
        let values = DemoIndicatorHistory.values(
            latest: latest, type: .calendarYear, unit: .percentage, polarity: .highIsGood, madeOn: Self.madeOn, seed: 1)
        #expect(values.filter { $0.area == "Barnet" }.map(\.period) == (2018...2025).map(String.init))
        #expect(values.filter { $0.area == "London" }.count == 8 && values.count == 16)
        #expect(values.allSatisfy { $0.value > 0 && $0.value < 100 })
        // Each step within 3.5% of the one before.
        let barnet = [84.0] + values.filter { $0.area == "Barnet" }.map(\.value)
        #expect(zip(barnet, barnet.dropFirst()).allSatisfy { abs($1 / $0 - 1) < 0.036 })
        #expect(
            values
                == DemoIndicatorHistory.values(
                    latest: latest, type: .calendarYear, unit: .percentage, polarity: .highIsGood, madeOn: Self.madeOn, seed: 1))
    }

    @Test func financialYearsStopAtTheLastEndedAndWholeNumbersStayWhole() {
        let values = DemoIndicatorHistory.values(
            latest: [("Barnet", "FY2016-17", 155)], type: .financialYear, unit: .ratePer10000, polarity: .lowIsGood, madeOn: Self.madeOn,
            seed: 2)
        #expect(values.first?.period == "FY2017-18" && values.last?.period == "FY2025-26" && values.count == 9)
        #expect(values.allSatisfy { $0.value == $0.value.rounded() })
        #expect(
            DemoIndicatorHistory.values(latest: [], type: .financialYear, unit: .count, polarity: .lowIsGood, madeOn: Self.madeOn, seed: 2).isEmpty)
    }
}
