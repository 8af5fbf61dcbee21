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

@Suite("Signing in and out")
struct SignInTests {
    let password = "correct horse battery staple"

    /// Gets the sign-in page (for its CSRF cookie) and posts the form; returns the response.
    func postSignIn(_ app: Application, username: String, password: String) async throws -> TestingHTTPResponse {
        var csrf = ""
        try await app.testing().test(.GET, "/sign-in") { res in
            #expect(res.status == .ok)
            csrf = res.cookie(CSRF.plainCookieName) ?? ""
        }
        #expect(!csrf.isEmpty)
        var result: TestingHTTPResponse!
        try await app.testing().test(
            .POST, "/sign-in", headers: .form(cookie: "\(CSRF.plainCookieName)=\(csrf)"),
            body: formBody([("csrfToken", csrf), ("username", username), ("password", password)])
        ) { res in
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
            let setCookie = res.headers[.setCookie].first { $0.hasPrefix(SessionStore.plainCookieName + "=") } ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure"))

            let token = try #require(res.cookie(SessionStore.plainCookieName))
            try await app.testing().test(.GET, "/", headers: ["Cookie": "\(SessionStore.plainCookieName)=\(token)"]) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("Welcome, Test Team manager"))
            }
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in").all()
            #expect(audit.map(\.username) == ["tm.one"])
            #expect(audit.first?.recordID == user.id.uuidString)
        }
    }

    @Test("Over HTTPS: cookies named __Host-, Secure, for the whole site, and HSTS on every answer")
    func secureCookie() async throws {
        let fresh = try await FreshDatabase.make(.sqlite)
        defer { fresh.remove() }
        var settings = fresh.settings()
        settings.secureCookies = true
        try await withApp(settings: settings) { app in
            _ = try await app.signIn(as: .practitioner, username: "pr", password: password)
            var csrf = ""
            try await app.testing().test(.GET, "/sign-in") { res in
                csrf = res.cookie("__Host-waymark-csrf") ?? ""
                #expect(res.headers.first(name: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
            }
            #expect(!csrf.isEmpty)
            try await app.testing().test(
                .POST, "/sign-in", headers: .form(cookie: "__Host-waymark-csrf=\(csrf)"),
                body: formBody([("csrfToken", csrf), ("username", "pr"), ("password", password)])
            ) { res in
                #expect(res.status == .seeOther)
                let session = res.headers[.setCookie].first { $0.hasPrefix("__Host-waymark-session=") } ?? ""
                #expect(session.contains("Secure") && session.contains("Path=/") && !session.contains("Domain"))
            }
            // A cookie without the prefix is not taken.
            try await app.testing().test(.GET, "/", headers: ["Cookie": "waymark-session=anything"]) { res in
                #expect(res.status == .seeOther)
            }
        }
    }

    @Test("A wrong password is refused with one message that does not say which part was wrong, and audited")
    func wrongPassword() async throws {
        try await withApp(on: .sqlite) { app in
            _ = try await app.signIn(as: .practitioner, username: "pw.test", password: password)
            let res = try await postSignIn(app, username: "pw.test", password: "not the password at all")
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("The username or password is not right"))
            #expect(res.cookie(SessionStore.plainCookieName) == nil)
            let unknown = try await postSignIn(app, username: "nobody.here", password: "whatever it is")
            #expect(unknown.body.string.contains("The username or password is not right"))
            let failures = try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in-failed").all()
            #expect(failures.compactMap(\.detail).sorted() == ["unknown username", "wrong password"])
        }
    }

    /// Posts the sign-in form to the running server, as a person at `address` behind the trusted proxy on 127.0.0.1.
    static func postSignIn(
        _ app: Application, port: Int, from address: String, username: String, password: String
    ) async throws
        -> ClientResponse
    {
        var headers = HTTPHeaders.form(cookie: "\(CSRF.plainCookieName)=token-of-the-test")
        headers.add(name: .xForwardedFor, value: address)
        return try await app.client.post(URI(string: "http://127.0.0.1:\(port)/sign-in"), headers: headers) { request in
            request.body = formBody([("csrfToken", "token-of-the-test"), ("username", username), ("password", password)])
        }
    }

    @Test(
        "Five failures from one address make it wait, for that username only; the right password from another address still signs in",
        arguments: TestDatabase.available)
    func throttle(database: TestDatabase) async throws {
        let fresh = try await FreshDatabase.make(database)
        defer { fresh.remove() }
        var settings = fresh.settings()
        settings.trustedProxies = ["127.0.0.1"]
        try await withApp(settings: settings) { app in
            _ = try await app.signIn(as: .practitioner, username: "targeted", password: password)
            // A real server on 127.0.0.1, so requests come from an address; the client shows redirects rather than following them.
            let port = Int.random(in: 20_000...40_000)
            app.http.client.configuration.redirectConfiguration = .disallow
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            func post(from address: String, _ username: String, _ password: String) async throws -> ClientResponse {
                try await Self.postSignIn(app, port: port, from: address, username: username, password: password)
            }
            let stranger = "203.0.113.9", owner = "198.51.100.7"
            for _ in 1...5 {
                #expect(try await post(from: stranger, "targeted", "a wrong guess here").status == .unauthorized)
            }
            // The stranger must wait now, even with the right password, and is told for how long.
            let waiting = try await post(from: stranger, "targeted", password)
            #expect(waiting.status == .tooManyRequests)
            #expect(String(buffer: waiting.body ?? ByteBuffer()).contains("too many failed sign-ins from this computer. Try again in 1 minute"))
            // The same words for a username that does not exist: the wait says nothing of which accounts are real.
            for _ in 1...5 { _ = try await post(from: stranger, "not.a.user", "a wrong guess here") }
            #expect(try await post(from: stranger, "not.a.user", "x").status == .tooManyRequests)
            // The owner, at their own desk, is not locked out by the stranger.
            #expect(try await post(from: owner, "targeted", password).status == .seeOther)
            // Nothing about who or where is kept in the clear.
            let keys = try await SignInFailure.query(on: app.db).all().map(\.key)
            #expect(keys.count == 3 && keys.allSatisfy { $0.count == 64 && !$0.contains("targeted") && !$0.contains("203.0") })
            let waits = try await AuditEvent.query(on: app.db).filter(\.$detail == "too many failed sign-ins from this address").count()
            #expect(waits == 2)
            await app.server.shutdown()
        }
    }

    /// The message a sign-in page shows.
    static func problem(in page: String) -> String {
        page.components(separatedBy: "role=\"alert\"").dropFirst().first?.components(separatedBy: "</div>").first ?? "no message"
    }

    @Test("An unknown username, a wrong password and a disabled account get the same answer after the same work")
    func samePathsSameTime() async throws {
        try await withApp(on: .sqlite) { app in
            // Real accounts are hashed at the production cost, as the decoy compared for an unknown username is.
            for name in ["real.person", "gone.person"] {
                _ = try await Accounts.create(
                    .init(username: name, displayName: name, role: .practitioner), password: password, by: .commandLine,
                    app: app, on: app.db)
            }
            let gone = try #require(try await User.query(on: app.db).filter(\.$username == "gone.person").first())
            try await Accounts.setDisabled(gone, true, by: .commandLine, on: app.db)
            var times: [String: [Duration]] = [:]
            var bodies: [String: Set<String>] = [:]
            for round in 1...4 {
                for (path, username, guess) in [
                    ("unknown", "no.such.person", "a wrong guess \(round)"), ("wrong", "real.person", "a wrong guess \(round)"),
                    ("disabled", "gone.person", password),
                ] {
                    let started = ContinuousClock.now
                    let res = try await postSignIn(app, username: username, password: guess)
                    times[path, default: []].append(ContinuousClock.now - started)
                    #expect(res.status == .unauthorized)
                    bodies[path, default: []].insert(Self.problem(in: res.body.string))
                }
            }
            // Word for word the same page (up to the username echoed back).
            #expect(Set(bodies.values.flatMap { $0 }).count == 1)
            // Before, a disabled account answered in 4 ms and an unknown name in 300 ms; now each compares a hash.
            // Each path's quickest of four: the work it does, with the least of the other tests running beside it.
            let quickest = times.mapValues { $0.min()! }
            let fastest = quickest.values.min()!, slowest = quickest.values.max()!
            #expect(fastest > .milliseconds(50), "every path compares a password hash: \(quickest)")
            #expect(slowest < fastest * 2, "\(quickest)")
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
            try await app.testing().test(
                .POST, "/sign-out", headers: HTTPHeaders.form().merging(user.headers),
                body: formBody([("csrfToken", user.csrfToken)])
            ) { res in
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
            try await app.testing().test(
                .POST, "/admin/organisations", headers: HTTPHeaders.form().merging(admin.headers),
                body: formBody([("csrfToken", "forged"), ("name", "Forged Org"), ("kind", "other")])
            ) { res in
                #expect(res.status == .forbidden)
                #expect(res.body.string.contains("This form has expired or did not come from Waymark"))
            }
            #expect(try await Organisation.query(on: app.db).count() == before)
            // And the sign-in form without its cookie.
            try await app.testing().test(
                .POST, "/sign-in", headers: .form(),
                body: formBody([("csrfToken", "x"), ("username", "a"), ("password", "b")])
            ) { res in
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
            try await app.testing().test(
                .POST, "/account/password", headers: HTTPHeaders.form().merging(user.headers),
                body: formBody([
                    ("csrfToken", user.csrfToken), ("currentPassword", password),
                    ("newPassword", "password123"), ("confirmPassword", "password124"),
                ])
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains("Use at least 12 characters."))
                #expect(html.contains("This password is too common."))
                #expect(html.contains("The two new passwords are not the same."))
                #expect(html.contains(#"aria-invalid="true""#))
            }
            try await app.testing().test(
                .POST, "/account/password", headers: HTTPHeaders.form().merging(user.headers),
                body: formBody([
                    ("csrfToken", user.csrfToken), ("currentPassword", password),
                    ("newPassword", "violet kettle harbour tram"), ("confirmPassword", "violet kettle harbour tram"),
                ])
            ) { res in
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

    @Test("The current password cannot be guessed at from a session, and the new one must differ from it", arguments: TestDatabase.available)
    func currentPasswordIsThrottled(database: TestDatabase) async throws {
        try await withApp(on: database) { app in
            let user = try await app.signIn(as: .practitioner, username: "session.holder", password: password)
            func change(current: String, to new: String) async throws -> TestingHTTPResponse {
                var result: TestingHTTPResponse!
                try await app.testing().test(
                    .POST, "/account/password", headers: HTTPHeaders.form().merging(user.headers),
                    body: formBody([
                        ("csrfToken", user.csrfToken), ("currentPassword", current),
                        ("newPassword", new), ("confirmPassword", new),
                    ])
                ) { result = $0 }
                return result
            }
            let same = try await change(current: password, to: password)
            #expect(same.status == .unprocessableEntity)
            #expect(same.body.string.contains("Choose a new password, not the one you have now."))
            for guess in 1...5 {
                let wrong = try await change(current: "guess number \(guess) here", to: "violet kettle harbour tram")
                #expect(wrong.status == .unprocessableEntity)
                #expect(wrong.body.string.contains("Your current password is not right."))
            }
            // Now even the right one must wait.
            let waiting = try await change(current: password, to: "violet kettle harbour tram")
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.body.string.contains("The current password has been wrong too many times. Try again in 1 minute."))
            let unchanged = try #require(try await User.find(user.id, on: app.db))
            #expect(try Bcrypt.verify(password, created: unchanged.passwordHash))
        }
    }
}
