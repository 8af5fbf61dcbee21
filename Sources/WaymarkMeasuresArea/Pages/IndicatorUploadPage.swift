import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Uploading many indicator values at once from a CSV or Excel file: the templates, the form, what each column
/// holds, the indicator codes and area names to use, and the outcome (every mistake by row and column, or what
/// changed).
public enum IndicatorUploadPage {
    public enum Outcome: Sendable {
        case none
        case uploaded(fileName: String, summary: String)
        /// The file was refused: each mistake in words, with where it is.
        case refused(fileName: String?, mistakes: [String])
    }

    public struct Model: Sendable {
        public var indicators: [(code: String, name: String, periodType: PeriodType)]
        public var areas: [String]
        public var outcome: Outcome
        public init(indicators: [(code: String, name: String, periodType: PeriodType)], areas: [String], outcome: Outcome) {
            self.indicators = indicators
            self.areas = areas
            self.outcome = outcome
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        var errors = FormErrors()
        if case .refused(_, let mistakes) = model.outcome { Form.putRightMistakes(mistakes.count, in: &errors) }
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.measures(.home).path), .text("Family Friendly Index"))),
                .h1(.text("Upload indicator values")),
                .p(
                    .class("lead"),
                    .text(
                        "Add or correct many values at once from a CSV or Excel file. Every row is checked first: if any row is wrong, nothing is changed and each mistake is listed with its row and column."
                    )),
                outcome(model.outcome),
                .p(
                    .text("Start from the template: "),
                    .a(.href(SiteURL.measures(.template(format: .xlsx)).path), .text("Excel template (with guidance)")), .text(" or "),
                    .a(.href(SiteURL.measures(.template(format: .csv)).path), .text("CSV template")),
                    .text(
                        ". To correct an indicator's figures, download them from its page, change them and upload the file: rows that have not changed are left alone."
                    )),
                Form.upload(
                    to: .measures(.upload), csrfToken: context.csrfToken,
                    Form.fileField(
                        "file", label: "CSV or Excel file", accept: ".csv,.xlsx,text/csv,\(TableFormat.xlsx.mediaType)", errors: errors,
                        hint: "CSV saved as \"CSV UTF-8\", or an Excel workbook (.xlsx), whose first sheet is read. Up to 10 MB."),
                    .div(.class("actions"), Form.submit("Check and upload"))
                ),
                .h2(.text("The columns")),
                .table(
                    .caption(.text("What each column of the upload holds")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Column")),
                            .th(.attribute(named: "scope", value: "col"), .text("What goes in it")))),
                    .tbody(
                        .forEach(IndicatorValuesSheet.Column.allCases) { column in
                            .tr(.th(.attribute(named: "scope", value: "row"), .code(.text(column.rawValue))), .td(.text(column.guidance)))
                        })
                ),
                .h2(.text("Indicator codes and periods")),
                .table(
                    .caption(.text("The code of each indicator and how its periods are written")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Code")),
                            .th(.attribute(named: "scope", value: "col"), .text("Indicator")),
                            .th(.attribute(named: "scope", value: "col"), .text("Period written like")))),
                    .tbody(
                        .forEach(model.indicators) { indicator in
                            .tr(
                                .td(.code(.text(indicator.code))),
                                .td(.a(.href(SiteURL.measures(.indicator(code: indicator.code)).path), .text(indicator.name))),
                                .td(.text("\(indicator.periodType.pattern) (\(indicator.periodType.displayName.lowercased()))")))
                        })
                ),
                .h2(.text("Areas")),
                .p(.text(model.areas.joined(separator: ", ")))
            ))
    }

    private static func outcome(_ outcome: Outcome) -> Node<HTML.BodyContext> {
        switch outcome {
        case .none:
            return .empty
        case .uploaded(let fileName, let summary):
            return .div(
                .class("notice"), .attribute(named: "role", value: "status"),
                .p(.strong(.text("\(fileName) uploaded. ")), .text("\(summary).")))
        case .refused(let fileName, let mistakes):
            return Form.refusedFile(
                fileName.map { "\($0) was not uploaded; nothing was changed" } ?? "Nothing was uploaded or changed", mistakes: mistakes)
        }
    }
}
