import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkAdminArea
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea

/// The measures pages, from fixed data.
@Suite("Measures page snapshots")
struct MeasuresPageSnapshotTests {
    let manager = Viewer(displayName: "Tess Manager", role: .teamManager)

    func context(_ title: String) -> PageContext {
        PageContext(title: title, viewer: manager, csrfToken: "csrf-token-for-snapshots", currentArea: .measures)
    }

    func point(_ period: String, _ value: Double) -> IndicatorAssessment.Point {
        .init(period: ReportingPeriod(period, type: .calendarYear)!, estimate: Estimate(value))
    }

    var neet: IndicatorRow {
        IndicatorRow(
            code: "neet-16-17", name: "16 and 17 year olds not in education, employment or training", unit: .percentage, polarity: .lowIsGood,
            assessment: IndicatorAssessment(
                polarity: .lowIsGood,
                borough: [point("2014", 2.0), point("2015", 1.9), point("2016", 1.8), point("2017", 1.8), point("2018", 3.5)],
                comparators: [("England", [point("2018", 2.8)])], targets: ["2018": 2.0]),
            format: { "\($0)%" })
    }

    @Test func familyFriendlyIndex() {
        let model = FamilyFriendlyIndexPage.Model(
            index: 17,
            measures: [
                .init(number: 1, title: "There are low figures of crime involving children and young people", score: nil, indicators: []),
                .init(
                    number: 3, title: "All schools are good or outstanding and children get good educational outcomes",
                    score: FamilyFriendlyIndex.score([neet.assessment.judgements]), indicators: [neet]),
            ],
            others: [], mayUpload: true)
        assertSnapshot(of: FamilyFriendlyIndexPage.render(model, context: context("Family Friendly Index")), as: .html)
    }

    @Test func indicatorWithARedValueAskingForCommentary() {
        var form = IndicatorPage.ValueForm()
        form.period = "2018"
        form.value = "3.5"
        form.target = "2"
        form.commentaryRequired = true
        form.errors.add("story", "Enter the story behind the curve")
        form.errors.add("actionPlan", "Enter the action plan")
        let model = IndicatorPage.Model(
            row: neet, definition: "Young people aged 16 and 17 known to the council who are not in education, employment or training.",
            periodType: .calendarYear, kind: .population, provenance: [("Publisher", "Department for Education")],
            chart: LineChart(
                title: neet.name, periods: ["2014", "2015", "2016", "2017", "2018"],
                series: [
                    .init(name: "Barnet", style: .main, values: [2.0, 1.9, 1.8, 1.8, 3.5]),
                    .init(name: "England", style: .comparator, values: [nil, nil, nil, nil, 2.8]),
                    .init(name: "Target", style: .target, values: [nil, nil, nil, nil, 2.0]),
                ],
                format: { "\($0)%" }),
            areaCharts: [],
            commentaries: [
                .init(
                    period: "2017", story: "Steady.", partners: "Colleges", whatWorks: "Early contact", actionPlan: "Keep going.",
                    author: "Tess Manager")
            ],
            links: [
                (
                    "Outcome: Education and Learning (Barnet Children and Young People's Plan 2019–2023)",
                    .plan(.outcome(slug: "cypp-2019-2023", ref: "4"))
                )
            ],
            form: form)
        assertSnapshot(of: IndicatorPage.render(model, context: context("NEET")), as: .html)
    }
}
