import FluentKit
import Foundation
import WaymarkDomain

/// A person who signs in to Waymark.
package final class User: Model, @unchecked Sendable {
    package static let schema = "users"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    /// Stored in lower case; sign-in ignores case.
    @Field(key: "username") package var username: String
    @Field(key: "display_name") package var displayName: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "role") package var role: Role
    @Field(key: "is_disabled") package var isDisabled: Bool
    /// Set when the password was made by an administrator or the first start: the person must choose their own.
    @Field(key: "must_change_password") package var mustChangePassword: Bool
    @OptionalField(key: "last_sign_in_at") package var lastSignInAt: Date?
    /// The person's identifier in the case system (`prof_staff_id`), which links the children allocated to them.
    @OptionalField(key: "staff_id") package var staffID: String?
    /// The last day the account works (`yyyy-mm-dd`), if it ends (`AccountEnd`): an external moderator's must.
    @OptionalField(key: "last_day") package var lastDay: String?

    /// The last day as a day; nil when the account does not end.
    package var lastWorkingDay: ISODay? { lastDay.flatMap { ISODay($0) } }

    /// Whether the account has ended by `today` (`AccountEnd`). The day is worked out only for an account that ends, so
    /// checking an ordinary account on every request costs nothing.
    package func hasEnded(by today: @autoclosure () -> ISODay) -> Bool { lastWorkingDay.map { AccountEnd.hasEnded($0, today: today()) } ?? false }

    // relationships
    @OptionalParent(key: "organisation_id") package var organisation: Organisation?
    @OptionalParent(key: "service_area_id") package var serviceArea: ServiceArea?
    @OptionalParent(key: "team_id") package var team: Team?

    package init() {}

    package init(id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: Role, mustChangePassword: Bool) {
        self.id = id
        self.username = username.lowercased()
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.isDisabled = false
        self.mustChangePassword = mustChangePassword
    }
}

extension User {
    /// The names of these Waymark accounts (the workers on allocations that have one).
    package static func names(ids: some Sequence<UUID>, on db: any Database) async throws -> [UUID: String] {
        let ids = Array(Set(ids))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.displayName) })
    }
}
