import Fluent

/// A "What we know" figure may name the indicator that tracks it, so the outcome page links the two.
struct AddKeyFigureIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(KeyFigure.schema).field("indicator_code", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KeyFigure.schema).deleteField("indicator_code").update()
    }
}
