import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkAdminArea
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea

/// Performance Matters and the children behind a figure, from fixed data.
@Suite("Performance page snapshots")
struct PerformancePageSnapshotTests {
    let context = PageContext(
        title: "Performance Matters: March 2026", viewer: Viewer(displayName: "Jo Leader", role: .leadership),
        csrfToken: "csrf-token-for-snapshots", currentArea: .performance)

    static let assessments = PerformanceMattersPage.Measure(
        id: "assessments", title: "Assessments within 45 working days", definition: "Assessment authorised within 45 working days of the referral.",
        betterWhen: "Higher", figure: .init(value: "79.5%", ofCounted: "774 of 974"),
        comparisons: [.init(area: "England", period: "FY2024-25", value: "85.7%", judgement: "Worse")], rate: nil,
        trend: [81, 80.2, nil, 79.5], childrenURL: "/performance/measures/assessments?period=2026-03", isShare: true)
    static let contacts = PerformanceMattersPage.Measure(
        id: "contacts", title: "Contacts", definition: "Contacts received in the period.", betterWhen: "No judgement",
        figure: .init(value: "412", ofCounted: ""), rate: "42.1", trend: [380, 401, 399, 412], childrenURL: nil, isShare: false)

    func model(canComment: Bool) -> PerformanceMattersPage.Model {
        PerformanceMattersPage.Model(
            period: "2026-03", periodInWords: "March 2026", asAt: "Tuesday 31 March 2026",
            trendPeriods: ["Dec 2025", "Jan 2026", "Feb 2026", "Mar 2026"],
            sections: [
                .init(
                    id: "front-door", title: "Front door: contacts, MASH and referrals", measures: [Self.contacts],
                    commentary: .init(
                        goingWell: "Decisions within a day.", toImprove: "", actions: "A second MASH manager on Mondays.",
                        byline: "Written by Jo Leader on Wednesday 1 April 2026")),
                .init(
                    id: "assessment", title: "Assessment", measures: [Self.assessments],
                    commentary: .init(goingWell: "", toImprove: "", actions: "", byline: nil)),
            ],
            choices: [("2026-03", "March 2026"), ("2026-02", "February 2026")], population: "97,900", canComment: canComment,
            generatedOn: "Wednesday 1 April 2026")
    }

    @Test func reportWithTrendsAndCommentary() {
        assertSnapshot(of: PerformanceMattersPage.render(model(canComment: true), context: context), as: .html)
    }

    @Test func reportForPrintHasEveryTrendOpenAndNoForms() {
        let print = PerformanceMattersPage.renderForPrint(model(canComment: true), stylesheet: "")
        #expect(print.contains("<details open=\"\">") || print.contains("<details open>"))
        #expect(!print.contains("<form") && !print.contains("/performance/measures/"))
        assertSnapshot(of: print, as: .html)
    }

    @Test func theChildrenBehindAFigureNotOnTimeFirst() {
        let rows = [
            PerformanceChildrenPage.Row(
                childID: "00000000-0000-0000-0000-000000000001", localID: "C1", name: "Amara Okafor", day: "2026-03-05",
                meets: true, why: "Done on time: due 2026-03-06. Referral 2026-01-06; authorised 2026-03-05"),
            PerformanceChildrenPage.Row(
                childID: "00000000-0000-0000-0000-000000000002", localID: "C2", name: "Theo Smith", day: "2026-03-09",
                meets: false, why: "3 working days overdue: due 2026-03-09. Referral 2026-01-07; not yet authorised"),
        ]
        let model = PerformanceChildrenPage.Model(
            measureTitle: "Assessments within 45 working days", definition: "Assessment authorised within 45 working days of the referral.",
            period: "2026-03", periodInWords: "March 2026", figure: "50.0% (1 of 2)", rows: rows, outsideScope: 3, seesNames: true,
            meetsLabel: "On time", missesLabel: "Not on time")
        assertSnapshot(of: PerformanceChildrenPage.render(model, context: context), as: .html)
    }

    @Test func annexAWithAProblem() {
        let model = AnnexAPage.Model(
            day: "2026-03-31", dayInWords: "Tuesday 31 March 2026", window: "Wednesday 1 October 2025 to Tuesday 31 March 2026", version: "sex",
            versions: [("sex", "2026 and later (\"Sex\")"), ("gender", "Before 2026 (\"Gender\")")],
            lists: [.init(number: 1, title: "Contacts", rows: 523), .init(number: 7, title: "Child protection", rows: 97)],
            problems: [
                .init(
                    list: 7, row: 3, child: "C", childID: "00000000-0000-0000-0000-000000000003", column: "Child Protection Plan End Date",
                    value: "2026-01-05",
                    why: "the plan ends before it starts (2026-01-10)")
            ],
            scopeNote: nil, workbookURL: "/performance/annex-a.xlsx?on=2026-03-31&headers=sex")
        assertSnapshot(of: AnnexAPage.render(model, context: context), as: .html)
    }

    @Test func dataQuality() {
        let row = DataQualityPage.Row(
            childID: "00000000-0000-0000-0000-000000000001", localID: "1001", name: "Amara Okafor", day: "2025-08-04",
            why: "MASH decision from 2025-08-04 ends on 2025-08-01")
        let model = DataQualityPage.Model(
            checks: [
                .init(id: "ends-before-it-starts", title: "Ends before it starts", inTheMeasures: "Counted as recorded.", count: 2, rows: [row]),
                .init(id: "no-start-day", title: "No start day", inTheMeasures: "Not counted.", count: 0, rows: []),
            ], outsideScope: 1, seesNames: true)
        assertSnapshot(of: DataQualityPage.render(model, context: context), as: .html)
    }
}
