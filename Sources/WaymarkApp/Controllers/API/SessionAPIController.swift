import Vapor
import WaymarkDomain
import WaymarkWeb

/// `GET /api/v1/session`: who the API caller is and what they may do.
enum SessionAPIController {
    struct SessionDTO: Content {
        var username: String
        var displayName: String
        var role: String
        var permissions: [String]
    }

    @Sendable static func show(req: Request) async throws -> SessionDTO {
        let user = try req.requireSignedIn().user
        return SessionDTO(
            username: user.username, displayName: user.displayName, role: user.role.rawValue,
            permissions: user.role.permissions.map(\.rawValue).sorted())
    }
}
