import Foundation

/// Reads the first sheet of an .xlsx workbook as rows of text, as the person sees them in Excel: shared and inline
/// strings, numbers, true/false, and dates (numbers in a date format) written as yyyy-mm-dd.
public enum WorkbookReader {
    public static func firstSheet(of data: Data, limits: ReadLimits = .standard) throws(SpreadsheetError) -> [SheetRow] {
        let notAWorkbook = SpreadsheetError(
            "The file is not an Excel workbook (.xlsx). Save it as \"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\" and upload it again.")
        guard data.starts(with: [0x50, 0x4B]) else { throw notAWorkbook }
        let archive: ZipParts
        do {
            archive = try ZipParts(data)
        } catch {
            throw SpreadsheetError("The workbook is damaged: \(error.reason).")
        }
        func part(_ path: String) throws(SpreadsheetError) -> XMLElement? {
            let bytes: Data
            do {
                guard let unpacked = try archive.data(path, limit: limits.unpackedBytes) else { return nil }
                bytes = unpacked
            } catch {
                throw SpreadsheetError(
                    error.tooLarge
                        ? "The workbook's part \(path) unpacks to more than \(limits.unpackedBytes / 1_048_576) MB, too large to read."
                        : "The workbook is damaged: \(error.reason).")
            }
            do {
                return try XMLElement.parse(bytes, limits: limits)
            } catch {
                throw SpreadsheetError("The workbook is damaged: its part \(path) is not well-formed XML (line \(error.line): \(error.reason)).")
            }
        }
        guard let workbook = try part("xl/workbook.xml") else { throw notAWorkbook }
        guard let firstSheet = workbook.descendants("sheet").first, let relationshipID = firstSheet.attribute("id") else {
            throw SpreadsheetError("The workbook has no sheets.")
        }
        let relationships = try part("xl/_rels/workbook.xml.rels")?.descendants("Relationship") ?? []
        guard let target = relationships.first(where: { $0.attribute("Id") == relationshipID })?.attribute("Target") else {
            throw SpreadsheetError("The workbook is damaged: its first sheet cannot be found.")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheet = try part(sheetPath) else { throw SpreadsheetError("The workbook is damaged: \(sheetPath) is missing.") }
        let sharedStrings = try part("xl/sharedStrings.xml")?.children("si").map(\.allText) ?? []
        let dateStyles = try part("xl/styles.xml").map(dateStyleIndexes) ?? []

        var rows: [SheetRow] = []
        for row in sheet.descendants("row") {
            let number = row.attribute("r").flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            guard rows.count < limits.rows else {
                throw SpreadsheetError("Row \(number): the sheet has more than \(limits.rows) rows, more than Waymark reads from one file.")
            }
            var cells: [String] = []
            for cell in row.children("c") {
                let column = cell.attribute("r").flatMap(columnIndex) ?? cells.count
                // A cell's reference says where it goes: one far to the right would make a row of millions of cells.
                guard column < limits.fieldsPerRow else {
                    throw SpreadsheetError("Row \(number): a cell lies past column \(limits.fieldsPerRow), more than any table Waymark reads.")
                }
                if column >= cells.count { cells += Array(repeating: "", count: column - cells.count + 1) }
                cells[column] = text(of: cell, sharedStrings: sharedStrings, dateStyles: dateStyles)
            }
            rows.append(SheetRow(number: number, cells: cells))
        }
        return rows
    }

    private static func text(of cell: XMLElement, sharedStrings: [String], dateStyles: Set<Int>) -> String {
        let value = cell.children("v").first?.allText ?? ""
        switch cell.attribute("t") ?? "n" {
        case "s": return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
        case "inlineStr": return cell.children("is").first?.allText ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "n":
            // A day number from 1 (1 January 1900) to 2,958,465 (31 December 9999), as Excel allows; others stay numbers.
            if let style = cell.attribute("s").flatMap(Int.init), dateStyles.contains(style), let serial = Double(value),
                (1...2_958_465.99).contains(serial)
            {
                return isoDate(fromSerial: serial)
            }
            return value
        default: return value // "str" (a formula's text) and "e" (an error such as #DIV/0!)
        }
    }

    /// The indexes of the cell formats that show a number as a date: Excel's built-in date formats (14 to 22,
    /// 45 to 47) and any custom format with days, months or years outside quotes and brackets (ECMA-376 §18.8.30).
    static func dateStyleIndexes(_ styles: XMLElement) -> Set<Int> {
        var dateFormats = Set(14...22).union(45...47)
        for format in styles.descendants("numFmt") {
            guard let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") else { continue }
            let unquoted = code.replacingOccurrences(of: #""[^"]*"|\[[^\]]*\]"#, with: "", options: .regularExpression).lowercased()
            if unquoted.contains("y") || unquoted.contains("d") { dateFormats.insert(id) }
        }
        let cellFormats = styles.descendants("cellXfs").first?.children("xf") ?? []
        return Set(
            cellFormats.indices.filter { index in
                cellFormats[index].attribute("numFmtId").flatMap(Int.init).map(dateFormats.contains) ?? false
            })
    }

    /// Excel's day number (1900 date system; day 60 is the 29 February 1900 that never was) as yyyy-mm-dd.
    static func isoDate(fromSerial serial: Double) -> String {
        let serialDay = Int(serial.rounded(.down))
        let daysFrom1970 = serialDay - (serialDay > 60 ? 25_569 : 25_568)
        // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms").
        let z = daysFrom1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// "C12" → 2 (the column, from 0); nil for a reference of no letters or more than Excel's three (XFD is its last).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            guard letters < 3 else { return nil }
            index = index * 26 + Int(scalar.value) - 64
            letters += 1
        }
        return letters > 0 ? index - 1 : nil
    }
}
