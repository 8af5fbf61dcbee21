import Fluent
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns

/// Children's journey records read back from the store as the domain's records, for the timescales.
enum JourneyReading {
    private struct Row: Decodable {
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
                let kind = JourneyKind(rawValue: row.kind)
                records[row.child_id, default: []].append(JourneyRecord(
                    childLocalID: children[row.child_id] ?? "", kind: kind, naturalKey: row.natural_key,
                    starts: row.starts.flatMap { ISODay($0) }, ends: row.ends.flatMap { ISODay($0) },
                    fields: withFields.contains(kind) ? FieldsJSON.decode(row.fields) : [:], sourceFile: row.source_file, sourceLine: row.source_line))
            }
        }
        return records
    }
}
