import FluentKit
import Foundation
import WaymarkDomain

/// The plan area's reads and writes beyond `PlanCatalogue`: an outcome's key figures and what young people said, an
/// action's history and recommendations, Ofsted's recommendations and visits, strategy documents, scrutiny meetings,
/// and an update to an action, each change with its line in the audit trail.
package enum PlanStore {
    package static func plan(slug: String, on db: any Database) async throws -> Plan? {
        try await Plan.query(on: db).filter(\.$slug == slug).first()
    }

    package static func plans(on db: any Database) async throws -> [Plan] { try await Plan.query(on: db).all() }

    package static func action(planID: UUID, ref: String, on db: any Database) async throws -> PlanAction? {
        try await PlanAction.query(on: db).filter(\.$planID == planID).filter(\.$ref == ref).first()
    }

    /// The key figures of these outcomes, in their order.
    package static func keyFigures(outcomeIDs: [UUID], on db: any Database) async throws -> [KeyFigure] {
        outcomeIDs.isEmpty ? [] : try await KeyFigure.query(on: db).filter(\.$outcomeID ~~ outcomeIDs).sort(\.$position).all()
    }

    /// What young people said of an outcome, in order.
    package static func youngPeopleStatements(outcomeID: UUID, on db: any Database) async throws -> [YoungPeopleStatement] {
        try await YoungPeopleStatement.query(on: db).filter(\.$outcomeID == outcomeID).sort(\.$position).all()
    }

    /// Ofsted's recommendations by source and number, with the links to the actions that answer them.
    package static func recommendations(on db: any Database) async throws -> (recommendations: [Recommendation], links: [RecommendationAction]) {
        (
            try await Recommendation.query(on: db).sort(\.$source).sort(\.$number).all(),
            try await RecommendationAction.query(on: db).sort(\.$position).all()
        )
    }

    /// The recommendations an action answers.
    package static func recommendations(answeredBy actionID: UUID, on db: any Database) async throws -> [Recommendation] {
        let ids = try await RecommendationAction.query(on: db).filter(\.$actionID == actionID).all().map(\.recommendationID)
        return ids.isEmpty ? [] : try await Recommendation.query(on: db).filter(\.$id ~~ ids).sort(\.$source).sort(\.$number).all()
    }

    package static func monitoringVisits(on db: any Database) async throws -> [MonitoringVisit] {
        try await MonitoringVisit.query(on: db).sort(\.$date).all()
    }

    package static func strategyDocuments(on db: any Database) async throws -> [StrategyDocument] {
        try await StrategyDocument.query(on: db).sort(\.$title).all()
    }

    /// Updates to these actions written in `[from, before)`, newest first.
    package static func updates(of actionIDs: [UUID], from: Date, before: Date, on db: any Database) async throws -> [ActionUpdate] {
        actionIDs.isEmpty
            ? []
            : try await ActionUpdate.query(on: db).filter(\.$actionID ~~ actionIDs).filter(\.$writtenAt >= from).filter(\.$writtenAt < before)
                .sort(\.$writtenAt, .descending).all()
    }

    /// An action's history, newest first.
    package static func history(of actionID: UUID, on db: any Database) async throws -> [ActionUpdate] {
        try await ActionUpdate.query(on: db).filter(\.$actionID == actionID).sort(\.$writtenAt, .descending).all()
    }

    /// Records an update and carries its state onto the action, so lists and reports read it without the history.
    package static func record(
        _ update: ActionUpdate, on action: PlanAction, detail: String, by actor: AuditTrail.Actor, on db: any Database
    ) async throws {
        try await db.transaction { db in
            update.actionID = try action.requireID()
            try await update.create(on: db)
            carry(update, onto: action)
            try await action.save(on: db)
            try await AuditTrail.record(.update, recordType: .planAction, recordID: action.id?.uuidString, detail: detail, by: actor, on: db)
        }
    }

    /// Records many actions' updates at once, each action left as its last update set it, with one audit line (the
    /// demo's year of updates). Returns how many.
    package static func recordHistory(
        _ history: [(action: PlanAction, updates: [ActionUpdate])], detail: String, by actor: AuditTrail.Actor, on db: any Database
    ) async throws -> Int {
        try await db.transaction { db in
            var count = 0
            for (action, updates) in history {
                for update in updates.sorted(by: { $0.writtenAt < $1.writtenAt }) {
                    update.actionID = try action.requireID()
                    try await update.create(on: db)
                    carry(update, onto: action)
                    count += 1
                }
                try await action.save(on: db)
            }
            try await AuditTrail.record(.update, recordType: .plan, detail: "\(detail): \(count)", by: actor, on: db)
            return count
        }
    }

    /// The state an update sets, carried onto its action.
    private static func carry(_ update: ActionUpdate, onto action: PlanAction) {
        action.status = update.status
        action.progress = update.progress
        action.rag = update.rag
        action.ragReason = update.ragReason
        action.lastUpdateAt = update.writtenAt
    }

    /// A plan's scrutiny meetings, latest first.
    package static func scrutinyMeetings(planID: UUID, on db: any Database) async throws -> [ScrutinyMeeting] {
        try await ScrutinyMeeting.query(on: db).filter(\.$planID == planID).sort(\.$metOn, .descending).sort(\.$createdAt, .descending).all()
    }

    package static func record(_ meeting: ScrutinyMeeting, of plan: Plan, by actor: AuditTrail.Actor, on db: any Database) async throws {
        try await db.transaction { db in
            meeting.planID = try plan.requireID()
            try await meeting.create(on: db)
            try await AuditTrail.record(
                .create, recordType: .plan, recordID: plan.slug, detail: "scrutiny meeting \(meeting.metOn)", by: actor, on: db)
        }
    }

    /// The name of a person's organisation, if they belong to one.
    package static func organisationName(of user: User, on db: any Database) async throws -> String? {
        try await user.$organisation.get(on: db)?.name
    }
}
