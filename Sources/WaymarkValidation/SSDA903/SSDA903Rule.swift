import WaymarkDomain
import WaymarkReturns

/// One DfE rule for the SSDA903, written from its published message and the DfE's field definitions: the fields it
/// looks at, table by table (the tables it needs, and what each finding points to), and how it finds the rows that
/// break it.
public struct SSDA903Rule: Sendable {
    public let code: String
    public let fields: [SSDA903Table: [SSDA903Column]]
    /// Tables that must be in the return for the rule to mean anything (by default every table it looks at).
    public let needs: Set<SSDA903Table>
    /// Tables of last year's return the rule compares with: it runs only when last year's return is given with them.
    public let lastYear: Set<SSDA903Table>
    let find: @Sendable (SSDA903Data) -> [RowHit]

    init(
        _ code: String, _ fields: [SSDA903Table: [SSDA903Column]], needs: Set<SSDA903Table>? = nil, lastYear: Set<SSDA903Table> = [],
        find: @escaping @Sendable (SSDA903Data) -> [RowHit]
    ) {
        self.code = code
        self.fields = fields
        self.needs = needs ?? Set(fields.keys)
        self.lastYear = lastYear
        self.find = find
    }
}

extension RowHit {
    init(_ table: SSDA903Table, _ row: Int) { self.init(table.rawValue, row) }
}

extension SSDA903Data {
    /// The rows of a table for which `test` holds.
    func rows(_ table: SSDA903Table, where test: (Int) -> Bool) -> [RowHit] {
        guard let values = tables[table] else { return [] }
        var hits: [RowHit] = []
        for row in 0..<values.count where test(row) { hits.append(RowHit(table, row)) }
        return hits
    }

    /// Rows named by number.
    func hits(_ table: SSDA903Table, _ rows: some Sequence<Int>) -> [RowHit] { rows.map { RowHit(table, $0) } }

    /// Rows of a table whose value in `column` is filled in but not one of `codes`.
    func notIn(_ table: SSDA903Table, _ column: SSDA903Column, _ codes: Set<String>, blankAllowed: Bool = true) -> [RowHit] {
        guard let values = tables[table]?[column] else { return [] }
        return rows(table) { values[$0].isEmpty ? !blankAllowed : !codes.contains(values[$0]) }
    }

    /// Rows of a table whose date in `column` is filled in but is not a day (or is blank, where it is required).
    func notADay(_ table: SSDA903Table, _ column: SSDA903Column, required: Bool = false) -> [RowHit] {
        guard let days = tables[table]?.days(column) else { return [] }
        return rows(table) { days[$0] == Days.invalid || (required && days[$0] == Days.blank) }
    }

    /// Rows in `table` for children with no row in the header.
    func notInHeader(_ table: SSDA903Table) -> [RowHit] {
        guard let children = tables[table]?[.child] else { return [] }
        return rows(table) { headerRow[children[$0]] == nil }
    }

    /// Rows of `table` whose child appears more than once in it.
    func repeated(_ table: SSDA903Table) -> [RowHit] {
        guard let children = tables[table]?[.child] else { return [] }
        var seen: [String: Int] = [:]
        for child in children { seen[child, default: 0] += 1 }
        return rows(table) { seen[children[$0], default: 0] > 1 }
    }

    /// Episode rows, and for each child among them the header row holding their date of birth: a rule on the
    /// child's age may be broken by the date of birth as much as by the other date.
    func withBirthRows(_ hits: [RowHit]) -> [RowHit] {
        guard let children = tables[.episodes]?[.child] else { return hits }
        var seen = Set<Int>()
        let births = hits.compactMap { headerRow[children[$0.row]] }.filter { seen.insert($0).inserted }
        return hits + self.hits(.header, births)
    }
}
