import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The monthly Performance Matters report: each section's measures for the period with their 12-month trend, and
/// the section's commentary (what is going well, what needs to improve, the actions). As a page and for print.
public enum PerformanceMattersPage {
    public struct Figure: Sendable, Equatable {
        /// "68.2%", or a count.
        public var value: String
        /// "15 of 22", or "" for a count.
        public var ofCounted: String
        public init(value: String, ofCounted: String) {
            self.value = value
            self.ofCounted = ofCounted
        }
    }

    /// A comparator's published value beside the figure: "England", "FY2024-25", "85.7%", "Worse".
    public struct Comparison: Sendable, Equatable {
        public var area: String, period: String, value: String, judgement: String
        public init(area: String, period: String, value: String, judgement: String) {
            self.area = area
            self.period = period
            self.value = value
            self.judgement = judgement
        }
    }

    public struct Measure: Sendable {
        public var id: String, title: String, definition: String, betterWhen: String
        public var figure: Figure
        /// Each comparator's latest published value, where the Measures area holds one for this measure.
        public var comparisons: [Comparison]
        /// Rates per 10,000 children, for counts when the child population is set.
        public var rate: String?
        /// The 12 months' values, oldest first (percentages, or counts).
        public var trend: [Double?]
        /// The list of the children behind the figure, for those who may see it.
        public var childrenURL: String?
        public var isShare: Bool
        public init(
            id: String, title: String, definition: String, betterWhen: String, figure: Figure, comparisons: [Comparison] = [],
            rate: String?, trend: [Double?], childrenURL: String?, isShare: Bool
        ) {
            self.id = id
            self.title = title
            self.definition = definition
            self.betterWhen = betterWhen
            self.figure = figure
            self.comparisons = comparisons
            self.rate = rate
            self.trend = trend
            self.childrenURL = childrenURL
            self.isShare = isShare
        }
    }

    public struct Commentary: Sendable, Equatable {
        public var goingWell: String, toImprove: String, actions: String
        /// "Written by … on …", or nil when there is none yet.
        public var byline: String?
        public init(goingWell: String, toImprove: String, actions: String, byline: String?) {
            self.goingWell = goingWell
            self.toImprove = toImprove
            self.actions = actions
            self.byline = byline
        }
    }

    public struct Section: Sendable {
        public var id: String, title: String
        public var measures: [Measure]
        public var commentary: Commentary
        public init(id: String, title: String, measures: [Measure], commentary: Commentary) {
            self.id = id
            self.title = title
            self.measures = measures
            self.commentary = commentary
        }
    }

    public struct Model: Sendable {
        /// The period as a link writes it ("2026-03") and in words ("March 2026").
        public var period: String, periodInWords: String
        /// The day the figures stand at, in words.
        public var asAt: String
        /// The trend's months, oldest first ("Apr 2025"…).
        public var trendPeriods: [String]
        public var sections: [Section]
        /// The months a reader can pick, newest first: (value, label).
        public var choices: [(value: String, label: String)]
        /// The children aged 0 to 17 the rates are per 10,000 of ("97,900"), when set.
        public var population: String?
        public var canComment: Bool
        /// Whether the reader may draw up Ofsted's Annex A, which the page then links to.
        public var linksToAnnexA: Bool
        /// How many records the measures read are out of order or missing a day, for readers who may see the list.
        public var dataQualityIssues: Int?
        public var generatedOn: String
        public init(
            period: String, periodInWords: String, asAt: String, trendPeriods: [String], sections: [Section],
            choices: [(value: String, label: String)], population: String?, canComment: Bool, linksToAnnexA: Bool = false,
            dataQualityIssues: Int? = nil,
            generatedOn: String
        ) {
            self.period = period
            self.periodInWords = periodInWords
            self.asAt = asAt
            self.trendPeriods = trendPeriods
            self.sections = sections
            self.choices = choices
            self.population = population
            self.canComment = canComment
            self.linksToAnnexA = linksToAnnexA
            self.dataQualityIssues = dataQualityIssues
            self.generatedOn = generatedOn
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Performance Matters: \(model.periodInWords)")),
                .p(
                    .class("lead"),
                    .text(
                        "Every figure is worked out from the children's records as they stood on \(model.asAt); none is typed in. "
                            + "Each links to the children behind it, with the rule and the dates.")),
                .unwrap(model.population) { .p(.text("Rates per 10,000 children are worked out from a population of \($0) children aged 0 to 17.")) },
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteURL.performance(.report()).path),
                        .class("filters"), .attribute(named: "aria-label", value: "Choose the period"),
                        Form.select(
                            "period", label: "Period", choices: model.choices.map { Form.Choice(value: $0.value, label: $0.label) },
                            selected: model.period, errors: FormErrors(), hint: "A month, the last 12 months, or the financial year so far."),
                        .div(
                            .class("actions"), Form.submit("Show"),
                            .a(
                                .class("button button--secondary"), .href(SiteURL.performance(.reportPDF(.init(period: model.period))).path),
                                .text("Download as PDF"))),
                    ]),
                .unwrap(model.dataQualityIssues) { count in
                    .p(
                        .text(
                            count == 0
                                ? "No record the measures read is out of order. "
                                : "\(count) \(count == 1 ? "record" : "records") the measures read "
                                    + "\(count == 1 ? "is" : "are") out of order or missing a day: "),
                        .a(
                            .href(SiteURL.performance(.dataQuality).path),
                            .text(count == 0 ? "Data quality checks" : "see Data quality, which says how each is counted")))
                },
                .if(
                    model.linksToAnnexA,
                    .p(.a(.href(SiteURL.performance(.annexA()).path), .text("Ofsted Annex A: the inspection lists, checked, as a workbook")))),
                .nav(
                    .attribute(named: "aria-label", value: "Sections"),
                    .ul(
                        .class("inline-list"),
                        .forEach(model.sections) { section in
                            .li(.a(.href("#\(section.id)"), .text(section.title)))
                        })),
                .forEach(model.sections) { section in sectionNode(section, model: model, interactive: true, csrfToken: context.csrfToken) }
            ))
    }

    public static func renderForPrint(_ model: Model, stylesheet: String) -> String {
        HTML(
            .lang(.english),
            .head(
                .title("Performance Matters: \(model.periodInWords)"), .meta(.charset(.utf8)), Layout.printPolicy,
                .raw("<style>\(stylesheet)@page { size: A4; margin: 16mm 14mm; } .performance-matters { max-width: none; }</style>")),
            .body(
                .main(
                    .class("page performance-matters"),
                    .h1(.text("Performance Matters: \(model.periodInWords)")),
                    .p(.class("meta"), .text("Figures as at \(model.asAt) · generated \(model.generatedOn) from Waymark")),
                    .unwrap(model.population) {
                        .p(.text("Rates per 10,000 children are worked out from a population of \($0) children aged 0 to 17."))
                    },
                    .forEach(model.sections) { sectionNode($0, model: model, interactive: false, csrfToken: "") }))
        ).render()
    }

    static func sectionNode(_ section: Section, model: Model, interactive: Bool, csrfToken: String) -> Node<HTML.BodyContext> {
        .section(
            .id(section.id), .class("performance-section"),
            .h2(.text(section.title)),
            figuresTable(section, model: model, interactive: interactive),
            trends(section, model: model, open: !interactive),
            commentaryNode(section, model: model, interactive: interactive, csrfToken: csrfToken)
        )
    }

    static func figuresTable(_ section: Section, model: Model, interactive: Bool) -> Node<HTML.BodyContext> {
        func header(_ text: String) -> Node<HTML.TableRowContext> { .th(.attribute(named: "scope", value: "col"), .text(text)) }
        func value(_ measure: Measure) -> Node<HTML.BodyContext> {
            guard interactive, let url = measure.childrenURL else { return .text(measure.figure.value) }
            return .a(.href(url), .text(measure.figure.value))
        }
        func compared(_ measure: Measure) -> Node<HTML.BodyContext> {
            guard !measure.comparisons.isEmpty else { return .text("–") }
            return .ul(
                .class("plain-list"),
                .forEach(measure.comparisons) { comparison in
                    .li(.text("\(comparison.area) \(comparison.value) (\(comparison.period)): "), .strong(.text(comparison.judgement)))
                })
        }
        let rows: [Node<HTML.TableContext>] = section.measures.map { measure in
            .tr(
                .th(.attribute(named: "scope", value: "row"), .text(measure.title), .span(.class("hint"), .text(" \(measure.definition)"))),
                .td(value(measure), .unwrap(measure.rate) { .span(.class("hint"), .text(" (\($0) per 10,000 children)")) }),
                .td(.text(measure.figure.ofCounted)), .td(compared(measure)), .td(.text(measure.betterWhen)))
        }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.text("\(section.title): \(model.periodInWords)")),
                .thead(.tr(header("Measure"), header(model.periodInWords), header("Counted"), header("Compared with"), header("Better when"))),
                .tbody(.group(rows))
            ))
    }

    /// Each measure's 12 months as a line with its data table and a sentence; open when printed.
    static func trends(_ section: Section, model: Model, open: Bool) -> Node<HTML.BodyContext> {
        let charts: [Node<HTML.BodyContext>] = section.measures.map { measure in
            let series = LineChart.Series(name: "Borough", style: .main, values: measure.trend)
            let chart = LineChart(
                title: measure.title, periods: model.trendPeriods, series: [series],
                format: measure.isShare ? percentage : count)
            return chart.render(id: "trend-\(measure.id)")
        }
        return .element(
            named: "details",
            nodes: [
                .if(open, .attribute(named: "open")),
                .element(named: "summary", nodes: [.text("Trends over 12 months")]),
            ] + charts)
    }

    static func commentaryNode(_ section: Section, model: Model, interactive: Bool, csrfToken: String) -> Node<HTML.BodyContext> {
        let commentary = section.commentary
        let written = [commentary.goingWell, commentary.toImprove, commentary.actions].contains { !$0.isEmpty }
        return .div(
            .class("commentary"),
            .h3(.text("Commentary: \(section.title)")),
            .if(
                written,
                .dl(
                    .dt(.text("What is going well")), .dd(.text(commentary.goingWell.isEmpty ? "–" : commentary.goingWell)),
                    .dt(.text("What needs to improve")), .dd(.text(commentary.toImprove.isEmpty ? "–" : commentary.toImprove)),
                    .dt(.text("Actions in place")), .dd(.text(commentary.actions.isEmpty ? "–" : commentary.actions))
                ), else: .p(.text("No commentary for \(model.periodInWords) yet."))),
            .unwrap(commentary.byline) { .p(.class("hint"), .text($0)) },
            .if(
                interactive && model.canComment,
                .element(
                    named: "details",
                    nodes: [
                        .element(named: "summary", nodes: [.text(written ? "Change the commentary" : "Write the commentary")]),
                        Form.post(
                            to: .performance(.commentary), csrfToken: csrfToken,
                            .input(.type(.hidden), .name("section"), .value(section.id)),
                            .input(.type(.hidden), .name("period"), .value(model.period)),
                            Form.textArea(
                                "\(section.id)-going-well", label: "What is going well", value: commentary.goingWell, errors: FormErrors(), rows: 3),
                            Form.textArea(
                                "\(section.id)-to-improve", label: "What needs to improve", value: commentary.toImprove, errors: FormErrors(), rows: 3
                            ),
                            Form.textArea(
                                "\(section.id)-actions", label: "Actions in place", value: commentary.actions, errors: FormErrors(), rows: 3),
                            .div(.class("actions"), Form.submit("Save the commentary"))),
                    ]))
        )
    }

    @Sendable static func percentage(_ value: Double) -> String { "\(formatted(value))%" }
    @Sendable static func count(_ value: Double) -> String { formatted(value) }

    /// One decimal place where there is a fraction: "68.2", "12".
    static func formatted(_ value: Double) -> String {
        value.wholeNumberText ?? String((value * 10).rounded() / 10)
    }
}
