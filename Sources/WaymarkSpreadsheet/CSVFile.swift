import Foundation

/// CSV in and out (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes), in UTF-8.
///
/// Our own small reader rather than a package's: the CSV readers in our package mirror take a quote that is never
/// closed as the rest of the file in one field, silently, and cannot say on which line a record starts. Waymark
/// must refuse such a file and say where.
public enum CSVFile {
    /// The file's records, each numbered by the line it starts on. A UTF-8 byte-order mark (Excel's "CSV UTF-8")
    /// is skipped; UTF-16 and other encodings are refused with a message saying how to save the file, and so is a file
    /// past the limits (too many records, fields in a record, or bytes in a field), at the line where it passes them.
    public static func rows(of data: Data, limits: ReadLimits = .standard) throws(SpreadsheetError) -> [SheetRow] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw SpreadsheetError("The file is in UTF-16. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard String(validating: bytes[start...], as: UTF8.self) != nil else {
            throw SpreadsheetError(
                "The file is not in UTF-8 (it may be in Windows-1252). Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.")
        }
        return try parse(bytes[start...], limits: limits)
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private static func parse(_ bytes: ArraySlice<UInt8>, limits: ReadLimits) throws(SpreadsheetError) -> [SheetRow] {
        var rows: [SheetRow] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var index = bytes.startIndex
        var quotedFieldLine: Int?

        func fieldTooLong() -> SpreadsheetError {
            SpreadsheetError("Line \(line): a field holds more than \(limits.valueBytes) bytes, more than any value Waymark reads.")
        }
        func endField() throws(SpreadsheetError) {
            guard field.count <= limits.valueBytes else { throw fieldTooLong() }
            guard cells.count < limits.fieldsPerRow else {
                throw SpreadsheetError(
                    "Line \(recordLine): the record has more than \(limits.fieldsPerRow) fields, more than any table Waymark reads.")
            }
            cells.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() throws(SpreadsheetError) {
            try endField()
            guard rows.count < limits.rows else {
                throw SpreadsheetError("Line \(recordLine): the file has more than \(limits.rows) records, more than Waymark reads from one file.")
            }
            rows.append(SheetRow(number: recordLine, cells: cells))
            cells.removeAll(keepingCapacity: true)
        }

        while index < bytes.endIndex {
            let byte = bytes[index]
            if field.count > limits.valueBytes { throw fieldTooLong() }
            if let openedOn = quotedFieldLine {
                if byte == quote {
                    if index + 1 < bytes.endIndex, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quotedFieldLine = nil
                        let next = index + 1 < bytes.endIndex ? bytes[index + 1] : comma
                        guard next == comma || next == lineFeed || next == carriageReturn else {
                            throw SpreadsheetError(
                                "Line \(line): there is text after the closing quote of a field that began on line \(openedOn); put the whole field inside the quotes."
                            )
                        }
                    }
                } else {
                    if byte == lineFeed { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote && field.isEmpty {
                quotedFieldLine = line
            } else if byte == comma {
                try endField()
            } else if byte == lineFeed || byte == carriageReturn {
                try endRecord()
                if byte == carriageReturn, index + 1 < bytes.endIndex, bytes[index + 1] == lineFeed { index += 1 }
                line += 1
                recordLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        if let openedOn = quotedFieldLine {
            throw SpreadsheetError("Line \(openedOn): a quote mark opens a field that is never closed.")
        }
        if !field.isEmpty || !cells.isEmpty { try endRecord() }
        return rows
    }

    /// The rows as CSV text in UTF-8, lines ended with CRLF as RFC 4180 asks unless told otherwise (to write a file
    /// back as it came); fields are quoted only where needed.
    public static func data(_ rows: [[String]], lineEnding: String = "\r\n", finalLineEnding: Bool = true, byteOrderMark: Bool = false) -> Data {
        var writer = Writer(lineEnding: lineEnding, byteOrderMark: byteOrderMark, capacity: rows.count * 32)
        for row in rows { writer.row(row) }
        return writer.data(finalLineEnding: finalLineEnding)
    }

    /// A field a spreadsheet would take as a formula (one beginning =, +, -, @, tab or carriage return: OWASP's "CSV
    /// injection") is written after an apostrophe, which the spreadsheet shows as text; a plain number such as -2.5 or
    /// +3 is left as it is. Every CSV Waymark writes goes through here.
    public static func formulaSafe(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return "'" + field
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return isPlainNumber(field.utf8.dropFirst()) ? field : "'" + field
        default: return field
        }
    }

    /// Digits with at most one decimal point among them: `12`, `2.5`.
    private static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var digits = 0, points = 0
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") {
                points += 1
            } else {
                return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// CSV written row by row, byte by byte: exports and validation reports run to hundreds of thousands of lines,
    /// and need not make each an array of strings first.
    public struct Writer {
        private var bytes: [UInt8]
        private let ending: [UInt8]
        private var rows = 0, fieldsInRow = 0

        public init(lineEnding: String = "\r\n", byteOrderMark: Bool = false, capacity: Int = 0) {
            bytes = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
            bytes.reserveCapacity(capacity)
            ending = Array(lineEnding.utf8)
        }

        /// The next field of the row under way (the first begins a row).
        public mutating func field(_ value: String) {
            if fieldsInRow > 0 {
                bytes.append(comma)
            } else {
                if rows > 0 { bytes += ending }
                rows += 1
            }
            fieldsInRow += 1
            CSVFile.append(value, to: &bytes)
        }

        /// Ends the row under way.
        public mutating func endRow() { fieldsInRow = 0 }

        public mutating func row(_ fields: [String]) {
            for value in fields { field(value) }
            endRow()
        }

        /// The text written, the writer given up for it (so its bytes are not copied to add the last line ending).
        public consuming func data(finalLineEnding: Bool = true) -> Data {
            if finalLineEnding, rows > 0 { bytes += ending }
            return Data(bytes)
        }
    }

    private static func append(_ field: String, to bytes: inout [UInt8]) {
        let field = formulaSafe(field)
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == comma || $0 == quote || $0 == lineFeed || $0 == carriageReturn }) else {
            bytes += utf8
            return
        }
        bytes.append(quote)
        for byte in utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}
