import Fluent
import Vapor
import WaymarkDomain
import WaymarkStore

/// Signed-in sessions: a random token in an HttpOnly cookie, its hash in the database.
package enum SessionStore {
    /// Over HTTPS the cookie is named `__Host-…`: browsers then take it only if it is Secure, for the whole site,
    /// and set by this host (no sub-domain can plant one).
    package static func cookieName(_ settings: Settings) -> String { settings.secureCookies ? "__Host-waymark-session" : "waymark-session" }
    /// How stale `last_seen_at` may get before a request refreshes it: a second, so the idle time-out is exact to a
    /// second while a busy page costs one write a second, not one a request.
    package static let activityResolution: TimeInterval = 1

    package static func randomToken() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    package static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    /// Starts a session for `user` and returns the cookie token.
    package static func start(for user: User, on db: any Database, now: Date = Date()) async throws -> String {
        let token = randomToken()
        let session = UserSession(tokenHash: hash(token), csrfToken: randomToken(), userID: try user.requireID(), lastSeenAt: now)
        try await session.create(on: db)
        return token
    }

    package enum Lookup {
        case none
        case expired
        case active(User, UserSession)
    }

    /// The session named by the request's cookie. An idle session, or one whose user is disabled, is deleted.
    package static func find(for req: Request, now: Date = Date()) async throws -> Lookup {
        guard let token = req.cookies[cookieName(req.application.settings)]?.string, !token.isEmpty else { return .none }
        // One query for the session and its user: this runs on every signed-in request.
        guard
            let session = try await UserSession.query(on: req.db)
                .join(User.self, on: \UserSession.$user.$id == \User.$id)
                .filter(\.$tokenHash == hash(token)).first()
        else { return .none }
        let user = try session.joined(User.self)
        let settings = req.application.settings
        let timeout = IdleTimeout(
            limit: TimeInterval(settings.idleTimeoutMinutes * 60), lifetime: TimeInterval(settings.sessionLifetimeHours * 3_600))
        if timeout.hasExpired(began: session.createdAt ?? session.lastSeenAt, lastActivity: session.lastSeenAt, now: now) || user.isDisabled {
            try await session.delete(on: req.db)
            return .expired
        }
        if now.timeIntervalSince(session.lastSeenAt) > activityResolution {
            session.lastSeenAt = now
            try await session.update(on: req.db)
        }
        return .active(user, session)
    }

    package static func end(_ session: UserSession, on db: any Database) async throws {
        try await session.delete(on: db)
    }

    /// Ends every session of a user (when the account is disabled or its password is reset), or every one but
    /// `kept` (when the person changes their own password).
    package static func endAll(for userID: UUID, except kept: UserSession? = nil, on db: any Database) async throws {
        let sessions = UserSession.query(on: db).filter(\.$user.$id == userID)
        if let keptID = kept?.id { sessions.filter(\.$id != keptID) }
        try await sessions.delete()
    }

    package static func cookie(_ token: String, settings: Settings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: nil, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
