import FluentKit
import Foundation
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales

/// Children's journey records read back from the store as the domain's records, for the measures, lists and trackers.
package enum JourneyReading {
    /// Every child, each with their records of the kinds asked for (fields decoded only for `withFields`), and each
    /// child's id by local identifier: the whole borough, for Performance Matters.
    /// - Parameter databases: handles on the store with connections of their own (`Application.sideBySide`): the
    ///   records are read in as many parts, split by child, side by side.
    /// - Parameter earliest: for some kinds, the earliest start worth reading: their records starting before it (or
    ///   with no start) are left in the store.
    package static func journeys(
        kinds: [JourneyKind], withFields: Set<JourneyKind>, earliest: [JourneyKind: ISODay] = [:],
        on databases: [any Database]
    ) async throws -> (ids: [String: UUID], journeys: [ChildJourney]) {
        let db = databases[0]
        let children = try await TextRows.read("SELECT CAST(id AS TEXT), local_id, date_of_birth FROM \(Child.schema)", on: db)
        let localIDs = Dictionary(
            children.compactMap { row in row[0].flatMap { id in row[1].map { (id, $0) } } }, uniquingKeysWith: { first, _ in first })
        let leftOut = earliest.sorted { $0.key < $1.key }
            .map { kind, day in
                "NOT (e.kind = \(TextRows.literals([kind.rawValue])) AND COALESCE(e.starts, '') < \(TextRows.literals([day.description]))) AND"
            }.joined(separator: " ")
        let parts = childParts(databases.count).map { $0 + (leftOut.isEmpty ? "" : " " + leftOut) }
        let records = try await withThrowingTaskGroup(of: [String: [JourneyRecord]].self) { group in
            for (part, condition) in parts.enumerated() {
                group.addTask {
                    try await leanRecords(kinds: kinds, withFields: withFields, localIDs: localIDs, condition: condition, on: databases[part])
                }
            }
            var all: [String: [JourneyRecord]] = [:]
            for try await part in group { all.merge(part) { first, _ in first } } // each child is in one part only
            return all
        }
        return (
            Dictionary(
                children.compactMap { row in row[0].flatMap(UUID.init(uuidString:)).flatMap { id in row[1].map { ($0, id) } } },
                uniquingKeysWith: { first, _ in first }),
            children.compactMap { row in
                guard let id = row[0], let localID = row[1] else { return nil }
                return ChildJourney(localID: localID, dateOfBirth: row[2].flatMap { ISODay($0) }, records: records[id] ?? [])
            }
        )
    }

    /// The latest start of a record of these kinds on or before `day`, if any.
    package static func latestStart(of kinds: [JourneyKind], onOrBefore day: ISODay, on db: any Database) async throws -> ISODay? {
        let rows = try await TextRows.read(
            """
            SELECT MAX(starts) FROM \(JourneyEvent.schema)
            WHERE kind IN (\(TextRows.literals(kinds.map(\.rawValue)))) AND starts <= \(TextRows.literals([day.description]))
            """, on: db)
        return rows.first?.first.flatMap { $0 }.flatMap { ISODay($0) }
    }

    /// The first day from which the records hold every referral, so a whole period from it can be counted: the first
    /// day of the earliest CIN census year imported (a census holds every referral and assessment of its year; it also
    /// carries referrals from years before for children still open, which do not make those years whole); with no
    /// census, the case system's earliest contact; with neither, the earliest referral.
    package static func countedFrom(on db: any Database) async throws -> ISODay? {
        func first(_ sql: String) async throws -> String? { try await TextRows.read(sql, on: db).first?.first.flatMap { $0 } }
        if let year = try await first(
            "SELECT CAST(MIN(collection_year) AS TEXT) FROM \(ReturnImport.schema) WHERE kind = \(TextRows.literals([ReadReturn.Kind.cin.rawValue]))"
        ).flatMap({ Int($0) }) {
            return ISODay(year: year - 1, month: 4, day: 1)
        }
        for kind in [JourneyKind.caseSystem(.contacts), .cinEpisode] {
            let sql = "SELECT MIN(starts) FROM \(JourneyEvent.schema) WHERE kind = \(TextRows.literals([kind.rawValue])) AND starts <> ''"
            if let day = try await first(sql).flatMap({ ISODay($0) }) { return day }
        }
        return nil
    }

    /// What changes whenever records are imported: how many imports there have been and when the latest was. Figures
    /// worked out from the records are kept while it (and the day) stay the same.
    package static func importsStamp(on db: any Database) async throws -> String {
        let rows = try await TextRows.read("SELECT CAST(COUNT(*) AS TEXT), CAST(MAX(imported_at) AS TEXT) FROM \(ReturnImport.schema)", on: db)
        return (rows.first ?? []).map { $0 ?? "" }.joined(separator: "|")
    }

    /// Conditions (each ending "AND") that split the records into `count` parts by child, at even steps of the
    /// identifiers, which are random.
    static func childParts(_ count: Int) -> [String] {
        guard count > 1 else { return [""] }
        let bounds = (1..<count).map { String(format: "'%08X-0000-0000-0000-000000000000'", UInt32(UInt64($0) << 32 / UInt64(count))) }
        return (0..<count).map { part in
            [part > 0 ? "e.child_id >= \(bounds[part - 1])" : nil, part < count - 1 ? "e.child_id < \(bounds[part])" : nil]
                .compactMap { $0 }.joined(separator: " AND ") + " AND"
        }
    }

    /// Every child in the reader's record scope as Annex A needs them: who they are, the team and worker holding them
    /// on the day, and their records of the kinds the lists read. With the whole borough in scope, children held by no
    /// team are listed too. With them, each listed child's id (as the database writes it as text) by local identifier.
    package static func annexAChildren(
        on day: ISODay, scope: ChildRecordScope,
        on db: any Database
    ) async throws -> (ids: [String: String], children: [AnnexAChild]) {
        let children = try await TextRows.read(
            "SELECT CAST(id AS TEXT), local_id, upn, date_of_birth, sex, ethnicity, disabilities FROM \(Child.schema)", on: db)
        // Who held each child on the day: the allocation that had begun and not yet ended.
        let allocations = try await TextRows.read(
            """
            SELECT CAST(child_id AS TEXT), CAST(team_id AS TEXT), CAST(worker_id AS TEXT), worker_name FROM \(ChildAllocation.schema)
            WHERE starts <= '\(day)' AND (ends IS NULL OR ends >= '\(day)')
            """, on: db)
        let teams = Dictionary(uniqueKeysWithValues: try await Team.query(on: db).all().map { ($0.id!, $0) })
        let workers = try await User.names(ids: allocations.compactMap { $0[2].flatMap(UUID.init(uuidString:)) }, on: db)
        let held = Dictionary(allocations.compactMap { row in row[0].map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        var localIDs: [String: String] = [:]
        for row in children { if let id = row[0], let localID = row[1] { localIDs[id] = localID } }
        let records = try await leanRecords(kinds: AnnexA.kinds, withFields: AnnexA.kindsWithFields, localIDs: localIDs, on: db)
        var ids: [String: String] = [:]
        let listed = children.compactMap { child -> AnnexAChild? in
            guard let id = child[0], let localID = child[1] else { return nil }
            let allocation = held[id]
            let team = allocation?[1].flatMap(UUID.init(uuidString:)).flatMap { teams[$0] }
            let worker = allocation?[2].flatMap(UUID.init(uuidString:))
            guard scope.includes(team: team?.id?.uuidString, serviceArea: team?.$serviceArea.id.uuidString, worker: worker?.uuidString) else {
                return nil
            }
            let identity = ChildIdentity(
                localID: localID, upn: child[2], dateOfBirth: child[3].flatMap { ISODay($0) }, sex: child[4], ethnicity: child[5],
                disabilities: child[6].map { $0.split(separator: " ").map(String.init) })
            ids[localID] = id
            return AnnexAChild(
                identity: identity, team: team?.name, worker: worker.flatMap { workers[$0] } ?? allocation?[3], records: records[id] ?? [])
        }
        return (ids, listed)
    }
}

extension JourneyRecord {
    /// A record as the store keeps it: days as yyyy-mm-dd text, fields as JSON (empty when they were not read).
    package init(
        stored child: String, kind: String, naturalKey: String, starts: String?, ends: String?, fields: String,
        sourceFile: String = "", sourceLine: Int = 0
    ) {
        self.init(
            childLocalID: child, kind: JourneyKind(rawValue: kind), naturalKey: naturalKey, starts: starts.flatMap { ISODay($0) },
            ends: ends.flatMap { ISODay($0) }, fields: fields.isEmpty ? [:] : FieldsJSON.decode(fields), sourceFile: sourceFile,
            sourceLine: sourceLine)
    }
}
