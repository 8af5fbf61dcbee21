import Vapor
import WaymarkStore
import WaymarkWeb

/// For load balancers and monitoring. Neither says anything about the data.
enum HealthController {
    struct Health: Content {
        var status: String
        var database: String
    }

    /// Ready to serve: the database answers. 503 when it does not.
    @Sendable static func health(req: Request) async throws -> Response {
        let response = Response()
        do {
            try await StoreOperations.ping(req.db)
            try response.content.encode(Health(status: "ok", database: "ok"))
        } catch {
            req.logger.warning("health check: database unreachable", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            response.status = .serviceUnavailable
            try response.content.encode(Health(status: "unavailable", database: "unreachable"))
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The process is up: touches nothing.
    @Sendable static func liveness(req: Request) async throws -> String { "ok" }
}
