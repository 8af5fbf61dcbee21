import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The monthly QA report for heads of service: how cases were graded this month and over the 12 months, team by
/// team and domain by domain, each share good or better with its 95% interval; the trend; what moderation changed;
/// and the findings most often made. Tables only: each with its caption, and a sentence that says what matters.
public enum QualityReportPage {
    /// Supervision compliance at a month's end: people within their cadence, open cases within their interval ("38 of
    /// 42 (90%)").
    public struct Oversight: Sendable {
        public var month: String, supervised: String, discussed: String
        public init(month: String, supervised: String, discussed: String) {
            (self.month, self.supervised, self.discussed) = (month, supervised, discussed)
        }
    }

    public struct Model: Sendable {
        public var report: QualityReport
        public var scale: [String]
        /// Item texts by id, for the findings.
        public var items: [String: String]
        /// The months offered (value `2026-11`, label "November 2026"), newest first.
        public var months: [(value: String, label: String)]
        public var generatedOn: String
        /// Each auditor's bias in moderation, for QA leads alone (nil for others: it names auditors).
        public var auditors: AuditorBias?
        /// How far auditors agreed in moderation over the 12 months; by auditor shown only with `auditors` (QA leads).
        public var agreement: ModerationAgreement?
        /// The audited children's visits, reviews and other timescales beside their grades.
        public var timeliness: AuditTimeliness?
        /// Supervision compliance at the end of each of the 12 months, oldest first.
        public var oversight: [Oversight]

        public init(
            report: QualityReport, scale: [String], items: [String: String], months: [(value: String, label: String)], generatedOn: String,
            auditors: AuditorBias? = nil, agreement: ModerationAgreement? = nil, timeliness: AuditTimeliness? = nil, oversight: [Oversight] = []
        ) {
            (self.report, self.scale, self.items, self.months, self.generatedOn, self.auditors, self.oversight) = (
                report, scale, items, months, generatedOn, auditors, oversight
            )
            (self.agreement, self.timeliness) = (agreement, timeliness)
        }

        public var title: String { "Quality assurance report: \(report.month.inWords)" }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(model.title)),
                MonthlyPage.chooser(
                    months: model.months, selected: model.report.month, action: .quality(.report()),
                    pdf: .quality(.reportPDF(month: model.report.month.description)), pdfLabel: "Download this report as a PDF"),
                body(model)))
    }

    public static func renderForPrint(_ model: Model, stylesheet: String) -> String {
        MonthlyPage.forPrint(title: model.title, generatedOn: model.generatedOn, stylesheet: stylesheet, body(model))
    }

    static func body(_ model: Model) -> Node<HTML.BodyContext> {
        let report = model.report
        let teams: Node<HTML.BodyContext> =
            report.byTeam.isEmpty
            ? .p(.text("No audit was planned or done in the 12 months."))
            : gradesTable(
                report.byTeam, caption: "Each team's audits over the 12 months to \(report.month.last.written)", first: "Team", model: model)
        return .group(
            .p(.class("lead"), .text(sentence(report))),
            .h2(.text("How cases were graded")),
            gradesTable(
                [report.thisMonth, report.year], caption: "Audits planned and done, and their overall grades", first: "Period", model: model),
            .h2(.text("Team by team")),
            teams,
            .h2(.text("Domain by domain")),
            .p(
                .text(
                    "How each practice domain was graded in the audits done over the 12 months: the domains graded lowest are where practice most needs to improve."
                )),
            gradesTable(
                report.byDomain, caption: "Each practice domain's grades over the 12 months", first: "Domain", model: model, plannedHeading: nil),
            .h2(.text("Month by month")),
            trendTable(report, model: model),
            .unwrap(model.timeliness) { timeliness($0) },
            .h2(.text("Moderation")),
            .p(.text(moderationSentence(report))),
            .unwrap(model.auditors) { auditorsTable($0) },
            .unwrap(model.agreement) { agreement($0, byAuditor: model.auditors != nil) },
            .h2(.text("What audits most often found missing")),
            themes(model),
            .h2(.text("Learning actions")),
            .p(.text(actionsSentence(report.actions))),
            oversight(model.oversight))
    }

    static func oversight(_ rows: [Oversight]) -> Node<HTML.BodyContext> {
        guard let last = rows.last else { return .empty }
        return .group(
            .h2(.text("Supervision and management oversight")),
            .p(
                .text(
                    "At the end of \(last.month), \(last.supervised) of the people with a supervision agreement were supervised within their "
                        + "cadence, and \(last.discussed) of the open cases were discussed in supervision within their interval.")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Supervision and case discussions within their intervals at the end of each month")),
                    .thead(
                        .tr(
                            .forEach(["Month", "People supervised within their cadence", "Open cases discussed within their interval"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .tbody(
                        .forEach(rows) { row in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(row.month)), .td(.class("numeric"), .text(row.supervised)),
                                .td(.class("numeric"), .text(row.discussed)))
                        }))))
    }

    static func themes(_ model: Model) -> Node<HTML.BodyContext> {
        let report = model.report
        guard !report.themes.isEmpty else { return .p(.text("No item was found partly met or not met in the 12 months.")) }
        let done = max(1, report.year.done)
        return .ol(
            .forEach(report.themes) { theme -> Node<HTML.ListContext> in
                let text =
                    (model.items[theme.item] ?? theme.item)
                    + " Partly met or not met in \(theme.audits) of \(report.year.done) audits (\(percent(Double(theme.audits) / Double(done))))."
                return .li(.text(text))
            })
    }

    static func sentence(_ report: QualityReport) -> String {
        func part(_ row: QualityReport.Row, _ when: String) -> String {
            let done = "\(when), \(Counted.phrase(row.done, "audit")) \(row.done == 1 ? "was" : "were") done (\(row.planned) planned)"
            guard let share = row.grades.share, let interval = row.grades.interval else { return done + "." }
            return done
                + "; \(row.grades.goodOrBetter) (\(percent(share)), 95% interval \(percent(interval.lowerBound)) to \(percent(interval.upperBound))) \(row.grades.goodOrBetter == 1 ? "was" : "were") good or better."
        }
        return part(report.thisMonth, "In \(report.month.inWords)") + " " + part(report.year, "Over the 12 months to its end")
    }

    /// Each auditor's grades as moderation settled them, with their bias and its drift by quarter.
    static func auditorsTable(_ bias: AuditorBias) -> Node<HTML.BodyContext> {
        guard !bias.rows.isEmpty else { return .p(.text("No auditor's grades have been settled in moderation in the 12 months.")) }
        func signed(_ value: Double) -> String {
            let rounded = (value * 100).rounded() / 100
            return rounded == 0 ? "0.00" : (rounded > 0 ? "+" : "−") + String(format: "%.2f", abs(rounded))
        }
        return .group(
            .p(
                .text(
                    "For QA leads: each auditor's grades that moderation settled, how many it changed, and their bias, the average number of grades between their grade and the final one: below zero they graded better than moderation did (generous), above zero worse (severe). Quarter by quarter, a bias moving towards zero shows moderation bringing an auditor into line."
                )),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Each auditor, as moderation found them, over the 12 months")),
                    .thead(
                        .tr(
                            .forEach(["Auditor", "Grades settled", "Changed", "Bias", "Quarter by quarter"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .tbody(
                        .forEach(bias.rows) { row in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(row.auditor)), .td(.class("numeric"), .text(String(row.grades))),
                                .td(.class("numeric"), .text(String(row.changed))), .td(.class("numeric"), .text(signed(row.bias))),
                                .td(
                                    .text(
                                        row.byQuarter.map { "\(AuditorBias.inWords(quarter: $0.quarter)): \(signed($0.bias)) (\($0.grades))" }
                                            .joined(separator: "; "))))
                        }))))
    }

    static func actionsSentence(_ actions: QualityReport.ActionCounts) -> String {
        guard actions.added > 0 else { return "No learning action was added from audits in the 12 months." }
        return
            "\(Counted.phrase(actions.added, "learning action")) \(actions.added == 1 ? "was" : "were") added from audits in the 12 months. Today \(actions.open) \(actions.open == 1 ? "is" : "are") open (\(actions.overdue) overdue), \(actions.closed) closed and waiting to be verified, and \(actions.verified) verified as done."
    }

    static func moderationSentence(_ report: QualityReport) -> String {
        guard report.moderated > 0 else { return "No audit done in the 12 months has been moderated yet." }
        let changed = report.changedBetter + report.changedWorse
        return
            "\(report.moderated) of the \(report.year.done) audits done in the 12 months \(report.moderated == 1 ? "was" : "were") graded again by a second auditor. "
            + (changed == 0
                ? "Moderation changed no grade."
                : "Moderation changed \(Counted.phrase(changed, "grade")): \(report.changedBetter) to a better grade and \(report.changedWorse) to a worse one.")
    }

    static func gradesTable(
        _ rows: [QualityReport.Row], caption: String, first: String, model: Model, plannedHeading: String? = "Planned"
    ) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .th(.attribute(named: "scope", value: "col"), .text(first)),
                        .unwrap(plannedHeading) { .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text($0)) },
                        .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text(plannedHeading == nil ? "Graded" : "Done")),
                        .forEach(model.scale) { .th(.attribute(named: "scope", value: "col"), .class("numeric"), .text($0)) },
                        .th(.attribute(named: "scope", value: "col"), .text("Good or better (95% interval)")))),
                .tbody(.forEach(rows) { row in gradesRow(row, planned: plannedHeading != nil) })))
    }

    static func gradesRow(_ row: QualityReport.Row, planned: Bool) -> Node<HTML.TableContext> {
        var cells: [Node<HTML.TableRowContext>] = [.th(.attribute(named: "scope", value: "row"), .text(row.name))]
        if planned { cells.append(.td(.class("numeric"), .text(String(row.planned)))) }
        cells.append(.td(.class("numeric"), .text(String(row.grades.total))))
        for count in row.grades.counts { cells.append(.td(.class("numeric"), .text(String(count)))) }
        cells.append(.td(.text(share(row.grades))))
        return .tr(.group(cells))
    }

    static func trendTable(_ report: QualityReport, model: Model) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text("The 12 months to \(report.month.last.written), month by month")),
                .thead(
                    .tr(
                        .forEach(["Month", "Planned", "Done", "Good or better (95% interval)", "Moderated", "Grades moderation changed"]) {
                            .th(.attribute(named: "scope", value: "col"), .text($0))
                        })),
                .tbody(
                    .forEach(report.trend.reversed()) { month in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(month.month.inWords)),
                            .td(.class("numeric"), .text(String(month.planned))), .td(.class("numeric"), .text(String(month.done))),
                            .td(.text(share(month.grades))), .td(.class("numeric"), .text(String(month.moderated))),
                            .td(
                                .text(
                                    month.changedBetter + month.changedWorse == 0
                                        ? "None" : "\(month.changedBetter) better, \(month.changedWorse) worse")))
                    })))
    }

    static func share(_ grades: QualityReport.Grades) -> String {
        guard let share = grades.share, let interval = grades.interval else { return "–" }
        return "\(grades.goodOrBetter) (\(percent(share)); \(percent(interval.lowerBound)) to \(percent(interval.upperBound)))"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
