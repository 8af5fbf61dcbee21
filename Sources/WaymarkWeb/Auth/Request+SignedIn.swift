import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkUI

/// The person behind a request, once `AccessMiddleware` has looked at the session cookie.
package struct SignedIn: Sendable {
    package let user: User
    package let session: UserSession

    package init(user: User, session: UserSession) {
        self.user = user
        self.session = session
    }
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedIn }
    private struct NewCSRFTokenKey: StorageKey { typealias Value = String }

    package var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in person, or a 401 where a route forgot to require sign-in (it cannot happen behind `AccessMiddleware`).
    package func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw Abort(.unauthorized) }
        return signedIn
    }

    package var viewer: Viewer? {
        signedIn.map { Viewer(displayName: $0.user.displayName, role: $0.user.role) }
    }

    /// The token forms must send back. Signed in: the session's own. Not signed in (the sign-in form): a random
    /// value also set in a SameSite=Strict cookie, and a POST must carry both (the double-submit pattern).
    package var csrfToken: String {
        if let signedIn { return signedIn.session.csrfToken }
        if let existing = cookies[CSRF.cookieName(application.settings)]?.string, !existing.isEmpty { return existing }
        if let new = storage[NewCSRFTokenKey.self] { return new }
        let token = SessionStore.randomToken()
        storage[NewCSRFTokenKey.self] = token
        return token
    }

    /// A token made during this request that must be set as a cookie on the response.
    var newCSRFToken: String? { storage[NewCSRFTokenKey.self] }

    package func pageContext(_ title: String, area: Area? = nil, notice: String? = nil) -> PageContext {
        PageContext(title: title, viewer: viewer, csrfToken: csrfToken, currentArea: area, notice: notice)
    }
}
