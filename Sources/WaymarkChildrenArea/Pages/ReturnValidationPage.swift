import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Checking a statutory return with the DfE's validation rules before it is submitted, without importing it: the
/// rules broken (how many rows and children), each child's issues with the table, row and fields, the rules that did
/// not run and why, and the issues as CSV to compare with other validators.
public enum ReturnValidationPage {
    public struct RuleBroken: Sendable, Equatable {
        public var code: String, severity: String, rows: Int, children: Int, message: String
        public init(code: String, severity: String, rows: Int, children: Int, message: String) {
            (self.code, self.severity, self.rows, self.children, self.message) = (code, severity, rows, children, message)
        }
    }

    public struct Issue: Sendable, Equatable {
        /// `Episodes row 3 (DEC, REC)`
        public var place: String
        public var rule: String, message: String
        public init(place: String, rule: String, message: String) {
            (self.place, self.rule, self.message) = (place, rule, message)
        }
    }

    public struct Checked: Sendable {
        /// `SSDA903 2025/26`
        public var title: String
        public var issueCount: Int
        public var rulesRun: Int
        public var rules: [RuleBroken]
        /// Each child's issues (an empty child for the return as a whole), in the order they first break a rule.
        public var children: [(child: String, issues: [Issue])]
        /// The rules that did not run, grouped by why.
        public var notRun: [(why: String, codes: [String])]
        /// What could not be read (a file refused, a row left out): the return was checked without it.
        public var readingProblems: [String]
        /// What was read, but not as written (dates in a form the return does not take, rows short of values).
        public var readCaveats: [String]
        /// Set when the return held no rows: said first, as nothing was checked.
        public var noRows: String?
        public init(
            title: String, issueCount: Int, rulesRun: Int, rules: [RuleBroken], children: [(child: String, issues: [Issue])],
            notRun: [(why: String, codes: [String])], readingProblems: [String], readCaveats: [String] = [], noRows: String? = nil
        ) {
            self.readCaveats = readCaveats
            self.noRows = noRows
            (self.title, self.issueCount, self.rulesRun, self.rules) = (title, issueCount, rulesRun, rules)
            (self.children, self.notRun, self.readingProblems) = (children, notRun, readingProblems)
        }
    }

    public struct Model: Sendable {
        public var kind: String, year: String
        public var years: [Form.Choice]
        public var errors: FormErrors
        public var checked: Checked?
        public init(kind: String, year: String, years: [Form.Choice], errors: FormErrors, checked: Checked?) {
            (self.kind, self.year, self.years, self.errors, self.checked) = (kind, year, years, errors, checked)
        }
    }

    /// Children listed on the page; the CSV has them all.
    static let childrenListed = 100

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children"))),
                .h1(.text("Check a statutory return")),
                .p(
                    .class("lead"),
                    .text(
                        "Check the SSDA903 return (children looked after) or the CIN census (children in need) with the DfE's validation rules for its year, before you submit it. Nothing is imported and nothing is kept: the files are read, checked and let go."
                    )),
                Form.errorSummary(model.errors),
                .unwrap(model.checked, results),
                Form.upload(
                    to: .children(.validateReturn), csrfToken: context.csrfToken,
                    Form.select(
                        "kind", label: "Return",
                        choices: [
                            .init(value: "903", label: "SSDA903 (children looked after)"),
                            .init(value: "cin", label: "CIN census (children in need)"),
                        ],
                        selected: model.kind, errors: model.errors),
                    Form.select(
                        "year", label: "Collection year", choices: model.years, selected: model.year, errors: model.errors,
                        hint: "The year the return is for, by the year it ends: 2025/26 is 1 April 2025 to 31 March 2026."),
                    Form.fileField(
                        "files", label: "Files", accept: ".csv,.xml", errors: model.errors, multiple: true,
                        hint:
                            "The SSDA903's CSV files (all at once; each is recognised by its columns) or its XML file; or the CIN census XML file. Up to 50 MB. Waymark does not keep them: to download the issues after a check, choose the files again."
                    ),
                    Form.fileField(
                        "lastYearFiles", label: "Last year's SSDA903 (optional)", accept: ".csv,.xml", errors: model.errors, multiple: true,
                        hint:
                            "For the rules that compare the two years, such as a child's date of birth or the episode open at the end of last year. Without them, those rules are listed as not run."
                    ),
                    .div(
                        .class("actions"), Form.submit("Check the return"),
                        Form.submit("Download the issues as CSV", style: "button secondary", name: "output", value: "csv"))
                )
            ))
    }

    private static func results(_ checked: Checked) -> Node<HTML.BodyContext> {
        let table = { (caption: String, headers: [String], rows: [[String]]) -> Node<HTML.BodyContext> in
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text(caption)),
                    .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(.forEach(rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })))
        }
        let listed = checked.children.prefix(childrenListed)
        return .section(
            .attribute(named: "aria-labelledby", value: "results-title"),
            .h2(.id("results-title"), .text("\(checked.title): what the rules found")),
            // What could not be read comes first: a return checked in part, or not at all, must not read as a clean one.
            .if(
                !checked.readingProblems.isEmpty,
                .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"),
                    .attribute(named: "aria-labelledby", value: "reading-title"),
                    .h3(.id("reading-title"), .text("What could not be read: the return was checked without it")),
                    .ul(.forEach(checked.readingProblems) { .li(.text($0)) }))),
            .if(
                !checked.readCaveats.isEmpty,
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .h3(.text("Read, but not all as written")),
                    .ul(.forEach(checked.readCaveats) { .li(.text($0)) }))),
            .unwrap(checked.noRows) { noRows in
                .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"),
                    .attribute(named: "aria-labelledby", value: "no-rows-title"),
                    .h3(.id("no-rows-title"), .text("Nothing was checked")), .p(.text(noRows)))
            },
            .if(
                checked.noRows == nil,
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(
                        .text(
                            checked.rulesRun == 0
                                ? "No rule could run: nothing given could be read as the return."
                                : checked.issueCount == 0
                                    ? "No rule found anything: \(checked.rulesRun) rules were run."
                                    : "\(checked.issueCount) \(checked.issueCount == 1 ? "issue" : "issues") from \(checked.rules.count) of the \(checked.rulesRun) rules run."
                        )))),
            .if(
                !checked.rules.isEmpty,
                table(
                    "Rules broken, most rows first", ["Rule", "Error or query", "Rows", "Children", "What the rule says"],
                    checked.rules.map { [$0.code, $0.severity, String($0.rows), String($0.children), $0.message] })),
            .if(
                !checked.children.isEmpty,
                .group(
                    .h3(.text("Child by child")),
                    .p(
                        .text(
                            "Each issue says where it is: the table, the row (the first row of data is row 0, as other validators count) and the fields the rule looks at."
                                + (checked.children.count > childrenListed
                                    ? " The first \(childrenListed) of \(checked.children.count) children are listed here; the CSV has them all."
                                    : ""))),
                    .forEach(listed) { child in
                        .div(
                            .class("validation-child"),
                            .h4(.text(child.child.isEmpty ? "The return as a whole" : "Child \(child.child)")),
                            .ul(.forEach(child.issues) { issue in .li(.text("\(issue.place): \(issue.rule) \(issue.message)")) }))
                    })),
            .if(
                !checked.notRun.isEmpty,
                .details(
                    .summary(.text("Rules that did not run, and why")),
                    .ul(.forEach(checked.notRun) { group in .li(.text("\(group.why): \(group.codes.joined(separator: ", "))")) })))
        )
    }
}
