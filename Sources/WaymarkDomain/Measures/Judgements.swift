/// A value with, where known, its 95% confidence interval.
public struct Estimate: Sendable, Equatable {
    public var value: Double
    public var lower: Double?
    public var upper: Double?

    public init(_ value: Double, lower: Double? = nil, upper: Double? = nil) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }

    var interval: ClosedRange<Double>? {
        guard let lower, let upper, lower <= upper else { return nil }
        return lower...upper
    }
}

/// Against target: RAG bands that respect polarity. Green when the value meets or beats the target; amber when it
/// misses by no more than the tolerance; red beyond. Tolerance defaults to 5% of the target (an indicator may set its
/// own), so amber means "close": for a 90% target, 85.5% to 89.9% is amber when high is good.
public enum TargetJudgement: Equatable, Sendable {
    case rated(RAG)
    case noTarget
    /// The indicator has no polarity, so meeting a target says nothing about better or worse.
    case notJudged

    public static let defaultTolerance = 0.05

    public static func judge(_ value: Double, target: Double?, polarity: Polarity, tolerance: Double = defaultTolerance) -> TargetJudgement {
        guard let target else { return .noTarget }
        guard let direction = polarity.goodDirection else { return .notJudged }
        // How far the value is on the good side of the target (negative: short of it).
        let margin = (value - target) * direction
        if margin >= 0 { return .rated(.green) }
        return -margin <= abs(target) * tolerance ? .rated(.amber) : .rated(.red)
    }

    public var displayName: String {
        switch self {
        case .rated(let rag): rag.displayName
        case .noTarget: "No target"
        case .notJudged: "Not judged"
        }
    }
}

/// Against a comparator (London, England, statistical neighbours): better, similar or worse.
///
/// Method, in order:
/// 1. Both values have 95% confidence intervals: similar if the intervals overlap, otherwise better or worse.
/// 2. Only the borough's value has one: similar if the comparator's value lies inside it (the Fingertips approach).
/// 3. Neither has one: similar if the values differ by no more than 5% of the comparator's value; otherwise
///    better or worse. This is a rule of thumb, not a test of significance, and the page says so.
public enum ComparatorJudgement: Equatable, Sendable {
    case better, similar, worse
    case notCompared
    /// The indicator has no polarity: values are shown side by side without a judgement.
    case notJudged

    public static let similarWithin = 0.05

    public static func judge(_ local: Estimate, against comparator: Estimate?, polarity: Polarity) -> ComparatorJudgement {
        guard let comparator else { return .notCompared }
        guard let direction = polarity.goodDirection else { return .notJudged }
        let isSimilar: Bool
        if let ours = local.interval, let theirs = comparator.interval {
            isSimilar = ours.overlaps(theirs)
        } else if let ours = local.interval {
            isSimilar = ours.contains(comparator.value)
        } else {
            isSimilar = abs(local.value - comparator.value) <= abs(comparator.value) * similarWithin
        }
        if isSimilar { return .similar }
        return (local.value - comparator.value) * direction > 0 ? .better : .worse
    }

    public var displayName: String {
        switch self {
        case .better: "Better"
        case .similar: "Similar"
        case .worse: "Worse"
        case .notCompared: "Not compared"
        case .notJudged: "Not judged"
        }
    }
}

/// Trend over time: improving, worsening or no significant change, from five or more points only.
///
/// Method: the least-squares line through the points (one per period, evenly spaced), and a two-sided t-test of
/// its slope at the 95% level with n − 2 degrees of freedom. A significant slope in the good direction is
/// improving; in the other, worsening. With no polarity, a significant slope is reported as increasing or
/// decreasing.
public enum TrendJudgement: Equatable, Sendable {
    case improving, worsening, noSignificantChange
    case increasing, decreasing
    case notEnoughData

    public static let minimumPoints = 5

    public static func judge(_ values: [Double], polarity: Polarity) -> TrendJudgement {
        guard values.count >= minimumPoints else { return .notEnoughData }
        let n = Double(values.count)
        let xs = values.indices.map(Double.init)
        let meanX = xs.reduce(0, +) / n
        let meanY = values.reduce(0, +) / n
        let sxx = xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        let sxy = zip(xs, values).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        let residuals = zip(xs, values).reduce(0) { sum, point in
            let error = point.1 - (intercept + slope * point.0)
            return sum + error * error
        }
        let standardError = (residuals / (n - 2) / sxx).squareRoot()
        let significant: Bool
        if standardError == 0 {
            significant = slope != 0
        } else {
            significant = abs(slope / standardError) > criticalT(degreesOfFreedom: values.count - 2)
        }
        guard significant else { return .noSignificantChange }
        guard let direction = polarity.goodDirection else { return slope > 0 ? .increasing : .decreasing }
        return slope * direction > 0 ? .improving : .worsening
    }

    /// Two-sided 95% critical values of Student's t (standard tables); beyond 30 degrees of freedom, 2.0 is close enough.
    static func criticalT(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
            2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        return df >= 1 && df <= table.count ? table[df - 1] : 2.0
    }

    public var displayName: String {
        switch self {
        case .improving: "Improving"
        case .worsening: "Worsening"
        case .noSignificantChange: "No significant change"
        case .increasing: "Increasing"
        case .decreasing: "Decreasing"
        case .notEnoughData: "Not enough data"
        }
    }
}

/// The 95% Wilson score interval for a proportion, as a percentage: what Fingertips uses for percentages with a
/// count and denominator.
public func wilsonInterval(count: Double, denominator: Double) -> ClosedRange<Double>? {
    guard denominator > 0, count >= 0, count <= denominator else { return nil }
    let z = 1.959964, p = count / denominator, n = denominator
    let centre = p + z * z / (2 * n)
    let spread = z * ((p * (1 - p) + z * z / (4 * n)) / n).squareRoot()
    let scale = 1 + z * z / n
    return ((centre - spread) / scale * 100)...((centre + spread) / scale * 100)
}
