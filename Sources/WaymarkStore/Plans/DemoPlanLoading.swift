import FluentKit
import Foundation
import WaymarkDomain
import WaymarkPlanFile

/// The demo's plan in force (`DemoPlan`): loaded through the plan file reader like any plan, then its year of updates
/// written in one transaction with one audit line. Only into a database that does not have it.
package enum DemoPlanLoading {
    /// What it did, or nil when the plan was there already (or the Barnet file has no summary to make it from).
    package static func load(barnet: Data, madeOn: ISODay, by actor: AuditTrail.Actor, on db: any Database) async throws -> String? {
        guard try await PlanStore.plan(slug: DemoPlan.slug, on: db) == nil, case .success(let barnetFile) = PlanFileCoder.read(barnet),
            let file = DemoPlan.file(from: barnetFile, madeOn: madeOn)
        else { return nil }
        let summary = try await PlanLoading.load(Data(try PlanFileCoder.write(file).utf8), fileName: "demo plan", by: actor, on: db)
        guard let plan = try await PlanStore.plan(slug: DemoPlan.slug, on: db) else { return nil }
        let responsible = Dictionary(
            file.plans.flatMap(\.outcomes).flatMap(\.objectives).flatMap { $0.actions ?? [] }.compactMap { action in
                action.ref.map { ($0, action.responsible.first) }
            }, uniquingKeysWith: { first, _ in first })
        var history: [(PlanAction, [ActionUpdate])] = []
        for (ref, updates) in DemoPlan.updates(of: file, madeOn: madeOn).sorted(by: { $0.key < $1.key }) {
            guard let action = try await PlanStore.action(planID: try plan.requireID(), ref: ref, on: db) else { continue }
            history.append(
                (
                    action,
                    updates.map { update in
                        let model = ActionUpdate()
                        model.writtenAt = update.day.start.addingTimeInterval(10 * 3600)
                        model.authorName = "Lead officer (demonstration)"
                        model.authorOrganisation = responsible[ref] ?? nil
                        model.commentary = update.commentary
                        model.status = update.status
                        model.progress = update.progress
                        model.rag = update.rag
                        model.ragReason = update.ragReason
                        model.evidenceLinks = []
                        return model
                    }
                ))
        }
        let count = try await PlanStore.recordHistory(history, detail: "demo plan's updates", by: actor, on: db)
        return "\(plan.title): \(summary); \(Counted.phrase(count, "update")) over the last year"
    }
}
