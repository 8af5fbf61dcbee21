import FluentKit
import Foundation
import SQLKit

/// Replaces the index of a child's records by date with one that holds every column the reports read but the fields
/// (`JourneyEvent.byChildIndex`): on SQLite, Performance Matters, Annex A and the trackers read from it child by child,
/// a seventh of the table's bytes, going to the table only for the fields they need; the chronology still finds a
/// child's records by it.
package struct IndexRecordsByChild: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.IndexRecordsByChild" }

    package func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "journey_events_child_starts").run()
        try await sql.create(index: JourneyEvent.byChildIndex).on(JourneyEvent.schema)
            .column("child_id").column("kind").column("natural_key").column("starts").column("ends").run()
    }

    package func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: JourneyEvent.byChildIndex).run()
        try await sql.create(index: "journey_events_child_starts").on(JourneyEvent.schema).column("child_id").column("starts").run()
    }
}
