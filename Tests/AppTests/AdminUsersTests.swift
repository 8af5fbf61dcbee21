import Fluent
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

@Suite("Admin: users, organisations, teams")
struct AdminUsersTests {
    func post(
        _ app: Application, _ path: String, as user: SignedInUser, _ fields: [(String, String)],
        _ check: (TestingHTTPResponse) async throws -> Void
    ) async throws {
        try await app.testing().test(
            .POST, path, headers: HTTPHeaders.form().merging(user.headers),
            body: formBody([("csrfToken", user.csrfToken)] + fields), afterResponse: check)
    }

    @Test("A form with mistakes comes back with every message beside its field and the values kept", arguments: TestDatabase.available)
    func formErrors(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let admin = try await app.signIn(as: .systemAdmin, username: "boss")
            try await post(app, "/admin/users/new", as: admin, [("username", "Boss"), ("displayName", "Anne Partner"), ("role", "partner")]) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains(#"Username "boss" is already taken."#))
                #expect(html.contains("Choose the organisation this partner works for"))
                #expect(html.contains(#"value="Anne Partner""#))
                #expect(html.contains(#"<option value="partner" selected>"#))
                #expect(html.contains(##"<a href="#username">"##), "the summary links to the field")
                #expect(html.contains(#"id="username-error""#))
            }
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test("Adding a user shows a one-time password once, forces a change at first sign-in, and is audited", arguments: TestDatabase.available)
    func addUser(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            let team = try #require(try await Team.query(on: app.db).filter(\.$name == "MASH Team").first())
            var oneTimePassword = ""
            try await post(
                app, "/admin/users/new", as: admin,
                [("username", "sam.worker"), ("displayName", "Sam Worker"), ("role", "practitioner"), ("teamID", team.id!.uuidString)]
            ) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Sam Worker has been added"))
                let match = html.firstMatch(of: /<code>([a-z0-9-]{19})<\/code>/)
                oneTimePassword = String(try #require(match).1)
            }
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "sam.worker").first())
            #expect(user.mustChangePassword)
            #expect(user.role == .practitioner)
            #expect(user.$serviceArea.id == team.$serviceArea.id, "the service area follows from the team")
            #expect(try Bcrypt.verify(oneTimePassword, created: user.passwordHash))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "create").filter(\.$recordID == user.id!.uuidString).all()
            #expect(audit.map(\.username) == [admin.username])
        }
    }

    @Test("Disabling a user ends their sessions at once")
    func disableEndsSessions() async throws {
        try await withApp(on: .sqlite) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            let worker = try await app.signIn(as: .practitioner)
            try await post(app, "/admin/users/\(worker.id)/disable", as: admin, [("action", "disable")]) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/children", headers: worker.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            }
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == worker.id).count() == 0)
        }
    }

    @Test("An administrator cannot disable their own account")
    func cannotDisableSelf() async throws {
        try await withApp(on: .sqlite) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            try await post(app, "/admin/users/\(admin.id)/disable", as: admin, [("action", "disable")]) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("You cannot disable your own account"))
            }
        }
    }

    @Test("Teams need a service area; a duplicate name is refused")
    func addTeam() async throws {
        try await withApp(on: .sqlite) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            try await post(app, "/admin/teams", as: admin, [("name", "MASH Team"), ("serviceAreaID", "")]) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains(#""MASH Team" already exists."#))
                #expect(res.body.string.contains("Choose the service area the team belongs to."))
            }
            let area = try #require(try await ServiceArea.query(on: app.db).first())
            try await post(app, "/admin/teams", as: admin, [("name", "Pause Project"), ("serviceAreaID", area.id!.uuidString)]) { res in
                #expect(res.status == .seeOther)
            }
            #expect(try await Team.query(on: app.db).filter(\.$name == "Pause Project").count() == 1)
        }
    }

    @Test("The demo reference data is loaded into a new database")
    func referenceData() async throws {
        try await withApp(on: .sqlite) { app in
            let organisations = try await Organisation.query(on: app.db).count()
            let serviceAreas = try await ServiceArea.query(on: app.db).count()
            let teams = try await Team.query(on: app.db).count()
            #expect(organisations == 11)
            #expect(serviceAreas == 8)
            #expect(teams == 15)
        }
    }
}
