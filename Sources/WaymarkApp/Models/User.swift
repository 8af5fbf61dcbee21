import Fluent
import Vapor
import WaymarkDomain

/// A person who signs in to Waymark.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// Stored in lower case; sign-in ignores case.
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "is_disabled") var isDisabled: Bool
    /// Set when the password was made by an administrator or the first start: the person must choose their own.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @OptionalField(key: "last_sign_in_at") var lastSignInAt: Date?

    // relationships
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @OptionalParent(key: "service_area_id") var serviceArea: ServiceArea?
    @OptionalParent(key: "team_id") var team: Team?

    init() {}

    init(id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: Role, mustChangePassword: Bool) {
        self.id = id
        self.username = username.lowercased()
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.isDisabled = false
        self.mustChangePassword = mustChangePassword
    }
}
