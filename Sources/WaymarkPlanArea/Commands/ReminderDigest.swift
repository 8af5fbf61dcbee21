import Foundation
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The reminder messages: for each organisation, its open actions that have had no update for a while,
/// overdue ones first, as plain text ready to mail (no mail server needed: the council's own mail system sends it).
enum ReminderDigest {
    static func make(from catalogue: PlanCatalogue, today: ISODay, staleAfter days: Int, baseURL: String) -> [String] {
        let stale = catalogue.actions.filter { $0.needsUpdate(on: today, staleAfter: days) }
        let byOrganisation = Dictionary(grouping: stale.flatMap { action in action.responsible.map { ($0, action) } }, by: \.0)
        return byOrganisation.keys.sorted { $0.name < $1.name }.map { organisation in
            let actions = byOrganisation[organisation]!.map(\.1)
                .sorted { ($0.isOverdue(on: today) ? 0 : 1, $0.planSlug, $0.ref) < ($1.isOverdue(on: today) ? 0 : 1, $1.planSlug, $1.ref) }
            var lines = [
                "To: \(organisation.name)",
                "Subject: Waymark: \(actions.count) plan action\(actions.count == 1 ? " needs" : "s need") an update",
                "",
                "These actions, which \(organisation.name) is responsible for, have had no update for \(days) days or more (as at \(today)).",
                "Please record how each is going: a sentence of commentary, its RAG and progress.",
                "",
            ]
            for action in actions {
                let last = action.lastUpdate.map { "last updated \($0)" } ?? "never updated"
                let due = action.due.map { action.isOverdue(on: today) ? "OVERDUE: was due \($0)" : "due \($0)" } ?? "no due date"
                lines.append("- \(action.ref) \(action.title)")
                lines.append("  \(action.planTitle); \(last); \(due).")
                lines.append("  \(baseURL)\(SiteURL.plan(.action(slug: action.planSlug, ref: action.ref)).path)")
            }
            lines.append("")
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
