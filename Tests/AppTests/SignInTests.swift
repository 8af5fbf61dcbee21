import Fluent
import Testing
import Vapor
import VaporTesting
import WaymarkDomain
@testable import WaymarkApp

@Suite("Signing in and out")
struct SignInTests {
    let password = "correct horse battery staple"

    /// Gets the sign-in page (for its CSRF cookie) and posts the form; returns the response.
    func postSignIn(_ app: Application, username: String, password: String) async throws -> TestingHTTPResponse {
        var csrf = ""
        try await app.testing().test(.GET, "/sign-in") { res in
            #expect(res.status == .ok)
            csrf = res.cookie(CSRF.cookieName) ?? ""
        }
        #expect(!csrf.isEmpty)
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, "/sign-in", headers: .form(cookie: "\(CSRF.cookieName)=\(csrf)"),
                                     body: formBody([("csrfToken", csrf), ("username", username), ("password", password)])) { res in
            result = res
        }
        return result
    }

    @Test("The right password signs in with an HttpOnly, SameSite=Lax session cookie, and it is audited", arguments: TestDatabase.available)
    func signInSucceeds(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let user = try await app.signIn(as: .teamManager, username: "tm.one", password: password)
            let res = try await postSignIn(app, username: "TM.One", password: password)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/")
            let setCookie = res.headers[.setCookie].first { $0.hasPrefix(SessionStore.cookieName + "=") } ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure"))

            let token = try #require(res.cookie(SessionStore.cookieName))
            try await app.testing().test(.GET, "/", headers: ["Cookie": "\(SessionStore.cookieName)=\(token)"]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Welcome, Test Team manager"))
            }
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in").all()
            #expect(audit.map(\.username) == ["tm.one"])
            #expect(audit.first?.recordID == user.id.uuidString)
        }
    }

    @Test("Secure cookies when configured for TLS")
    func secureCookie() async throws {
        let fresh = try await FreshDatabase.make(.sqlite)
        defer { fresh.remove() }
        var settings = fresh.settings()
        settings.secureCookies = true
        try await withApp(settings: settings) { app in
            _ = try await app.signIn(as: .practitioner, username: "pr", password: password)
            let res = try await postSignIn(app, username: "pr", password: password)
            #expect(res.headers[.setCookie].contains { $0.hasPrefix(SessionStore.cookieName + "=") && $0.contains("Secure") })
        }
    }

    @Test("A wrong password is refused with one message that does not say which part was wrong, and audited")
    func wrongPassword() async throws {
        try await withApp(on: .sqlite) { app in
            _ = try await app.signIn(as: .practitioner, username: "pw.test", password: password)
            let res = try await postSignIn(app, username: "pw.test", password: "not the password at all")
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("The username or password is not right"))
            #expect(res.cookie(SessionStore.cookieName) == nil)
            let unknown = try await postSignIn(app, username: "nobody.here", password: "whatever it is")
            #expect(unknown.body.string.contains("The username or password is not right"))
            let failures = try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in-failed").all()
            #expect(failures.compactMap(\.detail).sorted() == ["unknown username", "wrong password"])
        }
    }

    @Test("Five failures lock the account for 15 minutes, even against the right password")
    func lockout() async throws {
        try await withApp(on: .sqlite) { app in
            _ = try await app.signIn(as: .practitioner, username: "locked.out", password: password)
            for _ in 1...5 { _ = try await postSignIn(app, username: "locked.out", password: "a wrong guess here") }
            let res = try await postSignIn(app, username: "locked.out", password: password)
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("locked for 15 minutes"))
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "locked.out").first())
            let lockedUntil = try #require(user.lockedUntil)
            #expect(abs(lockedUntil.timeIntervalSinceNow - 15 * 60) < 60)
        }
    }

    @Test("A disabled account cannot sign in")
    func disabledAccount() async throws {
        try await withApp(on: .sqlite) { app in
            _ = try await app.signIn(as: .practitioner, username: "gone", password: password)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "gone").first())
            user.isDisabled = true
            try await user.save(on: app.db)
            let res = try await postSignIn(app, username: "gone", password: password)
            #expect(res.status == .unauthorized)
        }
    }

    @Test("A session idle for longer than the time-out ends, and the person is told why")
    func idleTimeout() async throws {
        try await withApp(on: .sqlite, idleTimeoutMinutes: 30) { app in
            let user = try await app.signIn(as: .teamManager)
            let session = try #require(try await UserSession.query(on: app.db).filter(\.$tokenHash == SessionStore.hash(user.sessionToken)).first())
            session.lastSeenAt = Date().addingTimeInterval(-31 * 60)
            try await session.save(on: app.db)
            try await app.testing().test(.GET, "/", headers: user.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/sign-in?expired=1")
            }
            #expect(try await UserSession.query(on: app.db).count() == 0)
            try await app.testing().test(.GET, "/sign-in?expired=1") { res in
                #expect(res.body.string.contains("You were signed out because Waymark was not used for a while"))
            }
        }
    }

    @Test("Signing out ends the session on the server")
    func signOut() async throws {
        try await withApp(on: .sqlite) { app in
            let user = try await app.signIn(as: .teamManager)
            try await app.testing().test(.POST, "/sign-out", headers: HTTPHeaders.form().merging(user.headers),
                                         body: formBody([("csrfToken", user.csrfToken)])) { res in
                #expect(res.status == .seeOther)
            }
            try await app.testing().test(.GET, "/", headers: user.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "sign-out").count() == 1)
        }
    }

    @Test("A wrong CSRF token is refused with 403 and changes nothing")
    func wrongCSRF() async throws {
        try await withApp(on: .sqlite) { app in
            let admin = try await app.signIn(as: .systemAdmin)
            let before = try await Organisation.query(on: app.db).count()
            try await app.testing().test(.POST, "/admin/organisations", headers: HTTPHeaders.form().merging(admin.headers),
                                         body: formBody([("csrfToken", "forged"), ("name", "Forged Org"), ("kind", "other")])) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("This form has expired or did not come from Waymark"))
            }
            #expect(try await Organisation.query(on: app.db).count() == before)
            // And the sign-in form without its cookie.
            try await app.testing().test(.POST, "/sign-in", headers: .form(),
                                         body: formBody([("csrfToken", "x"), ("username", "a"), ("password", "b")])) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    @Test("A one-time password must be replaced before anything else opens")
    func mustChangePassword() async throws {
        try await withApp(on: .sqlite) { app in
            let user = try await app.signIn(as: .practitioner, username: "new.starter", password: password)
            let model = try #require(try await User.find(user.id, on: app.db))
            model.mustChangePassword = true
            try await model.save(on: app.db)
            try await app.testing().test(.GET, "/children", headers: user.headers) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/account/password")
            }
            // A weak new password comes back with every problem beside its field.
            try await app.testing().test(.POST, "/account/password", headers: HTTPHeaders.form().merging(user.headers),
                                         body: formBody([("csrfToken", user.csrfToken), ("currentPassword", password),
                                                         ("newPassword", "password123"), ("confirmPassword", "password124")])) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("Use at least 12 characters."))
                #expect(html.contains("This password is too common."))
                #expect(html.contains("The two new passwords are not the same."))
                #expect(html.contains(#"aria-invalid="true""#))
            }
            try await app.testing().test(.POST, "/account/password", headers: HTTPHeaders.form().merging(user.headers),
                                         body: formBody([("csrfToken", user.csrfToken), ("currentPassword", password),
                                                         ("newPassword", "violet kettle harbour tram"), ("confirmPassword", "violet kettle harbour tram")])) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/?notice=password-changed")
            }
            try await app.testing().test(.GET, "/children", headers: user.headers) { res in
                #expect(res.status == .ok)
            }
            let updated = try #require(try await User.find(user.id, on: app.db))
            #expect(try Bcrypt.verify("violet kettle harbour tram", created: updated.passwordHash))
            #expect(!updated.mustChangePassword)
        }
    }
}
