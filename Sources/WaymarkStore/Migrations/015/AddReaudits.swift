import FluentKit

/// Re-audits: an audit drawn because the child's last audit was graded inadequate overall names that audit, so the
/// re-audit is flagged wherever it is listed and the inadequate audit is known to be re-audited.
package struct AddReaudits: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(CaseAudit.schema).field("reaudit_of", .uuid).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CaseAudit.schema).deleteField("reaudit_of").update()
    }
}
