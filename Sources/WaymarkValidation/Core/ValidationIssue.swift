/// One rule broken by one row: the rule, the table and 0-based data row, the child, and the fields the rule looks at
/// in that table.
public struct ValidationIssue: Sendable, Hashable {
    public let rule: String
    public let table: String
    public let row: Int
    public let child: String
    public let fields: [String]

    public init(rule: String, table: String, row: Int, child: String, fields: [String]) {
        self.rule = rule
        self.table = table
        self.row = row
        self.child = child
        self.fields = fields
    }

    /// Where it is, for people: `Episodes row 3 (DEC, REC)`.
    public var place: String {
        fields.isEmpty ? "\(table) row \(row)" : "\(table) row \(row) (\(fields.joined(separator: ", ")))"
    }
}

/// A rule's finding before it is named: a row of a table.
public struct RowHit: Sendable, Hashable {
    public let table: String
    public let row: Int

    public init(_ table: String, _ row: Int) {
        self.table = table
        self.row = row
    }
}
