import SnapshotTesting
import Plot
import Testing
@testable import WaymarkViews

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
        #expect(chart.summary == "Barnet went from 36 in FY2019-20 to 31 in FY2023-24. London: 52 in FY2023-24. England: 70 in FY2023-24. Target: 34 in FY2023-24.")
    }

    @Test func theScaleStartsAtZeroAndEndsOnARoundStep() {
        // Highest value 71; a quarter of it is 17.75, rounded up to a step of 20; the axis ends at 80.
        #expect(chart.scale.min == 0 && chart.scale.step == 20 && chart.scale.max == 80)
        #expect(n(12.345) == "12.3" && n(-0.04) == "0" && n(-0.26) == "-0.3" && n(7) == "7")
    }

    @Test func sameDataSameBytes() {
        #expect(chart.render(id: "a").render() == chart.render(id: "a").render())
    }
}
