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

    /// A new session for `user`, to be stored, and the cookie's token (only its hash is stored).
    package static func new(for user: User, now: Date = Date()) throws -> (token: String, session: UserSession) {
        let token = randomToken()
        return (token, UserSession(tokenHash: hash(token), csrfToken: randomToken(), userID: try user.requireID(), lastSeenAt: now))
    }

    package enum Lookup {
        case none
        case expired
        case active(User, UserSession)
    }

    /// The session named by the request's cookie. An idle session, or one whose user is disabled or whose account has
    /// ended (`AccountEnd`), is deleted.
    package static func find(for req: Request, now: Date = Date()) async throws -> Lookup {
        guard let token = req.cookies[cookieName(req.application.settings)]?.string, !token.isEmpty else { return .none }
        // One query for the session and its user: this runs on every signed-in request.
        guard let (session, user) = try await SessionRecords.session(tokenHash: hash(token), on: req.db) else { return .none }
        let settings = req.application.settings
        let timeout = IdleTimeout(
            limit: TimeInterval(settings.idleTimeoutMinutes * 60), lifetime: TimeInterval(settings.sessionLifetimeHours * 3_600))
        if timeout.hasExpired(began: session.createdAt ?? session.lastSeenAt, lastActivity: session.lastSeenAt, now: now) || user.isDisabled
            || user.hasEnded(by: ISODay(now))
        {
            try await SessionRecords.end(session, on: req.db)
            return .expired
        }
        if now.timeIntervalSince(session.lastSeenAt) > activityResolution { try await SessionRecords.seen(session, at: now, on: req.db) }
        return .active(user, session)
    }

    package static func cookie(_ token: String, settings: Settings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: nil, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}
