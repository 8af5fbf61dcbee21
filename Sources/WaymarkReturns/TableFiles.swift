import Foundation
import WaymarkSpreadsheet

/// A set of CSV files, each recognised as one table by its header whatever its name: the SSDA903 return and the
/// case system's extract are both sent this way. A file that cannot be read, is empty, is no table's, or holds a
/// table another file already holds is refused with why; the others come back with their rows, in name order.
public struct TableFiles<Table: Hashable & RawRepresentable<String>> {
    public struct File {
        public var table: Table
        public var name: String
        public var data: Data
        /// The header's cells as written.
        public var header: [String]
        /// The data rows, blank lines left out.
        public var rows: ArraySlice<SheetRow>
    }

    public var files: [File] = []
    public var problems: [ReturnProblem] = []

    /// - Parameters: `recognise` names the table of a header (its cells as written), or says why none has it.
    public init(_ files: [(name: String, data: Data)], limits: ReadLimits = .standard, recognise: ([String]) -> Result<Table, Unrecognised>) {
        var holders: [Table: String] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            let rows: [SheetRow]
            do {
                rows = try CSVFile.rows(of: file.data, limits: limits)
            } catch {
                problems.append(ReturnProblem(file: file.name, error.message, effect: .fileRefused))
                continue
            }
            guard let header = rows.first else {
                problems.append(ReturnProblem(file: file.name, "the file is empty", effect: .fileRefused))
                continue
            }
            let table: Table
            switch recognise(header.cells) {
            case .success(let recognised): table = recognised
            case .failure(let why):
                problems.append(ReturnProblem(file: file.name, line: 1, why.reason, effect: .fileRefused))
                continue
            }
            if let other = holders[table] {
                problems.append(
                    ReturnProblem(file: file.name, "holds the \(table.rawValue) table, as \(other) does; import one of them", effect: .fileRefused))
                continue
            }
            holders[table] = file.name
            self.files.append(
                File(
                    table: table, name: file.name, data: file.data, header: header.cells,
                    rows: rows.dropFirst().filter { !($0.cells.count == 1 && $0.cells[0].isEmpty) }[...]))
        }
    }

    /// Why a header is no table's.
    public struct Unrecognised: Error {
        public var reason: String

        public init(reason: String) { self.reason = reason }
    }
}
