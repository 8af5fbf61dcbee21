import Foundation

/// A table uploaded or named on the command line: a CSV file or the first sheet of an Excel workbook, told apart by
/// content, not by name (a workbook is a ZIP archive, which starts "PK").
public enum TableFile {
    public static func rows(of data: Data, limits: ReadLimits = .standard) throws(SpreadsheetError) -> [SheetRow] {
        data.starts(with: [0x50, 0x4B]) ? try WorkbookReader.firstSheet(of: data, limits: limits) : try CSVFile.rows(of: data, limits: limits)
    }
}
