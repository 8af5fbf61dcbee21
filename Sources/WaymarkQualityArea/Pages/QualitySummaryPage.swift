import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The partnership's summary of case audits, for partners and board members: the service's grades over the 12
/// months, quarter by quarter and domain by domain, what moderation changed, what audits most often find missing and
/// the learning actions; no team, no name, no child, and every count from 1 to 4 hidden (`SmallNumbers`).
public enum QualitySummaryPage {
    public struct Model: Sendable {
        public var report: QualityReport
        public var scale: [String]
        public var items: [String: String]
        public var months: [(value: String, label: String)]
        public var generatedOn: String
        public init(report: QualityReport, scale: [String], items: [String: String], months: [(value: String, label: String)], generatedOn: String) {
            (self.report, self.scale, self.items, self.months, self.generatedOn) = (report, scale, items, months, generatedOn)
        }

        public var title: String { "Quality of practice, for the partnership: \(report.month.inWords)" }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(model.title)),
                MonthlyPage.chooser(
                    months: model.months, selected: model.report.month, action: .quality(.summary()),
                    pdf: .quality(.summaryPDF(month: model.report.month.description)), pdfLabel: "Download this summary as a PDF"),
                body(model)))
    }

    public static func renderForPrint(_ model: Model, stylesheet: String) -> String {
        MonthlyPage.forPrint(title: model.title, generatedOn: model.generatedOn, stylesheet: stylesheet, body(model))
    }

    static func body(_ model: Model) -> Node<HTML.BodyContext> {
        let report = model.report
        let quarters = stride(from: 0, to: report.trend.count, by: 3).map { Array(report.trend[$0..<min($0 + 3, report.trend.count)]) }
        let rows: [(name: String, counts: [Int])] =
            [("The 12 months", report.year.grades.counts)]
            + quarters.compactMap { months in
                guard let first = months.first, let last = months.last else { return nil }
                let counts = model.scale.indices.map { place in
                    months.reduce(0) { $0 + ($1.grades.counts.indices.contains(place) ? $1.grades.counts[place] : 0) }
                }
                return ("\(first.month.inWords) to \(last.month.inWords)", counts)
            }
        let actions = report.actions
        return .group(
            .p(
                .class("lead"),
                .text(
                    "How the council's case audits graded practice over the 12 months to \(report.month.last.written). So that no child or family can be recognised, counts from 1 to 4 are shown as \"fewer than 5\", with any share worked from them, and where one hidden count could be worked out from a total another is hidden too."
                )),
            .h2(.text("How cases were graded")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Audits done and their overall grades, over the 12 months and quarter by quarter")),
                    .thead(
                        .tr(
                            .forEach(["Period", "Audits done"] + model.scale + ["Good or better"]) {
                                .th(.attribute(named: "scope", value: "col"), .text($0))
                            })),
                    .tbody(
                        .forEach(rows) { row in
                            let total = row.counts.reduce(0, +)
                            let cells = SmallNumbers.row(row.counts)
                            // With any grade hidden, the share good or better would give it away (the shown grades and
                            // the total would leave it), so it is hidden too.
                            let good = cells.contains(.suppressed) ? "–" : share(row.counts.prefix(2).reduce(0, +), of: total)
                            return .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(row.name)),
                                .td(.class("numeric"), .text(text(SmallNumbers.cell(total)))),
                                .forEach(cells) { .td(.class("numeric"), .text(text($0))) }, .td(.class("numeric"), .text(good)))
                        }))),
            .h2(.text("Domain by domain")),
            .div(
                .class("table-wrap"),
                .table(
                    .caption(.text("Each practice domain over the 12 months: how many were graded good or better")),
                    .thead(
                        .tr(.forEach(["Domain", "Graded", "Good or better", "Share"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(
                        .forEach(report.byDomain) { row in
                            let cells = SmallNumbers.row([row.grades.goodOrBetter, row.grades.total - row.grades.goodOrBetter])
                            return .tr(
                                .th(.attribute(named: "scope", value: "row"), .text(row.name)),
                                .td(.class("numeric"), .text(text(SmallNumbers.cell(row.grades.total)))),
                                .td(.class("numeric"), .text(text(cells[0]))),
                                .td(.class("numeric"), .text(cells[0] == .suppressed ? "–" : share(row.grades.goodOrBetter, of: row.grades.total))))
                        }))),
            .h2(.text("Moderation")),
            .p(
                .text(
                    "Audits graded again by a second auditor: \(text(SmallNumbers.cell(report.moderated))). Grades moderation changed: \(text(SmallNumbers.cell(report.changedBetter + report.changedWorse)))."
                )),
            .h2(.text("What audits most often found missing")),
            report.themes.isEmpty
                ? .p(.text("Nothing was found partly met or not met in the 12 months."))
                : .ol(
                    .forEach(report.themes.prefix(3)) { theme in
                        .li(.text("\(model.items[theme.item] ?? theme.item) (audits: \(text(SmallNumbers.cell(theme.audits))))"))
                    }),
            .h2(.text("Learning actions")),
            .p(
                .text(
                    {
                        let cells = SmallNumbers.row([actions.open, actions.closed, actions.verified])
                        return
                            "Added from audits in the 12 months: \(text(SmallNumbers.cell(actions.added))). Open: \(text(cells[0])); closed and waiting to be verified: \(text(cells[1])); verified as done: \(text(cells[2]))."
                    }()))
        )
    }

    static func text(_ cell: SmallNumbers.Cell) -> String {
        switch cell {
        case .shown(let count): String(count)
        case .suppressed: "fewer than 5"
        }
    }

    static func share(_ part: Int, of total: Int) -> String {
        SmallNumbers.share(part, of: total).map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }
}
