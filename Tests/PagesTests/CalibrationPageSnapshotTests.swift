import SnapshotTesting
import Testing
import WaymarkDomain
import WaymarkUI

@testable import WaymarkQualityArea

@Suite("Calibration page snapshots")
struct CalibrationPageSnapshotTests {
    func context(_ title: String, role: Role) -> PageContext {
        PageContext(
            title: title, viewer: Viewer(displayName: "Quinn Auditor", role: role), csrfToken: "csrf-token-for-snapshots", currentArea: .quality)
    }

    static let order = AuditInstruments.caseFileAudit.domains.map(\.id) + ["overall"]
    static func grades(_ places: [Int]) -> [String: Int] { Dictionary(uniqueKeysWithValues: zip(order, places)) }

    @Test func list() {
        let listed = [
            CalibrationPages.Listed(
                id: "c2", title: "A teenager looked after, her placement at risk", issued: "2 December 2026", closes: "16 December 2026",
                yours: "To grade", graded: 1),
            CalibrationPages.Listed(
                id: "c1", title: "A child in need, six months on", issued: "7 October 2026", closes: "21 October 2026",
                yours: "Agreed: see how far you were", graded: 4),
        ]
        assertSnapshot(of: CalibrationPages.list(listed, mayIssue: true, context: context(CalibrationPages.listTitle, role: .qaLead)), as: .html)
    }

    @Test func issueRefused() {
        var form = CalibrationForm()
        form.vignette = "Child A is 9."
        guard case .failure(let mistakes) = form.checked(today: ISODay("2026-12-07")!) else {
            Issue.record("accepted")
            return
        }
        assertSnapshot(
            of: CalibrationPages.new(
                form, errors: FormErrors(mistakes.all), instruments: [.init(value: "v1", label: "Case file audit, version 1")],
                context: context(CalibrationPages.newTitle, role: .qaLead)),
            as: .html)
    }

    /// An auditor's form, the overall grade forgotten.
    @Test func toGrade() {
        let model = CalibrationPages.Model(
            id: "c2", title: "A teenager looked after", vignette: "Young person B is 15.\n\nHer pathway plan has not been started.",
            issued: "Issued by Priya Shah on 2 December 2026", closes: "16 December 2026", instrument: AuditInstruments.caseFileAudit,
            yours: .toGrade(
                typed: ["grade-assessment": "2"], errors: FormErrors([FieldMistake(field: "overall", message: "Choose an overall grade")])))
        assertSnapshot(of: CalibrationPages.exercise(model, context: context(model.title, role: .qaAuditor)), as: .html)
    }

    /// The QA lead, who graded it too: their distance, the spread of four graders, the agreed grades recorded.
    @Test func comparedWithSpread() {
        let agreed = Self.grades([2, 2, 1, 1, 3, 2, 2])
        let given = [[2, 2, 2, 1, 2, 2, 2], [1, 2, 1, 1, 2, 2, 1], [2, 3, 1, 1, 3, 2, 2], [2, 2, 1, 2, 3, 3, 2]].map(Self.grades)
        let model = CalibrationPages.Model(
            id: "c1", title: "A child in need, six months on", vignette: "Child A is 9.", issued: "Issued by Priya Shah on 7 October 2026",
            closes: "21 October 2026", instrument: AuditInstruments.caseFileAudit,
            yours: .compared(Calibration.Distance(given: given[0], agreed: agreed, order: Self.order)),
            spread: Calibration.spread(given, agreed: agreed, order: Self.order, scaleSize: 4),
            agreement: .agreed(by: "Priya Shah", on: "23 October 2026"))
        assertSnapshot(of: CalibrationPages.exercise(model, context: context(model.title, role: .qaLead)), as: .html)
    }
}
