/// Every CIN census rule Waymark implements, and the validation that runs those in a year's listing.
public enum CINRules {
    public static let all: [CINRule] = child + episodes + assessments + plans + protection
    /// The rules by code, made once: a child's page runs them on every view.
    static let implemented = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// Validates a census for a year with the rules in that year's listing.
    /// - Parameter period: check against another census period, to compare with a tool that takes its dates from the
    ///   file's reference date; by default, the year's own (1 April to 31 March).
    public static func validate(_ file: CINCensusFile, year: CollectionYear, period: CINCensusPeriod? = nil) -> ValidationReport? {
        guard let listing = RuleListing(.cin, year: year) else { return nil }
        let data = CINCensusData(file, period: period ?? CINCensusPeriod(year))
        // A file that could not be read is reported as such, not checked.
        let readable = file.problems.isEmpty
        let rules = readable ? listing.codes.compactMap { implemented[$0] } : []
        let notRun = listing.codes.filter { !readable || implemented[$0] == nil }
            .map { (code: $0, why: readable ? "not implemented yet" : "the file could not be read") }
        let issues = ValidationIssue.found(by: rules, find: { $0.find(data) }) { rule, name in
            let table = CINTable(rawValue: name)!, fields = (rule.fields[table] ?? []).map(\.rawValue)
            return { row in ValidationIssue(rule: rule.code, table: name, row: row, child: data[table].value(row, .child), fields: fields) }
        }
        return ValidationReport(
            returnName: "CIN census", year: year, listing: listing, issues: issues,
            rulesRun: rules.map(\.code), rulesNotRun: notRun, readingProblems: file.problems,
            // The census's header (its year and reference date) is one row whatever the census holds.
            rowsRead: file.tables.filter { $0.key != .header }.values.reduce(0) { $0 + $1.count })
    }
}
