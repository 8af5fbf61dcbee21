/// One DfE rule for the CIN census, written from its published message and the DfE's census guide: the fields it looks
/// at, table by table, and how it finds the rows that break it. A rule about the whole return (an "LA level" rule)
/// points at the header.
public struct CINRule: Sendable {
    public let code: String
    public let fields: [CINTable: [CINColumn]]
    let find: @Sendable (CINCensusData) -> [RowHit]

    init(_ code: String, _ fields: [CINTable: [CINColumn]], find: @escaping @Sendable (CINCensusData) -> [RowHit]) {
        self.code = code
        self.fields = fields
        self.find = find
    }
}

extension CINCensusData {
    /// The rows of a table for which `test` holds.
    func rows(_ table: CINTable, where test: (Int) -> Bool) -> [RowHit] {
        var hits: [RowHit] = []
        for row in 0..<self[table].count where test(row) { hits.append(RowHit(table.rawValue, row)) }
        return hits
    }

    /// Rows named by number.
    func hits(_ table: CINTable, _ rows: some Sequence<Int>) -> [RowHit] { rows.map { RowHit(table.rawValue, $0) } }

    /// Rows whose value in `column` is not one of `codes` (a blank is allowed or not).
    func notIn(_ table: CINTable, _ column: CINColumn, _ codes: Set<String>, blankAllowed: Bool) -> [RowHit] {
        let values = self[table][column]
        return rows(table) { values[$0].isEmpty ? !blankAllowed : !codes.contains(values[$0]) }
    }

    /// Rows whose date in `column` is given but is not a day of the census period.
    func outsidePeriod(_ table: CINTable, _ column: CINColumn) -> [RowHit] {
        let days = self[table].days(column)
        return rows(table) { days[$0] != Days.blank && !period.contains(days[$0]) }
    }

    /// These rows with the rows of their episodes in `CINdetails`, for a rule broken by either (an issue named twice
    /// is named once).
    func withTheirEpisodes(_ found: [RowHit]) -> [RowHit] {
        found + found.map { RowHit(CINTable.cinDetails.rawValue, episode(CINTable(rawValue: $0.table)!, $0.row)) }
    }

    /// These rows with their children's rows in `ChildIdentifiers`, for a rule broken by either.
    func withTheirChildren(_ found: [RowHit]) -> [RowHit] {
        found + found.map { RowHit(CINTable.childIdentifiers.rawValue, child(CINTable(rawValue: $0.table)!, $0.row)) }
    }

    /// Rows whose date in `column` falls before their episode's referral date, with those episodes' rows: the rule
    /// is broken by either date.
    func beforeReferral(_ table: CINTable, _ column: CINColumn) -> [RowHit] {
        let days = self[table].days(column), referrals = self[.cinDetails].days(.referralDate)
        return withTheirEpisodes(
            rows(table) { row in
                let referral = referrals[episode(table, row)]
                return Days.isDay(days[row]) && Days.isDay(referral) && days[row] < referral
            })
    }

    /// Rows whose date in `column` falls after the child's date of death, with those children's rows.
    func afterDeath(_ table: CINTable, _ column: CINColumn) -> [RowHit] {
        let days = self[table].days(column), deaths = self[.childIdentifiers].days(.deathDate)
        return withTheirChildren(
            rows(table) { row in
                let death = deaths[child(table, row)]
                return Days.isDay(days[row]) && Days.isDay(death) && days[row] > death
            })
    }

    /// When something ran: from its start to its end, or on, where it has no end (as the data say, even in an
    /// episode since closed: that the episode closed does not say when the plan ended).
    struct Span {
        let start: Int32
        /// The last day, or `Int32.max` while it runs on.
        let runsTo: Int32

        func overlaps(_ other: Span) -> Bool { start < other.runsTo && other.start < runsTo }
    }

    /// A row's span, from its days in `starts` and `ends`; nil when the start is not a day or the end not a date.
    func span(_ row: Int, starts: [Int32], ends: [Int32]) -> Span? {
        guard Days.isDay(starts[row]), ends[row] != Days.invalid else { return nil }
        return Span(start: starts[row], runsTo: ends[row] == Days.blank ? .max : ends[row])
    }

    /// Rows of a table whose spans overlap another of the same child's.
    func overlapping(_ table: CINTable, start: CINColumn, end: CINColumn) -> [RowHit] {
        let starts = self[table].days(start), ends = self[table].days(end)
        var found = Set<Int>()
        for rows in rowsOfChild[table] ?? [] where rows.count > 1 {
            let spans = rows.compactMap { row in span(row, starts: starts, ends: ends).map { (row, $0) } }
            for (index, a) in spans.enumerated() {
                for b in spans[(index + 1)...] where a.1.overlaps(b.1) {
                    found.insert(a.0)
                    found.insert(b.0)
                }
            }
        }
        return hits(table, found)
    }

    /// Rows of a table with no end date, where the same child has another.
    func moreThanOneOpen(_ table: CINTable, end: CINColumn) -> [RowHit] {
        let ends = self[table].days(end)
        return (rowsOfChild[table] ?? []).flatMap { rows in
            let open = rows.filter { ends[$0] == Days.blank }
            return open.count > 1 ? hits(table, open) : []
        }
    }
}
