import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkUI
import WaymarkValidation
import WaymarkWeb

/// `waymark validate 903 FOLDER [--previous FOLDER] --year 2026` and `waymark validate cin FILE --year 2026`: the
/// DfE's rules on a return as it would be submitted, without importing it.
struct ValidateCommand: AsyncCommandGroup {
    var help: String { "Check an SSDA903 or CIN census return with the DfE's validation rules (nothing is imported)." }
    var commands: [String: any AnyAsyncCommand] { ["903": ValidateSSDA903(), "cin": ValidateCINCensus()] }
}

struct ValidateSSDA903: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "A folder of SSDA903 CSV files, one CSV file, or the XML form.")
        var path: String
        @Option(name: "year", help: "The collection year, by the year it ends: 2026 for 1 April 2025 to 31 March 2026.")
        var year: Int?
        @Option(name: "previous", help: "Last year's return (a folder or file), for the rules that compare with it; without it they are not run.")
        var previous: String?
        @Option(name: "csv", help: "Write every issue to this file: child_id, table, row_id, rule_code.")
        var csv: String?
        @Flag(
            name: "by-child", help: "Also list each child's issues: the table, row (counted from 0 after the column names) and fields, and the rule.")
        var byChild: Bool
        @Option(name: "dates-of", help: "Check against another year's 1 April and 31 March (to compare with a tool fixed to that year).")
        var datesOf: Int?
        init() {}
    }

    var help: String { "Validate an SSDA903 return (children looked after) with the DfE's rules for its year." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let year = try ValidationOutput.year(.ssda903, signature.year)
        let started = Date()
        let limits = context.application.settings.readLimits
        CommandProgress.note("Reading \(signature.path)…")
        let files = SSDA903Files.read(files: try ReturnFiles.read(signature.path), limits: limits)
        let lastYear = try signature.previous.map { SSDA903Files.read(files: try ReturnFiles.read($0), limits: limits) }
        let read = Date()
        CommandProgress.note("Running the DfE's SSDA903 rules for \(year)…")
        guard
            let report = SSDA903Rules.validate(
                files, lastYear: lastYear, year: year,
                datesOf: signature.datesOf.map(CollectionYear.init(endYear:)))
        else {
            throw CommandFailure("Waymark has no SSDA903 rules for \(year).")
        }
        let checked = Date()
        if let lastYear, !lastYear.problems.isEmpty {
            context.console.print("Last year's return:")
            for problem in lastYear.problems { context.console.print(problem.description) }
        }
        try ValidationOutput.print(report, byChild: signature.byChild, to: context.console)
        let rows = ([files] + (lastYear.map { [$0] } ?? [])).flatMap(\.tables.values).reduce(0) { $0 + $1.count }
        try ValidationOutput.finish(
            report, csv: signature.csv, rows: rows, lastYearProblems: lastYear?.problems ?? [],
            reading: read.timeIntervalSince(started), checking: checked.timeIntervalSince(read), to: context.console)
    }
}

struct ValidateCINCensus: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CIN census XML file.")
        var file: String
        @Option(name: "year", help: "The census year, by the year it ends: 2026 for 1 April 2025 to 31 March 2026.")
        var year: Int?
        @Option(name: "csv", help: "Write every issue to this file: child_id, table, row_id, rule_code.")
        var csv: String?
        @Flag(name: "by-child", help: "Also list each child's issues: the table, row (counted from 0 in the file's order) and fields, and the rule.")
        var byChild: Bool
        @Option(
            name: "period-ending",
            help:
                "Check against the year ending on this day (yyyy-mm-dd) rather than 31 March (to compare with a tool that takes its dates from the file's reference date)."
        )
        var periodEnding: String?
        init() {}
    }

    var help: String { "Validate a CIN census (children in need) with the DfE's rules for its year." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let year = try ValidationOutput.year(.cin, signature.year)
        var period: CINCensusPeriod?
        if let text = signature.periodEnding {
            let day = Days.iso(text)
            guard Days.isDay(day) else { throw CommandFailure("--period-ending: \(text) is not a date written yyyy-mm-dd.") }
            period = CINCensusPeriod(endingOn: day)
        }
        let started = Date()
        let limits = context.application.settings.readLimits
        // A folder is taken only when it holds the one file: the census is a single XML file.
        CommandProgress.note("Reading \(signature.file)…")
        let given = try ReturnFiles.read(signature.file)
        guard given.count == 1, let xml = given.first else {
            throw CommandFailure("\(signature.file): give one CIN census XML file (this holds \(given.count) files).")
        }
        let file = CINCensusFile.read(xml.data, fileName: xml.name, limits: limits)
        let read = Date()
        CommandProgress.note("Running the DfE's CIN census rules for \(year)…")
        guard let report = CINRules.validate(file, year: year, period: period) else {
            throw CommandFailure("Waymark has no CIN census rules for \(year).")
        }
        let checked = Date()
        try ValidationOutput.print(report, byChild: signature.byChild, to: context.console)
        try ValidationOutput.finish(
            report, csv: signature.csv, rows: file.tables.values.reduce(0) { $0 + $1.count },
            reading: read.timeIntervalSince(started), checking: checked.timeIntervalSince(read), to: context.console)
    }
}

/// A report on the console: what could not be read, the rules broken with how many rows and children, and the rules
/// that did not run.
enum ValidationOutput {
    /// The collection year given with `--year`, when Waymark has the return's rules for it.
    static func year(_ kind: RuleListing.Return, _ given: Int?) throws -> CollectionYear {
        guard let year = RuleListing.year(kind, endingIn: given) else {
            throw CommandFailure(
                "--year: give the collection year by the year it ends; Waymark has the rules for "
                    + RuleListing.years(kind).map { "\($0.endYear) (\($0))" }.joined(separator: ", ") + ".")
        }
        return year
    }

    /// Fails, after what could not be read, when the return holds no rows: "0 issues" would pass it as clean.
    static func print(_ report: ValidationReport, byChild: Bool, to console: any Console) throws {
        for problem in report.readingProblems { console.print(problem.description) }
        if report.rowsRead == 0 { throw CommandFailure(ValidationReport.noRows) }
        let summary = report.byRule
        console.print(
            "\(report.returnName) \(report.year): \(Counted.phrase(report.issues.count, "issue")) from \(Counted.phrase(summary.count, "rule")) "
                + "(\(report.rulesRun.count) rules run, \(report.rulesNotRun.count) not run).")
        for rule in summary {
            console.print(
                "  \(rule.code) \(rule.severity.rawValue), \(Counted.phrase(rule.count, "row")), "
                    + "\(Counted.phrase(rule.children, "child", plural: "children")): \(rule.message)")
        }
        for (why, codes) in report.notRunByReason { console.print("Not run (\(why)): \(codes.joined(separator: ", "))") }
        if byChild { printByChild(report, to: console) }
    }

    /// Writes the CSV when asked, then the benchmark's line, always the last.
    static func finish(
        _ report: ValidationReport, csv: String?, rows: Int, lastYearProblems: [ReturnProblem] = [], reading: TimeInterval,
        checking: TimeInterval, to console: any Console
    ) throws {
        if let path = csv {
            try report.csv.write(to: URL(fileURLWithPath: path))
            console.print("Wrote \(Counted.phrase(report.issues.count, "issue")) to \(path).")
        }
        console.print(String(format: "Read %d rows in %.3f s; ran %d rules in %.3f s.", rows, reading, report.rulesRun.count, checking))
        // A file that could not be read (this year's or last year's) is a return checked in part: the report stands,
        // and the command fails.
        let refused = Set((report.readingProblems + lastYearProblems).filter { $0.effect == .fileRefused }.map(\.file))
        if !refused.isEmpty {
            throw CommandFailure(
                "\(refused.count == 1 ? "1 file" : "\(refused.count) files") could not be read (listed first): "
                    + "the return was checked without \(refused.count == 1 ? "it" : "them").")
        }
    }

    /// `Child 566910`, then one line an issue: `  episodes row 3 (DEC, REC): 148 Date episode ceased and …`
    static func printByChild(_ report: ValidationReport, to console: any Console) {
        for (child, issues) in report.byChild {
            console.print(child.isEmpty ? "The return as a whole" : "Child \(child)")
            for issue in issues { console.print("  \(issue.place): \(issue.rule) " + (report.listing.messages[issue.rule] ?? "")) }
        }
    }
}
