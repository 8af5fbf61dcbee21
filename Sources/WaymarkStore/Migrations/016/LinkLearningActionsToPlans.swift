import FluentKit

/// A learning action for the service, the partnership or workforce development may name the improvement plan's action
/// it serves, so the plan shows the learning from audits behind it.
package struct LinkLearningActionsToPlans: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(LearningAction.schema).field("plan_action_id", .uuid, .references(PlanAction.schema, .id)).update()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(LearningAction.schema).deleteField("plan_action_id").update()
    }
}
