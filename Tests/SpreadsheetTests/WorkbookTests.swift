import Foundation
import Testing
import ZIPFoundation

@testable import WaymarkSpreadsheet

@Suite("Excel workbooks")
struct WorkbookTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)"))
    }

    let workbook = Workbook(sheets: [
        .init(
            name: "Values",
            rows: [
                [.text("indicator"), .text("period"), .text("value")],
                [.text("free-school-meals"), .text("FY2022-23"), .number(16.7)],
                [.text("<b> & \"quotes\""), .empty, .number(2023)],
            ], columnWidths: [24, 12]),
        .init(name: "Guidance: what goes where?", rows: [[.text("not the first sheet")]], hasHeaderRow: false),
    ])

    @Test("What is written reads back cell for cell, numbers in their shortest form")
    func roundTrip() throws {
        let rows = try WorkbookReader.firstSheet(of: try workbook.data())
        #expect(
            rows.map(\.cells) == [["indicator", "period", "value"], ["free-school-meals", "FY2022-23", "16.7"], ["<b> & \"quotes\"", "", "2023"]])
        #expect(rows.map(\.number) == [1, 2, 3])
    }

    @Test("Date cells are Excel day numbers in a dd/mm/yyyy format, and read back as the same days")
    func dates() throws {
        #expect(Workbook.serial(year: 2023, month: 3, day: 31) == 45016)
        #expect(Workbook.serial(year: 2040, month: 2, day: 29) == 51195)
        #expect(Workbook.serial(year: 1900, month: 3, day: 1) == 61)
        let dated = Workbook(sheets: [
            .init(name: "Dates", rows: [[.text("day")], [.date(year: 2024, month: 2, day: 29)], [.date(year: 2026, month: 3, day: 31)]])
        ])
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

    @Test(
        "Excel day numbers, including either side of the 1900 leap-year mistake",
        arguments: [
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

@Suite("Hostile workbooks")
struct HostileWorkbookTests {
    /// A ZIP of these parts, deflated.
    static func zip(_ parts: [(path: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.bytes.count), compressionMethod: .deflate) {
                position, size in
                part.bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// The archive with the part's unpacked size written as `size` in its local and central headers, as a zip bomb
    /// writes it (ZIP format: the local header's size at byte 22, the central header's at 24; little-endian).
    static func lying(_ data: Data, about path: String, size: UInt32) -> Data {
        var bytes = [UInt8](data)
        let name = Array(path.utf8)
        for (signature, sizeAt, nameAt) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22, 30), ([0x50, 0x4B, 0x01, 0x02], 24, 46)] {
            for start in 0..<(bytes.count - nameAt - name.count)
            where Array(bytes[start..<start + 4]) == signature
                && Array(bytes[(start + nameAt)..<(start + nameAt + name.count)]) == name
            {
                for offset in 0..<4 { bytes[start + sizeAt + offset] = UInt8((size >> (8 * UInt32(offset))) & 0xFF) }
            }
        }
        return Data(bytes)
    }

    static let relationships = Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)
    static let workbook = Data(#"<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8)

    @Test("A workbook part nested 100,000 deep is refused with its part, line and why; the reader does not overflow its stack")
    func deepWorkbookPart() throws {
        let deep = Data((String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8)
        let file = try Self.zip([("xl/workbook.xml", deep)])
        #expect(file.count < 4_000)
        #expect(
            throws: SpreadsheetError(
                "The workbook is damaged: its part xl/workbook.xml is not well-formed XML (line 1: elements are nested more than 64 deep, far deeper than any return or workbook)."
            )
        ) {
            try WorkbookReader.firstSheet(of: file)
        }
    }

    @Test("A sheet that unpacks past the limit is refused as it unpacks, though its headers say 1,000 bytes")
    func zipBomb() throws {
        // A comment: nothing the parser hands on, so the part is refused for its size alone.
        let sheet = Data(("<worksheet><sheetData/><!--" + String(repeating: "x", count: 4_000_000) + "--></worksheet>").utf8)
        let honest = try Self.zip([
            ("xl/workbook.xml", Self.workbook), ("xl/_rels/workbook.xml.rels", Self.relationships),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
        let limits = ReadLimits(unpackedBytes: 1_048_576)
        #expect(try WorkbookReader.firstSheet(of: honest).isEmpty)
        let refusal = SpreadsheetError("The workbook's part xl/worksheets/sheet1.xml unpacks to more than 1 MB, too large to read.")
        #expect(throws: refusal) { try WorkbookReader.firstSheet(of: honest, limits: limits) }
        let bomb = Self.lying(honest, about: "xl/worksheets/sheet1.xml", size: 1_000)
        #expect(bomb != honest)
        #expect(throws: refusal) { try WorkbookReader.firstSheet(of: bomb, limits: limits) }
    }

    @Test("An archive whose directory points past its own end is refused (reading it from memory crashed the process)")
    func directoryPastTheEnd() throws {
        var bytes = [UInt8](try Self.zip([("xl/workbook.xml", Self.workbook)]))
        // The end-of-directory record's last 22 bytes; the directory's offset is at 16 to 19 of them.
        let end = bytes.count - 22
        #expect(Array(bytes[end..<end + 4]) == [0x50, 0x4B, 0x05, 0x06])
        for offset in 16..<20 { bytes[end + offset] = 0x7F }
        #expect(throws: SpreadsheetError.self) { try WorkbookReader.firstSheet(of: Data(bytes)) }
    }

    @Test("A sheet whose compressed stream never ends is refused at once (ZIPFoundation read on past it for ever; found by fuzzing)")
    func endlessCompressedStream() throws {
        let started = ContinuousClock.now
        #expect(throws: SpreadsheetError.self) { try WorkbookReader.firstSheet(of: try WorkbookTests.fixture("endless-deflate.xlsx")) }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("Parts that lie about where they are, or are packed in other ways, are refused with why")
    func lyingParts() throws {
        let honest = try Self.zip([("xl/workbook.xml", Self.workbook)])
        // The local header's offset in the directory (its bytes 42 to 45) moved past the end.
        var bytes = [UInt8](honest)
        let directory = try #require((0..<bytes.count - 4).first { Array(bytes[$0..<$0 + 4]) == [0x50, 0x4B, 0x01, 0x02] })
        for offset in 42..<46 { bytes[directory + offset] = 0x7F }
        #expect(throws: SpreadsheetError("The workbook is damaged: its part xl/workbook.xml cannot be found.")) {
            try WorkbookReader.firstSheet(of: Data(bytes))
        }
        // Packed with a method Excel never uses (bytes 10 and 11 of the directory entry: 99).
        bytes = [UInt8](honest)
        bytes[directory + 10] = 99
        #expect(throws: SpreadsheetError("The workbook is damaged: its part xl/workbook.xml is packed in a way Excel does not use.")) {
            try WorkbookReader.firstSheet(of: Data(bytes))
        }
        // No directory at all.
        #expect(throws: SpreadsheetError("The workbook is damaged: it has no directory of its parts.")) {
            try WorkbookReader.firstSheet(of: Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40)))
        }
    }

    @Test(
        "Cells placed far to the right, more rows than the limit and day numbers past 9999 are refused or kept as numbers, not crashes (found by fuzzing)"
    )
    func cellsPastTheLimits() throws {
        func sheet(_ rows: String) throws -> Data {
            try Self.zip([
                ("xl/workbook.xml", Self.workbook), ("xl/_rels/workbook.xml.rels", Self.relationships),
                ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8)),
            ])
        }
        // AAAAAAAAAAAAAAAA1 overflowed a whole number; ALM1 is column 1,001.
        #expect(throws: SpreadsheetError("Row 1: a cell lies past column 1000, more than any table Waymark reads.")) {
            try WorkbookReader.firstSheet(of: try sheet(#"<row r="1"><c r="ALM1"><v>1</v></c></row>"#))
        }
        #expect(try WorkbookReader.firstSheet(of: try sheet(#"<row r="1"><c r="AAAAAAAAAAAAAAAA1"><v>1</v></c></row>"#)).first?.cells == ["1"])
        #expect(throws: SpreadsheetError("Row 3: the sheet has more than 2 rows, more than Waymark reads from one file.")) {
            try WorkbookReader.firstSheet(of: try sheet(#"<row r="1"/><row r="2"/><row r="3"/>"#), limits: ReadLimits(rows: 2))
        }
        // Day numbers in a date format: 1e300 stopped the process turning into a whole number.
        let dated = try Self.zip([
            ("xl/workbook.xml", Self.workbook), ("xl/_rels/workbook.xml.rels", Self.relationships),
            ("xl/styles.xml", Data(#"<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>"#.utf8)),
            (
                "xl/worksheets/sheet1.xml",
                Data(
                    #"<worksheet><sheetData><row r="1"><c r="A1" s="0"><v>45016</v></c><c r="B1" s="0"><v>1e300</v></c><c r="C1" s="0"><v>-5</v></c><c r="D1" s="0"><v>2958466</v></c></row></sheetData></worksheet>"#
                        .utf8)
            ),
        ])
        #expect(try WorkbookReader.firstSheet(of: dated).first?.cells == ["2023-03-31", "1e300", "-5", "2958466"])
    }
}
