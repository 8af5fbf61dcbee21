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

/// Whole-page snapshots: a change to any page's HTML shows up as a reviewed diff. In CI missing snapshots fail
/// (SNAPSHOT_TESTING_RECORD=never), so nothing is recorded there silently.
@Suite("Page snapshots")
struct PageSnapshotTests {
    let manager = Viewer(displayName: "Priya Shah", role: .teamManager)

    func context(_ title: String, viewer: Viewer?, area: Area? = nil, notice: String? = nil) -> PageContext {
        PageContext(title: title, viewer: viewer, csrfToken: "csrf-token-for-snapshots", currentArea: area, notice: notice)
    }

    @Test func signInWithProblem() {
        let html = SignInPage.render(
            .init(username: "p.shah", problem: "The username or password is not right. Check them and try again."),
            context: context("Sign in", viewer: nil))
        assertSnapshot(of: html, as: .html)
    }

    @Test func homeForTeamManager() {
        let section = HomeSection(
            title: "Your team's clocks: Duty & Assessment Team 1",
            summary: "2 clocks overdue, 1 due today and 4 due in the next five working days, for the 52 children the team holds now.",
            items: [
                .init(text: "Assessment: Amelia Khan", href: "/children/C1", status: "3 working days overdue", urgent: true),
                .init(text: "Child protection visit: Noah Begum", href: "/children/C2", status: "1 working day overdue", urgent: true),
                .init(text: "Looked-after review: Isla Smith", href: "/children/C3", status: "Due today", urgent: false),
            ],
            more: ("Open the team's daily tracker", "/children/caseloads/T1/tracker"))
        assertSnapshot(of: HomePage.render(viewer: manager, sections: [section], context: context("Home", viewer: manager)), as: .html)
    }

    @Test func homeWithNothingToDo() {
        let html = HomePage.render(viewer: manager, sections: [], context: context("Home", viewer: manager))
        #expect(html.contains("Nothing needs you today"))
    }

    @Test func areaPage() {
        assertSnapshot(of: AreaPage.render(area: .children, context: context("Children", viewer: manager, area: .children)), as: .html)
    }

    @Test func forbiddenPage() {
        let html = ErrorPage.render(.forStatus(403, detail: nil), context: context("Forbidden", viewer: manager))
        assertSnapshot(of: html, as: .html)
    }

    @Test func userFormWithErrors() {
        var errors = FormErrors()
        errors.add("username", "Enter a username.")
        errors.add("role", "Choose a role.")
        let admin = Viewer(displayName: "Alex Admin", role: .systemAdmin)
        let model = UserFormPage.Model(
            userID: nil, values: .init(displayName: "Jo Bloggs"), errors: errors,
            organisations: [.init(value: "o1", label: "Barnet Homes")], teams: [.init(value: "t1", label: "MASH Team")],
            serviceAreas: [.init(value: "s1", label: "Front Door and MASH")])
        assertSnapshot(of: UserFormPage.render(model, context: context("Add a user", viewer: admin, area: .admin)), as: .html)
    }

    @Test func auditTrail() {
        let auditor = Viewer(displayName: "Quinn Auditor", role: .qaAuditor)
        let model = AuditTrailPage.Model(
            query: .init(username: "p.shah"), errors: FormErrors(),
            rows: [
                .init(
                    time: "2026-11-20 09:14:03", username: "p.shah", action: "view", recordType: "child", recordID: "C1001",
                    ipAddress: "10.1.2.3", requestID: "7F3A")
            ],
            total: 120, pageSize: 50, recordTypes: ["child", "user"])
        assertSnapshot(
            of: AuditTrailPage.render(model, context: context("Audit trail", viewer: auditor, area: .admin), showAdminMenu: false),
            as: .html)
    }

    @Test("Navigation shows a partner only Plan, Measures and Directory")
    func partnerNavigation() {
        let partner = Viewer(displayName: "Pat Police", role: .partner)
        let html = HomePage.render(viewer: partner, sections: [], context: context("Home", viewer: partner))
        #expect(html.contains(#"<a href="/plan">Plan</a>"#))
        #expect(!html.contains(#"href="/children""#))
        #expect(!html.contains(#"href="/admin"#))
    }

    @Test("Text is escaped: a name cannot inject markup")
    func escaping() {
        let viewer = Viewer(displayName: "<script>alert(1)</script>", role: .readOnly)
        let html = HomePage.render(viewer: viewer, sections: [], context: context("Home", viewer: viewer))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;"))
    }
}

extension Snapshotting where Value == String, Format == String {
    /// The page's HTML with one tag per line, so a snapshot diff points at the element that changed.
    static var html: Snapshotting {
        Snapshotting<String, String>.lines.pullback { $0.replacingOccurrences(of: "><", with: ">\n<") }
    }
}
