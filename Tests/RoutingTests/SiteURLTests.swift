import Foundation
import Testing
import WaymarkDomain
import WaymarkRouting
import WaymarkTimescales

@Suite("Addresses: paths, route patterns and typed queries")
struct SiteURLTests {
    @Test("A link and the route it is registered under are the same path")
    func pathsAndPatterns() {
        #expect(SiteURL.children(.show(id: "3f2a")).path == "/children/3f2a")
        #expect(SiteURL.children(.show(id: "")).pathPattern == ["children", ":childID"])
        #expect(SiteURL.plan(.action(slug: "cyp-plan", ref: "1.2.3")).path == "/plans/cyp-plan/actions/1.2.3")
        #expect(SiteURL.plan(.action(slug: "", ref: "")).pathPattern == ["plans", ":planSlug", "actions", ":actionRef"])
        #expect(SiteURL.api(.action(slug: "cyp-plan", ref: "1.2.3")).path == "/api/v1/plans/cyp-plan/actions/1.2.3")
        #expect(SiteURL.measures(.values(code: "FFI-01", format: .xlsx)).path == "/measures/FFI-01/values.xlsx")
        #expect(SiteURL.home.path == "/")
        #expect(SiteURL.comingSoon(.voice).path == "/voice")
        #expect(SiteURL.quality(.agreement).path == "/quality/agreement")
    }

    @Test("A query is part of the link, not of the route")
    func queries() {
        let day = ISODay("2026-12-06")!
        #expect(SiteURL.children(.tracker(teamID: "t1", .init(on: day))).path == "/children/caseloads/t1/tracker?on=2026-12-06")
        #expect(SiteURL.children(.tracker(teamID: "", .init(on: day))).pathPattern == ["children", "caseloads", ":teamID", "tracker"])
        #expect(
            SiteURL.performance(.annexAWorkbook(.init(on: day, headers: .gender))).path == "/performance/annex-a.xlsx?on=2026-12-06&headers=gender")
        #expect(SiteURL.performance(.report()).path == "/performance")
        #expect(SiteURL.signIn(.init(expired: true)).path == "/sign-in?expired=1")
        // Parameters at their default are left out.
        #expect(SiteURL.plan(.actions(slug: "p", .init(reading: { $0 == "rag" ? "red" : nil }))).path == "/plans/p/actions?rag=red")
    }

    @Test("Values are percent-encoded, so '&', '=', '+' and '#' cannot change the query")
    func encoding() {
        let query = AuditTrailQuery(username: "a&b=c", recordID: "x+y #1", page: 2)
        #expect(SiteURL.admin(.auditTrail(query)).path == "/admin/audit?username=a%26b%3Dc&recordID=x%2By%20%231&page=2")
    }

    @Test("A notice and a fragment go after the page's own query")
    func noticeAndFragment() {
        let url = SiteURL.performance(.report(.init(period: "2026-11")))
        #expect(
            url.path(adding: [QueryItem("notice", "commentary-saved")], fragment: "summary")
                == "/performance?period=2026-11&notice=commentary-saved#summary")
    }

    @Test("Every query reads back what its link wrote")
    func roundTrips() {
        let day = ISODay("2026-02-28")!
        #expect(roundTrip(DayQuery(on: day)) == DayQuery(on: day))
        #expect(roundTrip(DayQuery()) == DayQuery())
        #expect(roundTrip(AnnexAQuery(on: day, headers: .sex)) == AnnexAQuery(on: day, headers: .sex))
        #expect(roundTrip(PeriodQuery(period: "2026-04..2026-11")) == PeriodQuery(period: "2026-04..2026-11"))
        #expect(roundTrip(SignInQuery(expired: true)) == SignInQuery(expired: true))
        #expect(
            roundTrip(BoardReportQuery(outcome: "2", board: "b1", from: "2026-09-01", to: "2026-11-30"))
                == BoardReportQuery(outcome: "2", board: "b1", from: "2026-09-01", to: "2026-11-30"))
        var search = ActionSearchQuery()
        (search.text, search.rag, search.dueBy, search.principle) = ("housing & health", "none", "2026-12-31", "participation")
        #expect(roundTrip(search) == search)
        let audit = AuditTrailQuery(username: "p.shah", recordType: "child", recordID: "C1001", from: "2026-11-01", to: "2026-11-30", page: 3)
        #expect(roundTrip(audit) == audit)
        let chronology = ChronologyQuery(kind: "case.ssd_cp_visits", from: day, to: ISODay("2026-11-30"))
        #expect(roundTrip(chronology) == chronology)
        #expect(SiteURL.children(.show(id: "C1", chronology)).path == "/children/C1?kind=case.ssd_cp_visits&from=2026-02-28&to=2026-11-30")
        // The kind and the days it narrows to: a record of another kind, or starting outside them, is left out.
        #expect(chronology.holds(kind: "case.ssd_cp_visits", starting: day) && !chronology.holds(kind: "cin.episode", starting: day))
        #expect(!chronology.holds(kind: "case.ssd_cp_visits", starting: ISODay("2026-12-01")!))
        #expect(ChronologyQuery().holds(kind: "cin.episode", starting: ISODay("1999-01-01")!))
    }

    @Test("A value that cannot be read is read as absent, never as an error")
    func unreadable() {
        #expect(DayQuery(reading: { _ in "yesterday" }).on == nil)
        #expect(DayQuery(reading: { _ in "2026-02-30" }).on == nil)
        #expect(AnnexAQuery(reading: { $0 == "headers" ? "colour" : nil }).headers == nil)
        #expect(AuditTrailQuery(reading: { $0 == "page" ? "-3" : nil }).page == 1)
        #expect(AuditTrailQuery(reading: { $0 == "page" ? "two" : nil }).page == 1)
        #expect(SignInQuery(reading: { _ in "yes" }).expired == false)
        // The audit trail's search is trimmed, and usernames are matched in lower case.
        #expect(AuditTrailQuery(reading: { $0 == "username" ? "  P.Shah " : nil }).username == "p.shah")
    }

    @Test("Each area's link in the navigation")
    func navigation() {
        #expect(Area.children.url(for: .practitioner) == .children(.home))
        #expect(Area.admin.url(for: .systemAdmin) == .admin(.users))
        #expect(Area.admin.url(for: .qaAuditor) == .admin(.auditTrail()))
        #expect(Area.voice.url(for: .leadership).path == "/voice")
    }

    /// Writes the query as a link does and reads it as a request does (percent-decoding each value).
    private func roundTrip<Query: URLQuery>(_ query: Query) -> Query {
        let link = SiteURL.home.path(adding: query.items)
        let pairs = link.split(separator: "?").dropFirst().first.map { $0.split(separator: "&") } ?? []
        var values: [String: String] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            values[parts[0]] = parts[1].removingPercentEncoding
        }
        return Query(reading: { values[$0] })
    }
}

@Suite("Dates in three boxes")
struct DateFieldTests {
    func lookup(_ query: [String: String]) -> (String) -> String? { { query[$0] } }

    @Test("GOV.UK's day, month and year boxes read as the link's one date; the link's date wins when both come")
    func threeBoxes() {
        #expect(DateField.read("on", from: lookup(["on-day": "6", "on-month": "12", "on-year": "2026"])) == "2026-12-06")
        #expect(DateField.read("on", from: lookup(["on-day": " 06 ", "on-month": "12", "on-year": "2026"])) == "2026-12-06")
        #expect(DateField.read("on", from: lookup(["on": "2026-03-31", "on-day": "6"])) == "2026-03-31")
        #expect(DateField.read("on", from: lookup([:])) == "")
        #expect(DateField.read("on", from: lookup(["on-day": "", "on-month": "", "on-year": ""])) == "")
        // Boxes that make no date stay as typed, so the page can say so (or read them as no date).
        #expect(DateField.read("on", from: lookup(["on-day": "31", "on-month": "2", "on-year": "2026"])) == "2026-02-31")
        #expect(DayQuery(reading: lookup(["on-day": "31", "on-month": "2", "on-year": "2026"])).on == nil)
        #expect(DayQuery(reading: lookup(["on-day": "4", "on-month": "8", "on-year": "2025"])).on == ISODay("2025-08-04"))
        #expect(ChronologyQuery(reading: lookup(["from-day": "1", "from-month": "4", "from-year": "2025"])).from == ISODay("2025-04-01"))
        // And back: the boxes a date fills.
        #expect(DateField.parts(of: "2026-03-09") == ("9", "3", "2026"))
        #expect(DateField.parts(of: "2026-02-31") == ("31", "2", "2026"))
    }
}
