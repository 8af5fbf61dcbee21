import Vapor
import WaymarkUI

/// Cross-site request forgery checks for every state-changing request.
package enum CSRF {
    package static func cookieName(_ settings: Settings) -> String { settings.secureCookies ? "__Host-waymark-csrf" : "waymark-csrf" }

    package static let refusal = Abort(
        .forbidden, reason: "This form has expired or did not come from Waymark. Go back, reload the page and try again.")

    /// Whether a browser says the request comes from a page of Waymark's own (OWASP's "verifying origin with standard
    /// headers"): checked before a large body is read, when the token inside the body cannot be yet. `Sec-Fetch-Site`
    /// decides where the browser sends it (every current one does); else `Origin` must name this host (as the proxy
    /// in front passed it on, where the settings trust that proxy). A request with neither (a script) is left to the token.
    static func isSameOrigin(_ req: Request) -> Bool {
        if let site = req.headers.first(name: "Sec-Fetch-Site") { return ["same-origin", "none"].contains(site.lowercased()) }
        guard let origin = req.headers.first(name: .origin) else { return true }
        guard let url = URL(string: origin), let originHost = url.host else { return false }
        let forwardedHost = req.isFromTrustedProxy ? req.headers.first(name: "X-Forwarded-Host") : nil
        guard let host = forwardedHost ?? req.headers.first(name: .host) else { return false }
        return [originHost, originHost + (url.port.map { ":\($0)" } ?? "")].contains(host)
    }

    /// Whether the request carries the right token. Compared in constant time.
    static func isValid(_ req: Request) -> Bool {
        let expected: String? = req.signedIn?.session.csrfToken ?? req.cookies[cookieName(req.application.settings)]?.string
        guard let expected, !expected.isEmpty else { return false }
        let sent = (try? req.content.get(String.self, at: Form.csrfFieldName)) ?? req.headers.first(name: "X-CSRF-Token")
        guard let sent else { return false }
        return constantTimeEqual(Array(sent.utf8), Array(expected.utf8))
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    package static func cookie(_ token: String, settings: Settings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: nil, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }
}
