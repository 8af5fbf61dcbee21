import WaymarkDomain
import WaymarkReturns

/// The DfE's rules run on what Waymark holds of one child, laid out as that year's return would send it, so that a
/// child's page shows what the return would have rejected or queried. Only the child's own rows are checked: rules
/// that compare children with one another, or are about the return as a whole, are checked on the whole return
/// (`waymark validate`, the check page).
public enum ChildRecordsCheck {
    /// One of the child's records breaking one rule.
    public struct Finding: Sendable, Equatable {
        public let rule: String
        public let severity: Severity
        public let message: String
        /// The record in plain words, with the day that tells it from the child's others: `Looked-after episode
        /// (DECOM 01/05/2025)`.
        public let record: String
        /// The fields the rule looks at in that record.
        public let fields: [String]
    }

    public struct Result: Sendable, Equatable {
        public let returnName: String
        public let year: CollectionYear
        /// Rule by rule in the listing's order, then in the return's order of rows.
        public let findings: [Finding]
    }

    /// The child's records of one SSDA903 return (in the order the return held them) checked with that year's rules.
    /// - Parameter tables: the tables the year's return had; a table it did not have is not made up for one child,
    ///   so the rules that need it do not run, as on the whole return.
    public static func ssda903(_ records: [JourneyRecord], child: String, year: CollectionYear, tables: Set<SSDA903Table>) -> Result? {
        var files = SSDA903Files()
        for table in SSDA903Table.allCases where tables.contains(table) {
            let rows = records.filter { $0.kind == .ssda903(table) }
            let columns = table.columns { column in rows.contains { $0.fields[column.rawValue] != nil } }
            files.tables[table] = SSDA903Files.table(
                table, file: table.fileName, columns: columns,
                values: columns.map { column in rows.map { $0.fields[column.rawValue] ?? "" } })
        }
        guard let report = SSDA903Rules.validate(files, year: year) else { return nil }
        return result(report, child: child) { issue in
            let table = SSDA903Table(rawValue: issue.table)!
            let kind = JourneyKind.ssda903(table).displayName
            guard let day = table.key.last, day != .child else { return kind }
            return "\(kind) (\(day.rawValue) \(files.tables[table]!.value(issue.row, day.rawValue)))"
        }
    }

    /// The child's records of one CIN census checked with that year's rules: written out as the census would be, and
    /// read back as the check reads any census.
    public static func cin(_ records: [JourneyRecord], child: String, year: CollectionYear) -> Result? {
        let census = CINCensus(header: CINCensus.Header(), children: [(child, records)])
        let file = CINCensusFile.read(CINCensusWriter.data(census), fileName: "census.xml")
        guard let report = CINRules.validate(file, year: year) else { return nil }
        return result(report, child: child) { issue in
            let table = CINTable(rawValue: issue.table)!
            guard let day = table.dayOfRow else { return table.recordName }
            return "\(table.recordName) (\(day.rawValue) \(file.tables[table]!.value(issue.row, day.rawValue)))"
        }
    }

    private static func result(_ report: ValidationReport, child: String, record: (ValidationIssue) -> String) -> Result {
        let findings = report.issues.filter { $0.child == child }.map { issue in
            let message = report.listing.messages[issue.rule] ?? ""
            return Finding(
                rule: issue.rule, severity: Severity(code: issue.rule, message: message), message: message,
                record: record(issue), fields: issue.fields)
        }
        return Result(returnName: report.returnName, year: report.year, findings: findings)
    }
}

extension CINTable {
    /// What a row of this part of the census is, in the words of the child's chronology.
    var recordName: String {
        switch self {
        case .header: "Census header"
        case .childIdentifiers, .childCharacteristics, .disabilities: JourneyKind.cinChild.displayName
        case .cinDetails: JourneyKind.cinEpisode.displayName
        case .assessments: JourneyKind.cinAssessment.displayName
        case .cinPlanDates: JourneyKind.cinPlan.displayName
        case .section47: JourneyKind.cinSection47.displayName
        case .childProtectionPlans: JourneyKind.cinProtectionPlan.displayName
        case .reviews: JourneyKind.cinProtectionReview.displayName
        }
    }

    /// The day that tells one of a child's rows of this part from another.
    var dayOfRow: CINColumn? {
        switch self {
        case .header, .childIdentifiers, .childCharacteristics, .disabilities: nil
        case .cinDetails: .referralDate
        case .assessments: .assessmentStart
        case .cinPlanDates: .cinPlanStart
        case .section47: .s47Start
        case .childProtectionPlans: .cppStart
        case .reviews: .reviewDate
        }
    }
}
