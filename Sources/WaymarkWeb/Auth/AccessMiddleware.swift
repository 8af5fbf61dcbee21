import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Put in front of every route by `RoutesBuilder.on(_:_:access:use:)`: finds who is signed in, checks the
/// CSRF token on anything that changes state, and lets the request through only if the route's declared
/// access allows the person's role. Deny by default: a route without this middleware fails the route test.
struct AccessMiddleware: AsyncMiddleware {
    package let access: Access
    /// The route's own body limit, when it allows more than a form (file uploads).
    var maxBodySize: ByteCount?

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A partner system sends its token, not a cookie, so there is no session to find and no CSRF to check.
        if access == .partnerSystem {
            guard let system = try await PartnerSystem.find(for: req) else {
                throw Abort(.unauthorized, reason: "Send a valid API token: Authorization: Bearer <token>.")
            }
            req.partnerSystem = system
            return try await next.respond(to: req)
        }

        var sessionExpired = false
        if req.signedIn == nil {
            switch try await SessionStore.find(for: req) {
            case .active(let user, let session): req.signedIn = SignedIn(user: user, session: session)
            case .expired: sessionExpired = true
            case .none: break
            }
        }

        var accessChecked = false
        if ![.GET, .HEAD].contains(req.method) {
            // Middleware runs before Vapor collects a streamed body. A route that takes files takes a large body only
            // from someone who may use it, from a page of Waymark's own: anyone else is answered before a byte is read.
            let limit = maxBodySize ?? req.application.routes.defaultMaxBodySize
            if limit.value > req.application.routes.defaultMaxBodySize.value {
                if let refusal = try refusalBeforeReading(req, sessionExpired: sessionExpired) { return refusal }
                accessChecked = true
                guard CSRF.isSameOrigin(req) else { throw CSRF.refusal }
            }
            // Collected within the route's limit (else 413), and the form's fields counted before any is parsed.
            if req.body.data == nil {
                _ = try await req.body.collect(max: limit.value).get()
            }
            try FormBody.checkFieldCount(req)
            guard CSRF.isValid(req) else {
                throw CSRF.refusal
            }
        }

        if !accessChecked, let refusal = try refusalBeforeReading(req, sessionExpired: sessionExpired) { return refusal }

        let response = try await next.respond(to: req)
        if sessionExpired { response.cookies[SessionStore.cookieName(req.application.settings)] = .expired }
        if let token = req.newCSRFToken {
            response.cookies[CSRF.cookieName(req.application.settings)] = CSRF.cookie(token, settings: req.application.settings)
        }
        return response
    }

    /// The answer to someone the route's access does not allow (a redirect to sign in or to change their password;
    /// 401 or 403 thrown), or nil to go on.
    private func refusalBeforeReading(_ req: Request, sessionExpired: Bool) throws -> Response? {
        guard access != .everyone else { return nil }
        guard let signedIn = req.signedIn else {
            if req.isAPI { throw Abort(.unauthorized, reason: "Sign in first.") }
            return signInRedirect(req, expired: sessionExpired)
        }
        if signedIn.user.mustChangePassword, !Self.allowedBeforePasswordChange.contains(req.url.path) {
            return req.redirect(to: .changePassword)
        }
        guard access.allows(signedIn.user.role) else { throw Abort(.forbidden) }
        return nil
    }

    private static let allowedBeforePasswordChange: Set<String> = [SiteURL.changePassword.path, SiteURL.signOut.path]

    private func signInRedirect(_ req: Request, expired: Bool) -> Response {
        let response = req.redirect(to: .signIn(.init(expired: expired)))
        if expired { response.cookies[SessionStore.cookieName(req.application.settings)] = .expired }
        return response
    }
}

extension Request {
    package var isAPI: Bool { url.path == "/api" || url.path.hasPrefix("/api/") }
}

extension Route {
    /// The access a route declared when it was registered; nil only for a route added some other way.
    package var access: Access? { userInfo["access"] as? Access }
}

extension RoutesBuilder {
    /// The only way Waymark registers a route: it must say who may use it.
    @discardableResult
    package func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: SiteURL, access: Access,
        body: HTTPBodyStreamStrategy = .collect,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        var maxBodySize: ByteCount?
        if case .collect(let max) = body { maxBodySize = max }
        let route = grouped(AccessMiddleware(access: access, maxBodySize: maxBodySize))
            .on(method, url.pathPattern.map { PathComponent(stringLiteral: $0) }, body: body, use: closure)
        route.userInfo["access"] = access
        return route
    }
}
