import Fluent
import Foundation
import WaymarkDomain
import WaymarkStore

/// The supervision pages' figures, from `OversightStore`: each supervised person's row, and compliance team by team.
enum Oversight {
    /// A supervised person's row on the page, and where their supervision stands.
    struct Row {
        var page: SupervisionHomePage.Supervisee
        var standing: SupervisionStanding
    }

    static func rows(
        for agreements: [SupervisionAgreement], people: [UUID: User], intervals: CaseDiscussionIntervals, on day: ISODay, db: any Database
    ) async throws -> [Row] {
        let workers = try await OversightStore.workers(agreements, on: day, db: db)
        let cases = try await OversightStore.cases(
            CaseloadStore.allocations(ofWorkers: agreements.map(\.superviseeID), on: db), intervals: intervals, on: day, db: db)
        let byWorker = Dictionary(grouping: cases, by: \.workerID)
        return workers.map { worker in
            let person = people[worker.agreement.superviseeID]
            let theirs = byWorker[worker.agreement.superviseeID] ?? []
            let page = SupervisionHomePage.Supervisee(
                agreementID: worker.agreement.id!.uuidString, name: person?.displayName ?? "–", role: person?.role.displayName ?? "–",
                cadence: worker.cadence.inWords(on: day), lastHeld: worker.standing.lastHeld?.written ?? "None yet",
                next: worker.standing.inWords(on: day), overdue: !worker.standing.withinCadence,
                casesOverdue: theirs.filter { !$0.standing.withinInterval }.count, cases: theirs.count)
            return Row(page: page, standing: worker.standing)
        }
    }

    /// For each team (in order), the people placed in it with an agreement in force and how many are within their
    /// cadence, and its open cases with a case discussion interval and how many are within it.
    static func compliance(
        teams: [Team], agreements: [SupervisionAgreement], people: [UUID: User], intervals: CaseDiscussionIntervals, on day: ISODay,
        db: any Database
    ) async throws -> [SupervisionHomePage.TeamCompliance] {
        guard !teams.isEmpty else { return [] }
        let workers = try await OversightStore.workers(agreements, on: day, db: db)
        let byTeam = Dictionary(grouping: workers) { people[$0.agreement.superviseeID]?.$team.id }
        let cases = try await OversightStore.caseDiscussionsByTeam(on: day, intervals: intervals, db: db)
        return teams.compactMap { team in
            let workers = byTeam[team.id] ?? [], share = team.id.flatMap { cases[AuditCohort.canonical($0)] } ?? .init()
            guard !workers.isEmpty || share.counted > 0 else { return nil }
            return SupervisionHomePage.TeamCompliance(
                team: team.name, supervised: workers.filter(\.standing.withinCadence).count, supervisees: workers.count,
                discussed: share.within, cases: share.counted)
        }
    }
}
