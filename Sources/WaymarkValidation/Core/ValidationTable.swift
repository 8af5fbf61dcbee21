/// One table of a return as the validation reads it: every data row kept exactly as written (blank lines aside), held
/// column by column so that a rule reads a whole column at once, with date columns also read as `Days`.
/// Row numbers are 0-based data rows within the table's file, as the DfE's tools and other validators count them.
public struct ValidationTable: Sendable {
    /// The file it came from, for messages.
    public let file: String
    public let count: Int
    private let index: [String: Int]
    private let values: [[String]]
    private let days: [[Int32]?]

    /// - Parameters: `columns` names the columns, and `values` holds each column's values row by row (all of one
    ///   length); `dateColumns` names the columns also to read as days, with `readDay` saying how.
    public init(file: String, columns: [String], values: [[String]], dateColumns: Set<String>, readDay: (String) -> Int32) {
        precondition(values.count == columns.count && Set(values.map(\.count)).count <= 1)
        self.file = file
        count = values.first?.count ?? 0
        index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        self.values = values
        days = columns.enumerated().map { position, name in dateColumns.contains(name) ? values[position].map(readDay) : nil }
    }

    public func has(_ name: String) -> Bool { index[name] != nil }

    /// A column's values, row by row ("" where blank); an empty array for a column the table does not have.
    public func column(_ name: String) -> [String] {
        index[name].map { values[$0] } ?? []
    }

    /// A date column's days, row by row (`Days.blank`, `Days.invalid` where not a day).
    public func days(_ name: String) -> [Int32] {
        index[name].flatMap { days[$0] } ?? []
    }

    public func value(_ row: Int, _ name: String) -> String {
        index[name].map { values[$0][row] } ?? ""
    }
}
