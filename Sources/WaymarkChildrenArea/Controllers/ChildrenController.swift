import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

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
        let candidates = try await access.search(query, byName: names, on: req.db)
        // The same check as opening the page, so that every child listed can be opened.
        let allocations = try await ChildAccess.allocations(of: candidates.compactMap(\.id), on: req.db)
        let visible = candidates.filter { access.includes(allocations[$0.id!]) }
        let statuses = try await ChildAccess.statuses(of: visible.compactMap(\.id), on: req.db)
        let results = visible.map { child in
            ChildrenPage.Result(
                id: child.id!.uuidString, localID: child.localID, name: names ? child.displayName : nil,
                dateOfBirth: child.dateOfBirth ?? "–", statuses: (statuses[child.id!] ?? []).joined(separator: ", "))
        }
        try await req.audit(
            .search, recordType: .child,
            detail: "\(names ? "by name, child ID or UPN" : "by child ID or UPN"): "
                + "\(results.count) \(results.count == 1 ? "child" : "children") listed"
                + (results.isEmpty ? "" : " (\(results.map(\.localID).joined(separator: ", ")))"))
        return try await page(req, query: query, results: Array(results))
    }

    private static func page(_ req: Request, query: String, results: [ChildrenPage.Result]?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let total = try await ChildAccess(for: user).count(on: req.db)
        let model = ChildrenPage.Model(
            query: query, seesNames: ChildRecordScope.seesNames(user.role), results: results, total: total,
            mayImport: user.role.permissions.contains(.importReturns))
        return .html(ChildrenPage.render(model, context: req.pageContext("Children", area: .children)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("childID")), let child = try await CaseloadStore.child(id, on: req.db) else {
            throw Abort(.notFound)
        }
        let allocation = try await ChildAccess.allocations(of: [id], on: req.db)[id]
        guard try ChildAccess(for: user).includes(allocation) else { throw Abort(.notFound) }
        // Each record read once, for the chronology and for the validation.
        let held = try await ChildRecords.held(child: id, localID: child.localID, on: req.db)
        try await req.audit(.view, recordType: .child, recordID: child.localID)

        let checks = try await HeldRecordsValidation.checks(child: child.localID, records: held, app: req.application, on: req.db)
        let names = ChildRecordScope.seesNames(user.role)
        let heading = names ? child.displayName ?? "Child \(child.localID)" : "Child \(child.localID)"
        let identity: [(label: String, value: String)] = [
            ("Local identifier", child.localID), ("Unique pupil number", child.upn ?? "–"), ("NHS number", child.nhsNumber ?? "–"),
            ("Date of birth", child.dateOfBirth ?? "–"),
            ("Sex", child.sex ?? "–"), ("Ethnicity", child.ethnicity ?? "–"), ("Disabilities", child.disabilities ?? "None recorded"),
        ]
        let context = req.pageContext("Child \(child.localID)", area: .children)
        // The chronology (each record's fields in words) and the page are the request's longest work: off its threads.
        return .html(
            try await req.application.calculate { [allocation = allocation?.label] in
                let records = held.map(\.record)
                func entry(_ record: JourneyRecord) -> ChildPage.Entry {
                    let date = [record.starts?.description, record.ends.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
                    return .init(
                        date: date, what: record.kind.displayName, detail: JourneyStatus.detail(record.fields),
                        source: "\(record.sourceFile), line \(record.sourceLine)")
                }
                let dated = records.filter { $0.starts != nil }.sorted { ($0.starts!, $0.kind, $0.naturalKey) < ($1.starts!, $1.kind, $1.naturalKey) }
                let undated = records.filter { $0.starts == nil }.sorted { ($0.kind, $0.naturalKey) < ($1.kind, $1.naturalKey) }
                let model = ChildPage.Model(
                    heading: heading, identity: identity, statuses: JourneyStatus.current(records.map { ($0.kind, $0.ends) }),
                    allocation: allocation, returnChecks: checks, chronology: dated.map(entry), otherRecords: undated.map(entry))
                return ChildPage.render(model, context: context)
            })
    }
}
