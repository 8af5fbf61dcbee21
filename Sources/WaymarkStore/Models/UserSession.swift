import FluentKit
import Foundation

/// A signed-in session, kept in the database so that every Waymark server behind a load balancer accepts it.
/// Only a SHA-256 hash of the cookie's token is stored: a copy of the database does not let anyone sign in.
package final class UserSession: Model, @unchecked Sendable {
    package static let schema = "user_sessions"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "csrf_token") package var csrfToken: String
    @Field(key: "last_seen_at") package var lastSeenAt: Date

    // relationships
    @Parent(key: "user_id") package var user: User

    package init() {}

    package init(tokenHash: String, csrfToken: String, userID: UUID, lastSeenAt: Date) {
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.$user.id = userID
        self.lastSeenAt = lastSeenAt
    }
}
