import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkViews

/// The Children area: finding a child within the records a person may open, and a child's page. Every child's page
/// opened is in the audit trail; a child outside the person's scope is "not found", so as not to say it exists.
enum ChildrenController {
    struct SearchForm: Content {
        var q: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await page(req, query: "", results: nil)
    }

    @Sendable static func search(req: Request) async throws -> Response {
        let query = (try req.content.decode(SearchForm.self).q ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return try await page(req, query: "", results: nil) }
        let user = try req.requireSignedIn().user
        let names = ChildRecordScope.seesNames(user.role)
        let candidates = try await Child.query(on: req.db).group(.or) { group in
            group.filter(\.$localID == query).filter(\.$upn == query)
            if names {
                group.filter(\.$givenName, .custom("LIKE"), "%\(query)%").filter(\.$familyName, .custom("LIKE"), "%\(query)%")
            }
        }.sort(\.$localID).limit(200).all()
        let access = try await ChildAccess.load(for: user, on: req.db)
        let visible = candidates.filter { access.includes($0.id!) }.prefix(50)
        let statuses = try await ChildAccess.statuses(of: visible.compactMap(\.id), on: req.db)
        let results = visible.map { child in
            ChildrenPage.Result(id: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                                dateOfBirth: child.dateOfBirth ?? "–", statuses: (statuses[child.id!] ?? []).joined(separator: ", "))
        }
        return try await page(req, query: query, results: Array(results))
    }

    private static func page(_ req: Request, query: String, results: [ChildrenPage.Result]?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let access = try await ChildAccess.load(for: user, on: req.db)
        let total = access.scope == .all ? try await Child.query(on: req.db).count() : access.allocated.keys.filter { access.includes($0) }.count
        let model = ChildrenPage.Model(query: query, seesNames: ChildRecordScope.seesNames(user.role), results: results, total: total)
        return .html(ChildrenPage.render(model, context: req.pageContext("Children", area: .children)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("childID")), let child = try await Child.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let access = try await ChildAccess.load(for: user, on: req.db)
        guard access.includes(id) else { throw Abort(.notFound) }
        let events = try await JourneyEvent.query(on: req.db).filter(\.$childID == id).all()
        try await req.audit(.view, recordType: .child, recordID: child.localID)

        let decoder = JSONDecoder()
        func entry(_ event: JourneyEvent) -> ChildPage.Entry {
            let kind = JourneyKind(rawValue: event.kind)
            let fields = (try? decoder.decode([String: String].self, from: Data(event.fields.utf8))) ?? [:]
            let date = [event.starts, event.ends.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
            return .init(date: date, what: kind.displayName, detail: JourneyStatus.detail(fields, kind: kind),
                         source: "\(event.sourceFile), line \(event.sourceLine)")
        }
        let dated = events.filter { $0.starts != nil }.sorted { ($0.starts!, $0.kind, $0.naturalKey) < ($1.starts!, $1.kind, $1.naturalKey) }
        let undated = events.filter { $0.starts == nil }.sorted { ($0.kind, $0.naturalKey) < ($1.kind, $1.naturalKey) }
        let names = ChildRecordScope.seesNames(user.role)
        let identity: [(label: String, value: String)] = [
            ("Local identifier", child.localID), ("Unique pupil number", child.upn ?? "–"), ("Date of birth", child.dateOfBirth ?? "–"),
            ("Sex", child.sex ?? "–"), ("Ethnicity", child.ethnicity ?? "–"), ("Disabilities", child.disabilities ?? "None recorded"),
        ]
        let model = ChildPage.Model(
            heading: names ? child.displayName ?? "Child \(child.localID)" : "Child \(child.localID)", identity: identity,
            statuses: JourneyStatus.current(events.map { (JourneyKind(rawValue: $0.kind), $0.ends.flatMap { ISODay($0) }) }),
            allocation: access.allocated[id]?.label, chronology: dated.map(entry), otherRecords: undated.map(entry))
        return .html(ChildPage.render(model, context: req.pageContext("Child \(child.localID)", area: .children)))
    }
}

extension Child {
    var displayName: String? {
        let name = [givenName, familyName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}

/// Which children a person may open, from their role and the children's current allocations.
struct ChildAccess {
    struct Allocation {
        var team: UUID?
        var serviceArea: UUID?
        var worker: UUID?
        var label: String
    }

    var scope: ChildRecordScope
    /// Every child's current allocation (an allocation with no end).
    var allocated: [UUID: Allocation]

    func includes(_ child: UUID) -> Bool {
        let allocation = allocated[child]
        return scope.includes(team: allocation?.team?.uuidString, serviceArea: allocation?.serviceArea?.uuidString,
                              worker: allocation?.worker?.uuidString)
    }

    static func load(for user: User, on db: any Database) async throws -> ChildAccess {
        let scope = ChildRecordScope.of(role: user.role, userID: try user.requireID().uuidString, team: user.$team.id?.uuidString,
                                        serviceArea: user.$serviceArea.id?.uuidString)
        guard scope != .none else { return ChildAccess(scope: .none, allocated: [:]) }
        let current = try await ChildAllocation.query(on: db).filter(\.$ends == nil).all()
        let teams = Dictionary(uniqueKeysWithValues: try await Team.query(on: db).all().map { ($0.id!, $0) })
        let workerIDs = Set(current.compactMap(\.workerID))
        let workers = workerIDs.isEmpty ? [:]
            : Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ Array(workerIDs)).all().map { ($0.id!, $0) })
        var allocated: [UUID: Allocation] = [:]
        for allocation in current {
            let team = allocation.teamID.flatMap { teams[$0] }
            let label = [allocation.workerID.flatMap { workers[$0]?.displayName }, team?.name].compactMap { $0 }.joined(separator: ", ")
            allocated[allocation.childID] = Allocation(team: allocation.teamID, serviceArea: team?.$serviceArea.id, worker: allocation.workerID,
                                                       label: label)
        }
        return ChildAccess(scope: scope, allocated: allocated)
    }

    /// Where each child is now, for lists.
    static func statuses(of children: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        guard !children.isEmpty else { return [:] }
        let events = try await JourneyEvent.query(on: db).filter(\.$childID ~~ children).all()
        return Dictionary(grouping: events, by: \.childID).mapValues { events in
            JourneyStatus.current(events.map { (JourneyKind(rawValue: $0.kind), $0.ends.flatMap { ISODay($0) }) })
        }
    }
}
