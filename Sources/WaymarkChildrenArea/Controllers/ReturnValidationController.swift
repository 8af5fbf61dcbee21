import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkUI
import WaymarkValidation
import WaymarkWeb

/// Checking a statutory return with the DfE's rules through the browser, as `waymark validate` does: nothing is
/// imported or kept. Each check is in the audit trail (what was checked and how many issues, never whose).
enum ReturnValidationController {
    struct CheckForm: Content {
        var kind: String?
        var year: String?
        var files: [File]?
        /// Last year's SSDA903, for the rules that compare the two years.
        var lastYearFiles: [File]?
        /// `csv` to download the issues rather than show them.
        var output: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        page(req, kind: "903", year: String(defaultYear(.ssda903).endYear), errors: FormErrors(), checked: nil)
    }

    @Sendable static func check(req: Request) async throws -> Response {
        let form = try req.content.decode(CheckForm.self)
        let given = { (files: [File]?) in files?.filter { $0.data.readableBytes > 0 }.map { (name: $0.filename, data: Data(buffer: $0.data)) } ?? [] }
        let files = given(form.files), lastYearFiles = given(form.lastYearFiles)
        let kind = form.kind == "cin" ? "cin" : "903", yearText = form.year ?? ""
        let listingKind: RuleListing.Return = kind == "cin" ? .cin : .ssda903
        var errors = FormErrors()
        if files.isEmpty { errors.add("files", "Choose the return's files") }
        if kind == "cin", files.count > 1 { errors.add("files", "Choose one CIN census file") }
        if kind == "cin", !lastYearFiles.isEmpty {
            errors.add("lastYearFiles", "Last year's return is for the SSDA903 only: leave it empty for the CIN census")
        }
        let year = RuleListing.year(listingKind, endingIn: Int(yearText))
        if year == nil {
            errors.add(
                "year",
                "Choose a year Waymark has the \(kind == "cin" ? "CIN census" : "SSDA903") rules for: "
                    + RuleListing.years(listingKind).map(\.description).joined(separator: ", "))
        }
        guard errors.isEmpty, let year else {
            return page(req, kind: kind, year: yearText, errors: errors, checked: nil, status: .unprocessableEntity)
        }
        let limits = req.application.settings.readLimits
        let (lastYear, report) = try await req.application.calculate {
            let lastYear = lastYearFiles.isEmpty ? nil : SSDA903Files.read(files: lastYearFiles, limits: limits)
            let report =
                kind == "cin"
                ? CINRules.validate(CINCensusFile.read(files[0].data, fileName: files[0].name, limits: limits), year: year)
                : SSDA903Rules.validate(SSDA903Files.read(files: files, limits: limits), lastYear: lastYear, year: year)
            return (lastYear, report)
        }
        guard let report else { throw Abort(.internalServerError) }
        try await req.audit(
            .validate, recordType: .childReturn,
            detail: "\(report.returnName) \(report.year): \(files.count) \(files.count == 1 ? "file" : "files") checked"
                + (lastYear == nil ? "" : " with last year's \(lastYearFiles.count)") + ", \(report.issues.count) issues; nothing imported")
        if form.output == "csv" {
            return .attachment(report.csv, named: "\(kind)-\(year.fileSuffix)-issues.csv", type: "text/csv; charset=utf-8")
        }
        var checked = checked(report)
        for problem in lastYear?.problems ?? [] {
            let line = "Last year's return: \(problem.description)"
            if problem.isCaveat { checked.readCaveats.append(line) } else { checked.readingProblems.append(line) }
        }
        return page(
            req, kind: kind, year: yearText, errors: FormErrors(), checked: checked, status: report.rowsRead == 0 ? .unprocessableEntity : .ok)
    }

    /// The collection year under way (from 1 April), or the latest before it that Waymark has rules for.
    private static func defaultYear(_ kind: RuleListing.Return) -> CollectionYear {
        let today = ISODay.today
        let current = today.month >= 4 ? today.year + 1 : today.year
        let years = RuleListing.years(kind)
        return years.last { $0.endYear <= current } ?? years[0]
    }

    static func checked(_ report: ValidationReport) -> ReturnValidationPage.Checked {
        .init(
            title: "\(report.returnName) \(report.year)", issueCount: report.issues.count, rulesRun: report.rulesRun.count,
            rules: report.byRule.map {
                .init(code: $0.code, severity: $0.severity.displayName, rows: $0.count, children: $0.children, message: $0.message)
            },
            children: report.byChild.map { child, issues in
                (child, issues.map { .init(place: $0.place, rule: $0.rule, message: report.listing.messages[$0.rule] ?? "") })
            },
            notRun: report.notRunByReason,
            readingProblems: report.readingProblems.filter { !$0.isCaveat }.map(\.description),
            readCaveats: report.readingProblems.filter(\.isCaveat).map(\.description),
            noRows: report.rowsRead == 0 ? ValidationReport.noRows : nil)
    }

    private static func page(
        _ req: Request, kind: String, year: String, errors: FormErrors, checked: ReturnValidationPage.Checked?,
        status: HTTPResponseStatus = .ok
    ) -> Response {
        // Both returns' years, each said as the DfE says it; the form checks the one chosen has rules for its return.
        let years = Set(RuleListing.years(.ssda903) + RuleListing.years(.cin)).sorted().map {
            Form.Choice(value: String($0.endYear), label: $0.description)
        }
        let model = ReturnValidationPage.Model(kind: kind, year: year, years: years, errors: errors, checked: checked)
        return .html(ReturnValidationPage.render(model, context: req.pageContext("Check a statutory return", area: .children)), status: status)
    }
}

extension ReturnProblem {
    /// Read, but not as written (kept as given, or stray text ignored): the return was checked with it.
    fileprivate var isCaveat: Bool { effect == .keptAsGiven || effect == .ignored }
}
