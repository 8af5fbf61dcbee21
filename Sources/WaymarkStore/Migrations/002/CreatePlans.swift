import FluentKit
import Foundation
import SQLKit

/// The partnership's plans: boards, plans → outcomes → objectives → actions with who is responsible and how
/// each is monitored, action updates, "What we know" figures and young people's statements, inspection
/// recommendations, monitoring visits, the strategy documents library, and young people's scrutiny
/// meetings.
/// Days are stored as yyyy-mm-dd text, which sorts in date order on every database.
package struct CreatePlans: AsyncMigration {
    /// Fluent knows it by the name it was first run under, in the module it was then part of.
    package var name: String { "WaymarkApp.CreatePlans" }

    package func prepare(on database: any Database) async throws {
        try await database.schema(Board.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()

        try await database.schema(Plan.schema)
            .id()
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("version", .string, .required)
            .field("starts", .string, .required)
            .field("ends", .string, .required)
            .field("vision", .string)
            .field("measures", .array(of: .string), .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()

        try await database.schema(Outcome.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("ref", .string, .required)
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("ambition", .string)
            .field("principles", .array(of: .string), .required)
            .field("child_friendly_communities", .bool, .required)
            .unique(on: "plan_id", "ref")
            .create()

        try await database.schema(KeyFigure.schema)
            .id()
            .field("outcome_id", .uuid, .required, .references(Outcome.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("value", .string, .required)
            .field("label", .string, .required)
            .field("source", .string)
            .field("figure_date", .string)
            .create()

        try await database.schema(YoungPeopleStatement.schema)
            .id()
            .field("outcome_id", .uuid, .required, .references(Outcome.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("statement", .string, .required)
            .create()

        try await database.schema(Objective.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("outcome_id", .uuid, .required, .references(Outcome.schema, .id, onDelete: .cascade))
            .field("ref", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .unique(on: "plan_id", "ref")
            .create()

        try await database.schema(PlanAction.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("objective_id", .uuid, .required, .references(Objective.schema, .id, onDelete: .cascade))
            .field("ref", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("lead", .string)
            .field("starts", .string)
            .field("due", .string)
            .field("status", .string, .required)
            .field("progress", .int, .required)
            .field("rag", .string)
            .field("rag_reason", .string)
            .field("last_update_at", .datetime)
            .unique(on: "plan_id", "ref")
            .create()

        try await database.schema(ActionResponsibility.schema)
            .id()
            .field("action_id", .uuid, .required, .references(PlanAction.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id))
            .field("written_as", .string, .required)
            .field("position", .int, .required)
            .create()

        try await database.schema(ActionMonitoring.schema)
            .id()
            .field("action_id", .uuid, .required, .references(PlanAction.schema, .id, onDelete: .cascade))
            .field("board_id", .uuid, .required, .references(Board.schema, .id))
            .field("written_as", .string, .required)
            .field("position", .int, .required)
            .create()

        try await database.schema(ActionUpdate.schema)
            .id()
            .field("action_id", .uuid, .required, .references(PlanAction.schema, .id, onDelete: .cascade))
            .field("written_at", .datetime, .required)
            .field("author_id", .uuid, .references(User.schema, .id))
            .field("author_name", .string, .required)
            .field("author_organisation", .string)
            .field("commentary", .string, .required)
            .field("status", .string, .required)
            .field("progress", .int, .required)
            .field("rag", .string)
            .field("rag_reason", .string)
            .field("evidence_links", .array(of: .string), .required)
            .create()

        try await database.schema(Recommendation.schema)
            .id()
            .field("source", .string, .required)
            .field("number", .int, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("evidence", .string)
            .unique(on: "source", "number")
            .create()

        try await database.schema(RecommendationAction.schema)
            .id()
            .field("recommendation_id", .uuid, .required, .references(Recommendation.schema, .id, onDelete: .cascade))
            .field("action_id", .uuid, .required, .references(PlanAction.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .create()

        try await database.schema(MonitoringVisit.schema)
            .id()
            .field("visit_date", .string, .required)
            .field("focus", .string, .required)
            .field("findings", .string, .required)
            .unique(on: "visit_date")
            .create()

        try await database.schema(StrategyDocument.schema)
            .id()
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("owner", .string)
            .field("period", .string)
            .field("review_due", .string)
            .field("link", .string)
            .field("plan_slugs", .array(of: .string), .required)
            .unique(on: "title")
            .create()

        try await database.schema(ScrutinyMeeting.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("met_on", .string, .required)
            .field("attendees", .string, .required)
            .field("findings", .string, .required)
            .field("recorded_by", .string, .required)
            .field("created_at", .datetime)
            .create()

        let sql = database as! any SQLDatabase
        for statement in [
            "CREATE INDEX plan_actions_objective ON plan_actions (objective_id)",
            "CREATE INDEX plan_action_updates_action ON plan_action_updates (action_id, written_at)",
            "CREATE INDEX plan_action_responsible_action ON plan_action_responsible (action_id)",
            "CREATE INDEX plan_action_responsible_organisation ON plan_action_responsible (organisation_id)",
            "CREATE INDEX plan_action_monitoring_action ON plan_action_monitoring (action_id)",
            "CREATE INDEX plan_action_monitoring_board ON plan_action_monitoring (board_id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    package func revert(on database: any Database) async throws {
        for schema in [
            ScrutinyMeeting.schema, StrategyDocument.schema, MonitoringVisit.schema, RecommendationAction.schema,
            Recommendation.schema, ActionUpdate.schema, ActionMonitoring.schema, ActionResponsibility.schema,
            PlanAction.schema, Objective.schema, YoungPeopleStatement.schema, KeyFigure.schema, Outcome.schema,
            Plan.schema, Board.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
