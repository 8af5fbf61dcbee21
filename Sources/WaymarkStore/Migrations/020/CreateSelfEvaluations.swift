import FluentKit

/// The self-evaluation pack's narratives, one row a month.
package struct CreateSelfEvaluations: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(SelfEvaluationNarrative.schema)
            .id()
            .field("month", .string, .required)
            .field("what_we_know", .string, .required)
            .field("how_we_know", .string, .required)
            .field("what_we_do", .string, .required)
            .field("written_by", .string, .required)
            .field("written_at", .datetime, .required)
            .unique(on: "month")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(SelfEvaluationNarrative.schema).delete()
    }
}
