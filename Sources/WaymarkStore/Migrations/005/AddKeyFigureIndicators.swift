import FluentKit
import Foundation

/// A "What we know" figure may name the indicator that tracks it, so the outcome page links the two.
package struct AddKeyFigureIndicators: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.AddKeyFigureIndicators" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(KeyFigure.schema).field("indicator_code", .string).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(KeyFigure.schema).deleteField("indicator_code").update()
    }
}
