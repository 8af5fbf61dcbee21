/// An indicator's three judgements for its latest period, always all three, each saying plainly when it cannot
/// be made: against target, against each comparator (in the same period), and the trend.
public struct IndicatorAssessment: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var period: ReportingPeriod
        public var estimate: Estimate
        public init(period: ReportingPeriod, estimate: Estimate) {
            self.period = period
            self.estimate = estimate
        }
    }

    public struct Comparison: Sendable, Equatable {
        public var comparator: String
        public var value: Double?
        public var judgement: ComparatorJudgement
    }

    public var latest: Point?
    public var targetValue: Double?
    public var target: TargetJudgement
    public var comparisons: [Comparison]
    public var trend: TrendJudgement

    /// - Parameters:
    ///   - borough: the borough's values, any order.
    ///   - comparators: each comparator's name and values, in the order to show them.
    ///   - targets: target values by period text.
    public init(
        polarity: Polarity, borough: [Point], comparators: [(name: String, points: [Point])], targets: [String: Double],
        tolerance: Double = TargetJudgement.defaultTolerance
    ) {
        let ordered = borough.sorted { $0.period < $1.period }
        let latest = ordered.last
        self.latest = latest
        targetValue = latest.flatMap { targets[$0.period.text] }
        if let latest {
            target = TargetJudgement.judge(latest.estimate.value, target: targetValue, polarity: polarity, tolerance: tolerance)
        } else {
            target = targetValue == nil ? .noTarget : .notJudged
        }
        comparisons = comparators.map { comparator in
            let match = latest.flatMap { latest in comparator.points.first { $0.period == latest.period } }
            let judgement = latest.map { ComparatorJudgement.judge($0.estimate, against: match?.estimate, polarity: polarity) } ?? .notCompared
            return Comparison(comparator: comparator.name, value: match?.estimate.value, judgement: judgement)
        }
        trend = TrendJudgement.judge(ordered.map(\.estimate.value), polarity: polarity)
    }

    /// The three judgements for the Family Friendly Index, taking the first comparator as the benchmark.
    public var judgements: FamilyFriendlyIndex.IndicatorJudgements {
        .init(target: target, comparator: comparisons.first?.judgement ?? .notCompared, trend: trend)
    }

    /// A red value needs turn-the-curve commentary.
    public var needsCommentary: Bool { target == .rated(.red) }
}
