import Foundation
import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkAdminArea
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea

/// The plan pages, from fixed data: a change to their HTML shows up as a reviewed diff.
@Suite("Plan page snapshots")
struct PlanPageSnapshotTests {
    let partner = Viewer(displayName: "Hana Homes", role: .partner)
    let today = ISODay("2026-11-22")!

    func context(_ title: String, notice: String? = nil) -> PageContext {
        PageContext(title: title, viewer: partner, csrfToken: "csrf-token-for-snapshots", currentArea: .plan, notice: notice)
    }

    func action(ref: String = "2.2.2", due: String? = "2026-11-01", rag: RAG? = .amber, status: ActionStatus = .atRisk) -> ActionRecord {
        ActionRecord(
            id: "A1", planSlug: "cypp-2019-2023", planTitle: "Barnet Children and Young People's Plan 2019–2023", outcomeRef: "2",
            outcomeName: "Safe and Secure", principles: [.bestInterests], objectiveRef: "2.2",
            objectiveTitle: "Help children to live in safe and supportive families and communities", ref: ref,
            title: "Develop and deliver a new Youth Homelessness Strategy", lead: nil, due: due.flatMap { ISODay($0) }, status: status,
            progress: 35, rag: rag, ragReason: rag == nil ? nil : "Consultation extended by a month.",
            responsible: [.init(id: "O1", name: "Barnet Council – Housing"), .init(id: "O2", name: "Barnet Homes")],
            monitoring: [.init(id: "B1", name: "Homelessness Strategic Plan")], lastUpdate: ISODay("2026-10-01"),
            latestCommentary: "Consultation with young people closes on 31 January.")
    }

    @Test func actionWithHistoryAndFormErrors() {
        var form = ActionPage.UpdateForm()
        form.commentary = "Draft agreed."
        form.rag = "red"
        form.errors.add("ragReason", "Say why the action is red")
        let model = ActionPage.Model(
            action: action(),
            history: [
                .init(
                    writtenAt: "2026-10-01 09:30 UTC", author: "Hana Homes", organisation: "Barnet Homes",
                    commentary: "Consultation with young people closes on 31 January.", status: .atRisk, progress: 35, rag: .amber,
                    ragReason: "Consultation extended by a month.", evidence: ["https://example.org/consultation"])
            ],
            recommendations: ["Ofsted: children's services, recommendation 14: Ensure that homeless 16- to 17-year-olds are thoroughly assessed."],
            form: form, today: today)
        assertSnapshot(of: ActionPage.render(model, context: context("Action 2.2.2")), as: .html)
    }

    @Test func planOverview() {
        let spread = RAGSpread([action(), action(ref: "2.2.3", rag: .green, status: .onTrack), action(ref: "1.1.1", rag: nil, status: .notStarted)])
        let model = PlanOverviewPage.Model(
            plan: PlanSummary(
                slug: "cypp-2019-2023", title: "Barnet Children and Young People's Plan 2019–2023", kind: .partnership,
                standing: .ended(ISODay(year: 2023, month: 3, day: 31)), starts: "2019-04-01", ends: "2023-03-31", spread: spread),
            version: "2019", vision: "Children and young people in Barnet live their lives successfully with the right support.",
            outcomes: [
                .init(
                    ref: "2", name: "Safe and Secure", ambition: "Children and young people are safe and protected from harm",
                    objectives: 4, spread: spread)
            ],
            measures: ["Children and young people feel that Barnet is a family friendly place to live"])
        assertSnapshot(of: PlanOverviewPage.render(model, context: context("Plan")), as: .html)
    }

    @Test func myActions() {
        let model = MyActionsPage.Model(
            organisationName: "Barnet Homes",
            actions: [action(), action(ref: "2.2.3", due: "2026-12-10", rag: .green, status: .onTrack)], today: today)
        assertSnapshot(of: MyActionsPage.render(model, context: context("My actions")), as: .html)
    }

    @Test func boardReportForPrint() {
        let actions = [action(), action(ref: "2.2.3", due: nil, rag: .green, status: .onTrack)]
        let model = BoardReportPage.Model(
            planSlug: "cypp-2019-2023", planTitle: "Barnet Children and Young People's Plan 2019–2023", scope: "Whole plan",
            from: "2026-08-22", to: "2026-11-22", generatedOn: "2026-11-22",
            outcomes: [
                .init(
                    name: "Safe and Secure", spread: RAGSpread(actions),
                    figures: [.init(value: "336", label: "Children looked after", source: "Family Services performance data", date: "2018-03-31")])
            ],
            actions: actions,
            changes: [
                .init(
                    day: "2026-11-20", action: actions[0], author: "Hana Homes, Barnet Homes", status: .atRisk, rag: .amber, progress: 35,
                    commentary: "Consultation with young people closes on 31 January.")
            ],
            outcomeChoices: [], boardChoices: [], selectedOutcome: "", selectedBoard: "", errors: FormErrors(), pdf: .init())
        assertSnapshot(of: BoardReportPage.renderForPrint(model, stylesheet: "/* site styles */"), as: .html)
    }
}
