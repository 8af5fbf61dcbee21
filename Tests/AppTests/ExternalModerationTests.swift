import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkApp
@testable import WaymarkQualityArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("The triple lock: another council's moderator grades the audits assigned to them, pseudonymised, and a QA lead decides", .serialized)
struct ExternalModerationTests {
    /// An external moderator whose account works until `lastDay`.
    static func externalModerator(_ app: Application, lastDay: ISODay = ISODay.today.adding(months: 3)) async throws -> SignedInUser {
        let moderator = try await app.signIn(as: .externalModerator)
        let user = try #require(try await User.find(moderator.id, on: app.db))
        user.lastDay = lastDay.description
        try await user.save(on: app.db)
        return moderator
    }

    static func externalGrades(_ csrf: String, planning: String, reason: String = "", rationale: String = "") -> ByteBuffer {
        var fields = [("csrfToken", csrf)]
        for domain in AuditInstruments.caseFileAudit.domains {
            let grade = domain.id == "planning" ? planning : "1"
            fields += [
                ("external-\(domain.id)", grade), ("external-\(domain.id)-reason", domain.id == "planning" ? reason : ""),
                ("external-\(domain.id)-rationale", domain.id == "planning" ? rationale : ""),
            ]
        }
        return formBody(fields + [("external-overall", "2"), ("external-overall-rationale", "")])
    }

    @Test(
        "Chosen while agreement is too few to judge, an audit waits for its second auditor, then its external moderator; a change goes to a QA lead, and only then it locks",
        arguments: TestDatabase.available)
    func tripleLock(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            try await CaseAuditTests.loadChildren(app)
            let lead = try await app.signIn(as: .qaLead)
            let auditor = try await app.signIn(as: .qaAuditor)
            let second = try await app.signIn(as: .qaAuditor)
            let external = try await Self.externalModerator(app)
            let other = try await Self.externalModerator(app)
            // Every audit double-locked (not blind); a triple lock of 1% at random, but fewer than 20 pairs are too few to
            // show agreement meets its target, so every double-locked audit goes out as well.
            let programme = try await CaseAuditTests.setUp(app, as: lead, doubleLock: "100", blind: "0", tripleLock: "1")
            let audit = try #require(
                try await CaseAudit.query(on: app.db).filter(\.$programmeID == programme).filter(\.$auditorID == auditor.id).first())
            let auditID = try audit.requireID()
            let path = "/quality/audits/\(auditID.uuidString)"
            try await app.testing().test(
                .POST, path, headers: HTTPHeaders.form().merging(auditor.headers), body: CaseAuditTests.completedAudit(auditor.csrfToken)
            ) { res in #expect(res.status == .seeOther) }
            let moderation = try #require(try await ExternalModeration.query(on: app.db).filter(\.$auditID == auditID).first())
            #expect(moderation.because == "agreement-below-target" && moderation.state == .assigned)
            // Assigned to the external moderator with fewest (both have none: the first by name).
            #expect(moderation.moderatorID == external.id || moderation.moderatorID == other.id)
            let assigned = moderation.moderatorID == external.id ? external : other
            let outsider = moderation.moderatorID == external.id ? other : external
            let externalPath = "/quality/external/\(try moderation.requireID().uuidString)"
            let child = try #require(try await Child.find(audit.childID, on: app.db))

            // Before the second auditor: listed as waiting, and grading is refused with nothing kept.
            try await app.testing().test(.GET, "/", headers: assigned.headers) { res in
                #expect(res.body.string.contains("No audit is ready for your grades. 1 other can be graded once the council"))
            }
            try await app.testing().test(.GET, "/quality/external", headers: assigned.headers) { res in
                #expect(res.status == .ok)
                #expect(
                    res.body.string.contains("Waiting for the council&#39;s second auditor")
                        || res.body.string.contains("Waiting for the council's second auditor"))
                #expect(!res.body.string.contains(child.localID))
            }
            try await app.testing().test(
                .POST, externalPath, headers: HTTPHeaders.form().merging(assigned.headers),
                body: Self.externalGrades(assigned.csrfToken, planning: "3", rationale: "No plan review for 8 months.")
            ) { res in #expect(res.status == .conflict) }
            #expect(try await CaseAuditGrade.query(on: app.db).filter(\.$kind == .external).count() == 0)

            // The second auditor agrees: the grades stand, but stay open for the external moderator.
            let doubleLock = try #require(try await CaseAuditModeration.query(on: app.db).filter(\.$auditID == auditID).first())
            let secondAuditor = doubleLock.moderatorID == second.id ? second : lead
            try await app.testing().test(
                .POST, "\(path)/moderation", headers: HTTPHeaders.form().merging(secondAuditor.headers),
                body: CaseAuditTests.moderated(secondAuditor.csrfToken, planning: "3")
            ) { res in #expect(res.status == .seeOther) }
            #expect(try await CaseAuditModeration.find(doubleLock.requireID(), on: app.db)?.state == .agreed)
            #expect(try await CaseAudit.find(auditID, on: app.db)?.lockedAt == nil)

            // Pseudonymised: the evidence and the audit, but not the child's identifier, date of birth or anyone's name.
            try await app.testing().test(.GET, externalPath, headers: assigned.headers) { res in
                let body = res.body.string
                #expect(res.status == .ok)
                #expect(body.contains("Your grades as external moderator") && body.contains("Her carers know her well."))
                #expect(body.contains("Case \(audit.position + 1) of Children in care and in need"))
                #expect(!body.contains(child.localID))
                if let born = child.dateOfBirth.flatMap({ ISODay($0) }) { #expect(!body.contains(born.written)) }
                #expect(!body.contains("Test Quality assurance auditor") && !body.contains("Test Quality assurance lead"))
            }
            let reads = try await AuditEvent.query(on: app.db).filter(\.$recordID == child.localID).all()
            #expect(reads.contains { $0.detail?.contains("pseudonymised case audit evidence for external moderation") == true })

            // Nothing else: not another moderator's audit, not the council's audit page, not the children.
            try await app.testing().test(.GET, externalPath, headers: outsider.headers) { res in #expect(res.status == .notFound) }
            try await app.testing().test(.GET, path, headers: assigned.headers) { res in #expect(res.status == .forbidden) }
            try await app.testing().test(.GET, "/children", headers: assigned.headers) { res in #expect(res.status == .forbidden) }

            // A changed grade needs its reason and rationale; refused, nothing is kept.
            try await app.testing().test(
                .POST, externalPath, headers: HTTPHeaders.form().merging(assigned.headers),
                body: Self.externalGrades(assigned.csrfToken, planning: "2")
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("Say why the grade for quality of planning should change"))
                #expect(res.body.string.contains("Say why quality of planning should be requires improvement to be good"))
            }
            #expect(try await CaseAuditGrade.query(on: app.db).filter(\.$kind == .external).count() == 0)
            try await app.testing().test(
                .POST, externalPath, headers: HTTPHeaders.form().merging(assigned.headers),
                body: Self.externalGrades(assigned.csrfToken, planning: "2", reason: "evidence-missed", rationale: "The review in June was on file.")
            ) { res in #expect(res.headers.first(name: .location) == "/quality/external?notice=external-differs") }
            #expect(try await ExternalModeration.find(moderation.requireID(), on: app.db)?.state == .toAdjudicate)
            #expect(try await CaseAudit.find(auditID, on: app.db)?.lockedAt == nil)
            // Graded once only.
            try await app.testing().test(
                .POST, externalPath, headers: HTTPHeaders.form().merging(assigned.headers),
                body: Self.externalGrades(assigned.csrfToken, planning: "3", rationale: "No plan review for 8 months.")
            ) { res in #expect(res.status == .conflict) }

            // The QA lead decides, and the audit locks with the external moderator's grade.
            try await app.testing().test(.GET, path, headers: lead.headers) { res in
                #expect(res.body.string.contains("Decide the grades after external moderation"))
                #expect(res.body.string.contains("Standing: Inadequate. External moderator: Requires improvement to be good."))
            }
            try await app.testing().test(
                .POST, "\(path)/external-adjudication", headers: HTTPHeaders.form().merging(lead.headers),
                body: formBody([
                    ("csrfToken", lead.csrfToken), ("final-planning", "2"), ("final-planning-reason", "evidence-missed"),
                    ("final-planning-rationale", "The June review was missed."),
                ])
            ) { res in #expect(res.headers.first(name: .location) == "\(path)?notice=grades-decided") }
            #expect(try await CaseAudit.find(auditID, on: app.db)?.lockedAt != nil)
            #expect(try await CaseAuditStore.standingGrades(of: auditID, on: app.db)["planning"] == 2)
            let kinds = try await CaseAuditGrade.query(on: app.db).filter(\.$auditID == auditID).filter(\.$domain == "planning").sort(\.$givenAt)
                .all()
                .map(\.kind)
            #expect(kinds == [.auditor, .moderator, .external, .final])
            // The monthly report counts the external moderator as a third grader of each of the audit's 7 grades.
            try await app.testing().test(.GET, "/quality/report?month=\(ReportMonth(ISODay.today))", headers: lead.headers) { res in
                #expect(res.body.string.contains("The external moderator graded 7 grades as well as the second auditor."))
            }
        }
    }

    @Test("A programme with no triple lock sends nothing out, and an audit no one differs on locks at once", arguments: TestDatabase.available)
    func offWhenZero(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            try await CaseAuditTests.loadChildren(app)
            _ = try await Self.externalModerator(app)
            let submitted = try await CaseAuditTests.submittedAudit(app)
            #expect(try await ExternalModeration.query(on: app.db).count() == 0)
            #expect(try await CaseAudit.find(submitted.audit.requireID(), on: app.db)?.lockedAt != nil)
        }
    }

    @Test(
        "An external moderator's account must have a last day; after it they cannot sign in, and their session ends",
        arguments: TestDatabase.available)
    func accountEnds(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            func add(_ username: String, lastDay: ISODay?) async throws -> HTTPStatus {
                var fields = [
                    ("csrfToken", admin.csrfToken), ("username", username), ("displayName", "Essex moderator"), ("role", "external-moderator"),
                ]
                if let lastDay {
                    fields += [
                        ("lastDay-day", String(lastDay.day)), ("lastDay-month", String(lastDay.month)), ("lastDay-year", String(lastDay.year)),
                    ]
                }
                var status = HTTPStatus.ok
                try await app.testing().test(.POST, "/admin/users/new", headers: HTTPHeaders.form().merging(admin.headers), body: formBody(fields)) {
                    res in
                    status = res.status
                    if lastDay == nil { #expect(res.body.string.contains("Enter the last day this account works")) }
                }
                return status
            }
            #expect(try await add("essex.one", lastDay: nil) == .unprocessableEntity)
            #expect(try await add("essex.one", lastDay: ISODay.today.adding(months: 13)) == .unprocessableEntity)
            #expect(try await UserStore.user(named: "essex.one", on: app.db) == nil)
            #expect(try await add("essex.one", lastDay: ISODay.today) == .ok)
            #expect(try await UserStore.user(named: "essex.one", on: app.db)?.lastDay == ISODay.today.description)

            // Today is its last day: it works. Once that day has passed, its session ends and sign-in is refused.
            let moderator = try await Self.externalModerator(app, lastDay: .today)
            try await app.testing().test(.GET, "/quality/external", headers: moderator.headers) { res in #expect(res.status == .ok) }
            let user = try #require(try await User.find(moderator.id, on: app.db))
            user.lastDay = ISODay.today.adding(days: -1).description
            try await user.save(on: app.db)
            try await app.testing().test(.GET, "/quality/external", headers: moderator.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            }
            let res = try await SignInTests().postSignIn(app, username: moderator.username, password: "correct horse battery staple")
            #expect(res.status == .unauthorized)
            #expect(try await AuditEvent.query(on: app.db).all().contains { $0.detail?.contains("account ended") == true })
        }
    }
}
