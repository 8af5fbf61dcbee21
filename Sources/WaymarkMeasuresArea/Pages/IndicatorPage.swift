import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// One indicator: what it measures, its three judgements, the chart with its data table, the turn-the-curve
/// commentary, the plan outcomes and actions it shows progress on, and the form to add a value.
public enum IndicatorPage {
    public struct Commentary: Sendable {
        public var period: String, story: String, partners: String, whatWorks: String, actionPlan: String, author: String
        public init(period: String, story: String, partners: String, whatWorks: String, actionPlan: String, author: String) {
            self.period = period
            self.story = story
            self.partners = partners
            self.whatWorks = whatWorks
            self.actionPlan = actionPlan
            self.author = author
        }
    }

    /// The value form: blank at first, the person's input when it comes back.
    public struct ValueForm: Sendable {
        public var period = "", value = "", count = "", denominator = "", target = "", targetOrigin = ""
        public var story = "", partners = "", whatWorks = "", actionPlan = ""
        public var errors = FormErrors()
        /// Set when the value would be red: the commentary fields are then required and shown first.
        public var commentaryRequired = false
        public init() {}

        /// The person's own input, shown again with what is wrong.
        public init(echoing input: IndicatorValueInput, mistakes: [FieldMistake], commentaryRequired: Bool) {
            (period, value, count, denominator) = (input.period, input.value, input.count, input.denominator)
            (target, targetOrigin) = (input.target, input.targetOrigin)
            (story, partners, whatWorks, actionPlan) = (input.story, input.partners, input.whatWorks, input.actionPlan)
            errors = FormErrors(mistakes)
            self.commentaryRequired = commentaryRequired
        }
    }

    public struct Model: Sendable {
        public var row: IndicatorRow
        public var definition: String, periodType: PeriodType, kind: IndicatorKind
        public var provenance: [(label: String, value: String)]
        public var chart: LineChart
        /// One period's values by ward and by locality hub, where there are any.
        public var areaCharts: [AreaBarChart]
        public var commentaries: [Commentary]
        public var links: [(label: String, url: SiteURL)]
        /// For an indicator whose code is a Performance Matters measure's: its figures worked out from the records.
        public var workedOut: WorkedOutSection?
        public var form: ValueForm?
        public init(
            row: IndicatorRow, definition: String, periodType: PeriodType, kind: IndicatorKind, provenance: [(label: String, value: String)],
            chart: LineChart, areaCharts: [AreaBarChart], commentaries: [Commentary], links: [(label: String, url: SiteURL)],
            workedOut: WorkedOutSection? = nil, form: ValueForm?
        ) {
            self.workedOut = workedOut
            self.row = row
            self.definition = definition
            self.periodType = periodType
            self.kind = kind
            self.provenance = provenance
            self.chart = chart
            self.areaCharts = areaCharts
            self.commentaries = commentaries
            self.links = links
            self.form = form
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let row = model.row
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.measures(.home).path), .text("Family Friendly Index"))),
                .h1(.text(row.name)),
                .p(.class("lead"), .text(model.definition)),
                .p(
                    .class("meta"),
                    .text(
                        "\(model.kind.displayName) · \(row.unit.displayName) · \(row.polarity.displayName) · reported by \(model.periodType.displayName.lowercased())"
                    )),
                .h2(.text("How it is doing")),
                FamilyFriendlyIndexPage.table([row], caption: "Judgements for \(row.name)"),
                .unwrap(row.demonstrationFrom) { from in
                    .div(
                        .class("notice"),
                        .p(
                            .strong(.text("Demonstration figures. ")),
                            .text(
                                "The figures from \(from) on are made up by the demo, so the chart has a history to show; the plan gives the earlier ones."
                            )))
                },
                model.chart.render(id: "indicator-chart"),
                .forEach(model.areaCharts.enumerated().map { $0 }) { index, chart in chart.render(id: "area-chart-\(index + 1)") },
                .unwrap(model.workedOut) { $0.render() },
                .if(
                    !model.commentaries.isEmpty,
                    .section(
                        .h2(.text("Turn the curve")),
                        .forEach(model.commentaries) { commentary in
                            .article(
                                .class("commentary"),
                                .h3(.text("\(commentary.period) (by \(commentary.author))")),
                                .dl(
                                    .class("summary-list"),
                                    .dt(.text("The story behind the curve")), .dd(.text(commentary.story)),
                                    .dt(.text("Partners with a role")), .dd(.text(commentary.partners.isEmpty ? "–" : commentary.partners)),
                                    .dt(.text("What works")), .dd(.text(commentary.whatWorks.isEmpty ? "–" : commentary.whatWorks)),
                                    .dt(.text("Action plan")), .dd(.text(commentary.actionPlan))))
                        })),
                .if(
                    !model.links.isEmpty,
                    .section(
                        .h2(.text("In the plan")),
                        .ul(.forEach(model.links) { .li(.a(.href($0.url.path), .text($0.label))) }))),
                .h2(.text("Where the figures come from")),
                .dl(.class("summary-list"), .forEach(model.provenance) { .group(.dt(.text($0.label)), .dd(.text($0.value))) }),
                .p(
                    .text("Download every figure of this indicator, with its targets and commentary: "),
                    .a(.href(SiteURL.measures(.values(code: row.code, format: .xlsx)).path), .text("Excel")), .text(" or "),
                    .a(.href(SiteURL.measures(.values(code: row.code, format: .csv)).path), .text("CSV")), .text(".")),
                .unwrap(model.form) { form in valueForm(form, model: model, csrfToken: context.csrfToken) }
            ))
    }

    static func valueForm(_ form: ValueForm, model: Model, csrfToken: String) -> Node<HTML.BodyContext> {
        let commentary: Node<HTML.BodyContext> = .group(
            Form.textArea(
                "story", label: "The story behind the curve", value: form.story, errors: form.errors,
                hint: "Why the figure is where it is: causes and forces at work.", rows: 4),
            Form.textArea("partners", label: "Partners with a role to play (optional)", value: form.partners, errors: form.errors, rows: 2),
            Form.textArea("whatWorks", label: "What works (optional)", value: form.whatWorks, errors: form.errors, rows: 2),
            Form.textArea(
                "actionPlan", label: "Action plan", value: form.actionPlan, errors: form.errors,
                hint: "What we will do, who will do it, by when.", rows: 3)
        )
        return .section(
            .h2(.id("add-value"), .text("Add a value for \(model.row.name)")),
            .p(
                .text("To add or correct many values at once, "), .a(.href(SiteURL.measures(.upload).path), .text("upload a CSV or Excel file")),
                .text(".")),
            Form.errorSummary(form.errors),
            .if(
                form.commentaryRequired,
                .div(
                    .class("notice"), .attribute(named: "role", value: "status"),
                    .p(.text("This value is red against its target. Add the turn-the-curve commentary for the period before it is saved.")))),
            Form.post(
                to: .measures(.indicator(code: model.row.code)), csrfToken: csrfToken,
                Form.textField(
                    "period", label: "Period", value: form.period, errors: form.errors,
                    hint: "\(model.periodType.displayName), written like \(model.periodType.pattern)."),
                Form.textField("value", label: "Value (\(model.row.unit.displayName.lowercased()))", value: form.value, errors: form.errors),
                Form.textField("count", label: "Count (optional)", value: form.count, errors: form.errors),
                Form.textField("denominator", label: "Denominator (optional)", value: form.denominator, errors: form.errors),
                Form.textField("target", label: "Target for the period (optional)", value: form.target, errors: form.errors),
                Form.select(
                    "targetOrigin", label: "Where the target comes from",
                    choices: PlanFile.Target.Origin.allCases.map { .init(value: $0.rawValue, label: $0.rawValue.capitalized) },
                    selected: form.targetOrigin.isEmpty ? "local" : form.targetOrigin, errors: form.errors),
                .element(
                    named: "fieldset",
                    nodes: [
                        .element(named: "legend", nodes: [.text("Turn-the-curve commentary (needed when the value is red)")]),
                        commentary,
                    ]),
                .div(.class("actions"), Form.submit("Save value"))
            )
        )
    }
}
