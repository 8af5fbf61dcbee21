import FluentKit
import Foundation
import WaymarkDomain

/// The measures area's reads and writes beyond `MeasuresData`: the index's measure titles, an indicator's commentary
/// and the plan items it is linked to, the catalogue of indicators and areas, and a value entered by hand.
package enum MeasuresStore {
    /// The titles of the Family Friendly Index's measures, in order: those of the summary plan that has them.
    package static func familyFriendlyMeasureTitles(on db: any Database) async throws -> [String] {
        try await Plan.query(on: db).filter(\.$kind == .summary).all().first { !$0.measures.isEmpty }?.measures ?? []
    }

    /// An indicator's turn-the-curve commentary, newest period first.
    package static func commentaries(indicatorID: UUID, on db: any Database) async throws -> [IndicatorCommentary] {
        try await IndicatorCommentary.query(on: db).filter(\.$indicatorID == indicatorID).sort(\.$period, .descending).all()
    }

    /// The outcomes (by name) and actions (by reference) an indicator shows progress on, each with its plan.
    package static func linkedPlanItems(
        indicatorID: UUID, on db: any Database
    ) async throws -> (outcomes: [(outcome: Outcome, plan: Plan)], actions: [(action: PlanAction, plan: Plan)]) {
        let links = try await IndicatorLink.query(on: db).filter(\.$indicatorID == indicatorID).all()
        let outcomeIDs = links.compactMap(\.outcomeID), actionIDs = links.compactMap(\.actionID)
        let outcomes = outcomeIDs.isEmpty ? [] : try await Outcome.query(on: db).filter(\.$id ~~ outcomeIDs).sort(\.$name).all()
        let actions = actionIDs.isEmpty ? [] : try await PlanAction.query(on: db).filter(\.$id ~~ actionIDs).sort(\.$ref).all()
        let planIDs = Set(outcomes.map(\.planID) + actions.map(\.planID))
        let plans = Dictionary(uniqueKeysWithValues: try await Plan.query(on: db).filter(\.$id ~~ Array(planIDs)).all().map { ($0.id!, $0) })
        return (
            outcomes.compactMap { outcome in plans[outcome.planID].map { (outcome, $0) } },
            actions.compactMap { action in plans[action.planID].map { (action, $0) } }
        )
    }

    /// Every indicator, by code.
    package static func indicatorsByCode(on db: any Database) async throws -> [Indicator] {
        try await Indicator.query(on: db).sort(\.$code).all()
    }

    /// Every indicator, by name.
    package static func indicatorsByName(on db: any Database) async throws -> [Indicator] {
        try await Indicator.query(on: db).sort(\.$name).all()
    }

    /// Every area values are kept for (the borough, wards, hubs, comparators), by name.
    package static func reportingAreas(on db: any Database) async throws -> [ReportingArea] {
        try await ReportingArea.query(on: db).sort(\.$name).all()
    }

    /// Saves a value (and any target and commentary) entered for one indicator, with its line in the audit trail, in
    /// one transaction.
    package static func saveEntered(
        _ changes: IndicatorValuesUpload.Changes, indicatorCode: String, author: String, detail: String, by actor: AuditTrail.Actor,
        on db: any Database
    ) async throws {
        try await db.transaction { db in
            let snapshot = try await IndicatorValuesStore.snapshot(codes: [indicatorCode], on: db)
            try await IndicatorValuesStore.apply(changes, in: snapshot, author: author, on: db)
            try await AuditTrail.record(.update, recordType: .indicator, recordID: indicatorCode, detail: detail, by: actor, on: db)
        }
    }
}
