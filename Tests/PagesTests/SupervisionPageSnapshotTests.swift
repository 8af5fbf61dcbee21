import Foundation
import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkSupervisionArea

@Suite("Supervision page snapshots")
struct SupervisionPageSnapshotTests {
    let manager = Viewer(displayName: "Maria Lopez", role: .teamManager)

    func context(_ title: String) -> PageContext {
        PageContext(title: title, viewer: manager, csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
    }

    let sam = SupervisionHomePage.Supervisee(
        agreementID: "a1", name: "Sam Mensah", role: "Practitioner", cadence: "Monthly", lastHeld: "3 November 2026", next: "4 days overdue",
        overdue: true, casesOverdue: 2, cases: 14)

    let agenda = AgreementPages.Agenda(
        actions: [.init(id: "l1", description: "Update the contingency plan", due: "Due 20 December 2026", overdue: false)],
        cases: [
            .init(
                childID: "c1", child: "Amara Okafor (1001)", status: "Child protection plan", lastDiscussed: "2 November 2026",
                state: "7 days overdue", overdue: true)
        ])

    @Test func home() {
        let model = SupervisionHomePage.Model(
            own: .init(
                agreementID: "a0", name: "Maria Lopez", role: "Team manager", cadence: "Monthly", lastHeld: "20 November 2026",
                next: "Due 20 December 2026", overdue: false, casesOverdue: 0, cases: 0),
            ownSupervisor: "Joanna Blake", supervised: [sam],
            compliance: [.init(team: "Duty & Assessment Team 1", supervised: 5, supervisees: 6, discussed: 40, cases: 52)],
            withoutAgreement: ["Alex Kim (Practitioner)"], maySetUp: true, intervals: CaseDiscussionIntervals())
        assertSnapshot(of: SupervisionHomePage.render(model, context: context(SupervisionHomePage.title)), as: .html)
    }

    @Test func newAgreementWithMistakes() {
        var typed = SupervisionAgreementForm()
        typed.supervisee = "p1"
        let errors = FormErrors([FieldMistake(field: "supervisor", message: "Choose their supervisor")])
        let form = AgreementPages.NewForm(
            typed: typed, errors: errors, supervisees: [.init(value: "p1", label: "Sam Mensah (Practitioner)")],
            supervisors: [.init(value: "m1", label: "Maria Lopez (Team manager)")])
        assertSnapshot(of: AgreementPages.renderNew(form, context: context(AgreementPages.newTitle)), as: .html)
    }

    @Test func agreement() {
        let model = AgreementPages.Model(
            id: "a1", supervisee: "Sam Mensah",
            facts: [("Supervisor", "Maria Lopez"), ("Cover supervisor", "No one named"), ("From", "1 January 2026"), ("How often", "Monthly")],
            next: "4 days overdue", overdue: true, agenda: agenda,
            sessions: [
                .init(id: "s2", heldOn: "3 November 2026", kind: "Case supervision", heldBy: "Maria Lopez", outcome: "Held", childrenDiscussed: 9),
                .init(
                    id: "s1", heldOn: "1 October 2026", kind: "One-to-one", heldBy: "Maria Lopez", outcome: "Cancelled: Worker in court all day.",
                    childrenDiscussed: 0),
            ],
            mayRecord: true)
        assertSnapshot(of: AgreementPages.render(model, context: context("Supervision: Sam Mensah")), as: .html)
    }

    @Test func sessionFormWithMistakes() {
        var typed = SupervisionSessionForm()
        typed.kind = "one-to-one"
        typed.discussions = [CaseDiscussionForm(child: "c1", discussion: "The safety plan.")]
        let errors = FormErrors([
            FieldMistake(field: "held-on", message: "Enter the day of the session"),
            FieldMistake(field: "discussion-0-decision", message: "Case discussion 1: say what was decided, even if it is that the plan continues"),
        ])
        let form = SessionPages.NewForm(
            agreementID: "a1", supervisee: "Sam Mensah", typed: typed, errors: errors, children: [.init(value: "c1", label: "Amara Okafor (1001)")],
            agenda: agenda)
        assertSnapshot(of: SessionPages.renderNew(form, context: context("Record a supervision session")), as: .html)
    }

    @Test func session() {
        let model = SessionPages.Model(
            agreementID: "a1", supervisee: "Sam Mensah", heading: "One-to-one supervision with Sam Mensah, 3 November 2026",
            facts: [("Held by", "Maria Lopez"), ("Kind", "One-to-one")],
            reflection: [("What happened", "A busy month in court."), ("What happens next", "Protected recording time on Fridays.")],
            wellbeing: "Tired after duty week; agreed a lighter week.",
            discussions: [
                .init(
                    childID: "c1", child: "Amara Okafor (1001)", discussion: "The safety plan.", decision: "Core group within 10 working days.",
                    action: "Visit and see Amara alone (Sam Mensah, due 10 November 2026)")
            ])
        assertSnapshot(of: SessionPages.render(model, context: context("Supervision session")), as: .html)
    }
}
