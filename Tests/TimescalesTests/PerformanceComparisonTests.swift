import Testing
import WaymarkDomain

@testable import WaymarkTimescales

/// A month's figure beside England's published year, worked by hand. England's values carry their Wilson intervals
/// as the Measures area gives them (a count and denominator): assessments 555,820 of 648,830 = 85.66% (85.58 to
/// 85.75); re-referrals 139,080 of 621,880 = 22.36% (22.26 to 22.47).
@Suite struct PerformanceComparisonTests {
    static let englandAssessments = PerformanceComparison.Published(
        area: "England", period: "FY2024-25", estimate: Estimate(85.66, lower: 85.58, upper: 85.75))
    static let englandReReferrals = PerformanceComparison.Published(
        area: "England", period: "FY2023-24", estimate: Estimate(22.36, lower: 22.26, upper: 22.47))

    func judgements(
        _ meeting: Int, of counted: Int, _ measure: PerformanceMeasure, _ published: PerformanceComparison.Published
    )
        -> [ComparatorJudgement]
    {
        PerformanceComparison.compare(PerformanceFigure(counted: counted, meeting: meeting), of: measure, with: [published]).map(\.judgement)
    }

    @Test func aShareWellBelowEnglandsIsWorseWhenHigherIsBetter() {
        // 15 of 22 = 68.2%, Wilson 47.3 to 83.6: below England's interval, so worse.
        #expect(judgements(15, of: 22, .assessments, Self.englandAssessments) == [.worse])
    }

    @Test func aSmallMonthWhoseIntervalTakesInEnglandIsSimilar() {
        // 19 of 22 = 86.4%, Wilson 66.7 to 95.3: takes in 85.66, so similar, though the figure is above England's.
        #expect(judgements(19, of: 22, .assessments, Self.englandAssessments) == [.similar])
    }

    @Test func aShareBelowEnglandsIsBetterWhenLowerIsBetter() {
        // Re-referrals 10 of 100 = 10%, Wilson 5.5 to 17.4: below England's 22.36%, and fewer re-referrals are better.
        #expect(judgements(10, of: 100, .reReferrals, Self.englandReReferrals) == [.better])
        // 30 of 100 = 30%, Wilson 22.0 to 39.4: overlaps England's 22.26 to 22.47, so similar.
        #expect(judgements(30, of: 100, .reReferrals, Self.englandReReferrals) == [.similar])
    }

    @Test func nothingCountedIsNotComparedAndCountsAreNeverCompared() {
        #expect(judgements(0, of: 0, .assessments, Self.englandAssessments) == [.notCompared])
        // A month's contacts are not the year's rate per 10,000 a comparator publishes.
        #expect(PerformanceComparison.compare(PerformanceFigure(counted: 412, meeting: 412), of: .contacts, with: [Self.englandAssessments]).isEmpty)
    }

    @Test func eachComparatorIsJudgedInTheOrderGiven() {
        let london = PerformanceComparison.Published(area: "London", period: "FY2024-25", estimate: Estimate(60))
        let compared = PerformanceComparison.compare(
            PerformanceFigure(counted: 22, meeting: 15), of: .assessments,
            with: [Self.englandAssessments, london])
        // London's 60% has no interval and lies inside ours (47.3 to 83.6): similar.
        #expect(compared.map(\.published.area) == ["England", "London"])
        #expect(compared.map(\.judgement) == [.worse, .similar])
    }
}
