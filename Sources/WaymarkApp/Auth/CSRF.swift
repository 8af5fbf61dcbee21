import Vapor
import WaymarkViews

/// Cross-site request forgery checks for every state-changing request.
enum CSRF {
    static let cookieName = "waymark-csrf"

    /// Whether the request carries the right token. Compared in constant time.
    static func isValid(_ req: Request) -> Bool {
        let expected: String? = req.signedIn?.session.csrfToken ?? req.cookies[cookieName]?.string
        guard let expected, !expected.isEmpty else { return false }
        let sent = (try? req.content.get(String.self, at: Form.csrfFieldName)) ?? req.headers.first(name: "X-CSRF-Token")
        guard let sent else { return false }
        return constantTimeEqual(Array(sent.utf8), Array(expected.utf8))
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func cookie(_ token: String, settings: Settings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: nil, path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }
}
