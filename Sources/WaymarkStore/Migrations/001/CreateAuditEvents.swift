import FluentKit
import Foundation
import SQLKit

/// The audit trail, with triggers that refuse any UPDATE or DELETE so that it stays append-only even for
/// someone with direct database access through the application's own account.
package struct CreateAuditEvents: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreateAuditEvents" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("occurred_at", .datetime, .required)
            .field("user_id", .uuid)
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string)
            .field("record_id", .string)
            .field("detail", .string)
            .field("ip_address", .string)
            .field("request_id", .string, .required)
            .create()

        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at)").run()
        try await sql.raw("CREATE INDEX audit_events_user_id ON audit_events (user_id, occurred_at)").run()
        try await sql.raw("CREATE INDEX audit_events_record ON audit_events (record_type, record_id, occurred_at)").run()

        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw(
                """
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """
            ).run()
        default:
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """
                ).run()
            }
        }
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
        try await database.schema(AuditEvent.schema).delete()
    }
}
