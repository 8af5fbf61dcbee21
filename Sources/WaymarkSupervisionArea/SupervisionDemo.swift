import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// The demo's supervision: an account for every worker the case system allocates children to (their staff
/// identifier links them to their children), a team manager for each of their teams and a head of service for each
/// service area (accounts with no password anyone knows: an administrator sets one to see Waymark as they do); each
/// worker supervised by their team manager and each team manager by their head of service, about one worker in six
/// newly qualified; and a year of sessions, mostly on time, some late or cancelled, in which the children due a case
/// discussion are mostly discussed, so the pages and the tracker show work overdue as well as done.
enum SupervisionDemo {
    static let managerNames = [
        "Maria Lopez", "David Okafor", "Helen Carter", "Sanjay Mehta", "Claire Dunn", "Ahmed Hassan", "Rachel Green", "Tomasz Nowak",
        "Funmi Adeyemi", "Laura Whitfield", "Kwame Boateng", "Sarah Flynn",
    ]
    static let headNames = ["Joanna Blake", "Michael Osei", "Nadia Rahman", "Peter Lund", "Grace Achebe", "Owen Price", "Ruth Adler"]

    static func load(madeOn: ISODay, seed: UInt64, app: Application) async throws -> [String] {
        let db = app.db
        guard try await !SupervisionStore.anyAgreement(on: db) else { return [] }
        let teams = try await ReferenceDataStore.teams(on: db).sorted { $0.name < $1.name }
        let allocations = try await CaseloadStore.allocations(ofTeams: teams.compactMap(\.id), on: db)
        guard !allocations.isEmpty else { return [] }
        var random = SeededRandom(seed: seed ^ 0x5_0B_E7)
        var usernames = Set(try await UserStore.everyone(on: db).map(\.username))
        func account(_ name: String, role: Role, team: Team?, serviceArea: UUID?, staffID: String? = nil) async throws -> User {
            var username = name.lowercased().replacingOccurrences(of: " ", with: ".").filter { $0.isLetter || $0 == "." }
            var number = 1
            while usernames.contains(username) {
                number += 1
                username = name.lowercased().replacingOccurrences(of: " ", with: ".").filter { $0.isLetter || $0 == "." } + "\(number)"
            }
            usernames.insert(username)
            let user = User(
                username: username, displayName: name, passwordHash: try Bcrypt.hash(UUID().uuidString + UUID().uuidString), role: role,
                mustChangePassword: true)
            user.staffID = staffID
            user.$team.id = team?.id
            user.$serviceArea.id = serviceArea ?? team?.$serviceArea.id
            try await UserStore.save(user, changes: ["demonstration account made"], by: .system, on: db)
            return user
        }
        let byTeam = Dictionary(grouping: allocations, by: \.teamID)
        var heads: [UUID: User] = [:]
        var agreements: [(supervisee: User, supervisor: User, cadence: SupervisionCadence, starts: ISODay)] = []
        var (managers, workers) = (0, 0)
        for team in teams {
            guard let id = team.id, let allocated = byTeam[id] else { continue }
            let area = team.$serviceArea.id
            if heads[area] == nil {
                heads[area] = try await account(headNames[heads.count % headNames.count], role: .headOfService, team: nil, serviceArea: area)
            }
            let manager = try await account(managerNames[managers % managerNames.count], role: .teamManager, team: team, serviceArea: area)
            managers += 1
            agreements.append((manager, heads[area]!, .monthly, madeOn.adding(months: -13)))
            var seen: Set<String> = []
            for allocation in allocated.sorted(by: { ($0.workerStaffID ?? "", $0.workerName ?? "") < ($1.workerStaffID ?? "", $1.workerName ?? "") })
            {
                guard let name = allocation.workerName, let staffID = allocation.workerStaffID, seen.insert(staffID).inserted,
                    try await UserStore.user(staffID: staffID, on: db) == nil
                else { continue }
                let worker = try await account(name, role: .practitioner, team: team, serviceArea: area, staffID: staffID)
                workers += 1
                if random.chance(1.0 / 6) {
                    let since = madeOn.adding(days: -random.int(20...170))
                    agreements.append((worker, manager, .newlyQualified(since: since), since))
                } else {
                    agreements.append((worker, manager, .monthly, madeOn.adding(months: -13)))
                }
            }
        }
        var (sessions, discussions) = (0, 0)
        let intervals = app.settings.caseDiscussions
        for (supervisee, supervisor, cadence, starts) in agreements {
            var form = SupervisionAgreementForm()
            (form.supervisee, form.supervisor, form.starts) = (supervisee.id!.uuidString, supervisor.id!.uuidString, starts.description)
            if case .newlyQualified(let since) = cadence { (form.newlyQualified, form.qualifiedSince) = (true, since.description) }
            guard case .success(let checked) = form.checked(today: madeOn, supervisees: [form.supervisee], supervisors: [form.supervisor]) else {
                continue
            }
            let agreementID = try await SupervisionStore.createAgreement(checked, by: supervisor, actor: .system, on: db)
            guard let agreement = try await SupervisionStore.agreement(agreementID, on: db) else { continue }
            let theirs = try await CaseloadStore.allocations(ofWorker: supervisee.id, on: db)
            let children = Dictionary(
                try await CaseloadStore.children(theirs.map(\.childID), on: db).compactMap { child in child.id.map { ($0, child.localID) } },
                uniquingKeysWith: { a, _ in a })
            let statuses = try await ChildAccess.statuses(of: theirs.map(\.childID), on: db)
            var discussed: [UUID: ISODay] = [:]
            var day = starts
            while true {
                let due = cadence.due(after: day)
                let held = random.chance(0.12) ? due.adding(days: random.int(1...10)) : due.adding(days: -random.int(0...5))
                guard held < madeOn else { break }
                if random.chance(0.05) {
                    try await record(
                        cancelled: true, on: held.adding(days: -2), agreement: agreement, supervisee: supervisee, supervisor: supervisor,
                        children: [:],
                        discussing: [], using: &random, db: db)
                    sessions += 1
                }
                // The children due a discussion by the session (or within 10 days of it), most overdue first, a few missed.
                let dueChildren = theirs.compactMap { allocation -> (UUID, ISODay, String)? in
                    guard let allocated = ISODay(allocation.starts), allocated <= held,
                        let interval = intervals.days(for: statuses[allocation.childID] ?? [])
                    else { return nil }
                    let next = (discussed[allocation.childID] ?? allocated).adding(days: interval)
                    let status = statuses[allocation.childID]?.first ?? JourneyStatus.inNeed
                    return next <= held.adding(days: 10) ? (allocation.childID, next, status) : nil
                }.sorted { $0.1 < $1.1 }.filter { _ in random.chance(0.85) }.prefix(25)
                discussions += dueChildren.count
                try await record(
                    cancelled: false, on: held, agreement: agreement, supervisee: supervisee, supervisor: supervisor, children: children,
                    discussing: dueChildren.map { ($0.0, $0.2) }, using: &random, db: db)
                for child in dueChildren { discussed[child.0] = held }
                sessions += 1
                day = held
            }
        }
        let teamsHolding = Set(allocations.compactMap(\.teamID)).count
        return [
            "Loaded supervision: \(Counted.phrase(workers, "worker")) (linked to their children by staff identifier), \(Counted.phrase(managers, "team manager")) and \(Counted.phrase(heads.count, "head")) of service in \(Counted.phrase(teamsHolding, "team")), each supervised; \(Counted.phrase(sessions, "session")) over the year with \(Counted.phrase(discussions, "case discussion")) (an administrator sets their passwords)."
        ]
    }

    private static func record(
        cancelled: Bool, on day: ISODay, agreement: SupervisionAgreement, supervisee: User, supervisor: User, children: [UUID: String],
        discussing: [(UUID, String)], using random: inout SeededRandom, db: any Database
    ) async throws {
        var form = SupervisionSessionForm()
        form.kind = discussing.count > 8 ? SupervisionKind.caseSupervision.rawValue : SupervisionKind.oneToOne.rawValue
        form.heldOn = day.description
        form.cancelled = cancelled
        form.cancelledBecause = cancelled ? random.pick(DemoSupervisionWords.cancelled) : ""
        if !cancelled {
            form.experience = random.pick(DemoSupervisionWords.experience)
            form.reflection = random.pick(DemoSupervisionWords.reflection)
            form.analysis = random.pick(DemoSupervisionWords.analysis)
            form.nextSteps = random.pick(DemoSupervisionWords.nextSteps)
            form.wellbeing = random.chance(0.3) ? random.pick(DemoSupervisionWords.wellbeing) : ""
        }
        var held: [String: (id: UUID, localID: String)] = [:]
        form.discussions = discussing.map { child, status in
            held[AuditCohort.canonical(child)] = (child, children[child] ?? "")
            let words = DemoSupervisionWords.discussion(for: status, using: &random)
            return CaseDiscussionForm(
                child: AuditCohort.canonical(child), discussion: words.discussion, decision: words.decision, action: words.action ?? "",
                actionOwner: words.action == nil ? "" : supervisee.displayName,
                actionDue: words.action == nil ? "" : day.adding(days: random.int(5...20)).description)
        }
        guard case .success(let checked) = form.checked(today: day, starts: ISODay(agreement.starts) ?? day, children: Set(held.keys)) else { return }
        _ = try await SupervisionStore.record(
            checked, under: agreement, superviseeName: supervisee.displayName, children: held, by: supervisor, actor: .system, on: db)
    }
}
