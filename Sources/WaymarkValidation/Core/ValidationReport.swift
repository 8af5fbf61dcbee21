import Foundation
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet

/// The outcome of validating one return: every issue found, which rules ran, which could not and why, and the
/// problems that kept part of the return from being read.
public struct ValidationReport: Sendable {
    public let returnName: String
    public let year: CollectionYear
    public let listing: RuleListing
    /// In rule order (the listing's), then table and row.
    public let issues: [ValidationIssue]
    public let rulesRun: [String]
    /// Rules in the year's listing that did not run, each with why (a table not given, last year's return not given,
    /// or not implemented).
    public let rulesNotRun: [(code: String, why: String)]
    public let readingProblems: [ReturnProblem]
    /// The rows read from the return's files, every table: none means nothing was checked, which is never "0 issues".
    public let rowsRead: Int

    public init(
        returnName: String, year: CollectionYear, listing: RuleListing, issues: [ValidationIssue], rulesRun: [String],
        rulesNotRun: [(code: String, why: String)], readingProblems: [ReturnProblem], rowsRead: Int
    ) {
        self.rowsRead = rowsRead
        self.returnName = returnName
        self.year = year
        self.listing = listing
        self.issues = issues
        self.rulesRun = rulesRun
        self.rulesNotRun = rulesNotRun
        self.readingProblems = readingProblems
    }

    /// What to say first of a return with no rows.
    public static let noRows =
        "The return holds no rows, so nothing was checked: the files given are empty or hold only their headers."

    public struct RuleSummary: Sendable, Equatable {
        public let code: String
        public let message: String
        public let severity: Severity
        /// Rows that break it.
        public let count: Int
        /// Children with at least one such row.
        public let children: Int
    }

    /// The rules broken, most rows first (then by code).
    public var byRule: [RuleSummary] {
        // Each rule's issues come together (ValidationIssue.found): counted a run at a time.
        var summaries: [RuleSummary] = [], start = issues.startIndex
        while start < issues.endIndex {
            let code = issues[start].rule
            let end = issues[start...].firstIndex { $0.rule != code } ?? issues.endIndex
            // An issue of the return as a whole (no child) is no child's.
            var children = Set<String>(minimumCapacity: end - start)
            for issue in issues[start..<end] where !issue.child.isEmpty { children.insert(issue.child) }
            let message = listing.messages[code] ?? ""
            summaries.append(
                RuleSummary(
                    code: code, message: message, severity: Severity(code: code, message: message), count: end - start,
                    children: children.count))
            start = end
        }
        return summaries.sorted { ($0.count, $1.code) > ($1.count, $0.code) }
    }

    /// Each child's issues, children in the order they first break a rule.
    public var byChild: [(child: String, issues: [ValidationIssue])] {
        var order: [String] = [], grouped: [String: [ValidationIssue]] = [:]
        for issue in issues {
            if grouped[issue.child] == nil { order.append(issue.child) }
            grouped[issue.child, default: []].append(issue)
        }
        return order.map { ($0, grouped[$0]!) }
    }

    /// The rules that did not run, grouped by why (in the order of the reasons' words), each group in the order of its
    /// codes' numbers: 105, 205C, 303, 503G, then codes with no number (SW13STG1).
    public var notRunByReason: [(why: String, codes: [String])] {
        Dictionary(grouping: rulesNotRun, by: \.why).sorted { $0.key < $1.key }.map { ($0.key, $0.value.map(\.code).sorted(by: Self.codeOrder)) }
    }

    private static func codeOrder(_ a: String, _ b: String) -> Bool {
        let number = { (code: String) in Int(code.prefix { $0.isNumber }) ?? .max }
        return (number(a), a) < (number(b), b)
    }

    /// `child_id,table,row_id,rule_code`: one line an issue, so results compare rule by rule with other validators.
    public var csv: Data {
        var csv = CSVFile.Writer(lineEnding: "\n", capacity: issues.count * 24)
        csv.row(["child_id", "table", "row_id", "rule_code"])
        for issue in issues {
            csv.field(issue.child)
            csv.field(issue.table)
            csv.field(String(issue.row))
            csv.field(issue.rule)
            csv.endRow()
        }
        return csv.data()
    }
}
