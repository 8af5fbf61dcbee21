import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The self-evaluation pack for a month: under each of Ofsted's three questions, what the records show, then what
/// leaders wrote (a form for those who write it); on the page and as a PDF.
public enum SelfEvaluationPage {
    public struct Model: Sendable {
        public var month: ReportMonth
        /// The months offered (value `2026-11`, label "November 2026"), newest first.
        public var months: [(value: String, label: String)]
        public var report: QualityReport
        public var agreement: ModerationAgreement?
        public var oversight: QualityReportPage.Oversight?
        /// Item texts by id, for the findings.
        public var items: [String: String]
        public var programmes: Int, calibrations: Int, linkedToPlan: Int
        public var reauditsDue: Int, reauditsOverdue: Int
        /// The narratives by field (`SelfEvaluation.questions`), as saved or as typed, and who wrote them last.
        public var narratives: [String: String]
        public var written: String?
        public var mayWrite: Bool
        public var errors: FormErrors
        public var generatedOn: String

        public init(
            month: ReportMonth, months: [(value: String, label: String)], report: QualityReport, agreement: ModerationAgreement?,
            oversight: QualityReportPage.Oversight?, items: [String: String], programmes: Int, calibrations: Int, linkedToPlan: Int,
            reauditsDue: Int, reauditsOverdue: Int, narratives: [String: String], written: String?, mayWrite: Bool, errors: FormErrors = FormErrors(),
            generatedOn: String
        ) {
            (self.month, self.months, self.report, self.agreement, self.oversight, self.items) = (month, months, report, agreement, oversight, items)
            (self.programmes, self.calibrations, self.linkedToPlan) = (programmes, calibrations, linkedToPlan)
            (self.reauditsDue, self.reauditsOverdue) = (reauditsDue, reauditsOverdue)
            (self.narratives, self.written, self.mayWrite, self.errors, self.generatedOn) = (narratives, written, mayWrite, errors, generatedOn)
        }

        public var title: String { "Self-evaluation: \(month.inWords)" }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let shown = facts(model)
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                Form.errorSummary(model.errors),
                .h1(.text(model.title)),
                MonthlyPage.chooser(
                    months: model.months, selected: model.month, action: .quality(.selfEvaluation()),
                    pdf: .quality(.selfEvaluationPDF(month: model.month.description)), pdfLabel: "Download the pack as a PDF"),
                .p(.class("lead"), .text(lead(model))),
                .forEach(Array(SelfEvaluation.questions.enumerated())) { index, question in
                    .section(
                        .attribute(named: "aria-labelledby", value: "question-\(index + 1)"),
                        .h2(.id("question-\(index + 1)"), .text("\(index + 1). \(question.question)")),
                        .h3(.text("What the records show")),
                        .ul(.forEach(shown[index]) { .li(.text($0)) }),
                        .h3(.text("What we say")),
                        model.mayWrite ? .empty : narrative(model.narratives[question.field]))
                },
                .if(
                    model.mayWrite,
                    Form.post(
                        to: .quality(.selfEvaluation()), csrfToken: context.csrfToken,
                        .input(.type(.hidden), .name("month"), .value(model.month.description)),
                        .h2(.text("Write the narrative")),
                        .p(.text("Each answer goes under its question, on the page and in the PDF, for \(model.month.inWords).")),
                        .forEach(SelfEvaluation.questions) { question in
                            Form.textArea(
                                question.field, label: question.question, value: model.narratives[question.field], errors: model.errors, rows: 8)
                        },
                        Form.submit("Save the narrative")))
            ))
    }

    public static func renderForPrint(_ model: Model, stylesheet: String) -> String {
        let shown = facts(model)
        return MonthlyPage.forPrint(
            title: model.title, generatedOn: model.generatedOn, stylesheet: stylesheet,
            .group(
                .p(.class("lead"), .text(lead(model))),
                .forEach(Array(SelfEvaluation.questions.enumerated())) { index, question in
                    .group(
                        .h2(.text("\(index + 1). \(question.question)")),
                        .h3(.text("What the records show")),
                        .ul(.forEach(shown[index]) { .li(.text($0)) }),
                        .h3(.text("What we say")),
                        narrative(model.narratives[question.field]))
                }))
    }

    static func lead(_ model: Model) -> String {
        "Ofsted's three questions for the 12 months to \(model.month.last.written), answered from the audits, moderation and supervision Waymark holds, and the actions open."
            + (model.written.map { " The narrative was last written by \($0)." } ?? "")
    }

    static func narrative(_ text: String?) -> Node<HTML.BodyContext> {
        guard let text, !text.isEmpty else { return .p(.class("hint"), .text("Not written yet.")) }
        return .forEach(text.components(separatedBy: "\n\n").filter { !$0.isEmpty }) { .p(.text($0)) }
    }

    static func percent(_ good: Int, of all: Int) -> String {
        guard all > 0 else { return "none done" }
        let interval = WilsonInterval.of(good, in: all).map {
            ", 95% interval \(AgreementPage.percent($0.lowerBound)) to \(AgreementPage.percent($0.upperBound))"
        }
        return "\(good) of \(all) (\(AgreementPage.percent(Double(good) / Double(all)))\(interval ?? ""))"
    }

    /// What the records show, under each question in turn.
    static func facts(_ model: Model) -> [[String]] {
        let report = model.report
        let (first, last) = SelfEvaluation.direction(report)
        let graded = report.byDomain.filter { $0.grades.total > 0 }
        let ranked = graded.sorted { ($0.grades.share ?? 0, $0.name) > ($1.grades.share ?? 0, $1.name) }
        var know = [
            "\(Counted.phrase(report.year.done, "audit")) done in the 12 months; good or better overall: \(percent(report.year.grades.goodOrBetter, of: report.year.grades.total)).",
            "Direction of travel: good or better in the first three months \(percent(first.good, of: first.done)); in the last three \(percent(last.good, of: last.done)).",
        ]
        if let strongest = ranked.first, let weakest = ranked.last, ranked.count > 1 {
            know.append(
                "Strongest domain: \(strongest.name.lowercased()), good or better in \(percent(strongest.grades.goodOrBetter, of: strongest.grades.total)). Weakest: \(weakest.name.lowercased()), \(percent(weakest.grades.goodOrBetter, of: weakest.grades.total))."
            )
        }
        for theme in report.themes.prefix(3) {
            know.append(
                "Audits most often found missing: \"\(model.items[theme.item] ?? theme.item)\" (\(theme.audits) of \(report.year.done) audits).")
        }
        if let oversight = model.oversight {
            know.append(
                "At the end of \(oversight.month): \(oversight.supervised) of the people with a supervision agreement supervised within their cadence; \(oversight.discussed) of open cases discussed in supervision within their interval."
            )
        }
        var how = [
            "\(Counted.phrase(model.programmes, "audit programme")) drew seeded, stratified random samples of children; each seed is kept, so anyone can draw the same children again.",
            "\(report.moderated) of the \(report.year.done) audits \(report.moderated == 1 ? "was" : "were") graded again by a second auditor (the double lock); moderation changed \(Counted.phrase(report.changedBetter + report.changedWorse, "grade")): \(report.changedBetter) to a better grade, \(report.changedWorse) to a worse one.",
        ]
        if let agreement = model.agreement, agreement.overall.pairs > 0 {
            how.append(QualityReportPage.sentence(agreement))
            if agreement.gradedThrice > 0 {
                how.append("A moderator from another council (the triple lock) graded \(Counted.phrase(agreement.gradedThrice, "grade")) as well.")
            }
        }
        how.append(
            "\(Counted.phrase(model.calibrations, "calibration vignette")) graded by every auditor and \(model.calibrations == 1 ? "its" : "their") grades agreed, each auditor shown privately how far they were."
        )
        let actions = report.actions
        let doing = [
            "\(Counted.phrase(actions.added, "learning action")) added from audits: \(actions.open) open (\(actions.overdue) overdue), \(actions.closed) closed and waiting to be verified, \(actions.verified) verified as done.",
            "\(model.linkedToPlan) of them \(model.linkedToPlan == 1 ? "serves" : "serve") an action in the improvement plan.",
            "\(Counted.phrase(model.reauditsDue, "child", plural: "children")) due a re-audit after an audit graded inadequate overall (\(model.reauditsOverdue) overdue).",
        ]
        return [know, how, doing]
    }
}
