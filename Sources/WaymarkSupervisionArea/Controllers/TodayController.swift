import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Supervision's part of a person's home page: their own next supervision when it is overdue or within a week, and
/// for supervisors each person whose supervision is overdue or due within a week, or who holds children overdue a case
/// discussion.
enum TodayController {
    static func today(_ req: Request) async throws -> HomeSection? {
        guard let user = req.signedIn?.user, user.role != .systemAdmin, let id = user.id else { return nil }
        let today = ISODay.today
        let own = try await SupervisionStore.agreementsInForce(of: [id], on: today, db: req.db)
        let supervised =
            user.role.permissions.contains(.supervise) ? try await SupervisionStore.agreements(supervisedBy: id, on: today, db: req.db) : []
        guard !own.isEmpty || !supervised.isEmpty else { return nil }
        let people = try await UserStore.byID(on: req.db)
        let rows = try await Oversight.rows(
            for: own + supervised, people: people, intervals: req.application.settings.caseDiscussions, on: today, db: req.db)
        var items: [HomeSection.Item] = []
        for row in rows.sorted(by: {
            (-$0.standing.daysOverdue, $0.standing.due, $0.page.name) < (-$1.standing.daysOverdue, $1.standing.due, $1.page.name)
        }) {
            let (page, href) = (row.page, SiteURL.supervision(.agreement(id: row.page.agreementID)).path)
            let isOwn = own.contains { $0.id?.uuidString == page.agreementID }
            if row.standing.due <= today.adding(days: 7) {
                items.append(
                    .init(text: isOwn ? "Your supervision" : "Supervision: \(page.name)", href: href, status: page.next, urgent: page.overdue))
            }
            if !isOwn && page.casesOverdue > 0 {
                items.append(
                    .init(
                        text: "Case discussions: \(page.name)", href: href,
                        status: "\(Counted.phrase(page.casesOverdue, "child", plural: "children")) overdue", urgent: true))
            }
        }
        guard !items.isEmpty else { return nil }
        let overdue = items.filter(\.urgent).count
        return HomeSection(
            title: "Supervision", summary: "\(overdue) overdue and \(items.count - overdue) due in the next week.",
            items: Array(items.prefix(HomeSection.itemsShown)), more: ("Open supervision", SiteURL.supervision(.home).path))
    }
}
