import Foundation
import WaymarkDomain
import WaymarkSpreadsheet

/// Reads the CSV form of an SSDA903 return: a set of files, each recognised by its columns.
public enum SSDA903CSVReader {
    public static func read(files: [(name: String, data: Data)], limits: ReadLimits = .standard) -> SSDA903Return {
        var result = SSDA903Return()
        let tableFiles = TableFiles<SSDA903Table>(files, limits: limits) { header in
            SSDA903Table.recognise(header).map { .success($0) } ?? .failure(.init(reason: unrecognised(header)))
        }
        result.problems = tableFiles.problems
        for file in tableFiles.files {
            result.layouts[file.table] = layout(of: file.data, columns: file.header)
            let columns = file.header.map { SSDA903Column(rawValue: $0.trimmingCharacters(in: .whitespaces).uppercased())! }
            for row in file.rows {
                guard row.cells.count == columns.count else {
                    result.problems.append(
                        ReturnProblem(
                            file: file.name, line: row.number,
                            "has \(row.cells.count) values for \(columns.count) columns", effect: .rowLeftOut))
                    continue
                }
                result.add(
                    SSDA903Row(
                        table: file.table, values: Dictionary(uniqueKeysWithValues: zip(columns, row.cells)), file: file.name,
                        line: row.number))
            }
        }
        return result
    }

    /// Why no table has these columns: the nearest table's missing and unknown columns.
    public static func unrecognised(_ names: [String]) -> String {
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
        return CSVLayout(
            columns: columns, byteOrderMark: bytes.starts(with: [0xEF, 0xBB, 0xBF]), lineEnding: crlf ? "\r\n" : "\n",
            finalLineEnding: data.last == 0x0A)
    }
}
