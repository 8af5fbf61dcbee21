/// The Family Friendly Index: one number from 0 to 100 for how the borough is doing on the plan summary's nine
/// measures, always shown beside the measures it sums up.
///
/// Method: each indicator scores, for each judgement it has, 2 (green, better, improving), 1 (amber, similar,
/// no significant change) or 0 (red, worse, worsening); judgements that say nothing (no target, not compared,
/// not enough data, not judged) are left out rather than counted as zero. A measure's score is the mean of its
/// indicators' scores; the index is the mean of the measures that have any score, scaled to 0–100 and rounded to a
/// whole number. With no scores at all there is no index.
public enum FamilyFriendlyIndex {
    public struct IndicatorJudgements: Sendable, Equatable {
        public var target: TargetJudgement
        public var comparator: ComparatorJudgement
        public var trend: TrendJudgement

        public init(target: TargetJudgement, comparator: ComparatorJudgement, trend: TrendJudgement) {
            self.target = target
            self.comparator = comparator
            self.trend = trend
        }

        /// The scores (0, 1 or 2) of the judgements that say something.
        var scores: [Double] {
            var scores: [Double] = []
            switch target {
            case .rated(.green): scores.append(2)
            case .rated(.amber): scores.append(1)
            case .rated(.red): scores.append(0)
            case .noTarget, .notJudged: break
            }
            switch comparator {
            case .better: scores.append(2)
            case .similar: scores.append(1)
            case .worse: scores.append(0)
            case .notCompared, .notJudged: break
            }
            switch trend {
            case .improving: scores.append(2)
            case .noSignificantChange: scores.append(1)
            case .worsening: scores.append(0)
            case .increasing, .decreasing, .notEnoughData: break
            }
            return scores
        }
    }

    /// One measure's score from 0 to 100, or nil when none of its indicators has a judgement that says something.
    public static func score(_ indicators: [IndicatorJudgements]) -> Double? {
        let perIndicator = indicators.compactMap { judgements -> Double? in
            let scores = judgements.scores
            return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        }
        guard !perIndicator.isEmpty else { return nil }
        return perIndicator.reduce(0, +) / Double(perIndicator.count) * 50
    }

    /// The index from the measures' scores (each 0–100 or nil), rounded half up.
    public static func index(_ measureScores: [Double?]) -> Int? {
        let scored = measureScores.compactMap { $0 }
        guard !scored.isEmpty else { return nil }
        return Int((scored.reduce(0, +) / Double(scored.count)).rounded(.toNearestOrAwayFromZero))
    }
}
