import FluentKit
import Foundation
import SQLKit

/// Children and their journeys: one record per child (by the council's local identifier), who the child is allocated
/// to over time, every journey record with the fields its source wrote and where it came from, and each return
/// imported.
package struct CreateChildren: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreateChildren" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(ReturnImport.schema)
            .id()
            .field("kind", .string, .required)
            .field("collection_year", .int)
            .field("files", .string, .required)
            .field("imported_at", .datetime, .required)
            .field("imported_by", .string, .required)
            .field("summary", .string, .required)
            .field("layout", .string)
            .create()

        try await database.schema(Child.schema)
            .id()
            .field("local_id", .string, .required)
            .field("upn", .string)
            .field("date_of_birth", .string)
            .field("sex", .string)
            .field("ethnicity", .string)
            .field("disabilities", .string)
            .field("given_name", .string)
            .field("family_name", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "local_id")
            .create()

        try await database.schema(JourneyEvent.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("natural_key", .string, .required)
            .field("starts", .string)
            .field("ends", .string)
            .field("fields", .string, .required)
            .field("import_id", .uuid, .references(ReturnImport.schema, .id))
            .field("return_years", .string, .required)
            .field("source_file", .string, .required)
            .field("source_line", .int, .required)
            .unique(on: "child_id", "kind", "natural_key")
            .create()
        try await database.schema(ChildAllocation.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, .id, onDelete: .cascade))
            .field("team_id", .uuid, .references(Team.schema, .id))
            .field("worker_id", .uuid, .references(User.schema, .id))
            .field("starts", .string, .required)
            .field("ends", .string)
            .create()

        // The chronology reads a child's records by date.
        try await (database as! any SQLDatabase).create(index: "journey_events_child_starts").on(JourneyEvent.schema)
            .column("child_id").column("starts").run()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(JourneyEvent.schema).delete()
        try await database.schema(ChildAllocation.schema).delete()
        try await database.schema(Child.schema).delete()
        try await database.schema(ReturnImport.schema).delete()
    }
}
