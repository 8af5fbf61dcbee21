import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Caseloads: the teams in a person's record scope with their numbers, a team's children worker by worker, and a
/// practitioner's own caseload. A team outside the scope is "not found"; opening a team's caseload is audited.
enum CaseloadsController {
    @Sendable static func overview(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        let names = ChildRecordScope.seesNames(user.role)
        let context = req.pageContext("Caseloads", area: .children)
        if case .caseload(let id) = access.scope {
            let mine = try await CaseloadStore.allocations(ofWorker: UUID(uuidString: id), on: req.db)
            let statuses = try await ChildAccess.statuses(of: mine.map(\.childID), on: req.db)
            let how = try await WorkerLinks.how(user, on: req.db)
            let link = CaseloadPages.OwnLink(byStaffID: how.byStaffID, byName: how.byName, staffID: user.staffID, name: user.displayName)
            return .html(
                CaseloadPages.overview(
                    .own(try await rows(mine, names: names, statuses: statuses, on: req.db), link: link), seesNames: names, context: context))
        }
        let teams = try await CaseloadStore.teams(in: access.scope, on: req.db)
        let allocations = try await CaseloadStore.allocations(ofTeams: teams.compactMap(\.id), on: req.db)
        let statuses = try await ChildAccess.statuses(of: allocations.map(\.childID), on: req.db)
        let byTeam = Dictionary(grouping: allocations) { $0.teamID! }
        let summaries = teams.map { team in
            var summary = summary(of: team, allocations: byTeam[team.id!] ?? [], statuses: statuses)
            let area = team.$serviceArea.id.uuidString
            if access.scope == .all || access.scope == .serviceArea(area) { summary.serviceAreaID = area }
            return summary
        }
        return .html(CaseloadPages.overview(.teams(summaries), seesNames: names, context: context))
    }

    @Sendable static func team(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try ChildAccess(for: user)
        guard let id = UUID(uuidString: try req.parameters.require("teamID")),
            let team = try await CaseloadStore.team(id, in: access.scope, on: req.db)
        else { throw Abort(.notFound) }
        let allocations = try await CaseloadStore.allocations(ofTeams: [id], on: req.db)
        let statuses = try await ChildAccess.statuses(of: allocations.map(\.childID), on: req.db)
        let accounts = try await User.names(ids: allocations.compactMap(\.workerID), on: req.db)
        let children = Dictionary(
            uniqueKeysWithValues: try await rows(
                allocations, names: ChildRecordScope.seesNames(user.role), statuses: statuses,
                on: req.db
            ).map { ($0.id, $0) })
        let byWorker = Dictionary(grouping: allocations) { $0.workerID.flatMap { accounts[$0] } ?? $0.workerName }
        let workers = byWorker.map { name, held in
            CaseloadPages.Worker(name: name, children: held.compactMap { children[$0.childID.uuidString] }.sorted { $0.localID < $1.localID })
        }.sorted { ($0.name == nil ? 1 : 0, $0.name ?? "") < ($1.name == nil ? 1 : 0, $1.name ?? "") }
        try await req.audit(.view, recordType: .team, recordID: id.uuidString, detail: "caseload: \(allocations.count) children")
        return .html(
            CaseloadPages.team(
                summary(of: team, allocations: allocations, statuses: statuses), workers: workers,
                seesNames: ChildRecordScope.seesNames(user.role), context: req.pageContext(team.name, area: .children)))
    }

    private static func summary(of team: Team, allocations: [ChildAllocation], statuses: [UUID: [String]]) -> CaseloadPages.TeamSummary {
        func count(_ status: String) -> Int { allocations.filter { statuses[$0.childID]?.contains(status) == true }.count }
        return CaseloadPages.TeamSummary(
            id: team.id!.uuidString, name: team.name, serviceArea: team.serviceArea.name, children: allocations.count,
            workers: Set(allocations.compactMap { $0.workerID?.uuidString ?? $0.workerName }).count,
            withoutWorker: allocations.filter { $0.workerID == nil && $0.workerName == nil }.count,
            protection: count(JourneyStatus.protectionPlan), inNeed: count(JourneyStatus.inNeed), lookedAfter: count(JourneyStatus.lookedAfter),
            careLeavers: count(JourneyStatus.careLeaver))
    }

    private static func rows(
        _ allocations: [ChildAllocation], names: Bool, statuses: [UUID: [String]],
        on db: any Database
    ) async throws -> [CaseloadPages.ChildRow] {
        let ids = allocations.map(\.childID)
        guard !ids.isEmpty else { return [] }
        let children = try await CaseloadStore.children(ids, on: db)
        let since = Dictionary(allocations.map { ($0.childID, $0.starts) }, uniquingKeysWith: { first, _ in first })
        return children.map { child in
            CaseloadPages.ChildRow(
                id: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                statuses: (statuses[child.id!] ?? []).joined(separator: ", "), since: since[child.id!] ?? "–")
        }.sorted { $0.localID < $1.localID }
    }
}
