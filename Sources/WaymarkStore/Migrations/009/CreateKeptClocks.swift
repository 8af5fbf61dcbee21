import FluentKit
import Foundation
import SQLKit

/// Each child's open clocks kept with the window of days they hold for, so the daily tracker need not work out every
/// clock of a team's children on each view (see `KeptClocks`), and allocations found by team.
package struct CreateKeptClocks: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreateKeptClocks" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(KeptClockWindow.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, .id, onDelete: .cascade))
            .field("engine", .string, .required)
            .field("holds_from", .string)
            .field("holds_until", .string)
            .unique(on: "child_id")
            .create()
        try await database.schema(KeptClock.schema)
            .id()
            .field("child_id", .uuid, .required, .references(Child.schema, .id, onDelete: .cascade))
            .field("rule", .string, .required)
            .field("record", .string, .required)
            .field("starts", .string, .required)
            .field("due", .string, .required)
            .field("evidence", .string, .required)
            .create()
        // How many times an import has forgotten kept clocks: one row (see `KeptClocks.store`).
        try await database.schema(KeptClocks.generationTable).field("generation", .int, .required).create()
        let sql = database as! any SQLDatabase
        try await sql.insert(into: KeptClocks.generationTable).columns("generation").values(SQLBind(0)).run()
        try await sql.create(index: "kept_clocks_child").on(KeptClock.schema).column("child_id").run()
        // The daily tracker reads, for each child a team holds, their allocation and then their window: indexes that
        // hold every column it reads there answer from the index alone (measured: 19 ms to 10 ms for 3,783 children).
        // Without the first, SQLite went through every child to find a team's.
        try await sql.create(index: "child_allocations_team").on(ChildAllocation.schema)
            .column("team_id").column("ends").column("child_id").column("worker_id").column("worker_name").run()
        try await sql.create(index: "kept_clock_windows_holding").on(KeptClockWindow.schema)
            .column("child_id").column("engine").column("holds_from").column("holds_until").run()
    }

    package func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "child_allocations_team").run()
        try await database.schema(KeptClock.schema).delete()
        try await database.schema(KeptClockWindow.schema).delete()
        try await database.schema(KeptClocks.generationTable).delete()
    }
}
