/// One row of a table read from a CSV file or a workbook's sheet, with its number as the person sees it in a
/// spreadsheet program (the first row is 1), so every message can say where a problem is.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// True for a row with nothing in it (spreadsheets often carry a few at the end).
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// Why a file could not be read as a table at all, in words that say how to put it right.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
