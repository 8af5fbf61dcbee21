import FluentKit
import Foundation
import SQLKit

/// Organisations, service areas, teams, users and their sessions.
package struct CreateAccounts: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreateAccounts" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()

        try await database.schema(ServiceArea.schema)
            .id()
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()

        try await database.schema(Team.schema)
            .id()
            .field("name", .string, .required)
            .field("service_area_id", .uuid, .required, .references(ServiceArea.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()

        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("is_disabled", .bool, .required)
            .field("must_change_password", .bool, .required)
            .field("failed_sign_ins", .int, .required)
            .field("locked_until", .datetime)
            .field("last_sign_in_at", .datetime)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id))
            .field("service_area_id", .uuid, .references(ServiceArea.schema, .id))
            .field("team_id", .uuid, .references(Team.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()

        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("last_seen_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX user_sessions_user_id ON user_sessions (user_id)").run()
    }

    package func revert(on database: any Database) async throws {
        for schema in [UserSession.schema, User.schema, Team.schema, ServiceArea.schema, Organisation.schema] {
            try await database.schema(schema).delete()
        }
    }
}
