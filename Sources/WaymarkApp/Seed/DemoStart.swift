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
    static func load(children: Int, seed: UInt64 = 1, year: Int = 2026, years: Int = 1, app: Application) async throws -> [String] {
        var done: [String] = []
        if try await loadReferenceData(on: app.db) { done.append("Loaded the borough's organisations, service areas and teams.") }
        if try await Plan.query(on: app.db).count() == 0 {
            let summary = try await PlanLoading.load(try Data(contentsOf: BundledPlans.barnet), fileName: "barnet.yaml", by: .system, on: app.db)
            done.append("Loaded the demo plans: \(summary).")
        }
        if children > 0, try await Child.query(on: app.db).count() == 0 {
            let result = try await DemoLoading.generate(
                children: children, seed: seed, year: year, years: years,
                engine: app.timescaleEngine, by: .system, on: app.db)
            if years > 1 {
                done.append("Loaded \(years) collection years of \(children) demo children; the last year's:")
            } else {
                done.append("Loaded \(children) demo children:")
            }
            done.append("  SSDA903: \(result.ssda903).")
            done.append("  CIN census: \(result.cin).")
            done.append("  Case system extract: \(result.caseSystem).")
        }
        return done
    }

    /// The organisations, service areas and teams, into a database that has none; says whether it loaded them.
    @discardableResult
    static func loadReferenceData(on db: any Database) async throws -> Bool {
        guard try await Organisation.query(on: db).count() == 0, try await ServiceArea.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in
            for organisation in DemoReferenceData.organisations {
                try await Organisation(name: organisation.name, kind: organisation.kind).create(on: db)
            }
            for area in DemoReferenceData.serviceAreas {
                let serviceArea = ServiceArea(name: area.name)
                try await serviceArea.create(on: db)
                for team in area.teams {
                    try await Team(name: team, serviceAreaID: serviceArea.requireID()).create(on: db)
                }
            }
        }
        return true
    }
}
