import FluentKit
import Foundation
import SQLKit

/// Measures: the areas values are reported for, indicators, their values per area and period, targets,
/// turn-the-curve commentary, and links to the plan's outcomes and actions. Periods are stored as written
/// (`FY2023-24`) with the day they end, which orders them.
package struct CreateMeasures: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreateMeasures" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(ReportingArea.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "name")
            .create()

        try await database.schema(Indicator.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .field("unit", .string, .required)
            .field("polarity", .string, .required)
            .field("period_type", .string, .required)
            .field("kind", .string, .required)
            .field("publisher", .string)
            .field("dataset", .string)
            .field("owner", .string)
            .field("numerator", .string)
            .field("denominator", .string)
            .field("family_friendly_measure", .int)
            .unique(on: "code")
            .create()

        try await database.schema(IndicatorValue.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(Indicator.schema, .id, onDelete: .cascade))
            .field("area_id", .uuid, .required, .references(ReportingArea.schema, .id))
            .field("period", .string, .required)
            .field("period_end", .string, .required)
            .field("value", .double, .required)
            .field("count", .double)
            .field("denominator", .double)
            .field("lower", .double)
            .field("upper", .double)
            .field("status", .string, .required)
            .field("source", .string)
            .unique(on: "indicator_id", "area_id", "period")
            .create()

        try await database.schema(IndicatorTarget.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(Indicator.schema, .id, onDelete: .cascade))
            .field("period", .string, .required)
            .field("value", .double, .required)
            .field("origin", .string, .required)
            .unique(on: "indicator_id", "period")
            .create()

        try await database.schema(IndicatorCommentary.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(Indicator.schema, .id, onDelete: .cascade))
            .field("period", .string, .required)
            .field("story", .string, .required)
            .field("partners", .string, .required)
            .field("what_works", .string, .required)
            .field("action_plan", .string, .required)
            .field("author_name", .string, .required)
            .field("written_at", .datetime, .required)
            .unique(on: "indicator_id", "period")
            .create()

        try await database.schema(IndicatorLink.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(Indicator.schema, .id, onDelete: .cascade))
            .field("outcome_id", .uuid, .references(Outcome.schema, .id, onDelete: .cascade))
            .field("action_id", .uuid, .references(PlanAction.schema, .id, onDelete: .cascade))
            .create()

        try await (database as! any SQLDatabase).raw("CREATE INDEX indicator_values_indicator ON indicator_values (indicator_id, period_end)").run()
    }

    package func revert(on database: any Database) async throws {
        for schema in [
            IndicatorLink.schema, IndicatorCommentary.schema, IndicatorTarget.schema, IndicatorValue.schema,
            Indicator.schema, ReportingArea.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
