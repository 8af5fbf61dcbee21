import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The plan's part of a person's home page, from the plans in force: for whoever may update actions (a partner's
/// organisation, a named lead), theirs that are overdue or have had no update for 30 days; for the director, heads of
/// service and board members, every action overdue or rated red.
enum TodayController {
    static let overseers: Set<Role> = [.leadership, .headOfService, .boardMember]

    static func today(_ req: Request) async throws -> HomeSection? {
        guard let user = req.signedIn?.user, user.role.permissions.contains(.viewPlan) else { return nil }
        let catalogue = try await PlanCatalogue.load(on: req.db)
        let today = ISODay.today
        let inForce = Set(
            catalogue.plans.filter { PlanStanding(status: $0.status, starts: ISODay($0.starts), ends: ISODay($0.ends), on: today) == .inForce }
                .map(\.slug))
        let open = catalogue.actions.filter { inForce.contains($0.planSlug) && $0.status.isOpen }
        let organisationID = user.$organisation.id?.uuidString
        let mine =
            user.role == .systemAdmin
            ? []
            : open.filter { ActionUpdateRule.mayUpdate($0, role: user.role, organisationID: organisationID, displayName: user.displayName) }
        if !mine.isEmpty {
            let chased = mine.filter { $0.isOverdue(on: today) || $0.needsUpdate(on: today) }
                .sorted { urgency($0, today) < urgency($1, today) }
            let overdue = mine.filter { $0.isOverdue(on: today) }.count
            let stale = mine.filter { $0.needsUpdate(on: today) }.count
            return HomeSection(
                title: organisationID.flatMap { UUID(uuidString: $0) }.flatMap { catalogue.organisationNames[$0] }.map { "Actions for \($0)" }
                    ?? "Your actions",
                summary: "\(Counted.phrase(mine.count, "open action")) in the plans in force: \(stale) with no update for "
                    + "\(ActionRecord.staleAfterDays) days and \(overdue) overdue.",
                items: chased.prefix(HomeSection.itemsShown).map { item($0, today: today) },
                more: ("Open your actions", SiteURL.plan(.myActions).path))
        }
        guard Self.overseers.contains(user.role) else { return nil }
        let concerning = open.filter { $0.isOverdue(on: today) || $0.rag == .red }
            .sorted { urgency($0, today) < urgency($1, today) }
        guard !concerning.isEmpty else { return nil }
        let overdue = concerning.filter { $0.isOverdue(on: today) }.count
        return HomeSection(
            title: "Actions overdue or red",
            summary: "Of the \(Counted.phrase(open.count, "open action")) in the plans in force, \(overdue) "
                + "\(overdue == 1 ? "is" : "are") overdue and \(concerning.filter { $0.rag == .red }.count) rated red.",
            items: concerning.prefix(HomeSection.itemsShown).map { item($0, today: today) },
            more: ("Open the plans", SiteURL.plan(.home).path))
    }

    /// Overdue first, then by due day: the order both lists are read in.
    static func urgency(_ action: ActionRecord, _ today: ISODay) -> (Int, ISODay, String) {
        (action.isOverdue(on: today) ? 0 : 1, action.due ?? today, action.ref)
    }

    static func item(_ action: ActionRecord, today: ISODay) -> HomeSection.Item {
        let status =
            if action.isOverdue(on: today), let due = action.due {
                "Overdue: due \(due.written)"
            } else if action.rag == .red {
                "Red"
            } else if let last = action.lastUpdate {
                "No update since \(last.written)"
            } else {
                "No update yet"
            }
        return HomeSection.Item(
            text: "\(action.ref) \(action.title)", href: SiteURL.plan(.action(slug: action.planSlug, ref: action.ref)).path, status: status,
            urgent: action.isOverdue(on: today) || action.rag == .red)
    }
}
