import Vapor

extension Request {
    /// Whether the peer is one of the proxies the settings trust (`WAYMARK_TRUSTED_PROXIES`): only then are the
    /// `X-Forwarded-…` headers believed.
    var isFromTrustedProxy: Bool { application.settings.trustedProxies.contains(remoteAddress?.ipAddress ?? "") }

    /// The address of the person's machine: the peer's, or, from a trusted proxy, the last address the proxies added
    /// to `X-Forwarded-For` that is not one of them.
    package var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        guard isFromTrustedProxy else { return peer }
        let trusted = application.settings.trustedProxies
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return forwarded.last { !trusted.contains($0) } ?? peer
    }
}
