import FluentKit
import Foundation
import WaymarkDomain

/// Signed-in sessions as stored: the hash of the cookie's token, never the token.
package enum SessionRecords {
    package static func start(_ session: UserSession, on db: any Database) async throws { try await session.create(on: db) }

    /// The session with this token hash and its user, in one query: this runs on every signed-in request.
    package static func session(tokenHash: String, on db: any Database) async throws -> (UserSession, User)? {
        guard
            let session = try await UserSession.query(on: db).join(User.self, on: \UserSession.$user.$id == \User.$id)
                .filter(\.$tokenHash == tokenHash).first()
        else { return nil }
        return (session, try session.joined(User.self))
    }

    package static func seen(_ session: UserSession, at now: Date, on db: any Database) async throws {
        session.lastSeenAt = now
        try await session.update(on: db)
    }

    package static func end(_ session: UserSession, on db: any Database) async throws { try await session.delete(on: db) }

    /// Ends every session of a user, or every one but `kept`.
    static func endAll(for userID: UUID, except kept: UserSession? = nil, on db: any Database) async throws {
        let sessions = UserSession.query(on: db).filter(\.$user.$id == userID)
        if let keptID = kept?.id { sessions.filter(\.$id != keptID) }
        try await sessions.delete()
    }
}
