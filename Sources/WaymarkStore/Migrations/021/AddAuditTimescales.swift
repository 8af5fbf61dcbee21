import FluentKit
import SQLKit

/// Each audit's timescales as its evidence showed them when submitted, so the QA report can set the audited children's
/// timeliness beside their grades without working out every child's clocks again.
package struct AddAuditTimescales: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CaseAuditTimescale.schema)
            .id()
            .field("audit_id", .uuid, .required, .references(CaseAudit.schema, .id, onDelete: .cascade))
            .field("rule", .string, .required)
            .field("due", .int, .required)
            .field("on_time", .int, .required)
            .field("late", .int, .required)
            .field("not_done", .int, .required)
            .unique(on: "audit_id", "rule")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CaseAuditTimescale.schema).delete()
    }
}
