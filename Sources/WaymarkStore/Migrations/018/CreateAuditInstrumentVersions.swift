import FluentKit

/// Audit instruments kept in Waymark, each version a row: drafts QA leads edit, and published versions, which never
/// change. A programme still keeps the text of the version it used whole (`audit_programmes.instrument`).
package struct CreateAuditInstrumentVersions: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditInstrumentVersion.schema)
            .id()
            .field("name", .string, .required)
            .field("version", .int, .required)
            .field("text", .string, .required)
            .field("state", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .field("published_by", .string)
            .field("published_at", .datetime)
            .unique(on: "name", "version")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AuditInstrumentVersion.schema).delete()
    }
}
