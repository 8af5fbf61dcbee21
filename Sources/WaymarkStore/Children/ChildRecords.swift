import FluentKit
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns

/// A child's records as their page reads them: every one, with the collection years whose return held it.
package enum ChildRecords {
    /// One of the child's records with the collection years whose return held it.
    package struct Held {
        package var record: JourneyRecord
        package var years: [Int]
    }

    /// A child's records are many: read as plain rows with SQL rather than as Fluent models.
    package static func held(child id: UUID, localID: String, on db: any Database) async throws -> [Held] {
        try await (db as! any SQLDatabase).select()
            .columns("kind", "natural_key", "starts", "ends", "fields", "source_file", "source_line", "return_years").from(JourneyEvent.schema)
            .where("child_id", .equal, id).all(decoding: StoredRow.self).map { $0.held(by: localID) }
    }

    /// The child's case discussions in supervision, as records for their chronology (management oversight). They are
    /// not journey records: no return holds them, and no timescale or validation rule reads them.
    package static func oversight(child id: UUID, localID: String, on db: any Database) async throws -> [JourneyRecord] {
        try await SupervisionStore.discussions(ofChild: id, on: db).map { discussion in
            var fields = [
                "supervisee": discussion.superviseeName, "held_by": discussion.heldByName, "discussion": discussion.discussion,
                "decision": discussion.decision,
            ]
            fields["action"] = discussion.action
            fields["action_owner"] = discussion.actionOwner
            fields["action_due"] = discussion.actionDue
            return JourneyRecord(
                childLocalID: localID, kind: .caseDiscussion, naturalKey: discussion.id?.uuidString ?? "", starts: ISODay(discussion.heldOn),
                ends: nil,
                fields: fields, sourceFile: "Recorded in supervision by \(discussion.heldByName)", sourceLine: 0)
        }
    }

    /// The tables the year's latest SSDA903 import had (all of them when the import did not record its files).
    package static func ssda903Tables(of year: Int, on db: any Database) async throws -> Set<SSDA903Table> {
        // Only the layout: an import's row also holds its whole summary, which a child's page does not need.
        let layout = try await (db as! any SQLDatabase).select().column("layout").from(ReturnImport.schema)
            .where("kind", .equal, "ssda903").where("collection_year", .equal, year).where("layout", .isNot, SQLLiteral.null)
            .orderBy("imported_at", .descending).limit(1).first(decodingColumn: "layout", as: String.self)
        let names = layout.flatMap { try? JSONDecoder().decode([String: CSVLayout].self, from: Data($0.utf8)) }?.keys
        let tables = Set((names.map(Array.init) ?? []).compactMap(SSDA903Table.init(rawValue:)))
        return tables.isEmpty ? Set(SSDA903Table.allCases) : tables
    }
}

private struct StoredRow: Decodable {
    var kind: String, natural_key: String, starts: String?, ends: String?, fields: String, source_file: String, source_line: Int
    /// The collection years whose returns held the record, as stored: ` 2025 2026 `.
    var return_years: String

    func held(by child: String) -> ChildRecords.Held {
        ChildRecords.Held(
            record: JourneyRecord(
                stored: child, kind: kind, naturalKey: natural_key, starts: starts, ends: ends, fields: fields,
                sourceFile: source_file, sourceLine: source_line),
            years: return_years.split(separator: " ").compactMap { Int($0) })
    }
}
