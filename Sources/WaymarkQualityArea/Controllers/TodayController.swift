import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Quality's part of a person's home page: the audits they have to do (overdue first, then by the day their
/// programme is due), the audits they grade again as second auditor, for QA leads grades waiting for a decision, and
/// the learning actions they own (overdue first); and above all, for the child's managers, safeguarding concerns raised
/// from audits, to act on the same working day.
/// What it lists of children is audited as "Your audits" is.
enum TodayController {
    static func today(_ req: Request) async throws -> HomeSection? {
        if let user = req.signedIn?.user, user.role == .externalModerator { return try await external(req, user: user) }
        if let user = req.signedIn?.user, !user.role.permissions.contains(.viewQuality), user.role.permissions.contains(.viewQualitySummary) {
            return try await summary(req)
        }
        guard let user = req.signedIn?.user, user.role != .systemAdmin, user.role.permissions.contains(.viewQuality), let id = user.id else {
            return nil
        }
        let conducts = user.role.permissions.contains(.conductAudits)
        let audits = conducts ? try await CaseAuditStore.audits(assignedTo: id, on: req.db).filter { $0.state == .assigned } : []
        let moderations = conducts ? try await CaseAuditStore.moderations(assignedTo: id, on: req.db).filter { $0.moderation.state == .assigned } : []
        let toDecide = user.role.permissions.contains(.manageAuditProgrammes) ? try await CaseAuditStore.toAdjudicate(on: req.db) : []
        let actions = try await LearningActionStore.open(ownedBy: id, on: req.db)
        let concerns = try await AuditConcernStore.open(on: req.db).filter { ConcernController.concerned($0, user: user) }
        guard !audits.isEmpty || !moderations.isEmpty || !toDecide.isEmpty || !actions.isEmpty || !concerns.isEmpty else { return nil }
        let due = Dictionary(
            try await CaseAuditStore.programmes(on: req.db).compactMap { listed in
                ISODay(listed.programme.due).map { (listed.programme.id!, $0) }
            }, uniquingKeysWith: { a, _ in a })
        let today = ISODay.today
        let rows = audits + moderations.map(\.audit) + toDecide
        let concerned = try await CaseloadStore.children(concerns.map(\.childID), on: req.db)
        let localIDs = Dictionary(concerned.map { ($0.id!, $0.localID) }, uniquingKeysWith: { a, _ in a })
        let names = try await CaseAuditAccess.names(of: rows.map(\.childID) + concerns.map(\.childID), for: user, on: req.db)
        let listed = Set(rows.map(\.childLocalID) + concerned.map(\.localID)).sorted()
        try await req.audit(.view, recordType: .caseAudit, detail: "home page: audits listed (\(listed.joined(separator: ", ")))")
        func child(_ row: CaseAuditStore.Row) -> String { names[row.childID] ?? "Child \(row.childLocalID)" }
        func link(_ row: CaseAuditStore.Row) -> String { SiteURL.quality(.audit(id: row.id.uuidString)).path }
        let toDo = audits.sorted { (due[$0.programmeID] ?? today, $0.childLocalID) < (due[$1.programmeID] ?? today, $1.childLocalID) }.map { row in
            let day = due[row.programmeID] ?? today
            let late = today.days(until: day) < 0
            return HomeSection.Item(
                text: "Audit: \(child(row))", href: link(row),
                status: late ? "\(Counted.phrase(day.days(until: today), "day")) overdue" : "Due \(day.written)", urgent: late)
        }
        let actionItems = actions.map { action in
            let day = ISODay(action.due) ?? today
            let late = day < today
            return HomeSection.Item(
                text: "Learning action: \(action.description)", href: SiteURL.quality(.action(id: action.id!.uuidString)).path,
                status: late ? "\(Counted.phrase(day.days(until: today), "day")) overdue" : "Due \(day.written)", urgent: late)
        }
        let calendar = req.application.timescaleEngine.calendar
        let concernItems = concerns.map { concern in
            let state = SafeguardingConcern.state(due: ISODay(concern.due) ?? today, on: today, calendar: calendar)
            return HomeSection.Item(
                text: "Safeguarding concern from an audit: \(names[concern.childID] ?? "Child \(localIDs[concern.childID] ?? "–")")",
                href: SiteURL.quality(.audit(id: concern.auditID.uuidString)).path(adding: [], fragment: "concerns"), status: state.words,
                urgent: true)
        }
        let items =
            concernItems + actionItems.filter(\.urgent)
            + toDecide.map {
                HomeSection.Item(text: "Decide the grades: \(child($0))", href: link($0), status: "The two auditors differ", urgent: false)
            }
            + toDo
            + moderations.map {
                HomeSection.Item(
                    text: "Second audit: \(child($0.audit))", href: link($0.audit), status: $0.moderation.blind ? "To grade blind" : "To grade",
                    urgent: false)
            }
            + actionItems.filter { !$0.urgent }
        let overdue = toDo.filter(\.urgent).count
        var parts: [String] = []
        if !concerns.isEmpty { parts.append("\(Counted.phrase(concerns.count, "safeguarding concern")) from audits to act on today") }
        if conducts { parts.append("\(Counted.phrase(audits.count, "audit")) to do (\(overdue) overdue)") }
        if !moderations.isEmpty { parts.append("\(moderations.count) to grade as second auditor") }
        if !toDecide.isEmpty { parts.append("\(Counted.phrase(toDecide.count, "audit")) whose grades wait for your decision") }
        if !actions.isEmpty {
            parts.append("\(Counted.phrase(actions.count, "learning action")) of yours open (\(actionItems.filter(\.urgent).count) overdue)")
        }
        let summary = parts.joined(separator: "; ")
        return HomeSection(
            title: "Case audits and learning", summary: summary.prefix(1).uppercased() + summary.dropFirst() + ".",
            items: Array(items.prefix(HomeSection.itemsShown)),
            more: conducts ? ("Open your audits", SiteURL.quality(.myAudits).path) : ("Open your learning actions", SiteURL.quality(.actions).path))
    }

    /// An external moderator's home page: how many audits wait for their grades. No child is named or listed.
    /// For partners and the board, once audits have been done in the last 12 months: the partnership's summary of them.
    static func summary(_ req: Request) async throws -> HomeSection? {
        let done = try await CaseAuditStore.submittedCount(since: ISODay.today.adding(months: -12), on: req.db)
        guard done > 0 else { return nil }
        return HomeSection(
            title: "Quality of practice",
            summary:
                "How the council's case audits graded practice over the last 12 months, what they most often find missing and the learning actions that follow: the partnership's summary, with small numbers hidden.",
            items: [], more: ("Read the partnership's summary", SiteURL.quality(.summary()).path))
    }

    static func external(_ req: Request, user: User) async throws -> HomeSection {
        let mine = try await ExternalModerationStore.moderations(assignedTo: user.requireID(), on: req.db)
        var (ready, waiting) = (0, 0)
        for (moderation, _) in mine where moderation.state == .assigned {
            if try await ExternalModerationStore.councilHasSettled(moderation.auditID, on: req.db) { ready += 1 } else { waiting += 1 }
        }
        let later = waiting == 0 ? "" : " \(Counted.phrase(waiting, "other")) can be graded once the council's second auditor has finished."
        return HomeSection(
            title: "Case audits to moderate",
            summary: (ready == 0
                ? "No audit is ready for your grades." : "\(Counted.phrase(ready, "audit")) \(ready == 1 ? "is" : "are") ready for your grades.")
                + later,
            items: [], more: ("Open the audits to moderate", SiteURL.quality(.externalModerations).path))
    }
}
