import FluentKit
import Foundation

/// Performance Matters commentary: one per report section and period.
package struct CreatePerformanceCommentary: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreatePerformanceCommentary" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(PerformanceCommentary.schema)
            .id()
            .field("section", .string, .required)
            .field("period", .string, .required)
            .field("going_well", .string, .required)
            .field("to_improve", .string, .required)
            .field("actions", .string, .required)
            .field("written_by", .string, .required)
            .field("written_at", .datetime, .required)
            .unique(on: "section", "period")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(PerformanceCommentary.schema).delete()
    }
}
