import FluentKit
import Foundation
import SQLKit

/// What the case system's extract adds: a child's NHS number, and the worker an allocation names as the case system
/// names them (kept even when no Waymark account matches, so caseloads show every worker). Allocations are read by
/// child on every child's page and list, so they are indexed by child.
package struct AddCaseSystemDetails: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.AddCaseSystemDetails" }

    package func prepare(on database: any Database) async throws {
        // One column at a time: SQLite alters a table one column per statement.
        try await database.schema(Child.schema).field("nhs_number", .string).update()
        try await database.schema(ChildAllocation.schema).field("worker_name", .string).update()
        try await (database as! any SQLDatabase).create(index: "child_allocations_child").on(ChildAllocation.schema).column("child_id").run()
    }

    package func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "child_allocations_child").run()
        try await database.schema(ChildAllocation.schema).deleteField("worker_name").update()
        try await database.schema(Child.schema).deleteField("nhs_number").update()
    }
}
