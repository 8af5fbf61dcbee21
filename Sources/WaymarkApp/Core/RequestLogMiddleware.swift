import Vapor
import WaymarkWeb

/// One structured log line per request: method, the route's pattern (never the real path, which could carry
/// an identifier), status, duration and the request id. No personal data.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: req)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let pattern = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(no route)"
        req.logger.info(
            "request",
            metadata: [
                "method": "\(req.method.rawValue)",
                "route": "\(pattern)",
                "status": "\(response.status.code)",
                "duration_ms": "\(String(format: "%.2f", milliseconds))",
            ])
        return response
    }
}
