import Fluent
import Foundation
import SQLKit
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkStore
import WaymarkUI
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
        let access = try ChildAccess(for: user)
        // The scope narrows the search itself, so that a common name's matches elsewhere cannot crowd out one's own.
        let matches = Child.query(on: req.db)
        if let inScope = try await access.childIDs(on: req.db) { matches.filter(\.$id ~~ Array(inScope)) }
        let candidates = try await matches.group(.or) { group in
            group.filter(\.$localID == query).filter(\.$upn == query)
            if names {
                // Case-insensitive on every database (PostgreSQL's LIKE is not); the pattern's own % and _ are taken literally.
                let pattern = "%" + query.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                for column in ["given_name", "family_name"] {
                    group.filter(.sql(SQLBinaryExpression(
                        left: SQLFunction("LOWER", args: SQLColumn(column)), op: SQLRaw("LIKE"),
                        right: SQLBinaryExpression(left: SQLBind(pattern), op: SQLRaw("ESCAPE"), right: SQLLiteral.string("\\")))))
                }
            }
        }.sort(\.$localID).limit(50).all()
        // The same check as opening the page, so that every child listed can be opened.
        let allocations = try await ChildAccess.allocations(of: candidates.compactMap(\.id), on: req.db)
        let visible = candidates.filter { access.includes(allocations[$0.id!]) }
        let statuses = try await ChildAccess.statuses(of: visible.compactMap(\.id), on: req.db)
        let results = visible.map { child in
            ChildrenPage.Result(id: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                                dateOfBirth: child.dateOfBirth ?? "–", statuses: (statuses[child.id!] ?? []).joined(separator: ", "))
        }
        try await req.audit(.search, recordType: .child, detail: "\(names ? "by name, child ID or UPN" : "by child ID or UPN"): "
            + "\(results.count) \(results.count == 1 ? "child" : "children") listed" + (results.isEmpty ? "" : " (\(results.map(\.localID).joined(separator: ", ")))"))
        return try await page(req, query: query, results: Array(results))
    }

    private static func page(_ req: Request, query: String, results: [ChildrenPage.Result]?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let total = try await ChildAccess(for: user).count(on: req.db)
        let model = ChildrenPage.Model(query: query, seesNames: ChildRecordScope.seesNames(user.role), results: results, total: total,
                                       mayImport: user.role.permissions.contains(.importReturns))
        return .html(ChildrenPage.render(model, context: req.pageContext("Children", area: .children)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("childID")), let child = try await Child.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let allocation = try await ChildAccess.allocations(of: [id], on: req.db)[id]
        guard try ChildAccess(for: user).includes(allocation) else { throw Abort(.notFound) }
        // A child's records are many: read as plain rows with SQL rather than as Fluent models.
        let events = try await (req.db as! any SQLDatabase).select()
            .columns("kind", "natural_key", "starts", "ends", "fields", "source_file", "source_line", "return_years").from(JourneyEvent.schema)
            .where("child_id", .equal, id).all(decoding: ChronologyRow.self)
        try await req.audit(.view, recordType: .child, recordID: child.localID)

        // Each record read once, for the chronology and for the validation.
        let held = events.map { $0.held(by: child.localID) }
        let records = held.map(\.record)
        func entry(_ record: JourneyRecord) -> ChildPage.Entry {
            let date = [record.starts?.description, record.ends.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
            return .init(date: date, what: record.kind.displayName, detail: JourneyStatus.detail(record.fields),
                         source: "\(record.sourceFile), line \(record.sourceLine)")
        }
        let dated = records.filter { $0.starts != nil }.sorted { ($0.starts!, $0.kind, $0.naturalKey) < ($1.starts!, $1.kind, $1.naturalKey) }
        let undated = records.filter { $0.starts == nil }.sorted { ($0.kind, $0.naturalKey) < ($1.kind, $1.naturalKey) }
        let names = ChildRecordScope.seesNames(user.role)
        let identity: [(label: String, value: String)] = [
            ("Local identifier", child.localID), ("Unique pupil number", child.upn ?? "–"), ("NHS number", child.nhsNumber ?? "–"), ("Date of birth", child.dateOfBirth ?? "–"),
            ("Sex", child.sex ?? "–"), ("Ethnicity", child.ethnicity ?? "–"), ("Disabilities", child.disabilities ?? "None recorded"),
        ]
        let checks = try await HeldRecordsValidation.checks(child: child.localID, records: held, on: req.db)
        let model = ChildPage.Model(
            heading: names ? child.displayName ?? "Child \(child.localID)" : "Child \(child.localID)", identity: identity,
            statuses: JourneyStatus.current(records.map { ($0.kind, $0.ends) }),
            allocation: allocation?.label, returnChecks: checks, chronology: dated.map(entry), otherRecords: undated.map(entry))
        return .html(ChildPage.render(model, context: req.pageContext("Child \(child.localID)", area: .children)))
    }
}

private struct ChronologyRow: Decodable {
    var kind: String, natural_key: String, starts: String?, ends: String?, fields: String, source_file: String, source_line: Int
    /// The collection years whose returns held the record, as stored: ` 2025 2026 `.
    var return_years: String

    func held(by child: String) -> HeldRecordsValidation.HeldRecord {
        HeldRecordsValidation.HeldRecord(
            record: JourneyRecord(stored: child, kind: kind, naturalKey: natural_key, starts: starts, ends: ends, fields: fields,
                                  sourceFile: source_file, sourceLine: source_line),
            years: return_years.split(separator: " ").compactMap { Int($0) })
    }
}

extension Child {
    var displayName: String? {
        let name = [givenName, familyName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}

/// Which children a person may open: their scope (from their role, team and service area) against each child's
/// current allocation. Reads only the allocations a page needs.
struct ChildAccess {
    struct Allocation {
        var team: UUID?
        var serviceArea: UUID?
        var worker: UUID?
        var label: String
    }

    var scope: ChildRecordScope

    init(for user: User) throws {
        scope = ChildRecordScope.of(role: user.role, userID: try user.requireID().uuidString, team: user.$team.id?.uuidString,
                                    serviceArea: user.$serviceArea.id?.uuidString)
    }

    func includes(_ allocation: Allocation?) -> Bool {
        scope.includes(team: allocation?.team?.uuidString, serviceArea: allocation?.serviceArea?.uuidString, worker: allocation?.worker?.uuidString)
    }

    /// The current allocations (those with no end) of these children, with who and which team, for pages.
    static func allocations(of children: [UUID], on db: any Database) async throws -> [UUID: Allocation] {
        guard !children.isEmpty else { return [:] }
        let current = try await ChildAllocation.query(on: db).filter(\.$childID ~~ children).filter(\.$ends == nil).all()
        let teamIDs = Set(current.compactMap(\.teamID)), workerIDs = Set(current.compactMap(\.workerID))
        let teams = teamIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Team.query(on: db).filter(\.$id ~~ Array(teamIDs)).all().map { ($0.id!, $0) })
        let workers = workerIDs.isEmpty ? [:]
            : Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ Array(workerIDs)).all().map { ($0.id!, $0) })
        var allocated: [UUID: Allocation] = [:]
        for allocation in current {
            let team = allocation.teamID.flatMap { teams[$0] }
            let label = [allocation.workerID.flatMap { workers[$0]?.displayName } ?? allocation.workerName, team?.name].compactMap { $0 }.joined(separator: ", ")
            allocated[allocation.childID] = Allocation(team: allocation.teamID, serviceArea: team?.$serviceArea.id, worker: allocation.workerID,
                                                       label: label)
        }
        return allocated
    }

    /// The children the scope holds now, or nil when it holds every child.
    func childIDs(on db: any Database) async throws -> Set<UUID>? {
        var query = ChildAllocation.query(on: db).filter(\.$ends == nil)
        switch scope {
        case .all: return nil
        case .none: return []
        case .team(let id): query = query.filter(\.$teamID == UUID(uuidString: id))
        case .caseload(let id): query = query.filter(\.$workerID == UUID(uuidString: id))
        case .serviceArea(let id):
            let teams = try await Team.query(on: db).filter(\.$serviceArea.$id == UUID(uuidString: id)!).all().compactMap(\.id)
            query = query.filter(\.$teamID ~~ teams)
        }
        return Set(try await query.all().map(\.childID))
    }

    /// Of these children (by local identifier, with every child's id), those the person may open, each with its id
    /// and, when `withNames`, its name: for the lists behind a figure, which count the rest but do not list them.
    func openable(_ localIDs: Set<String>, ids: [String: UUID], withNames: Bool,
                  on db: any Database) async throws -> [String: (id: UUID, name: String?)] {
        let inScope = try await childIDs(on: db)
        var open: [String: (id: UUID, name: String?)] = [:]
        for localID in localIDs {
            if let id = ids[localID], inScope?.contains(id) ?? true { open[localID] = (id, nil) }
        }
        guard withNames else { return open }
        for chunk in open.values.map(\.id).chunked(ReturnLoading.batchSize) {
            for child in try await Child.query(on: db).filter(\.$id ~~ Array(chunk)).all() { open[child.localID]?.name = child.displayName }
        }
        return open
    }

    /// How many children the scope holds.
    func count(on db: any Database) async throws -> Int {
        if let ids = try await childIDs(on: db) { return ids.count }
        return try await Child.query(on: db).count()
    }

    /// Where each child is now, for lists: read from the few kinds of record the status depends on.
    static func statuses(of children: [UUID], on db: any Database) async throws -> [UUID: [String]] {
        struct Row: Decodable { var child_id: UUID; var kind: String; var ends: String? }
        var rows: [Row] = []
        for chunk in children.chunked(ReturnLoading.batchSize) {
            rows += try await (db as! any SQLDatabase).select().columns("child_id", "kind", "ends").from(JourneyEvent.schema)
                .where("child_id", .in, Array(chunk)).where("kind", .in, JourneyStatus.kinds.map(\.rawValue)).all(decoding: Row.self)
        }
        return Dictionary(grouping: rows, by: \.child_id).mapValues { rows in
            JourneyStatus.current(rows.map { (JourneyKind(rawValue: $0.kind), $0.ends.flatMap { ISODay($0) }) })
        }
    }
}
