import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// How an indicator's judgements are shown: always all three, in words as well as colour.
enum JudgementTags {
    static func target(_ judgement: TargetJudgement) -> Node<HTML.BodyContext> {
        switch judgement {
        case .rated(let rag): RAGTag.of(rag)
        case .noTarget, .notJudged: .span(.class("tag tag--none"), .text(judgement.displayName))
        }
    }

    static func comparator(_ judgement: ComparatorJudgement) -> Node<HTML.BodyContext> {
        let style =
            switch judgement {
            case .better: "green"
            case .worse: "red"
            case .similar: "amber"
            case .notCompared, .notJudged: "none"
            }
        return .span(.class("tag tag--\(style)"), .text(judgement.displayName))
    }

    static func trend(_ judgement: TrendJudgement) -> Node<HTML.BodyContext> {
        let style =
            switch judgement {
            case .improving: "green"
            case .worsening: "red"
            default: "none"
            }
        return .span(.class("tag tag--\(style)"), .text(judgement.displayName))
    }
}

/// An indicator as the dashboard lists it.
public struct IndicatorRow: Sendable {
    public var code: String, name: String, unit: IndicatorUnit, polarity: Polarity
    public var assessment: IndicatorAssessment
    public var format: @Sendable (Double) -> String
    /// The first period whose figures the demo made up, when it made any.
    public var demonstrationFrom: String?
    /// Whether the borough's figures are worked out from the children's records rather than entered.
    public var workedOut: Bool
    public init(
        code: String, name: String, unit: IndicatorUnit, polarity: Polarity, assessment: IndicatorAssessment,
        format: @escaping @Sendable (Double) -> String, demonstrationFrom: String? = nil, workedOut: Bool = false
    ) {
        self.demonstrationFrom = demonstrationFrom
        self.workedOut = workedOut
        self.code = code
        self.name = name
        self.unit = unit
        self.polarity = polarity
        self.assessment = assessment
        self.format = format
    }
}

/// The Family Friendly Index: the nine measures of the plan summary, each with its indicators and their three
/// judgements, and the overall index with the method that makes it.
public enum FamilyFriendlyIndexPage {
    public struct Measure: Sendable {
        public var number: Int, title: String, score: Double?, indicators: [IndicatorRow]
        public init(number: Int, title: String, score: Double?, indicators: [IndicatorRow]) {
            self.number = number
            self.title = title
            self.score = score
            self.indicators = indicators
        }
    }

    public struct Model: Sendable {
        public var index: Int?
        public var measures: [Measure]
        public var others: [IndicatorRow]
        /// Whether the person may add values (offered the upload page).
        public var mayUpload: Bool
        public init(index: Int?, measures: [Measure], others: [IndicatorRow], mayUpload: Bool) {
            self.index = index
            self.measures = measures
            self.others = others
            self.mayUpload = mayUpload
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Family Friendly Index")),
                .p(
                    .class("lead"),
                    .text(
                        "How we monitor progress: the plan's measures of whether this is a family friendly place for children, each indicator judged against its target, against its comparators and over time."
                    )),
                .div(
                    .class("index-figure"),
                    .p(
                        .span(.class("index-figure__number"), .text(model.index.map(String.init) ?? "–")),
                        .span(
                            .class("index-figure__label"), .text(model.index == nil ? " No index yet: no indicator has a judgement." : " out of 100"))
                    ),
                    .p(.class("hint"), .text(method))),
                .if(model.mayUpload, .p(.a(.href(SiteURL.measures(.upload).path), .text("Upload indicator values from a CSV or Excel file")))),
                BulletChart(title: "Every indicator at a glance", rows: model.measures.flatMap(\.indicators) + model.others).render(
                    id: "at-a-glance"),
                .forEach(model.measures) { measure in
                    .section(
                        .h2(.text("\(measure.number). \(measure.title)")),
                        .p(
                            .class("meta"),
                            .text(
                                measure.score.map { "Measure score: \(Int($0.rounded())) out of 100." }
                                    ?? "No score: no indicator here has a judgement yet.")),
                        table(measure.indicators, caption: "Indicators for measure \(measure.number)")
                    )
                },
                .if(
                    !model.others.isEmpty,
                    .section(
                        .h2(.text("Other indicators")),
                        table(model.others, caption: "Indicators outside the index")
                    ))
            ))
    }

    static let method =
        "How the index is made: each indicator scores 2 for green, better or improving, 1 for amber, similar or no significant change, and 0 for red, worse or worsening; judgements that cannot be made are left out. A measure scores the mean of its indicators, the index the mean of the measures that have a score, out of 100."

    static func table(_ rows: [IndicatorRow], caption: String) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.text("No indicator yet.")) }
        return .div(
            .class("table-wrap"),
            .table(
                .caption(.class("visually-hidden"), .text(caption)),
                .thead(
                    .tr(
                        .th(.text("Indicator")), .th(.text("Latest")), .th(.text("Against target")), .th(.text("Against comparators")),
                        .th(.text("Trend")))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .td(
                                .a(.href(SiteURL.measures(.indicator(code: row.code)).path), .text(row.name)),
                                .div(.class("hint"), .text(row.polarity.displayName)),
                                .unwrap(row.demonstrationFrom) { .div(.span(.class("tag tag--amber"), .text("Demonstration figures from \($0)"))) },
                                .if(row.workedOut, .div(.span(.class("tag tag--none"), .text("Worked out from the children's records"))))),
                            .td(
                                .unwrap(
                                    row.assessment.latest,
                                    { latest in
                                        .group(.strong(.text(row.format(latest.estimate.value))), .div(.class("hint"), .text(latest.period.inWords)))
                                    },
                                    else: .text("No value"))),
                            .td(
                                JudgementTags.target(row.assessment.target),
                                .unwrap(row.assessment.targetValue) { .div(.class("hint"), .text("Target \(row.format($0))")) }),
                            .td(
                                .forEach(row.assessment.comparisons) { comparison in
                                    .div(
                                        .text("\(comparison.comparator)\(comparison.value.map { " \(row.format($0))" } ?? ""): "),
                                        JudgementTags.comparator(comparison.judgement))
                                }),
                            .td(JudgementTags.trend(row.assessment.trend))
                        )
                    })
            ))
    }
}
