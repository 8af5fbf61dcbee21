import Fluent
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales

/// The columns of a stored journey record that make it a domain record again.
protocol StoredJourneyRecord {
    var kind: String { get }
    var natural_key: String { get }
    var starts: String? { get }
    var ends: String? { get }
    var fields: String { get }
    var source_file: String { get }
    var source_line: Int { get }
}

extension StoredJourneyRecord {
    /// The record as the domain holds it; its fields left empty when the reader does not need them.
    func record(child: String, withFields: Bool = true) -> JourneyRecord {
        JourneyRecord(childLocalID: child, kind: JourneyKind(rawValue: kind), naturalKey: natural_key, starts: starts.flatMap { ISODay($0) },
                      ends: ends.flatMap { ISODay($0) }, fields: withFields ? FieldsJSON.decode(fields) : [:], sourceFile: source_file,
                      sourceLine: source_line)
    }
}

/// Children's journey records read back from the store as the domain's records, for the timescales.
enum JourneyReading {
    private struct Row: Decodable, StoredJourneyRecord {
        var child_id: UUID
        var kind: String, natural_key: String, starts: String?, ends: String?, fields: String, source_file: String, source_line: Int
    }

    /// The records of these children (id → local identifier) of the kinds asked for, by child id; fields are decoded
    /// only for `withFields` (a page that needs only dates need not read every record's JSON).
    static func records(of children: [UUID: String], kinds: [JourneyKind], withFields: Set<JourneyKind>,
                        on db: any Database) async throws -> [UUID: [JourneyRecord]] {
        var records: [UUID: [JourneyRecord]] = [:]
        for chunk in Array(children.keys).chunked(ReturnLoading.batchSize) {
            let rows = try await (db as! any SQLDatabase).select()
                .columns("child_id", "kind", "natural_key", "starts", "ends", "fields", "source_file", "source_line").from(JourneyEvent.schema)
                .where("child_id", .in, Array(chunk)).where("kind", .in, kinds.map(\.rawValue)).all(decoding: Row.self)
            for row in rows {
                records[row.child_id, default: []].append(row.record(child: children[row.child_id] ?? "",
                                                                     withFields: withFields.contains(JourneyKind(rawValue: row.kind))))
            }
        }
        return records
    }

    /// Every child, each with their records of the kinds asked for (fields decoded only for `withFields`), and each
    /// child's id by local identifier: the whole borough, for Performance Matters.
    static func journeys(kinds: [JourneyKind], withFields: Set<JourneyKind>,
                         on db: any Database) async throws -> (ids: [String: UUID], journeys: [ChildJourney]) {
        // Identifiers are read as text: parsing a UUID for each of hundreds of thousands of rows costs more than the rest.
        struct ChildRow: Decodable { var id: String; var local_id: String; var date_of_birth: String? }
        let sql = db as! any SQLDatabase
        let children = try await sql.select().column(SQLAlias(SQLQueryString("CAST(id AS TEXT)"), as: SQLIdentifier("id")))
            .columns("local_id", "date_of_birth").from(Child.schema).all(decoding: ChildRow.self)
        let localIDs = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0.local_id) })
        let records = try await leanRecords(kinds: kinds, withFields: withFields, localIDs: localIDs, on: sql)
        return (Dictionary(children.compactMap { child in UUID(uuidString: child.id).map { (child.local_id, $0) } }, uniquingKeysWith: { first, _ in first }),
                children.map { ChildJourney(localID: $0.local_id, dateOfBirth: $0.date_of_birth.flatMap { ISODay($0) }, records: records[$0.id] ?? []) })
    }

    /// The records of every child of the kinds asked for, by the child's id as the database writes it as text. Only
    /// what the measures and lists read: no source file and line, and the fields' JSON only for the kinds whose fields
    /// they read (the JSON is most of a record's bytes).
    private static func leanRecords(kinds: [JourneyKind], withFields: Set<JourneyKind>, localIDs: [String: String],
                                    on sql: any SQLDatabase) async throws -> [String: [JourneyRecord]] {
        struct Lean: Decodable { var child_id: String; var kind: String; var natural_key: String; var starts: String?; var ends: String?; var fields: String }
        let fields = SQLQueryString("CASE WHEN kind IN (\(binds: withFields.map(\.rawValue))) THEN fields ELSE '' END")
        let rows = try await sql.select().column(SQLAlias(SQLQueryString("CAST(child_id AS TEXT)"), as: SQLIdentifier("child_id")))
            .columns("kind", "natural_key", "starts", "ends").column(SQLAlias(fields, as: SQLIdentifier("fields")))
            .from(JourneyEvent.schema).where("kind", .in, kinds.map(\.rawValue)).all(decoding: Lean.self)
        var records: [String: [JourneyRecord]] = [:]
        for row in rows {
            records[row.child_id, default: []].append(JourneyRecord(
                childLocalID: localIDs[row.child_id] ?? "", kind: JourneyKind(rawValue: row.kind), naturalKey: row.natural_key,
                starts: row.starts.flatMap { ISODay($0) }, ends: row.ends.flatMap { ISODay($0) },
                fields: row.fields.isEmpty ? [:] : FieldsJSON.decode(row.fields), sourceFile: "", sourceLine: 0))
        }
        return records
    }

    /// Every child in the reader's record scope as Annex A needs them: who they are, the team and worker holding them
    /// on the day, and their records of the kinds the lists read. With the whole borough in scope, children held by no
    /// team are listed too.
    static func annexAChildren(on day: ISODay, scope: ChildRecordScope, on db: any Database) async throws -> [AnnexAChild] {
        struct ChildRow: Decodable {
            var id: String, local_id: String, upn: String?, date_of_birth: String?, sex: String?, ethnicity: String?, disabilities: String?
        }
        struct AllocationRow: Decodable { var child_id: String; var team_id: String?; var worker_id: String?; var worker_name: String? }
        let sql = db as! any SQLDatabase
        func text(_ column: String) -> SQLAlias { SQLAlias(SQLQueryString("CAST(\(unsafeRaw: column) AS TEXT)"), as: SQLIdentifier(column)) }
        let children = try await sql.select().column(text("id")).columns("local_id", "upn", "date_of_birth", "sex", "ethnicity", "disabilities")
            .from(Child.schema).all(decoding: ChildRow.self)
        let allocations = try await sql.select().column(text("child_id")).column(text("team_id")).column(text("worker_id")).column("worker_name")
            .from(ChildAllocation.schema).where("starts", .lessThanOrEqual, day.description)
            .where { $0.where("ends", .is, SQLLiteral.null).orWhere("ends", .greaterThanOrEqual, day.description) }
            .all(decoding: AllocationRow.self)
        let teams = Dictionary(uniqueKeysWithValues: try await Team.query(on: db).all().map { ($0.id!, $0) })
        let workers = Dictionary(uniqueKeysWithValues: try await User.query(on: db).all().map { ($0.id!, $0.displayName) })
        let held = Dictionary(allocations.map { ($0.child_id, $0) }, uniquingKeysWith: { first, _ in first })
        let localIDs = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0.local_id) })
        let records = try await leanRecords(kinds: AnnexA.kinds, withFields: AnnexA.kindsWithFields, localIDs: localIDs, on: sql)
        return children.compactMap { child in
            let allocation = held[child.id]
            let team = allocation?.team_id.flatMap(UUID.init(uuidString:)).flatMap { teams[$0] }
            let worker = allocation?.worker_id.flatMap(UUID.init(uuidString:))
            guard scope.includes(team: team?.id?.uuidString, serviceArea: team?.$serviceArea.id.uuidString, worker: worker?.uuidString) else { return nil }
            let identity = ChildIdentity(localID: child.local_id, upn: child.upn, dateOfBirth: child.date_of_birth.flatMap { ISODay($0) }, sex: child.sex,
                                         ethnicity: child.ethnicity, disabilities: child.disabilities.map { $0.split(separator: " ").map(String.init) })
            return AnnexAChild(identity: identity, team: team?.name, worker: worker.flatMap { workers[$0] } ?? allocation?.worker_name,
                               records: records[child.id] ?? [])
        }
    }
}
