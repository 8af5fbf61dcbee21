import FluentKit
import FluentSQL
import Foundation

/// Failed sign-ins are counted by client address and username (`SignInThrottle`) in place of a lock on the account,
/// which let anyone keep any account locked for ever by guessing at it.
package struct ThrottleSignIns: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.ThrottleSignIns" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .field("wait_until", .datetime)
            .unique(on: "key")
            .create()
        // One field at a time: SQLite alters one column a statement.
        try await database.schema(User.schema).deleteField("failed_sign_ins").update()
        try await database.schema(User.schema).deleteField("locked_until").update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(User.schema).field("failed_sign_ins", .int, .required, .sql(.default(0))).update()
        try await database.schema(User.schema).field("locked_until", .datetime).update()
        try await database.schema(SignInFailure.schema).delete()
    }
}
