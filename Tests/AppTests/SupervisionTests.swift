import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkApp
@testable import WaymarkStore
@testable import WaymarkSupervisionArea
@testable import WaymarkWeb

@Suite("Supervision: agreements, sessions, case discussions on the child's file, and wellbeing kept between two people", .serialized)
struct SupervisionTests {
    /// A worker's account linked (by staff identifier) to a child allocated to them whose status has a case discussion
    /// interval, their team manager and their head of service, each placed where they work.
    struct Placed {
        var worker: SignedInUser, manager: SignedInUser, head: SignedInUser
        var child: Child
        var team: Team
    }

    static func place(_ app: Application) async throws -> Placed {
        try await CaseAuditTests.loadChildren(app)
        let allocations = try await ChildAllocation.query(on: app.db).filter(\.$ends == nil).all()
        let statuses = try await ChildAccess.statuses(of: allocations.map(\.childID), on: app.db)
        let allocation = try #require(
            allocations.sorted { $0.childID.uuidString < $1.childID.uuidString }.first {
                $0.workerStaffID != nil && $0.teamID != nil && CaseDiscussionIntervals().days(for: statuses[$0.childID] ?? []) != nil
            })
        let team = try #require(try await Team.find(allocation.teamID, on: app.db))
        // Allocated three months ago, and never discussed since: overdue a case discussion whatever their status.
        allocation.starts = ISODay.today.adding(months: -3).description
        try await allocation.save(on: app.db)
        func place(_ role: Role, staffID: String? = nil, inTeam: Bool) async throws -> SignedInUser {
            let signedIn = try await app.signIn(as: role)
            let user = try #require(try await User.find(signedIn.id, on: app.db))
            user.displayName = "\(role.displayName) \(signedIn.username.suffix(4))"
            user.staffID = staffID
            user.$team.id = inTeam ? team.id : nil
            user.$serviceArea.id = team.$serviceArea.id
            try await UserStore.save(user, changes: [], by: .commandLine, on: app.db)
            return signedIn
        }
        let worker = try await place(.practitioner, staffID: allocation.workerStaffID, inTeam: true)
        let manager = try await place(.teamManager, inTeam: true)
        let head = try await place(.headOfService, inTeam: false)
        return Placed(
            worker: worker, manager: manager, head: head, child: try #require(try await Child.find(allocation.childID, on: app.db)), team: team)
    }

    static func agreementForm(_ csrf: String, supervisee: UUID, supervisor: UUID, starts: ISODay = ISODay.today.adding(months: -2)) -> ByteBuffer {
        formBody([
            ("csrfToken", csrf), ("supervisee", supervisee.uuidString), ("supervisor", supervisor.uuidString), ("cover", ""),
            ("starts-day", String(starts.day)), ("starts-month", String(starts.month)), ("starts-year", String(starts.year)),
            ("newly-qualified", "no"),
        ])
    }

    static func sessionForm(_ csrf: String, child: UUID, decision: String = "Plan continues; core group in 10 days.") -> ByteBuffer {
        let today = ISODay.today
        let due = today.adding(days: 7)
        return formBody([
            ("csrfToken", csrf), ("kind", "one-to-one"), ("held-on-day", String(today.day)), ("held-on-month", String(today.month)),
            ("held-on-year", String(today.year)), ("took-place", "yes"), ("experience", "A busy month in court."),
            ("next-steps", "Protected recording time."), ("wellbeing", "WELLBEING-KEPT-PRIVATE"),
            ("discussion-0-child", AuditCohort.canonical(child)), ("discussion-0-discussion", "School attendance and the safety plan."),
            ("discussion-0-decision", decision), ("discussion-0-action", "Visit and see the child alone"), ("discussion-0-owner", "The worker"),
            ("discussion-0-due-day", String(due.day)), ("discussion-0-due-month", String(due.month)), ("discussion-0-due-year", String(due.year)),
        ])
    }

    @Test(
        "A team manager sets up an agreement and records a session: the child discussed has it on their chronology; the wellbeing note stays with the two",
        arguments: TestDatabase.available)
    func agreementAndSession(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let placed = try await Self.place(app)
            let (worker, manager, head) = (placed.worker, placed.manager, placed.head)

            // The worker is someone the manager may set an agreement up for; themselves, never.
            try await app.testing().test(.GET, "/supervision/agreements/new", headers: manager.headers) { res in
                #expect(res.status == .ok && res.body.string.contains(worker.id.uuidString))
            }
            try await app.testing().test(
                .POST, "/supervision/agreements", headers: HTTPHeaders.form().merging(manager.headers),
                body: Self.agreementForm(manager.csrfToken, supervisee: worker.id, supervisor: worker.id)
            ) { res in
                // A practitioner does not supervise.
                #expect(res.status == .unprocessableEntity && res.body.string.contains("Choose their supervisor"))
            }
            #expect(try await SupervisionAgreement.query(on: app.db).count() == 0)
            var location = ""
            try await app.testing().test(
                .POST, "/supervision/agreements", headers: HTTPHeaders.form().merging(manager.headers),
                body: Self.agreementForm(manager.csrfToken, supervisee: worker.id, supervisor: manager.id)
            ) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            #expect(location.hasPrefix("/supervision/agreements/") && location.hasSuffix("?notice=supervision-agreement-set-up"))
            let agreementPath = String(location.prefix { $0 != "?" })
            // No session since it started two months ago: overdue, and the child is on the agenda.
            try await app.testing().test(.GET, agreementPath, headers: manager.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok && body.contains("Record a session") && body.contains("overdue"))
                #expect(body.contains(placed.child.localID))
            }
            // Another team's manager is told it is not found, and may not record.
            let stranger = try await app.signIn(as: .teamManager)
            try await app.testing().test(.GET, agreementPath, headers: stranger.headers) { res in #expect(res.status == .notFound) }
            try await app.testing().test(
                .POST, "\(agreementPath)/sessions", headers: HTTPHeaders.form().merging(stranger.headers),
                body: Self.sessionForm(stranger.csrfToken, child: placed.child.id!)
            ) { res in #expect(res.status == .notFound) }

            // A discussion without a decision is refused, and nothing is kept.
            try await app.testing().test(
                .POST, "\(agreementPath)/sessions", headers: HTTPHeaders.form().merging(manager.headers),
                body: Self.sessionForm(manager.csrfToken, child: placed.child.id!, decision: "")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Case discussion 1: say what was decided"))
            }
            #expect(try await SupervisionSession.query(on: app.db).count() == 0)
            #expect(try await CaseDiscussion.query(on: app.db).count() == 0)

            try await app.testing().test(
                .POST, "\(agreementPath)/sessions", headers: HTTPHeaders.form().merging(manager.headers),
                body: Self.sessionForm(manager.csrfToken, child: placed.child.id!)
            ) { res in
                #expect(res.status == .seeOther)
                location = res.headers.first(name: .location) ?? ""
            }
            let sessionPath = String(location.prefix { $0 != "?" })
            #expect(sessionPath.hasPrefix("/supervision/sessions/"))
            #expect(try await CaseDiscussion.query(on: app.db).filter(\.$childID == placed.child.requireID()).count() == 1)
            // The child's record changed: in the audit trail under the child.
            #expect(
                try await AuditEvent.query(on: app.db).filter(\.$recordType == "child").filter(\.$recordID == placed.child.localID)
                    .filter(\.$detail == "case discussion in supervision").count() == 1)

            // On the child's chronology as management oversight, with no wellbeing note.
            try await app.testing().test(.GET, "/children/\(placed.child.id!.uuidString)", headers: manager.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("Management oversight: case discussed in supervision by \(Role.teamManager.displayName)"))
                #expect(body.contains("Decided: Plan continues; core group in 10 days."))
                #expect(!body.contains("WELLBEING-KEPT-PRIVATE"))
            }
            // The two see the wellbeing note; the head of service reads the session without it.
            for person in [manager, worker] {
                try await app.testing().test(.GET, sessionPath, headers: person.headers) { res in
                    #expect(res.status == .ok && res.body.string.contains("WELLBEING-KEPT-PRIVATE"))
                }
            }
            try await app.testing().test(.GET, sessionPath, headers: head.headers) { res in
                #expect(res.status == .ok && res.body.string.contains("School attendance and the safety plan."))
                #expect(!res.body.string.contains("WELLBEING-KEPT-PRIVATE"))
            }
            // Nor does it reach the head of service's supervision page, the QA report or Performance Matters.
            for path in ["/supervision", "/quality/report", "/performance", agreementPath] {
                try await app.testing().test(.GET, path, headers: head.headers) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(!res.body.string.contains("WELLBEING-KEPT-PRIVATE"), "\(path)")
                }
            }
            // The QA report counts the agreement at each month's end since it started (none held before today: overdue).
            try await app.testing().test(.GET, "/quality/report", headers: head.headers) { res in
                let body = res.body.string
                #expect(body.contains("Supervision and management oversight") && body.contains("0 of 1 (0%)"))
            }
            // The worker is within their cadence now, and the head of service sees the team's compliance.
            try await app.testing().test(.GET, "/supervision", headers: head.headers) { res in
                let body = res.body.string
                #expect(body.contains("Compliance today") && body.contains(placed.team.name.replacingOccurrences(of: "&", with: "&amp;")))
            }
            try await app.testing().test(.GET, "/supervision", headers: worker.headers) { res in
                let body = res.body.string
                #expect(body.contains("Your supervision") && body.contains("Due \(ISODay.today.adding(months: 1).written)"))
            }
            // The worker may not record their own supervision.
            try await app.testing().test(
                .POST, "\(agreementPath)/sessions", headers: HTTPHeaders.form().merging(worker.headers),
                body: Self.sessionForm(worker.csrfToken, child: placed.child.id!)
            ) { res in #expect(res.status == .forbidden) }
        }
    }

    @Test(
        "A supervisor's home page lists the people overdue supervision and the children overdue a case discussion", arguments: TestDatabase.available)
    func homePage(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let placed = try await Self.place(app)
            var form = SupervisionAgreementForm()
            (form.supervisee, form.supervisor, form.starts) = (
                placed.worker.id.uuidString, placed.manager.id.uuidString, ISODay.today.adding(months: -3).description
            )
            let checked = try form.checked(today: .today, supervisees: [form.supervisee], supervisors: [form.supervisor]).get()
            let manager = try #require(try await User.find(placed.manager.id, on: app.db))
            let first = try await SupervisionStore.createAgreement(checked, by: manager, actor: .commandLine, on: app.db)
            // A new agreement must start after the one in force (nothing changes otherwise); then it ends that one.
            var earlier = checked
            earlier.starts = checked.starts.adding(days: -1)
            await #expect(throws: SupervisionStore.Refused.self) {
                try await SupervisionStore.createAgreement(earlier, by: manager, actor: .commandLine, on: app.db)
            }
            #expect(try await SupervisionAgreement.query(on: app.db).count() == 1)
            var later = checked
            later.starts = checked.starts.adding(days: 1)
            let second = try await SupervisionStore.createAgreement(later, by: manager, actor: .commandLine, on: app.db)
            #expect(try await SupervisionStore.agreement(first, on: app.db)?.ends == later.starts.description)
            // One set up to start tomorrow leaves today's in force until then.
            var tomorrow = checked
            tomorrow.starts = ISODay.today.adding(days: 1)
            let third = try await SupervisionStore.createAgreement(tomorrow, by: manager, actor: .commandLine, on: app.db)
            let worker = placed.worker.id
            #expect(try await SupervisionStore.agreementsInForce(of: [worker], on: .today, db: app.db).map(\.id) == [second])
            #expect(try await SupervisionStore.agreementsInForce(of: [worker], on: tomorrow.starts, db: app.db).map(\.id) == [third])
            #expect(try await SupervisionStore.agreements(supervisedBy: placed.manager.id, on: .today, db: app.db).map(\.id) == [second])
            try await app.testing().test(.GET, "/", headers: placed.manager.headers) { res in
                let body = res.body.string
                #expect(body.contains("Supervision: ") && body.contains("days overdue"))
                #expect(body.contains("Case discussions: "))
            }
            try await app.testing().test(.GET, "/", headers: placed.worker.headers) { res in
                #expect(res.body.string.contains("Your supervision"))
            }
            // The team's daily tracker: the child's case discussion is a clock overdue, and the worker's supervision too.
            try await app.testing().test(.GET, "/children/caseloads/\(placed.team.id!.uuidString)/tracker", headers: placed.manager.headers) { res in
                let body = res.body.string
                #expect(body.contains("Case discussion in supervision (every ") && body.contains("Not discussed since allocated"))
                #expect(body.contains("Supervision overdue: 1") && body.contains("None yet"))
            }
        }
    }

    @Test(
        "Performance Matters' shares on a day, worked by hand: in force, within cadence; the child discussed counts as within",
        arguments: TestDatabase.available)
    func shares(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let placed = try await Self.place(app)
            let today = ISODay.today
            let starts = today.adding(days: -60), heldOn = today.adding(days: -40)
            var form = SupervisionAgreementForm()
            (form.supervisee, form.supervisor, form.starts) = (placed.worker.id.uuidString, placed.manager.id.uuidString, starts.description)
            let checked = try form.checked(today: today, supervisees: [form.supervisee], supervisors: [form.supervisor]).get()
            let manager = try #require(try await User.find(placed.manager.id, on: app.db))
            let agreementID = try await SupervisionStore.createAgreement(checked, by: manager, actor: .commandLine, on: app.db)
            let agreement = try #require(try await SupervisionStore.agreement(agreementID, on: app.db))
            let intervals = CaseDiscussionIntervals()
            let before = try await OversightStore.caseDiscussions(on: [today], intervals: intervals, db: app.db)[0]

            var session = SupervisionSessionForm()
            (session.kind, session.heldOn, session.nextSteps) = ("one-to-one", heldOn.description, "Recording time.")
            let child = AuditCohort.canonical(try placed.child.requireID())
            session.discussions = [CaseDiscussionForm(child: child, discussion: "Plan.", decision: "Continues.")]
            _ = try await SupervisionStore.record(
                try session.checked(today: today, starts: starts, children: [child]).get(), under: agreement, superviseeName: "Worker",
                children: [child: (try placed.child.requireID(), placed.child.localID)], by: manager, actor: .commandLine, on: app.db)

            // Before it started: not counted. 50 days ago: no session yet, due a month after it started: within.
            // 5 days ago: the session 40 days ago was due again a month later (about 10 days ago): overdue.
            let days = [today.adding(days: -61), today.adding(days: -50), heldOn, heldOn.adding(months: 1), heldOn.adding(months: 1).adding(days: 1)]
            #expect(
                try await OversightStore.supervision(on: days, db: app.db) == [
                    .init(within: 0, counted: 0), .init(within: 1, counted: 1), .init(within: 1, counted: 1), .init(within: 1, counted: 1),
                    .init(within: 0, counted: 1),
                ])
            // Discussed 40 days ago: within the interval today (42 or 28 days: 40 days ago is within the 42 and not the 28).
            let statuses = try await ChildAccess.statuses(of: [placed.child.requireID()], on: app.db)[placed.child.requireID()] ?? []
            let after = try await OversightStore.caseDiscussions(on: [today], intervals: intervals, db: app.db)[0]
            #expect(after.counted == before.counted)
            #expect(after.within == before.within + (intervals.days(for: statuses) == 42 ? 1 : 0))
        }
    }
}
