import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkAdminArea
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea

/// Charts are drawn on the server: the same data must give the same bytes.
@Suite("Chart snapshots")
struct ChartSnapshotTests {
    let chart = LineChart(
        title: "Children looked after per 10,000 children",
        periods: ["FY2019-20", "FY2020-21", "FY2021-22", "FY2022-23", "FY2023-24"],
        series: [
            .init(name: "Barnet", style: .main, values: [36, 35, nil, 33, 31]),
            .init(name: "London", style: .comparator, values: [49, 50, 51, 52, 52]),
            .init(name: "England", style: .comparator, values: [67, 67, 70, 71, 70]),
            .init(name: "Target", style: .target, values: [nil, nil, 34, 34, 34]),
        ],
        format: { value in value == value.rounded() ? String(Int(value)) : String(value) })

    @Test func lineChartWithComparatorsTargetAndAGap() {
        assertSnapshot(of: Plot.HTML(.body(chart.render(id: "cla"))).render(), as: .html)
    }

    @Test func theSummarySentenceSaysWhatTheChartShows() {
        #expect(
            chart.summary
                == "Barnet went from 36 in FY2019-20 to 31 in FY2023-24. London: 52 in FY2023-24. England: 70 in FY2023-24. Target: 34 in FY2023-24.")
    }

    @Test func theScaleStartsAtZeroAndEndsOnARoundStep() {
        // Highest value 71; a quarter of it is 17.75, rounded up to a step of 20; the axis ends at 80.
        #expect(chart.scale.min == 0 && chart.scale.step == 20 && chart.scale.max == 80)
        #expect(n(12.345) == "12.3" && n(-0.04) == "0" && n(-0.26) == "-0.3" && n(7) == "7")
    }

    @Test func sameDataSameBytes() {
        #expect(chart.render(id: "a").render() == chart.render(id: "a").render())
    }

    // MARK: Bars by ward

    let wards = AreaBarChart(
        title: "Children and young people aged 0 to 19, share of residents, by ward, 2025", areaKind: "wards",
        bars: [
            .init(area: "Edgware", value: 30), .init(area: "Golders Green", value: 32), .init(area: "Burnt Oak", value: 29),
            .init(area: "Hale", value: 21),
        ],
        reference: .init(area: "Barnet", value: 25), format: { "\(Int($0))%" })

    @Test func barsByWardHighestFirstWithTheBoroughAsAReferenceLine() {
        assertSnapshot(of: Plot.HTML(.body(wards.render(id: "wards"))).render(), as: .html)
        #expect(wards.bars.map(\.area) == ["Golders Green", "Edgware", "Burnt Oak", "Hale"])
        #expect(
            wards.summary == "Of 4 wards, Golders Green is highest at 32% and Hale lowest at 21%. Barnet as a whole is 25%; 3 of the 4 are above it.")
    }

    // MARK: Many indicators at once

    static func row(
        _ code: String, unit: IndicatorUnit, polarity: Polarity, value: Double, target: Double?, england: Double?, london: Double?
    ) -> IndicatorRow {
        let period = ReportingPeriod("2023", type: .calendarYear)!
        func points(_ value: Double?) -> [IndicatorAssessment.Point] { value.map { [.init(period: period, estimate: Estimate($0))] } ?? [] }
        return IndicatorRow(
            code: code, name: code, unit: unit, polarity: polarity,
            assessment: IndicatorAssessment(
                polarity: polarity, borough: points(value),
                comparators: [("England", points(england)), ("London", points(london))],
                targets: target.map { ["2023": $0] } ?? [:]),
            format: { "\($0)" })
    }

    let bullets = BulletChart(
        title: "Every indicator at a glance",
        rows: [
            row("school-places", unit: .percentage, polarity: .highIsGood, value: 94, target: 100, england: 88, london: 92), // red: 6 short of 100
            row("neet", unit: .percentage, polarity: .lowIsGood, value: 1.8, target: 2, england: 2.8, london: nil), // green
            row("looked-after", unit: .ratePer10000, polarity: .noJudgement, value: 36, target: nil, england: 70, london: 52), // no target
        ])

    @Test func bulletChartRowsCarryEveryFigureAndTheSentenceCountsTheJudgements() {
        let html = Plot.HTML(.body(bullets.render(id: "glance"))).render()
        // Against England: school places (94 to 88, higher is better) and NEET (1.8% to 2.8%, lower is better) are
        // both better, so green; looked-after children are not judged. Each row's England mark sits in the middle of
        // a scale from 0 to twice England's value: 1.8% on 0 to 5.6% is a third of the track, not a full bar.
        #expect(html.components(separatedBy: "bullet__bar bullet__bar--better").count - 1 == 2 && !html.contains("bullet__bar--worse\""))
        let middle = BulletChart.pad + (BulletChart.width - 2 * BulletChart.pad) / 2
        #expect(html.components(separatedBy: "points=\"\(n(middle)),").count - 1 == 3)
        assertSnapshot(of: html, as: .html)
        #expect(
            bullets.summary.hasSuffix(
                "Of 3 indicators with a value, 1 meets or beats its target, 0 are close to it, 1 falls short and 1 has no target to judge against."))
    }
}
