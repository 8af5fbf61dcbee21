import FluentKit
import Foundation

/// API tokens issued to partner organisations' systems. Only a SHA-256 of each token is stored; the token itself
/// is shown once, when it is issued.
package struct CreateAPITokens: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreateAPITokens" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("indicator_codes", .string, .required)
            .field("issued_by", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
