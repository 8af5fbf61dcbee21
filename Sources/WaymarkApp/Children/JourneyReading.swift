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
        struct ChildRow: Decodable { var id: UUID; var local_id: String; var date_of_birth: String? }
        let sql = db as! any SQLDatabase
        let children = try await sql.select().columns("id", "local_id", "date_of_birth").from(Child.schema).all(decoding: ChildRow.self)
        let localIDs = Dictionary(uniqueKeysWithValues: children.map { ($0.id, $0.local_id) })
        var records: [UUID: [JourneyRecord]] = [:]
        let rows = try await sql.select().columns("child_id", "kind", "natural_key", "starts", "ends", "fields", "source_file", "source_line")
            .from(JourneyEvent.schema).where("kind", .in, kinds.map(\.rawValue)).all(decoding: Row.self)
        for row in rows {
            records[row.child_id, default: []].append(row.record(child: localIDs[row.child_id] ?? "", withFields: withFields.contains(JourneyKind(rawValue: row.kind))))
        }
        return (Dictionary(children.map { ($0.local_id, $0.id) }, uniquingKeysWith: { first, _ in first }),
                children.map { ChildJourney(localID: $0.local_id, dateOfBirth: $0.date_of_birth.flatMap { ISODay($0) }, records: records[$0.id] ?? []) })
    }
}
