import FluentKit
import Foundation
import SQLKit

/// Staff identifiers: an account's identifier in the case system (`prof_staff_id`), and the one each allocation's
/// worker has there, so that allocations link to accounts by identifier, with the name only as the fallback.
package struct AddStaffIdentifiers: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("staff_id", .string).update()
        try await database.schema(ChildAllocation.schema).field("worker_staff_id", .string).update()
        // One account an identifier; many accounts may have none.
        try await (database as! any SQLDatabase).create(index: "users_staff_id").on(User.schema).column("staff_id").unique().run()
    }

    package func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "users_staff_id").run()
        try await database.schema(ChildAllocation.schema).deleteField("worker_staff_id").update()
        try await database.schema(User.schema).deleteField("staff_id").update()
    }
}
