import FluentKit
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet

/// Writes a collection year's SSDA903 return from the store: every record that year's return held, table by table
/// in the order they came, laid out as the imported files were (columns, byte-order mark, line endings), so a
/// return that came in goes out byte for byte.
package enum ReturnExport {
    private struct Row: Decodable {
        var kind: String, fields: String, source_file: String, source_line: Int
    }

    package static func ssda903(year: Int, on db: any Database) async throws -> [(name: String, data: Data)] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().columns("kind", "fields", "source_file", "source_line").from(JourneyEvent.schema)
            .where("kind", .like, "ssda903.%").where("return_years", .like, "% \(year) %")
            .orderBy("source_file").orderBy("source_line").all(decoding: Row.self)
        let latest = try await ReturnImport.query(on: db).filter(\.$kind == "ssda903").filter(\.$collectionYear == year)
            .filter(\.$layout != nil).sort(\.$importedAt, .descending).first()
        let layouts = try latest?.layout.map { try JSONDecoder().decode([String: CSVLayout].self, from: Data($0.utf8)) } ?? [:]
        let byTable = Dictionary(grouping: rows, by: \.kind)
        var files: [(name: String, data: Data)] = []
        for table in SSDA903Table.allCases {
            guard let records = byTable[JourneyKind.ssda903(table).rawValue] else { continue }
            let layout = layouts[table.rawValue] ?? CSVLayout(columns: table.columns.map(\.rawValue))
            var lines = [layout.columns]
            for record in records {
                let fields = FieldsJSON.decode(record.fields)
                lines.append(layout.columns.map { fields[$0.trimmingCharacters(in: .whitespaces).uppercased()] ?? "" })
            }
            files.append(
                (
                    records.first?.source_file.hasSuffix(".csv") == true ? records[0].source_file : table.fileName,
                    CSVFile.data(lines, lineEnding: layout.lineEnding, finalLineEnding: layout.finalLineEnding, byteOrderMark: layout.byteOrderMark)
                ))
        }
        return files
    }
}

extension ReturnExport {
    /// A file whose kept name would not land inside the folder.
    package struct OutsideTheFolder: Error, CustomStringConvertible {
        package var name: String, folder: String
        package var description: String { "A file kept as \"\(name)\" would be written outside \(folder); nothing was written." }
    }

    /// Writes the files into the folder (made if missing). Every name is checked before anything is written: a name
    /// kept from an upload must be a base name, landing inside the folder, or nothing is written.
    package static func write(_ files: [(name: String, data: Data)], into folder: String) throws {
        let base = URL(fileURLWithPath: folder).standardizedFileURL
        let destinations = try files.map { file in
            let destination = base.appendingPathComponent(file.name).standardizedFileURL
            guard FileName.isBase(file.name), destination.deletingLastPathComponent().path == base.path else {
                throw OutsideTheFolder(name: file.name, folder: folder)
            }
            return destination
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, destination) in zip(files, destinations) { try file.data.write(to: destination) }
    }

    private struct CINRow: Decodable {
        var local_id: String, kind: String, natural_key: String, starts: String?, ends: String?, fields: String, source_file: String,
            source_line: Int

        /// The record as the domain holds it, with where it came from (the census is written back in that order).
        var record: JourneyRecord {
            JourneyRecord(
                stored: local_id, kind: kind, naturalKey: natural_key, starts: starts, ends: ends, fields: fields,
                sourceFile: source_file, sourceLine: source_line)
        }
    }

    /// A collection year's CIN census from the store: the children and parts that year's census held, with its
    /// header and indentation, so a census that came in goes out byte for byte.
    package static func cin(year: Int, on db: any Database) async throws -> Data? {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select()
            .columns(
                SQLColumn("local_id", table: Child.schema), SQLColumn("kind"), SQLColumn("natural_key"), SQLColumn("starts"), SQLColumn("ends"),
                SQLColumn("fields"), SQLColumn("source_file"), SQLColumn("source_line")
            )
            .from(JourneyEvent.schema).join(
                Child.schema, on: SQLColumn("child_id", table: JourneyEvent.schema), .equal, SQLColumn("id", table: Child.schema)
            )
            .where("kind", .like, "cin.%").where("return_years", .like, "% \(year) %")
            .all(decoding: CINRow.self)
        guard !rows.isEmpty else { return nil }
        let latest = try await ReturnImport.query(on: db).filter(\.$kind == "cin").filter(\.$collectionYear == year)
            .filter(\.$layout != nil).sort(\.$importedAt, .descending).first()
        let layout = try latest?.layout.map { try JSONDecoder().decode(CINCensus.Layout.self, from: Data($0.utf8)) }
        var byChild: [String: [JourneyRecord]] = [:]
        var firstLine: [String: Int] = [:]
        for row in rows {
            let record = row.record
            byChild[row.local_id, default: []].append(record)
            if record.kind == .cinChild { firstLine[row.local_id] = row.source_line }
        }
        let children = byChild.keys.sorted { (firstLine[$0] ?? .max, $0) < (firstLine[$1] ?? .max, $1) }.map { ($0, byChild[$0]!) }
        let census = CINCensus(header: layout?.header ?? CINCensus.Header(), children: children)
        return CINCensusWriter.data(census, indent: layout?.indent ?? "  ")
    }
}
