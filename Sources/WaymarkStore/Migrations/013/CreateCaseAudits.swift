import FluentKit
import SQLKit

/// Case audits: programmes, each child's audit and who audits it, the items answered, and every grade given (kept,
/// never overwritten).
package struct CreateCaseAudits: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditProgramme.schema)
            .id()
            .field("title", .string, .required)
            .field("instrument", .string, .required)
            .field("instrument_name", .string, .required)
            .field("instrument_version", .int, .required)
            .field("cohort", .string, .required)
            .field("quota_kind", .string, .required)
            .field("quota", .int, .required)
            .field("seed", .string, .required)
            .field("population", .int, .required)
            .field("exclusion_months", .int, .required)
            .field("drawn_on", .string, .required)
            .field("due", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CaseAudit.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(AuditProgramme.schema, .id, onDelete: .cascade))
            .field("child_id", .uuid, .required, .references(Child.schema, .id))
            .field("team", .string, .required)
            .field("position", .int, .required)
            .field("auditor_id", .uuid, .references(User.schema, .id))
            .field("state", .string, .required)
            .field("submitted_at", .datetime)
            .field("audit_day", .string)
            .field("working_well", .string)
            .field("suggested_overall", .int)
            .unique(on: "programme_id", "child_id")
            .create()
        try await database.schema(CaseAuditAnswer.schema)
            .id()
            .field("audit_id", .uuid, .required, .references(CaseAudit.schema, .id, onDelete: .cascade))
            .field("item", .string, .required)
            .field("answer", .string, .required)
            .field("comment", .string, .required)
            .unique(on: "audit_id", "item")
            .create()
        try await database.schema(CaseAuditGrade.schema)
            .id()
            .field("audit_id", .uuid, .required, .references(CaseAudit.schema, .id, onDelete: .cascade))
            .field("domain", .string, .required)
            .field("grade", .int, .required)
            .field("rationale", .string, .required)
            .field("reason", .string, .required)
            .field("given_by", .uuid, .required, .references(User.schema, .id))
            .field("given_by_name", .string, .required)
            .field("given_by_role", .string, .required)
            .field("given_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        // An auditor's list, and a child's audits (to leave out those audited lately).
        try await sql.create(index: "case_audits_auditor").on(CaseAudit.schema).column("auditor_id").run()
        try await sql.create(index: "case_audits_child").on(CaseAudit.schema).column("child_id").run()
        try await sql.create(index: "case_audit_grades_audit").on(CaseAuditGrade.schema).column("audit_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CaseAuditGrade.schema).delete()
        try await database.schema(CaseAuditAnswer.schema).delete()
        try await database.schema(CaseAudit.schema).delete()
        try await database.schema(AuditProgramme.schema).delete()
    }
}
