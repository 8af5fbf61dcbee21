import SnapshotTesting
import Testing
import WaymarkDomain
@testable import WaymarkViews

/// The children's pages, from fixed data.
@Suite("Children page snapshots")
struct ChildPageSnapshotTests {
    let context = PageContext(title: "Child A1", viewer: Viewer(displayName: "Sam Worker", role: .practitioner),
                              csrfToken: "csrf-token-for-snapshots", currentArea: .children)

    @Test func childWithAChronology() {
        let model = ChildPage.Model(
            heading: "Child A1",
            identity: [("Local identifier", "A1"), ("Unique pupil number", "–"), ("Date of birth", "2012-03-27"), ("Sex", "2")],
            statuses: ["Looked after", "Child protection plan"], allocation: "Sam Worker, MASH Team",
            chronology: [
                .init(date: "2024-11-04", what: "Referral to children's social care", detail: "PrimaryNeedCode N1 · ReferralSource 3A", source: "cin.xml, line 4"),
                .init(date: "2025-02-01", what: "Looked-after episode", detail: "CIN N1 · LS C2 · PLACE U1", source: "episodes.csv, line 2"),
            ],
            otherRecords: [.init(date: "", what: "Looked-after return header", detail: "ETHNIC WBRI", source: "header.csv, line 2")])
        assertSnapshot(of: ChildPage.render(model, context: context), as: .html)
    }

    @Test func searchResultsWithoutNames() {
        let model = ChildrenPage.Model(query: "A1", seesNames: false,
                                       results: [.init(id: "00000000-0000-0000-0000-000000000001", localID: "A1", name: nil, dateOfBirth: "2012-03-27", statuses: "Looked after")],
                                       total: 12, mayImport: false)
        assertSnapshot(of: ChildrenPage.render(model, context: context), as: .html)
    }
}

@Suite struct HTMLTextTests {
    @Test func escapesWhatPlotEscapesInText() {
        #expect(HTMLText.escaped("A & B <c> \"d\" 'e' café") == "A &amp; B &lt;c&gt; \"d\" 'e' café")
        #expect(HTMLText.escaped("plain") == "plain")
    }
}
