import FluentKit
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales

/// Loads a statutory return into the store, whole or not at all: children merged by local identifier, journey
/// records matched by kind and natural key (so the same return twice changes nothing, and next year's return
/// updates what it repeats), written in batches inside one transaction with one line in the audit trail.
package enum ReturnLoading {
    package struct Summary: Sendable, Equatable, CustomStringConvertible {
        package var childrenAdded = 0, childrenUpdated = 0, childrenUnchanged = 0
        package var recordsAdded = 0, recordsUpdated = 0, recordsUnchanged = 0
        package var leftOut = 0, keptAsGiven = 0
        /// Children whose allocations the source changed.
        package var allocationsChanged = 0
        /// Teams the source names that Waymark does not have (their allocations are kept without a team).
        package var unknownTeams: Set<String> = []

        package var changedAnything: Bool { childrenAdded + childrenUpdated + recordsAdded + recordsUpdated + allocationsChanged > 0 }

        package var description: String {
            var text =
                "children: \(childrenAdded) added, \(childrenUpdated) updated, \(childrenUnchanged) unchanged; "
                + "records: \(recordsAdded) added, \(recordsUpdated) updated, \(recordsUnchanged) unchanged; "
                + "\(leftOut) left out, \(keptAsGiven) values kept as given"
            if allocationsChanged > 0 { text += "; allocations changed for \(allocationsChanged) children" }
            if !unknownTeams.isEmpty {
                text +=
                    "; teams not in Waymark, so their children are allocated to no team (add them under Admin, Teams, and import again): "
                    + unknownTeams.sorted().joined(separator: ", ")
            }
            return text
        }
    }

    /// A return that was not imported at all, with every reason.
    package struct Refused: Error, CustomStringConvertible {
        package var problems: [ReturnProblem]
        package var description: String {
            "Nothing was imported; the database is as it was. \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
                + problems.map(\.description).joined(separator: "\n")
        }
    }

    static let batchSize = 1_000

    /// A return as every import takes it, from a page or the command line: loaded whole or refused, then every
    /// child's clocks kept as at today (`KeptClocks`), so the trackers open on what it changed. `step` hears each part.
    package static func load(
        _ read: ReadReturn, keepingClocksWith engine: TimescaleEngine, by actor: AuditTrail.Actor, on db: any Database,
        step: (String) -> Void = { _ in }
    ) async throws -> Summary {
        step("Storing the records of \(read.files.joined(separator: ", "))…")
        let summary = try await load(read, by: actor, on: db)
        step("Working out every child's timescales as at today…")
        try await KeptClocks.keep(on: .today, engine: engine, db: db)
        return summary
    }

    package static func load(_ read: ReadReturn, by actor: AuditTrail.Actor, on db: any Database) async throws -> Summary {
        try await load(
            read.journeys, kind: read.kind.rawValue, year: read.year, files: read.files, problems: read.problems, layout: read.layout,
            allocations: read.allocations, by: actor, on: db)
    }

    package static func load(
        _ journeys: ReturnJourneys, kind: String, year: Int?, files: [String], problems: [ReturnProblem], layout: String? = nil,
        allocations: [CaseAllocation] = [], by actor: AuditTrail.Actor, on db: any Database
    ) async throws -> Summary {
        let refused = problems.filter { $0.effect == .fileRefused }
        guard refused.isEmpty else { throw Refused(problems: refused) }
        let start = Summary(
            leftOut: problems.filter { $0.effect == .rowLeftOut }.count,
            keptAsGiven: problems.filter { $0.effect == .keptAsGiven }.count)
        let summary = try await db.transaction { db in
            var summary = start
            let sql = db as! any SQLDatabase
            // The import's own record comes first, for the journey records to point at; it goes again if nothing changed.
            let record = ReturnImport()
            record.kind = kind
            record.collectionYear = year
            record.files = files.joined(separator: ", ")
            record.importedAt = Date()
            record.importedBy = actor.username
            record.summary = ""
            record.layout = layout
            try await record.create(on: db)
            let importID = try record.requireID()
            let childIDs = try await mergeChildren(journeys.children, sql: sql, summary: &summary)
            try await mergeRecords(journeys.records, childIDs: childIDs, importID: importID, year: year, sql: sql, summary: &summary)
            try await mergeAllocations(allocations, childIDs: childIDs, sql: sql, summary: &summary)
            // Their clocks may change with their records or date of birth: none kept from before may be handed out.
            if summary.childrenUpdated + summary.recordsAdded + summary.recordsUpdated > 0 {
                try await KeptClocks.forget(Array(Set(childIDs.values)), sql: sql)
            }
            if summary.changedAnything {
                record.summary = summary.description
                try await record.save(on: db)
            } else {
                try await record.delete(on: db)
            }
            try await AuditTrail.record(
                .importFile, recordType: .childReturn, recordID: summary.changedAnything ? importID.uuidString : nil,
                detail: "\(kind) \(year.map(String.init) ?? "") \(files.joined(separator: ", ")): \(summary)", by: actor, on: db)
            return summary
        }
        if summary.changedAnything { try await refreshStatistics(on: db as! any SQLDatabase) }
        return summary
    }

    /// After a bulk load the query planner's picture of the tables is out of date, and PostgreSQL may then read a
    /// whole table where an index would do (a child's page went from 12 to 23 ms). Refresh it, as a bulk load should.
    private static func refreshStatistics(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ANALYZE \(unsafeRaw: Child.schema), \(unsafeRaw: JourneyEvent.schema), \(unsafeRaw: ChildAllocation.schema)").run()
        } else {
            try await sql.raw("PRAGMA optimize").run()
        }
    }

    private struct StoredChild: Decodable {
        var id: UUID
        var local_id: String
        var upn: String?, date_of_birth: String?, sex: String?, ethnicity: String?, disabilities: String?
        var nhs_number: String?, given_name: String?, family_name: String?

        var identity: ChildIdentity {
            ChildIdentity(
                localID: local_id, upn: upn, dateOfBirth: date_of_birth.flatMap { ISODay($0) }, sex: sex, ethnicity: ethnicity,
                disabilities: disabilities.map { $0.split(separator: " ").map(String.init) }, nhsNumber: nhs_number, givenName: given_name,
                familyName: family_name)
        }
    }

    /// Every child of the return in the store, new ones added and known ones updated; their ids by local id.
    private static func mergeChildren(_ children: [ChildIdentity], sql: any SQLDatabase, summary: inout Summary) async throws -> [String: UUID] {
        var stored: [String: StoredChild] = [:]
        for chunk in children.map(\.localID).chunked(batchSize) {
            for row in try await sql.select().columns(
                "id", "local_id", "upn", "date_of_birth", "sex", "ethnicity", "disabilities", "nhs_number", "given_name",
                "family_name"
            )
            .from(Child.schema).where("local_id", .in, Array(chunk)).all(decoding: StoredChild.self) {
                stored[row.local_id] = row
            }
        }
        var ids = stored.mapValues(\.id)
        var inserts: [[SQLBind]] = []
        let now = Date()
        for child in children {
            let merged = child.merged(over: stored[child.localID]?.identity)
            if let existing = stored[child.localID] {
                guard merged != existing.identity else { summary.childrenUnchanged += 1; continue }
                summary.childrenUpdated += 1
                try await sql.update(Child.schema)
                    .set("upn", to: merged.upn).set("date_of_birth", to: merged.dateOfBirth?.description).set("sex", to: merged.sex)
                    .set("ethnicity", to: merged.ethnicity).set("disabilities", to: merged.disabilities?.joined(separator: " "))
                    .set("nhs_number", to: merged.nhsNumber).set("given_name", to: merged.givenName).set("family_name", to: merged.familyName).set(
                        "updated_at", to: now
                    ).where("id", .equal, existing.id).run()
            } else if ids[child.localID] == nil {
                let id = UUID()
                ids[child.localID] = id
                summary.childrenAdded += 1
                inserts.append([
                    SQLBind(id), SQLBind(child.localID), SQLBind(merged.upn), SQLBind(merged.dateOfBirth?.description), SQLBind(merged.sex),
                    SQLBind(merged.ethnicity), SQLBind(merged.disabilities?.joined(separator: " ")), SQLBind(merged.nhsNumber),
                    SQLBind(merged.givenName),
                    SQLBind(merged.familyName), SQLBind(now), SQLBind(now),
                ])
            }
        }
        for chunk in inserts.chunked(batchSize / 10) {
            var insert = sql.insert(into: Child.schema)
                .columns(
                    "id", "local_id", "upn", "date_of_birth", "sex", "ethnicity", "disabilities", "nhs_number", "given_name", "family_name",
                    "created_at", "updated_at")
            for row in chunk { insert = insert.values(row) }
            try await insert.run()
        }
        return ids
    }

    private struct StoredRecord {
        var id: UUID
        var starts: String?, ends: String?, fields: String, return_years: String
    }

    /// A journey record's identity within the store: its child, kind and natural key.
    private struct RecordKey: Hashable {
        var child: UUID
        var kind: String, naturalKey: String
    }

    private static func mergeRecords(
        _ records: [JourneyRecord], childIDs: [String: UUID], importID: UUID, year: Int?, sql: any SQLDatabase,
        summary: inout Summary
    ) async throws {
        let yearMark = year.map { " \($0) " } ?? " "
        var stored: [RecordKey: StoredRecord] = [:]
        for chunk in Array(Set(childIDs.values)).chunked(batchSize) {
            // Column by column rather than through Decodable: a census holds a hundred thousand records to compare.
            for row in try await sql.select().columns("id", "child_id", "kind", "natural_key", "starts", "ends", "fields", "return_years")
                .from(JourneyEvent.schema).where("child_id", .in, Array(chunk)).all()
            {
                let key = RecordKey(
                    child: try row.decode(column: "child_id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                    naturalKey: try row.decode(column: "natural_key", as: String.self))
                stored[key] = StoredRecord(
                    id: try row.decode(column: "id", as: UUID.self), starts: try row.decode(column: "starts", as: String?.self),
                    ends: try row.decode(column: "ends", as: String?.self), fields: try row.decode(column: "fields", as: String.self),
                    return_years: try row.decode(column: "return_years", as: String.self))
            }
        }
        var inserts: [[SQLBind]] = []
        for record in records {
            guard let childID = childIDs[record.childLocalID] else { continue }
            let fields = FieldsJSON.encode(record.fields)
            let starts = record.starts?.description, ends = record.ends?.description
            if let existing = stored[RecordKey(child: childID, kind: record.kind.rawValue, naturalKey: record.naturalKey)] {
                // A record that this year's return repeats unchanged is marked as part of it too.
                let years = existing.return_years.contains(yearMark) ? existing.return_years : existing.return_years + yearMark.dropFirst()
                guard existing.fields != fields || existing.starts != starts || existing.ends != ends else {
                    summary.recordsUnchanged += 1
                    if years != existing.return_years {
                        try await sql.update(JourneyEvent.schema).set("return_years", to: years).where("id", .equal, existing.id).run()
                    }
                    continue
                }
                summary.recordsUpdated += 1
                try await sql.update(JourneyEvent.schema)
                    .set("starts", to: starts).set("ends", to: ends).set("fields", to: fields).set("import_id", to: importID)
                    .set("source_file", to: record.sourceFile).set("source_line", to: record.sourceLine).set("return_years", to: years)
                    .where("id", .equal, existing.id).run()
            } else {
                summary.recordsAdded += 1
                inserts.append([
                    SQLBind(UUID()), SQLBind(childID), SQLBind(record.kind.rawValue), SQLBind(record.naturalKey), SQLBind(starts),
                    SQLBind(ends), SQLBind(fields), SQLBind(importID), SQLBind(record.sourceFile), SQLBind(record.sourceLine),
                    SQLBind(yearMark),
                ])
            }
        }
        for chunk in inserts.chunked(batchSize) {
            var insert = sql.insert(into: JourneyEvent.schema)
                .columns(
                    "id", "child_id", "kind", "natural_key", "starts", "ends", "fields", "import_id", "source_file", "source_line", "return_years")
            for row in chunk { insert = insert.values(row) }
            try await insert.run()
        }
    }
}

extension ReturnLoading {
    private struct StoredAllocation: Decodable, Hashable {
        var child_id: UUID
        var team_id: UUID?, worker_id: UUID?, worker_name: String?, worker_staff_id: String?
        var starts: String, ends: String?
    }

    /// The allocations the source gives replace a child's allocations, for each child it gives any for; a child whose
    /// allocations are the same is left alone. Teams are matched by name; workers to a Waymark account by their staff
    /// identifier in the case system where the extract gives one and an account has it, else by name (`WorkerLinks`).
    private static func mergeAllocations(
        _ allocations: [CaseAllocation], childIDs: [String: UUID], sql: any SQLDatabase,
        summary: inout Summary
    ) async throws {
        guard !allocations.isEmpty else { return }
        struct Named: Decodable { var id: UUID; var name: String }
        let teams = Dictionary(
            try await sql.select().columns("id", "name").from(Team.schema).all(decoding: Named.self).map { ($0.name.lowercased(), $0.id) },
            uniquingKeysWith: { first, _ in first })
        let workers = try await WorkerLinks.accounts(sql)
        var wanted: [UUID: Set<StoredAllocation>] = [:]
        for allocation in allocations {
            guard let child = childIDs[allocation.childLocalID] else { continue }
            let team = allocation.team.flatMap { teams[$0.lowercased()] }
            if let name = allocation.team, team == nil { summary.unknownTeams.insert(name) }
            wanted[child, default: []].insert(
                StoredAllocation(
                    child_id: child, team_id: team, worker_id: workers.account(staffID: allocation.workerStaffID, name: allocation.worker),
                    worker_name: allocation.worker, worker_staff_id: allocation.workerStaffID, starts: allocation.starts.description,
                    ends: allocation.ends?.description))
        }
        var stored: [UUID: Set<StoredAllocation>] = [:]
        for chunk in Array(wanted.keys).chunked(batchSize) {
            for row in try await sql.select().columns("child_id", "team_id", "worker_id", "worker_name", "worker_staff_id", "starts", "ends").from(
                ChildAllocation.schema
            )
            .where("child_id", .in, Array(chunk)).all(decoding: StoredAllocation.self) {
                stored[row.child_id, default: []].insert(row)
            }
        }
        let changed = wanted.filter { stored[$0.key] != $0.value }
        summary.allocationsChanged = changed.count
        for chunk in Array(changed.keys).chunked(batchSize) {
            try await sql.delete(from: ChildAllocation.schema).where("child_id", .in, Array(chunk)).run()
        }
        for chunk in changed.values.flatMap({ $0 }).chunked(batchSize) {
            var insert = sql.insert(into: ChildAllocation.schema).columns(
                "id", "child_id", "team_id", "worker_id", "worker_name", "worker_staff_id", "starts", "ends")
            for row in chunk {
                insert = insert.values([
                    SQLBind(UUID()), SQLBind(row.child_id), SQLBind(row.team_id), SQLBind(row.worker_id), SQLBind(row.worker_name),
                    SQLBind(row.worker_staff_id), SQLBind(row.starts), SQLBind(row.ends),
                ])
            }
            try await insert.run()
        }
    }
}

extension Array {
    /// The array in pieces of at most `size`, in order.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
