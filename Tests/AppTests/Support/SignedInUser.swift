import Fluent
import Foundation
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

/// A user with a live session, for making requests as them.
struct SignedInUser: Sendable {
    let id: UUID
    let username: String
    let role: Role
    let sessionToken: String
    let csrfToken: String

    /// Cookie (and, for forms, the CSRF token) for a request as this user.
    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SessionStore.plainCookieName)=\(sessionToken)")
        return headers
    }
}

extension Application {
    /// Makes a user with this role (a partner gets an organisation) and signs them in without the sign-in form.
    /// Passwords use a low bcrypt cost so tests stay quick; sign-in itself is tested through the form.
    func signIn(
        as role: Role, username: String? = nil, password: String = "correct horse battery staple", organisation: String? = nil
    ) async throws -> SignedInUser {
        let name = username ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8).lowercased())"
        let user = User(
            username: name, displayName: "Test \(role.displayName)", passwordHash: try Bcrypt.hash(password, cost: 4),
            role: role, mustChangePassword: false)
        if let organisation {
            user.$organisation.id = try await Organisation.query(on: db).filter(\.$name == organisation).first()!.requireID()
        } else if role.requiresOrganisation {
            user.$organisation.id = try await Organisation.query(on: db).first()?.requireID()
        }
        try await user.create(on: db)
        return try await newSession(for: user)
    }

    func newSession(for user: User) async throws -> SignedInUser {
        let (token, session) = try SessionStore.new(for: user)
        try await SessionRecords.start(session, on: db)
        return SignedInUser(id: try user.requireID(), username: user.username, role: user.role, sessionToken: token, csrfToken: session.csrfToken)
    }
}

/// A URL-encoded form body.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

extension HTTPHeaders {
    static func form(cookie: String? = nil) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        if let cookie { headers.add(name: .cookie, value: cookie) }
        return headers
    }

    func merging(_ other: HTTPHeaders) -> HTTPHeaders {
        var merged = self
        for (name, value) in other { merged.add(name: name, value: value) }
        return merged
    }
}

extension TestingHTTPResponse {
    /// The value of a cookie the response sets, if any.
    func cookie(_ name: String) -> String? {
        headers[.setCookie].compactMap { header -> String? in
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 && parts[0] == name ? parts[1] : nil
        }.first
    }
}

/// The cookies' names over plain HTTP, as the tests run (over HTTPS they take the `__Host-` prefix: `SignInTests`).
extension SessionStore {
    static let plainCookieName = "waymark-session"
}

extension CSRF {
    static let plainCookieName = "waymark-csrf"
}
