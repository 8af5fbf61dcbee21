import WaymarkDomain
import WaymarkReturns

/// Every SSDA903 rule Waymark implements, and the validation that runs those in a year's listing.
public enum SSDA903Rules {
    public static let all: [SSDA903Rule] =
        header + integrity + episodeValues + episodeLengths + episodeAges + episodeSequence + reviews
        + outcomes + careLeavers + asylum + adoption + adoptionJourney + cohorts + missing + socialWorkers + deprivationOfLiberty + permanence
        + lastYear
    /// The rules by code, made once: a child's page runs them on every view.
    static let implemented = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// Rules in the DfE's listings that Waymark does not run, and why.
    static let notImplemented: [String: String] = {
        var why: [String: String] = [:]
        // The portal works out the placement's local authority and distance from home from the two postcodes.
        for code in [
            "164", "169", "179", "392a", "392c", "398", "406", "411", "420", "452", "453", "454", "1015", "229", "241",
            "503G", "503H", "503J",
        ] {
            why[code] = "needs the ONS postcode directory (placement authority and distance come from postcodes), which Waymark does not hold yet"
        }
        for code in ["218", "219", "221", "224", "227", "228", "242", "243", "1008"] {
            why[code] = "needs Ofsted's register of providers (URNs), which Waymark does not hold yet"
        }
        why["371"] = "the placement code for supported accommodation from 2024/25 is not in the code lists Waymark holds"
        why["231"] = "the listing says UASC are expected to be older but gives no age to check against"
        why["633"] = "needs the DfE's list of local authority codes, which Waymark does not hold yet"
        why["709"] =
            "the listing does not say which placement types are expected with a deprivation of liberty order (rule 710 names those that are not allowed)"
        for code in ["SW13STG1", "SW10bSTG2"] {
            why[code] = "needs the code list of reasons for a change of social worker, which Waymark does not hold yet"
        }
        return why
    }()

    /// Validates a return for a year with the rules in that year's listing.
    /// - Parameters:
    ///   - lastYear: last year's return, for the rules that compare with it; without it they are named as not run.
    ///   - datesOf: check against another year's 1 April and 31 March, to compare with a tool whose dates are fixed to
    ///     that year; by default, the year's own.
    public static func validate(
        _ files: SSDA903Files, lastYear: SSDA903Files? = nil, year: CollectionYear,
        datesOf: CollectionYear? = nil
    ) -> ValidationReport? {
        guard let listing = RuleListing(.ssda903, year: year) else { return nil }
        let data = SSDA903Data(files, year: datesOf ?? year, lastYear: lastYear)
        var notRun: [(code: String, why: String)] = []
        var runnable: [SSDA903Rule] = []
        for code in listing.codes {
            guard let rule = implemented[code] else {
                notRun.append((code, notImplemented[code] ?? "not implemented yet"))
                continue
            }
            if let missing = rule.needs.sorted().first(where: { files.tables[$0] == nil }) {
                notRun.append((code, "needs the \(missing.rawValue) table, which the return does not have"))
            } else if let (table, column) = missingOptionalColumn(rule, files) {
                notRun.append(
                    (
                        code,
                        "needs the \(table.rawValue) table's \(column.rawValue) column, which the return does not have"
                            + (column == .uascStatus ? " (the XML form has it; the CSV form does not)" : "")
                    ))
            } else if !rule.lastYear.isEmpty, lastYear == nil {
                notRun.append((code, "compares with last year's return, which was not given"))
            } else if let missing = rule.lastYear.sorted().first(where: { lastYear?.tables[$0] == nil }) {
                notRun.append((code, "needs last year's \(missing.rawValue) table, which last year's return does not have"))
            } else {
                runnable.append(rule)
            }
        }
        let misformatted = SSDA903MisformattedDates(files)
        let issues = ValidationIssue.found(
            by: runnable,
            find: { rule in
                let hits = rule.find(data)
                return misformatted.isEmpty ? hits : hits.filter { !misformatted.explains($0, readBy: rule) }
            }
        ) { rule, name in
            let table = SSDA903Table(rawValue: name)!, children = data[table]![.child], fields = (rule.fields[table] ?? []).map(\.rawValue)
            return { row in ValidationIssue(rule: rule.code, table: name, row: row, child: children[row], fields: fields) }
        }
        return ValidationReport(
            returnName: "SSDA903", year: year, listing: listing, issues: issues,
            rulesRun: runnable.map(\.code), rulesNotRun: notRun, readingProblems: files.problems + misformatted.problems,
            rowsRead: files.tables.values.reduce(0) { $0 + $1.count })
    }

    /// An optional column the rule looks at that this year's table does not have.
    private static func missingOptionalColumn(_ rule: SSDA903Rule, _ files: SSDA903Files) -> (SSDA903Table, SSDA903Column)? {
        for (table, columns) in rule.fields.sorted(by: { $0.key < $1.key }) {
            guard let held = files.tables[table] else { continue }
            if let column = columns.first(where: { table.optionalColumns.contains($0) && !held.has($0) }) { return (table, column) }
        }
        return nil
    }
}
