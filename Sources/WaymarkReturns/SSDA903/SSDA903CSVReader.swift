import Foundation
import WaymarkSpreadsheet

/// Reads the CSV form of an SSDA903 return: a set of files, each recognised by its columns.
public enum SSDA903CSVReader {
    public static func read(files: [(name: String, data: Data)]) -> SSDA903Return {
        var result = SSDA903Return()
        var tableFiles: [SSDA903Table: String] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            let rows: [SheetRow]
            do {
                rows = try CSVFile.rows(of: file.data)
            } catch {
                result.problems.append(ReturnProblem(file: file.name, error.message, effect: .fileRefused))
                continue
            }
            guard let header = rows.first else {
                result.problems.append(ReturnProblem(file: file.name, "the file is empty", effect: .fileRefused))
                continue
            }
            guard let table = SSDA903Table.recognise(header.cells) else {
                result.problems.append(ReturnProblem(file: file.name, line: 1, unrecognised(header.cells), effect: .fileRefused))
                continue
            }
            if let other = tableFiles[table] {
                result.problems.append(ReturnProblem(file: file.name, "holds the \(table.rawValue) table, as \(other) does; import one of them", effect: .fileRefused))
                continue
            }
            tableFiles[table] = file.name
            result.layouts[table] = layout(of: file.data, columns: header.cells)
            let columns = header.cells.map { SSDA903Column(rawValue: $0.trimmingCharacters(in: .whitespaces).uppercased())! }
            for row in rows.dropFirst() where !(row.cells.count == 1 && row.cells[0].isEmpty) {
                guard row.cells.count == columns.count else {
                    result.problems.append(ReturnProblem(file: file.name, line: row.number,
                                                         "has \(row.cells.count) values for \(columns.count) columns", effect: .rowLeftOut))
                    continue
                }
                result.add(SSDA903Row(table: table, values: Dictionary(uniqueKeysWithValues: zip(columns, row.cells)), file: file.name, line: row.number))
            }
        }
        return result
    }

    /// Why no table has these columns: the nearest table's missing and unknown columns.
    static func unrecognised(_ names: [String]) -> String {
        let given = Set(names.map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        let nearest = SSDA903Table.allCases.max { a, b in
            given.intersection(a.columns.map(\.rawValue)).count < given.intersection(b.columns.map(\.rawValue)).count
        }!
        let expected = Set(nearest.columns.map(\.rawValue))
        var parts: [String] = []
        let missing = nearest.columns.map(\.rawValue).filter { !given.contains($0) }
        let unknown = names.filter { !expected.contains($0.trimmingCharacters(in: .whitespaces).uppercased()) }
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
        if !unknown.isEmpty { parts.append("unknown \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))") }
        return "its columns are not those of any SSDA903 table; nearest is \(nearest.rawValue) (\(parts.joined(separator: "; ")))"
    }

    static func layout(of data: Data, columns: [String]) -> CSVLayout {
        let bytes = [UInt8](data.prefix(4096))
        let crlf = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } ?? false
        return CSVLayout(columns: columns, byteOrderMark: bytes.starts(with: [0xEF, 0xBB, 0xBF]), lineEnding: crlf ? "\r\n" : "\n",
                         finalLineEnding: data.last == 0x0A)
    }
}
