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

    /// Every record of these children (id → local identifier), by child id.
    static func records(of children: [UUID: String], on db: any Database) async throws -> [UUID: [JourneyRecord]] {
        var records: [UUID: [JourneyRecord]] = [:]
        for chunk in Array(children.keys).chunked(ReturnLoading.batchSize) {
            let rows = try await (db as! any SQLDatabase).select()
                .columns("child_id", "kind", "natural_key", "starts", "ends", "fields", "source_file", "source_line").from(JourneyEvent.schema)
                .where("child_id", .in, Array(chunk)).all(decoding: Row.self)
            for row in rows {
                records[row.child_id, default: []].append(JourneyRecord(
                    childLocalID: children[row.child_id] ?? "", kind: JourneyKind(rawValue: row.kind), naturalKey: row.natural_key,
                    starts: row.starts.flatMap { ISODay($0) }, ends: row.ends.flatMap { ISODay($0) }, fields: FieldsJSON.decode(row.fields),
                    sourceFile: row.source_file, sourceLine: row.source_line))
            }
        }
        return records
    }
}
