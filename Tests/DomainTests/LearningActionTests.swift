import Testing
import WaymarkDomain

@Suite("Learning actions: the form, checked whole, and the plan action a service's action serves")
struct LearningActionTests {
    let today = ISODay("2026-12-07")!

    func form(level: String, planAction: String = "") -> LearningActionForm {
        var form = LearningActionForm()
        (form.description, form.level, form.owner, form.evidence, form.due, form.planAction) = (
            "Refresh contingency planning training", level, "o1", "Attendance list for every team", "2027-01-31", planAction
        )
        return form
    }

    @Test("An action is checked whole: what, who answers, the owner, the evidence and a due day not past")
    func mistakes() {
        var empty = LearningActionForm()
        empty.due = "2026-12-06"
        guard case .failure(let mistakes) = empty.checked(today: today, owners: ["o1"], domains: ["planning"]) else {
            Issue.record("accepted")
            return
        }
        #expect(
            mistakes.all.map(\.field) == ["action-description", "action-level", "action-owner", "action-evidence", "action-due"])
        #expect(mistakes.all.last?.message == "The day the action is due must be today or later")
    }

    @Test("Only an action of the service, the partnership or workforce development serves a plan action, one from the list")
    func planAction() throws {
        let plans: Set<String> = ["p1"]
        let service = try form(level: "service", planAction: "p1").checked(today: today, owners: ["o1"], domains: [], planActions: plans).get()
        #expect(service.planAction == "p1" && service.level == .service)
        #expect(
            try form(level: "workforce-development", planAction: "p1").checked(today: today, owners: ["o1"], domains: [], planActions: plans).get()
                .planAction == "p1")
        #expect(try form(level: "practitioner").checked(today: today, owners: ["o1"], domains: [], planActions: plans).get().planAction == nil)
        guard
            case .failure(let practitioner) = form(level: "practitioner", planAction: "p1").checked(
                today: today, owners: ["o1"], domains: [], planActions: plans)
        else {
            Issue.record("accepted")
            return
        }
        #expect(
            practitioner.all == [
                FieldMistake(
                    field: "action-plan-action", message: "Only an action for the service, the partnership or workforce development serves the plan")
            ])
        guard
            case .failure(let unknown) = form(level: "service", planAction: "p9").checked(
                today: today, owners: ["o1"], domains: [], planActions: plans)
        else {
            Issue.record("accepted")
            return
        }
        #expect(unknown.all == [FieldMistake(field: "action-plan-action", message: "Choose the plan action from the list, or none")])
        #expect(
            LearningActionWords.state(.open, sentBack: true) == "Sent back"
                && LearningActionWords.state(.closed, sentBack: false) == "Closed: to verify")
    }
}
