import WaymarkDomain

/// A Performance Matters figure beside a comparator's published value (England, London, statistical neighbours),
/// judged better, similar or worse by the Measures area's own method (`ComparatorJudgement`).
///
/// Comparators come from the Measures indicator whose code is the measure's code (`assessments`, `re-referrals`…),
/// as published: a year's figure, usually, beside the report's month. The judgement gives the borough's share its
/// 95% Wilson interval, so a month of 22 assessments is "similar" unless the comparator lies well outside it.
public struct PerformanceComparison: Sendable, Equatable {
    /// A comparator's latest published value for the measure.
    public struct Published: Sendable, Equatable {
        public var area: String
        /// The period as published ("FY2024-25").
        public var period: String
        public var estimate: Estimate
        public init(area: String, period: String, estimate: Estimate) {
            self.area = area
            self.period = period
            self.estimate = estimate
        }
    }

    public var published: Published
    public var judgement: ComparatorJudgement

    /// Each comparator's value beside the figure, in the order given. Only shares are compared: a month's count of
    /// contacts or referrals is not the year's rate a comparator publishes.
    public static func compare(_ figure: PerformanceFigure, of measure: PerformanceMeasure, with published: [Published]) -> [PerformanceComparison] {
        guard measure.shape == .share else { return [] }
        let ours = figure.percentage.map { percentage in
            let interval = wilsonInterval(count: Double(figure.meeting), denominator: Double(figure.counted))
            return Estimate(percentage, lower: interval?.lowerBound, upper: interval?.upperBound)
        }
        return published.map { comparator in
            .init(
                published: comparator,
                judgement: ours.map { .judge($0, against: comparator.estimate, polarity: measure.polarity) } ?? .notCompared)
        }
    }
}
