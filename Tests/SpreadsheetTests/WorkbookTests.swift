import Foundation
import Testing
@testable import WaymarkSpreadsheet

@Suite("Excel workbooks")
struct WorkbookTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)"))
    }

    let workbook = Workbook(sheets: [
        .init(name: "Values", rows: [
            [.text("indicator"), .text("period"), .text("value")],
            [.text("free-school-meals"), .text("FY2022-23"), .number(16.7)],
            [.text("<b> & \"quotes\""), .empty, .number(2023)],
        ], columnWidths: [24, 12]),
        .init(name: "Guidance: what goes where?", rows: [[.text("not the first sheet")]], hasHeaderRow: false),
    ])

    @Test("What is written reads back cell for cell, numbers in their shortest form")
    func roundTrip() throws {
        let rows = try WorkbookReader.firstSheet(of: try workbook.data())
        #expect(rows.map(\.cells) == [["indicator", "period", "value"], ["free-school-meals", "FY2022-23", "16.7"], ["<b> & \"quotes\"", "", "2023"]])
        #expect(rows.map(\.number) == [1, 2, 3])
    }

    @Test("Date cells are Excel day numbers in a dd/mm/yyyy format, and read back as the same days")
    func dates() throws {
        #expect(Workbook.serial(year: 2023, month: 3, day: 31) == 45016)
        #expect(Workbook.serial(year: 2040, month: 2, day: 29) == 51195)
        #expect(Workbook.serial(year: 1900, month: 3, day: 1) == 61)
        let dated = Workbook(sheets: [.init(name: "Dates", rows: [[.text("day")], [.date(year: 2024, month: 2, day: 29)], [.date(year: 2026, month: 3, day: 31)]])])
        #expect(try WorkbookReader.firstSheet(of: try dated.data()).map(\.cells) == [["day"], ["2024-02-29"], ["2026-03-31"]])
    }

    @Test("The same workbook gives the same bytes")
    func deterministic() throws {
        #expect(try workbook.data() == workbook.data())
    }

    @Test("A workbook written by openpyxl: inline strings, a date cell as yyyy-mm-dd, a true cell, a skipped row keeps its number")
    func openpyxl() throws {
        let rows = try WorkbookReader.firstSheet(of: try Self.fixture("written-by-openpyxl.xlsx"))
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows[1].cells == ["free-school-meals", "Barnet", "FY2022-23", "16.7", "first, \"quoted\""])
        #expect(rows[2].cells == ["free-school-meals", "England", "2023-03-31", "14.5"])
        #expect(rows[3].cells == ["", "TRUE", "", "", "a gap above"])
    }

    @Test("Shared strings (as Excel writes them), rich text runs, prefixed element names and error cells")
    func sharedStrings() throws {
        let rows = try WorkbookReader.firstSheet(of: try Self.fixture("shared-strings.xlsx"))
        #expect(rows.map(\.cells) == [["indicator", "", "period"], ["rich text & more", "0.30000000000000004", "#DIV/0!"]])
    }

    @Test("A file that is not a workbook is refused with what to do")
    func notAWorkbook() {
        #expect(throws: SpreadsheetError.self) { try WorkbookReader.firstSheet(of: Data("indicator,value\n".utf8)) }
        #expect(throws: SpreadsheetError.self) { try WorkbookReader.firstSheet(of: Data([0x50, 0x4B, 0x03, 0x04, 0, 0])) }
    }

    @Test("Excel day numbers, including either side of the 1900 leap-year mistake", arguments: [
        (45016.0, "2023-03-31"), (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (36526.75, "2000-01-01"), (51195, "2040-02-29"),
    ])
    func serialDates(serial: Double, expected: String) {
        #expect(WorkbookReader.isoDate(fromSerial: serial) == expected)
    }

    @Test("Column letters")
    func columnNames() {
        #expect([0, 25, 26, 27, 701, 702].map(Workbook.columnName) == ["A", "Z", "AA", "AB", "ZZ", "AAA"])
        #expect(["A1", "Z9", "AA10", "AAA3"].map(WorkbookReader.columnIndex) == [0, 25, 26, 702])
    }
}
