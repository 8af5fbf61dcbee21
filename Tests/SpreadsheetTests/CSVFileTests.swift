import Foundation
import Testing
import WaymarkSpreadsheet

@Suite("CSV files")
struct CSVFileTests {
    @Test("Fields with commas, quotes, line breaks and accents come back as they were written")
    func roundTrip() throws {
        let rows = [["indicator", "source"], ["free-school-meals", "DfE, \"Schools, pupils\"\nJanuary census"], ["café", ""]]
        let data = CSVFile.data(rows)
        #expect(String(decoding: data, as: UTF8.self) == "indicator,source\r\nfree-school-meals,\"DfE, \"\"Schools, pupils\"\"\nJanuary census\"\r\ncafé,\r\n")
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
        let windows1252 = Data("area\nHarrow on the Hill ".utf8) + Data([0xA3])  // a pound sign in Windows-1252
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
        #expect(throws: SpreadsheetError("Line 3: there is text after the closing quote of a field that began on line 2; put the whole field inside the quotes.")) {
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
