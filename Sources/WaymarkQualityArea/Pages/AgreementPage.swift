import Foundation
import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// How far auditors agree: the upload form, what the file must hold, and the figures (each measure with its 95%
/// interval and what it means, a sentence that leads with the right one, and how the grades fell, grader by grader).
public enum AgreementPage {
    public static let title = "How far our auditors agree"

    public enum Outcome: Sendable {
        case none
        case measured(fileName: String, AgreementReport)
        /// The file was refused: each mistake in words, with where it is.
        case refused(fileName: String?, mistakes: [String])
    }

    public struct Model: Sendable {
        public var outcome: Outcome
        public init(outcome: Outcome) { self.outcome = outcome }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        var errors = FormErrors()
        if case .refused(_, let mistakes) = model.outcome { Form.putRightMistakes(mistakes.count, in: &errors) }
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(title)),
                .p(
                    .class("lead"),
                    .text(
                        "When a second auditor, or another council, grades the same case, do they come to the same grade? Upload the grades to find out. The file is read, measured and shown to you; nothing in it is kept."
                    )),
                outcome(model.outcome),
                .h2(.text("Measure a table of grades")),
                Form.upload(
                    to: .quality(.agreement), csrfToken: context.csrfToken,
                    Form.fileField(
                        "file", label: "CSV or Excel file of grades", accept: ".csv,.xlsx,text/csv,\(TableFormat.xlsx.mediaType)", errors: errors,
                        hint: "The first row names the columns. Then one row an audit: its reference, then its grades in order, the auditor's first."),
                    .div(.class("actions"), Form.submit("Measure agreement"))
                ),
                .h2(.text("What the file holds")),
                .p(
                    .text(
                        "Column A: the audit's reference (not a child's name). Column B: the auditor's grade. Column C onwards: each moderator's grade, in the order they moderated. Leave a grade blank where there was none. To see agreement domain by domain, name column B \"Domain\" and give each audit a row a domain. Grades are Ofsted's: \(GradeScale.ofsted.inWords) (or 1 to 4, or RI)."
                    )),
                .table(
                    .caption(.text("An example")),
                    .thead(
                        .tr(
                            .forEach(["Audit", "Auditor", "Second auditor", "External moderator"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .tbody(
                        .tr(.td(.text("QA-2026-014")), .td(.text("Good")), .td(.text("Requires improvement to be good")), .td(.text(""))),
                        .tr(.td(.text("QA-2026-015")), .td(.text("RI")), .td(.text("RI")), .td(.text("Inadequate")))
                    ))
            ))
    }

    private static func outcome(_ outcome: Outcome) -> Node<HTML.BodyContext> {
        switch outcome {
        case .none:
            return .empty
        case .refused(let fileName, let mistakes):
            return Form.refusedFile(
                fileName.map { "\($0) was not measured; put right each mistake and upload it again" } ?? "Nothing was measured", mistakes: mistakes)
        case .measured(let fileName, let report):
            return measured("How far they agree, in \(fileName)", report)
        }
    }

    /// Every measure with its interval and meaning, each domain's, and how the grades fell, under a heading.
    static func measured(_ heading: String, _ report: AgreementReport) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "figures"),
            .h2(.id("figures"), .text(heading)),
            .p(.class("lead"), .text(sentence(report))),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Each measure of agreement, on \(report.pairs) audits graded twice or more")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Measure")),
                            .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text("Figure")),
                            .th(.attribute(named: "scope", value: "col"), .text("95% interval")),
                            .th(.attribute(named: "scope", value: "col"), .text("What it means")))),
                    .tbody(
                        .forEach(report.figures) { figure in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"), .text(figure.measure.title),
                                    .if(figure.measure == report.headline, .group(.text(" "), .strong(.class("tag"), .text("Headline"))))),
                                .td(.class("numeric"), .text(Self.figure(figure.value, as: figure.measure))),
                                .td(
                                    .text(
                                        figure.interval.map {
                                            "\(Self.figure($0.lowerBound, as: figure.measure)) to \(Self.figure($0.upperBound, as: figure.measure))"
                                        } ?? "–")),
                                .td(.text(meaning(figure.measure))))
                        }))),
            .if(!report.byDomain.isEmpty, byDomain(report)),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("How many of each grade each grader gave")),
                    .thead(
                        .tr(
                            .th(.attribute(named: "scope", value: "col"), .text("Grade")),
                            .forEach(report.graders) { .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text($0)) })),
                    .tbody(
                        .forEach(Array(zip(report.scale, report.distribution))) { grade, counts in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(grade)),
                                .forEach(counts) { .td(.class("numeric"), .text(String($0))) })
                        })))
        )
    }

    /// Each domain's agreement: how many of its grades were given twice, exact agreement, and its headline measure.
    static func byDomain(_ report: AgreementReport) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text("Domain by domain")),
                .thead(
                    .tr(
                        .forEach(["Domain", "Graded twice or more", "Exact agreement", "Headline measure", "Figure", "95% interval"]) {
                            .th(.attribute(named: "scope", value: "col"), .text($0))
                        })),
                .tbody(
                    .forEach(report.byDomain) { domain in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(domain.domain)),
                            .td(.text(String(domain.pairs) + (domain.isTooFewToJudge ? " (too few to judge)" : ""))),
                            .td(.text(figure(domain.exact, as: .exact))),
                            .td(.text(domain.headline.measure.title)),
                            .td(.text(figure(domain.headline.value, as: domain.headline.measure))),
                            .td(
                                .text(
                                    domain.headline.interval.map {
                                        "\(figure($0.lowerBound, as: domain.headline.measure)) to \(figure($0.upperBound, as: domain.headline.measure))"
                                    } ?? "–")))
                    })))
    }

    /// The sentence that leads: how many audits, the exact agreement, and the headline measure with its interval.
    static func sentence(_ report: AgreementReport) -> String {
        let audits =
            report.byDomain.isEmpty
            ? "\(report.pairs) \(report.pairs == 1 ? "audit was" : "audits were") graded twice or more."
            : "\(report.pairs) domain \(report.pairs == 1 ? "grade" : "grades"), from \(report.audits) audits, were given twice or more."
        guard !report.isTooFewToJudge else {
            return audits
                + " That is too few to judge agreement (it takes \(GradeAgreement.fewestPairs)); the figures below are for information only."
        }
        let exact = report.figure(.exact)?.value.map { " The first two grades were the same for \(percent($0)) of them." } ?? ""
        guard let headline = report.figure(report.headline), let value = headline.value else { return audits + exact }
        let interval =
            headline.interval.map { " (95% interval \(figure($0.lowerBound, as: report.headline)) to \(figure($0.upperBound, as: report.headline)))" }
            ?? ""
        let why =
            report.headline == .gwetAC2
            ? " It leads here because \(percent(report.prevalence)) of all grades were one grade, which holds kappa down however well auditors agree."
            : ""
        return audits + exact + " \(headline.measure.title) is \(figure(value, as: report.headline))\(interval): \(strength(value)).\(why)"
    }

    /// A share as a percentage; a coefficient to two places.
    static func figure(_ value: Double?, as measure: GradeAgreement.Measure) -> String {
        guard let value else { return "–" }
        return measure == .exact || measure == .adjacent ? percent(value) : String(format: "%.2f", value)
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// Landis and Koch's words for a coefficient (1977), the ones QA reports most often use.
    static func strength(_ value: Double) -> String {
        switch value {
        case ..<0: "worse than chance"
        case ..<0.2: "slight agreement"
        case ..<0.4: "fair agreement"
        case ..<0.6: "moderate agreement"
        case ..<0.8: "substantial agreement"
        default: "almost perfect agreement"
        }
    }

    static func meaning(_ measure: GradeAgreement.Measure) -> String {
        switch measure {
        case .exact: "The share of audits whose first two grades were the same."
        case .adjacent: "The share whose first two grades were no more than one grade apart."
        case .quadraticKappa:
            "Agreement beyond what chance would give, counting a grade two apart as four times as far as one apart. 1 is perfect, 0 is chance."
        case .gwetAC2: "Like kappa, but not thrown when most grades are one grade. 1 is perfect, 0 is chance."
        case .krippendorffAlpha:
            "Agreement among all who graded each audit, however many. 1 is perfect, 0 is chance; 0.8 is the usual bar for trusting grades."
        }
    }
}
