import Foundation
import WaymarkDomain
import WaymarkSpreadsheet

/// One row of a case-system extract: its values by column (lower case, as the SSD names them), and where it was.
public struct SSDRow: Sendable, Equatable {
    public var table: SSDTable
    public var values: [String: String]
    public var file: String
    public var line: Int

    public subscript(_ column: String) -> String { values[column] ?? "" }

    /// A day column's value (checked by the reader), or nil when blank.
    public func day(_ column: String) -> ISODay? { ReturnDate.caseSystem(self[column]) }
}

/// A case-system extract as read: its rows by table, and every problem.
public struct SSDExtract: Sendable {
    public var rows: [SSDTable: [SSDRow]] = [:]
    public var problems: [ReturnProblem] = []
    public init() {}
}

/// Reads the CSV files of a case-system extract (the Standard Safeguarding Dataset), each recognised by its columns
/// whatever its name. A file missing a table's key, child or start-day column is refused; a row without them, or with
/// a day that is not a real date, is left out; every other value is kept as given.
public enum SSDExtractReader {
    public static func read(files: [(name: String, data: Data)], limits: ReadLimits = .standard) -> SSDExtract {
        var extract = SSDExtract()
        let tableFiles = TableFiles<SSDTable>(files, limits: limits) { header in
            let columns = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return recognise(columns).map { .success($0) } ?? .failure(.init(reason: unrecognised(columns)))
        }
        extract.problems = tableFiles.problems
        for file in tableFiles.files {
            let table = file.table
            let columns = file.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let dayColumns = Set(table.dateColumns)
            rowLoop: for row in file.rows {
                guard row.cells.count == columns.count else {
                    extract.problems.append(
                        ReturnProblem(
                            file: file.name, line: row.number, "has \(row.cells.count) values for \(columns.count) columns",
                            effect: .rowLeftOut))
                    continue
                }
                let values = Dictionary(zip(columns, row.cells.map(\.trimmed)), uniquingKeysWith: { first, _ in first })
                for column in table.requiredColumns where (values[column] ?? "").isEmpty {
                    extract.problems.append(
                        ReturnProblem(
                            file: file.name, line: row.number, field: column, "is blank; every row needs it",
                            effect: .rowLeftOut))
                    continue rowLoop
                }
                for column in columns where dayColumns.contains(column) {
                    let value = values[column] ?? ""
                    guard value.isEmpty || ReturnDate.caseSystem(value) != nil else {
                        extract.problems.append(
                            ReturnProblem(
                                file: file.name, line: row.number, field: column, value: value,
                                "is not a date (write it yyyy-mm-dd, as the extract does, or dd/mm/yyyy)",
                                effect: .rowLeftOut))
                        continue rowLoop
                    }
                }
                extract.rows[table, default: []].append(SSDRow(table: table, values: values, file: file.name, line: row.number))
            }
        }
        return extract
    }

    /// The table whose required columns the file has; the key column tells the tables apart.
    static func recognise(_ columns: [String]) -> SSDTable? {
        let given = Set(columns)
        return SSDTable.allCases.first { table in table.requiredColumns.allSatisfy(given.contains) }
    }

    /// Why no table has these columns: the nearest table (most columns shared) and what it lacks.
    static func unrecognised(_ columns: [String]) -> String {
        let given = Set(columns)
        let nearest = SSDTable.allCases.max { a, b in given.intersection(a.columns).count < given.intersection(b.columns).count }!
        guard !given.intersection(nearest.columns).isEmpty else {
            return "its columns are not those of any table of the case-system extract (the Standard Safeguarding Dataset); "
                + "each table is known by its columns, such as cont_contact_id, cont_person_id and cont_contact_date for contacts"
        }
        let missing = nearest.requiredColumns.filter { !given.contains($0) }
        return "its columns are nearest to \(nearest.rawValue), but it has no \(missing.joined(separator: ", "))"
    }
}
