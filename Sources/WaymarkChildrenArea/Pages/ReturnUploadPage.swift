import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Importing a statutory return from files: the SSDA903 CSV set (or its XML form) or the CIN census, and what came of
/// it — what changed, and every problem with where it is and what became of the row.
public enum ReturnUploadPage {
    public enum Outcome: Sendable {
        case none
        case imported(summary: String, problems: [String])
        case refused(problems: [String])
    }

    public struct Model: Sendable {
        public var kind: String, year: String
        public var errors: FormErrors
        public var outcome: Outcome
        public init(kind: String, year: String, errors: FormErrors, outcome: Outcome) {
            self.kind = kind
            self.year = year
            self.errors = errors
            self.outcome = outcome
        }
    }

    static let listed = 200

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children"))),
                .h1(.text("Import a statutory return")),
                .p(
                    .class("lead"),
                    .text(
                        "Load the SSDA903 return (children looked after) or the CIN census (children in need) your case system produces, or its Standard Safeguarding Dataset extract (contacts, early help, visits, health checks, care leavers, allocations). A file that cannot be read stops the whole import and nothing changes; a row with a wrong date is left out and listed; importing the same return again changes nothing."
                    )),
                .p(
                    .a(
                        .href(SiteURL.children(.validateReturn).path),
                        .text("Check a return with the DfE's validation rules first, without importing it"))),
                outcome(model.outcome),
                Form.errorSummary(model.errors),
                Form.upload(
                    to: .children(.returns), csrfToken: context.csrfToken,
                    Form.select(
                        "kind", label: "Return",
                        choices: [
                            .init(value: "903", label: "SSDA903 (children looked after)"),
                            .init(value: "cin", label: "CIN census (children in need)"),
                            .init(value: "ssd", label: "Case system extract (Standard Safeguarding Dataset)"),
                        ],
                        selected: model.kind, errors: model.errors),
                    Form.textField(
                        "year", label: "Collection year (SSDA903)", value: model.year, errors: model.errors,
                        hint: "The year the return is for: 2026 for the year to 31 March 2026. The CIN census gives its own."),
                    Form.fileField(
                        "files", label: "Files", accept: ".csv,.xml", errors: model.errors, multiple: true,
                        hint:
                            "The SSDA903's CSV files (all at once; each is recognised by its columns) or its XML file; the CIN census XML file; or the extract's CSV files. Up to 50 MB."
                    ),
                    .div(.class("actions"), Form.submit("Check and import"))
                )
            ))
    }

    private static func outcome(_ outcome: Outcome) -> Node<HTML.BodyContext> {
        func list(_ problems: [String]) -> Node<HTML.BodyContext> {
            .group(
                .ul(.forEach(problems.prefix(listed)) { .li(.text($0)) }),
                .if(problems.count > listed, .p(.text("… and \(problems.count - listed) more.")))
            )
        }
        switch outcome {
        case .none:
            return .empty
        case .imported(let summary, let problems):
            return .div(
                .class("notice"), .attribute(named: "role", value: "status"),
                .p(.strong(.text("Imported. ")), .text(summary)),
                .if(
                    !problems.isEmpty,
                    .group(.p(.text("\(problems.count) \(problems.count == 1 ? "problem" : "problems") in the files:")), list(problems))))
        case .refused(let problems):
            return .div(
                .class("error-summary"), .attribute(named: "role", value: "alert"),
                .attribute(named: "aria-labelledby", value: "error-summary-title"),
                .h2(.id("error-summary-title"), .text("Nothing was imported; the records are as they were")), list(problems))
        }
    }
}
