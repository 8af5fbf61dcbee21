import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The supervision page: one's own supervision, the people one supervises or covers, and for those who supervise,
/// compliance today across the teams whose children they may see.
enum SupervisionController {
    @Sendable static func home(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let id = try user.requireID()
        let today = ISODay.today
        let intervals = req.application.settings.caseDiscussions
        let people = try await UserStore.byID(on: req.db)
        let own = try await SupervisionStore.agreementsInForce(of: [id], on: today, db: req.db).first
        let supervised = try await SupervisionStore.agreements(supervisedBy: id, on: today, db: req.db)
        let rows = try await Oversight.rows(for: (own.map { [$0] } ?? []) + supervised, people: people, intervals: intervals, on: today, db: req.db)
            .map(\.page)
        let supervises = user.role.permissions.contains(.supervise)
        var compliance: [SupervisionHomePage.TeamCompliance] = []
        var without: [String] = []
        if supervises {
            let managed = try await SupervisionAccess.supervisees(for: user, on: req.db)
            let agreements = try await SupervisionStore.agreementsInForce(of: managed.compactMap(\.id), on: today, db: req.db)
            let covered = Set(agreements.map(\.superviseeID))
            without = managed.filter { !covered.contains($0.id!) }.map { "\($0.displayName) (\($0.role.displayName))" }
            compliance = try await Oversight.compliance(
                teams: CaseloadStore.teams(in: ChildAccess(for: user).scope, on: req.db), agreements: agreements, people: people,
                intervals: intervals, on: today, db: req.db)
        }
        let model = SupervisionHomePage.Model(
            own: own.flatMap { agreement in rows.first { $0.agreementID == agreement.id!.uuidString } },
            ownSupervisor: own.flatMap { people[$0.supervisorID]?.displayName },
            supervised: rows.filter { $0.agreementID != own?.id?.uuidString }.sorted {
                ($0.overdue ? 0 : 1, $0.name) < ($1.overdue ? 0 : 1, $1.name)
            },
            compliance: compliance, withoutAgreement: without, maySetUp: supervises, intervals: intervals)
        return .html(
            SupervisionHomePage.render(model, context: req.pageContext(SupervisionHomePage.title, area: .quality, notice: Notice.from(req)?.message)))
    }
}
