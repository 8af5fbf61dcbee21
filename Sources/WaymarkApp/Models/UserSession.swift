import Fluent
import Vapor

/// A signed-in session, kept in the database so that every Waymark server behind a load balancer accepts it.
/// Only a SHA-256 hash of the cookie's token is stored: a copy of the database does not let anyone sign in.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "last_seen_at") var lastSeenAt: Date

    // relationships
    @Parent(key: "user_id") var user: User

    init() {}

    init(tokenHash: String, csrfToken: String, userID: UUID, lastSeenAt: Date) {
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.$user.id = userID
        self.lastSeenAt = lastSeenAt
    }
}
