import Foundation
import ZIPFoundation

/// An Excel workbook (Office Open XML, ECMA-376) written from rows of cells. Only what our downloads need: text,
/// number and date cells, a bold header row that stays in view when scrolling, and column widths. Strings are written inline,
/// so there is no shared-strings part; Excel, LibreOffice and openpyxl all read such files.
public struct Workbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A day, shown dd/mm/yyyy and kept as a date (Excel's day number), so it sorts and filters as one.
        case date(year: Int, month: Int, day: Int)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Widths in characters, by column; columns beyond the list get the default width.
        public var columnWidths: [Int]
        /// Shows the first row in bold and keeps it in view when scrolling.
        public var hasHeaderRow: Bool

        public init(name: String, rows: [[Cell]], columnWidths: [Int] = [], hasHeaderRow: Bool = true) {
            self.name = name
            self.rows = rows
            self.columnWidths = columnWidths
            self.hasHeaderRow = hasHeaderRow
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The .xlsx file. The same workbook always gives the same bytes (every part is dated 1 January 1980).
    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ xml: String) throws {
            let bytes = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add("_rels/.rels", Self.rootRelationships)
        try add("xl/workbook.xml", workbookXML)
        try add("xl/_rels/workbook.xml.rels", workbookRelationships)
        try add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet))
        }
        guard let data = archive.data else { throw SpreadsheetError("The workbook could not be written.") }
        return data
    }

    private static let fixedDate = Date(timeIntervalSince1970: 315_532_800) // 1980-01-01, the earliest a ZIP can hold
    private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheets.indices.map {
                #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined()
            + "</Types>"
    }

    private static let rootRelationships =
        header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    private var workbookXML: String {
        Self.header + #"<workbook xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipNamespace)"><sheets>"#
            + sheets.enumerated().map { index, sheet in
                #"<sheet name="\#(XMLElement.escaped(Self.sheetName(sheet.name)))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
            }.joined()
            + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map {
                #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Style 0 is plain, style 1 bold (the header row), style 2 a date written dd/mm/yyyy.
    private static let styles =
        header + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    private static func worksheet(_ sheet: Sheet) -> String {
        var xml = header + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        if sheet.hasHeaderRow {
            xml +=
                #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        if !sheet.columnWidths.isEmpty {
            xml +=
                "<cols>"
                + sheet.columnWidths.enumerated().map { index, width in
                    #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
                }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let style = sheet.hasHeaderRow && rowIndex == 0 ? #" s="1""# : ""
            xml += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, cell) in row.enumerated() {
                let reference = columnName(columnIndex) + String(rowIndex + 1)
                switch cell {
                case .empty: continue
                case .number(let number) where number.isFinite:
                    xml += #"<c r="\#(reference)"\#(style)><v>\#(numberText(number))</v></c>"#
                case .number(let number):
                    xml += #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t>\#(number)</t></is></c>"#
                case .text(let text):
                    xml += #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(XMLElement.escaped(text))</t></is></c>"#
                case .date(let year, let month, let day):
                    xml += #"<c r="\#(reference)" s="2"><v>\#(serial(year: year, month: month, day: day))</v></c>"#
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Excel's number for a day: days since 30 December 1899 (so 1 March 1900 onwards is right; Excel's phantom
    /// 29 February 1900 only shifts days before it). Days from the civil date by Howard Hinnant's algorithm.
    static func serial(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 25_569 // days since 1970-01-01, then since 1899-12-30
    }

    /// A, B, … Z, AA, AB, …: the column's letters in a cell reference.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Whole numbers without a decimal point; others in the shortest form that reads back as the same number.
    static func numberText(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    /// Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
    private static func sheetName(_ name: String) -> String {
        String(name.filter { !":\\/?*[]".contains($0) }.prefix(31))
    }
}
