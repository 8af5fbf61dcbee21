import Foundation
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet

/// An SSDA903 return as the validation reads it: each table present, every row kept as written (a date that does not
/// parse, a value outside its code list: the rules report them), and the problems that kept a file from being read.
public struct SSDA903Files: Sendable {
    public var tables: [SSDA903Table: ValidationTable] = [:]
    public var problems: [ReturnProblem] = []

    public init() {}

    /// The CSV form: a set of files, each recognised by its columns whatever its name. Files that are not CSV tables
    /// of the return are refused with why. An XML file is read as the XML form when no CSV table is given beside it;
    /// beside CSV tables it is another copy of the return, and is refused rather than mixed with them.
    public static func read(files: [(name: String, data: Data)], limits: ReadLimits = .standard) -> SSDA903Files {
        let xml = files.filter { $0.name.lowercased().hasSuffix(".xml") }
        var result = SSDA903Files()
        let csv = files.filter { !$0.name.lowercased().hasSuffix(".xml") }
        let tableFiles = TableFiles<SSDA903Table>(csv, limits: limits) { header in
            SSDA903Table.recognise(header).map { .success($0) } ?? .failure(.init(reason: SSDA903CSVReader.unrecognised(header)))
        }
        for file in xml {
            if tableFiles.files.isEmpty {
                result.merge(readXML(file.data, fileName: file.name, limits: limits))
            } else {
                result.problems.append(
                    ReturnProblem(
                        file: file.name, "is the XML form of a return, given beside its CSV tables: check one or the other, not both",
                        effect: .fileRefused))
            }
        }
        result.problems += tableFiles.problems
        for file in tableFiles.files {
            // The file's columns in any order; the table holds them in the DfE's.
            let given = file.header.map { $0.trimmed.uppercased() }
            let tableColumns = file.table.columns(given: given)
            let positions = tableColumns.map { given.firstIndex(of: $0.rawValue)! }
            var columns = positions.map { _ in [String]() }
            for index in columns.indices { columns[index].reserveCapacity(file.rows.count) }
            for row in file.rows {
                if row.cells.count != given.count {
                    result.problems.append(
                        ReturnProblem(
                            file: file.name, line: row.number,
                            "has \(row.cells.count) values for \(given.count) columns; read as far as it goes",
                            effect: .keptAsGiven))
                }
                for (index, position) in positions.enumerated() {
                    columns[index].append(position < row.cells.count ? row.cells[position].trimmed : "")
                }
            }
            result.tables[file.table] = table(file.table, file: file.name, columns: tableColumns, values: columns)
        }
        return result
    }

    /// The XML form (`EXPSSDA903`), each part read into the table the CSV form has for it, rows numbered in document order.
    public static func readXML(_ data: Data, fileName: String, limits: ReadLimits = .standard) -> SSDA903Files {
        let read = SSDA903XMLReader.read(data, fileName: fileName, keepingEveryRow: true, limits: limits)
        var result = SSDA903Files()
        result.problems = read.problems.filter { $0.effect == .fileRefused }
        for (name, rows) in read.rows {
            let columns = name.columns { column in rows.contains { $0.values[column] != nil } }
            result.tables[name] = table(name, file: fileName, columns: columns, values: columns.map { column in rows.map { $0[column] } })
        }
        return result
    }

    /// - Parameters: `columns` are the table's columns and any of its optional ones the file has; `values` holds
    ///   each of them, row by row.
    static func table(_ table: SSDA903Table, file: String, columns: [SSDA903Column], values: [[String]]) -> ValidationTable {
        // DATE_PERM is free text on import (councils write partial dates); the rules read it as a day where it is one.
        let dates = Set(columns.filter { if case .date = $0.kind { true } else { $0 == .datePermanence } }.map(\.rawValue))
        return ValidationTable(file: file, columns: columns.map(\.rawValue), values: values, dateColumns: dates, readDay: Days.ddmmyyyy)
    }

    mutating func merge(_ other: SSDA903Files) {
        problems += other.problems
        for (name, table) in other.tables {
            if tables[name] != nil {
                problems.append(
                    ReturnProblem(
                        file: table.file, "holds the \(name.rawValue) table, as another file does; the first is validated",
                        effect: .fileRefused))
            } else {
                tables[name] = table
            }
        }
    }
}
