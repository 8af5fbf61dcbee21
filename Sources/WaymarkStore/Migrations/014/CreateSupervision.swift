import FluentKit
import SQLKit

/// Supervision: agreements (who supervises whom, from when), sessions, the children discussed in them, and each
/// session's wellbeing note in a table of its own, so that nothing reading sessions or case discussions can carry it.
package struct CreateSupervision: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionAgreement.schema)
            .id()
            .field("supervisee_id", .uuid, .required, .references(User.schema, .id))
            .field("supervisor_id", .uuid, .required, .references(User.schema, .id))
            .field("cover_id", .uuid, .references(User.schema, .id))
            .field("starts", .string, .required)
            .field("ends", .string)
            .field("newly_qualified_since", .string)
            .field("created_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(SupervisionSession.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(SupervisionAgreement.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("held_on", .string, .required)
            .field("held_by_id", .uuid, .required, .references(User.schema, .id))
            .field("held_by_name", .string, .required)
            .field("cancelled_because", .string)
            .field("attendees", .string, .required)
            .field("experience", .string, .required)
            .field("reflection", .string, .required)
            .field("analysis", .string, .required)
            .field("next_steps", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(SupervisionWellbeing.schema)
            .field("session_id", .uuid, .identifier(auto: false), .references(SupervisionSession.schema, .id, onDelete: .cascade))
            .field("note", .string, .required)
            .create()
        try await database.schema(CaseDiscussion.schema)
            .id()
            .field("session_id", .uuid, .required, .references(SupervisionSession.schema, .id, onDelete: .cascade))
            .field("child_id", .uuid, .required, .references(Child.schema, .id))
            .field("held_on", .string, .required)
            .field("supervisee_name", .string, .required)
            .field("held_by_name", .string, .required)
            .field("discussion", .string, .required)
            .field("decision", .string, .required)
            .field("action", .string)
            .field("action_owner", .string)
            .field("action_due", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "supervision_agreements_supervisee").on(SupervisionAgreement.schema).column("supervisee_id").run()
        try await sql.create(index: "supervision_agreements_supervisor").on(SupervisionAgreement.schema).column("supervisor_id").run()
        try await sql.create(index: "supervision_sessions_agreement").on(SupervisionSession.schema).column("agreement_id").run()
        // A child's chronology, and the team tracker's last discussion of each child.
        try await sql.create(index: "supervision_case_discussions_child").on(CaseDiscussion.schema).column("child_id").column("held_on").run()
        try await sql.create(index: "supervision_case_discussions_session").on(CaseDiscussion.schema).column("session_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(CaseDiscussion.schema).delete()
        try await database.schema(SupervisionWellbeing.schema).delete()
        try await database.schema(SupervisionSession.schema).delete()
        try await database.schema(SupervisionAgreement.schema).delete()
    }
}
