import FluentKit
import SQLKit

/// The "triple lock": another council's moderator grades a share of the audits. Accounts may have a last day (an
/// external moderator's must); a programme keeps the share it sends out; each external moderation is kept beside the
/// second auditor's (an audit may have both), its grades in `case_audit_grades` as kind `external`.
package struct AddTripleLock: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("last_day", .string).update()
        try await database.schema(AuditProgramme.schema).field("triple_lock_percent", .int, .required, .sql(.default(10))).update()
        try await database.schema(ExternalModeration.schema)
            .id()
            .field("audit_id", .uuid, .required, .references(CaseAudit.schema, .id, onDelete: .cascade))
            .field("moderator_id", .uuid, .references(User.schema, .id))
            .field("because", .string, .required)
            .field("state", .string, .required)
            .field("assigned_at", .datetime)
            .field("submitted_at", .datetime)
            .field("settled_at", .datetime)
            .unique(on: "audit_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "external_moderations_moderator").on(ExternalModeration.schema).column("moderator_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(ExternalModeration.schema).delete()
        try await database.schema(AuditProgramme.schema).deleteField("triple_lock_percent").update()
        try await database.schema(User.schema).deleteField("last_day").update()
    }
}
