import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkPlanFile
import WaymarkStore
import WaymarkWeb

/// The demo: the borough's organisations, service areas and teams, its plans and made-up children, loaded into a
/// database that has none, and the first administrator. Only `waymark serve` on the embedded SQLite default and an
/// explicit `waymark demo load` do this; any other database gets no made-up data unless `WAYMARK_DEMO_DATA` says so.
enum DemoStart {
    /// Everything, each part only where the database has none of it; returns what it did, a line each.
    /// - Parameter madeOn: the day the demo is made: its records run to the day before.
    static func load(children: Int, seed: UInt64 = 1, madeOn: ISODay = .today, years: Int = 1, app: Application) async throws -> [String] {
        var done: [String] = []
        if try await DemoReferenceData.load(on: app.db) { done.append("Loaded the borough's organisations, service areas and teams.") }
        let barnet = try Data(contentsOf: BundledPlans.barnet)
        if try await PlanStore.plans(on: app.db).isEmpty {
            let summary = try await PlanLoading.load(barnet, fileName: "barnet.yaml", by: .system, on: app.db)
            done.append("Loaded the demo plans: \(summary).")
        }
        if let loaded = try await DemoPlanLoading.load(barnet: barnet, madeOn: madeOn, by: .system, on: app.db) {
            done.append("Loaded the plan in force: \(loaded).")
        }
        // Made-up figures come with made-up children: a demo of the borough's plans alone keeps the plan's own values.
        if children > 0, let added = try await DemoIndicatorLoading.load(madeOn: madeOn, by: .system, on: app.db), added > 0 {
            done.append("Carried the indicators on to \(madeOn.adding(days: -1).written) with \(Counted.phrase(added, "demonstration figure")).")
        }
        if children > 0, try await CaseloadStore.childCount(on: app.db) == 0 {
            let result = try await DemoLoading.generate(
                children: children, seed: seed, madeOn: madeOn, years: years,
                engine: app.timescaleEngine, by: .system, on: app.db)
            if years > 1 {
                done.append("Loaded \(years) collection years of \(children) demo children; the last year's:")
            } else {
                done.append("Loaded \(children) demo children:")
            }
            for loaded in result.returns {
                done.append("  SSDA903 \(loaded.year): \(loaded.ssda903).")
                done.append("  CIN census \(loaded.year): \(loaded.cin).")
            }
            done.append("  Case system extract to \(madeOn.adding(days: -1).inWords): \(result.caseSystem).")
        }
        if children > 0 {
            for area in areas { done += try await area.loadDemo(madeOn: madeOn, seed: seed, app: app) }
        }
        return done
    }
}
