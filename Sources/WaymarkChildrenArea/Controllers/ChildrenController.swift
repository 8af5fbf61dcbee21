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
        let oversight = try await ChildRecords.oversight(child: id, localID: child.localID, on: req.db)
        try await req.audit(.view, recordType: .child, recordID: child.localID)

        let checks = try await HeldRecordsValidation.checks(child: child.localID, records: held, app: req.application, on: req.db)
        let names = ChildRecordScope.seesNames(user.role)
        let heading = names ? child.displayName ?? "Child \(child.localID)" : "Child \(child.localID)"
        let born = child.dateOfBirth.flatMap { ISODay($0) }
        let today = ISODay.today
        let identity: [(label: String, value: String)] = [
            ("Local identifier", child.localID), ("Unique pupil number", child.upn ?? "–"), ("NHS number", child.nhsNumber ?? "–"),
            ("Date of birth", born.map { "\($0.written) (aged \($0.age(on: today)))" } ?? child.dateOfBirth ?? "–"),
            ("Sex", CodeMeanings.words(CodeMeanings.sex, child.sex) ?? "–"),
            ("Ethnicity", CodeMeanings.words(CodeMeanings.ethnicity, child.ethnicity) ?? "–"),
            ("Disabilities", child.disabilities ?? "None recorded"),
        ]
        let query = req.query(ChronologyQuery.self)
        let engine = req.application.timescaleEngine
        let context = req.pageContext("Child \(child.localID)", area: .children)
        // The chronology (each record in words) and the page are the request's longest work: off its threads.
        return .html(
            try await req.application.calculate { [allocation = allocation?.label] in
                let records = held.map(\.record)
                func entry(_ record: JourneyRecord) -> ChildPage.Entry {
                    let date = [record.starts?.written, record.ends.map { "to \($0.written)" }].compactMap { $0 }.joined(separator: " ")
                    return .init(
                        date: date, age: born.flatMap { born in record.starts.map { "aged \(born.age(on: $0))" } },
                        sentence: RecordInWords.sentence(record),
                        source: record.sourceLine > 0 ? "\(record.sourceFile), line \(record.sourceLine)" : record.sourceFile)
                }
                // On one day, the referral before what follows from it.
                func first(_ record: JourneyRecord) -> Int { record.kind == .cinEpisode ? 0 : 1 }
                let allDated = (records + oversight).filter { $0.starts != nil }.sorted {
                    ($0.starts!, first($0), $0.kind, $0.naturalKey) < ($1.starts!, first($1), $1.kind, $1.naturalKey)
                }
                let dated = allDated.filter { query.holds(kind: $0.kind.rawValue, starting: $0.starts!) }
                let undated = records.filter { $0.starts == nil }.sorted { ($0.kind, $0.naturalKey) < ($1.kind, $1.naturalKey) }
                let kinds = Dictionary(grouping: allDated, by: \.kind).keys.map { (value: $0.rawValue, label: $0.displayName) }.sorted {
                    $0.label < $1.label
                }
                let filter = ChildPage.Filter(
                    childID: id.uuidString, kinds: kinds, kind: query.kind ?? "", from: query.from?.description ?? "",
                    to: query.to?.description ?? "", leftOut: allDated.count - dated.count)
                let open = engine.timescales(child: child.localID, records: records, bornOn: born, today: today)
                    .filter { $0.met == nil && !$0.closed }.sorted { ($0.due, $0.rule.name) < ($1.due, $1.rule.name) }
                let due = open.map { clock in
                    let state = clock.state(on: today, calendar: engine.calendar)
                    let overdue = if case .overdue = state { true } else { false }
                    return ChildPage.Due(what: clock.rule.name, due: clock.due.written, state: state.inWords(unit: clock.rule.unit), overdue: overdue)
                }
                let model = ChildPage.Model(
                    heading: heading, identity: identity, statuses: JourneyStatus.current(records.map { ($0.kind, $0.ends) }),
                    now: ChildNow.lines(records, on: today),
                    allocation: allocation, returnChecks: checks, dueNext: due, filter: filter, chronology: dated.map(entry),
                    otherRecords: undated.map(entry))
                return ChildPage.render(model, context: context)
            })
    }
}
