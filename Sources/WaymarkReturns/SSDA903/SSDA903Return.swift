import Foundation
import WaymarkDomain

/// One row of an SSDA903 table, its values exactly as written (so an export can give them back unchanged), and
/// where it came from.
public struct SSDA903Row: Sendable, Equatable {
    public var table: SSDA903Table
    public var values: [SSDA903Column: String]
    public var file: String
    /// The line the row starts on (CSV), or the line of its element (XML).
    public var line: Int

    public init(table: SSDA903Table, values: [SSDA903Column: String], file: String, line: Int) {
        self.table = table
        self.values = values
        self.file = file
        self.line = line
    }

    public var childID: String { values[.child] ?? "" }

    public subscript(column: SSDA903Column) -> String { values[column] ?? "" }

    /// A date column as a day (nil when empty; rows with a date that does not parse are never kept).
    public func date(_ column: SSDA903Column) -> ISODay? { ReturnDate.ssda903(self[column]) }

    /// The row's identity within its table (see `SSDA903Table.key`).
    public var key: [String] { table.key.map { self[$0] } }
}

/// How a CSV file was laid out, so that an export can write it back byte for byte.
public struct CSVLayout: Sendable, Equatable, Codable {
    public var columns: [String]
    public var byteOrderMark: Bool
    public var lineEnding: String
    public var finalLineEnding: Bool

    public init(columns: [String], byteOrderMark: Bool = false, lineEnding: String = "\n", finalLineEnding: Bool = true) {
        self.columns = columns
        self.byteOrderMark = byteOrderMark
        self.lineEnding = lineEnding
        self.finalLineEnding = finalLineEnding
    }
}

/// An SSDA903 return as read: the rows kept, table by table in file order, how each CSV file was laid out, and
/// every problem found, each with where and why.
public struct SSDA903Return: Sendable {
    public var rows: [SSDA903Table: [SSDA903Row]] = [:]
    public var layouts: [SSDA903Table: CSVLayout] = [:]
    public var problems: [ReturnProblem] = []

    public init() {}

    public var childCount: Int { Set((rows[.header] ?? []).map(\.childID)).count }

    /// Each CSV file's layout by table name, as JSON, to keep with the import for writing the files back.
    public var layoutsJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let byName = Dictionary(uniqueKeysWithValues: layouts.map { ($0.key.rawValue, $0.value) })
        return (try? encoder.encode(byName)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Checks a row's values and keeps it, or says why it is left out. Values outside a code list are kept as given
    /// and reported (the DfE validation decides what they mean); a date that does not parse, or a missing required
    /// date or child, leaves the row out. Two rows with the same key are both kept: the return says so, and the
    /// validation reports it.
    mutating func add(_ row: SSDA903Row, element: String? = nil, keepingEveryRow: Bool = false) {
        var leftOut: [ReturnProblem] = [], kept: [ReturnProblem] = []
        func problem(_ column: SSDA903Column, _ value: String, _ message: String, _ effect: ReturnProblem.Effect) {
            let found = ReturnProblem(file: row.file, line: row.line, element: element, field: column.rawValue, value: value, message, effect: effect)
            if effect == .rowLeftOut { leftOut.append(found) } else { kept.append(found) }
        }
        for column in row.table.columns {
            let value = row[column]
            switch column.kind {
            case .childID:
                if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    problem(column, value, "every row needs the child's identifier", .rowLeftOut)
                }
            case .date(let required):
                if value.isEmpty {
                    if required { problem(column, value, "is required in the \(row.table.rawValue) table", .rowLeftOut) }
                } else if ReturnDate.ssda903(value) == nil {
                    problem(column, value, "is not a date written dd/mm/yyyy", .rowLeftOut)
                }
            case .code(let list, let codes):
                if !value.isEmpty, !codes.contains(value) { problem(column, value, "is not in the SSDA903 \(list) list", .keptAsGiven) }
            case .wholeNumber:
                if !value.isEmpty, Int(value) == nil { problem(column, value, "is not a whole number", .keptAsGiven) }
            case .text:
                break
            }
        }
        problems += leftOut + kept
        if leftOut.isEmpty || keepingEveryRow { rows[row.table, default: []].append(row) }
    }
}
