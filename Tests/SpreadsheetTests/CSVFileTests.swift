import Foundation
import Testing
import WaymarkSpreadsheet

@Suite("CSV files")
struct CSVFileTests {
    @Test("Fields with commas, quotes, line breaks and accents come back as they were written")
    func roundTrip() throws {
        let rows = [["indicator", "source"], ["free-school-meals", "DfE, \"Schools, pupils\"\nJanuary census"], ["café", ""]]
        let data = CSVFile.data(rows)
        #expect(
            String(decoding: data, as: UTF8.self)
                == "indicator,source\r\nfree-school-meals,\"DfE, \"\"Schools, pupils\"\"\nJanuary census\"\r\ncafé,\r\n")
        let read = try CSVFile.rows(of: data)
        #expect(read.map(\.cells) == rows)
        // Each record is numbered by the line it starts on: the second record's field runs over two lines.
        #expect(read.map(\.number) == [1, 2, 4])
    }

    @Test("Excel's byte-order mark is skipped")
    func byteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("indicator,value\nx,1\n".utf8)
        #expect(try CSVFile.rows(of: data).first?.cells == ["indicator", "value"])
    }

    @Test("UTF-16 and Windows-1252 files are refused with how to save them")
    func otherEncodings() {
        let utf16 = "indicator,value\n".data(using: .utf16LittleEndian)!
        #expect(throws: SpreadsheetError("The file is in UTF-16. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.")) {
            try CSVFile.rows(of: Data([0xFF, 0xFE]) + utf16)
        }
        let windows1252 = Data("area\nHarrow on the Hill ".utf8) + Data([0xA3]) // a pound sign in Windows-1252
        #expect(throws: SpreadsheetError.self) { try CSVFile.rows(of: windows1252) }
        do {
            _ = try CSVFile.rows(of: windows1252)
        } catch {
            #expect(error.message.contains("not in UTF-8"))
        }
    }

    @Test("A quote that is never closed, or text after a closing quote, is refused with its line")
    func badQuotes() {
        #expect(throws: SpreadsheetError("Line 2: a quote mark opens a field that is never closed.")) {
            try CSVFile.rows(of: Data("a,b\n1,\"two\n3,4".utf8))
        }
        #expect(
            throws: SpreadsheetError(
                "Line 3: there is text after the closing quote of a field that began on line 2; put the whole field inside the quotes.")
        ) {
            try CSVFile.rows(of: Data("a,b\n1,\"two\nlines\"x,3\n".utf8))
        }
    }

    @Test("Line endings: LF, CRLF and a last line without one; blank lines are kept as blank rows")
    func lineEndings() throws {
        let rows = try CSVFile.rows(of: Data("a,b\r\n1,2\n\n3,\"\"".utf8))
        #expect(rows.map(\.cells) == [["a", "b"], ["1", "2"], [""], ["3", ""]])
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[2].isBlank)
    }
}

@Suite("CSV files past the reading limits")
struct CSVLimitTests {
    @Test("A line of a million commas is refused at the field limit, saying the line, not read into a million strings")
    func tooManyFields() throws {
        let data = Data("a,b\n".utf8) + Data(repeating: UInt8(ascii: ","), count: 1_000_000)
        #expect(throws: SpreadsheetError("Line 2: the record has more than 1000 fields, more than any table Waymark reads.")) {
            try CSVFile.rows(of: data)
        }
        let wide = Data((Array(repeating: "x", count: 1_000).joined(separator: ",") + "\n").utf8)
        #expect(try CSVFile.rows(of: wide).first?.cells.count == 1_000)
    }

    @Test("More records than the limit are refused at the first one past it")
    func tooManyRows() throws {
        let limits = ReadLimits(rows: 3)
        #expect(try CSVFile.rows(of: Data("h\n1\n2\n".utf8), limits: limits).count == 3)
        #expect(throws: SpreadsheetError("Line 4: the file has more than 3 records, more than Waymark reads from one file.")) {
            try CSVFile.rows(of: Data("h\n1\n2\n3\n".utf8), limits: limits)
        }
    }

    @Test("A field longer than the limit is refused, quoted or not, even as the file's last")
    func longField() throws {
        let limits = ReadLimits(valueBytes: 10)
        #expect(try CSVFile.rows(of: Data("0123456789,\"0123456789\"".utf8), limits: limits).first?.cells == ["0123456789", "0123456789"])
        for text in ["a\n01234567890,b\n", "a\n\"01234567890\"\n", "a\n01234567890"] {
            #expect(throws: SpreadsheetError("Line 2: a field holds more than 10 bytes, more than any value Waymark reads.")) {
                try CSVFile.rows(of: Data(text.utf8), limits: limits)
            }
        }
    }
}

@Suite("CSV written safe for spreadsheets")
struct CSVFormulaTests {
    @Test(
        "A field a spreadsheet would run as a formula is written after an apostrophe; plain numbers are left",
        arguments: [
            ("=HYPERLINK(\"https://e.example\",\"x\")", "'=HYPERLINK(\"https://e.example\",\"x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
            ("-2.5", "-2.5"), ("+3", "+3"), ("-", "'-"), ("12", "12"), ("", ""), ("a=b", "a=b"), ("2026-03-31", "2026-03-31"),
        ])
    func neutralised(given: String, written: String) throws {
        #expect(CSVFile.formulaSafe(given) == written)
        #expect(try CSVFile.rows(of: CSVFile.data([[given]])).first?.cells == [written])
    }

    @Test("The row-by-row writer does the same")
    func writer() {
        var writer = CSVFile.Writer(lineEnding: "\n")
        writer.row(["=1+1", "-1"])
        #expect(String(decoding: writer.data(), as: UTF8.self) == "'=1+1,-1\n")
    }
}
