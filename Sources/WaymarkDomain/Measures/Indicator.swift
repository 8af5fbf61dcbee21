/// Which direction of an indicator is better for children.
public enum Polarity: String, CaseIterable, Codable, Sendable {
    case highIsGood = "high-is-good"
    case lowIsGood = "low-is-good"
    /// Context only (a population count, say): never judged better or worse.
    case noJudgement = "no-judgement"

    public var displayName: String {
        switch self {
        case .highIsGood: "Higher is better"
        case .lowIsGood: "Lower is better"
        case .noJudgement: "No judgement"
        }
    }

    /// +1 when a rise is good, -1 when a fall is good, nil when neither.
    var goodDirection: Double? {
        switch self {
        case .highIsGood: 1
        case .lowIsGood: -1
        case .noJudgement: nil
        }
    }
}

/// What an indicator's values count.
public enum IndicatorUnit: String, CaseIterable, Codable, Sendable {
    case percentage
    case ratePer10000 = "rate-per-10000"
    case ratePer100000 = "rate-per-100000"
    case count
    case days
    case score

    public var displayName: String {
        switch self {
        case .percentage: "Percentage"
        case .ratePer10000: "Rate per 10,000"
        case .ratePer100000: "Rate per 100,000"
        case .count: "Count"
        case .days: "Days"
        case .score: "Score"
        }
    }

    /// Why a value is impossible for this unit, or nil when it is possible.
    public func problem(with value: Double) -> String? {
        guard value.isFinite else { return "is not a number" }
        switch self {
        case .percentage where !(0...100).contains(value):
            return "\(Self.format(value)) is not a percentage from 0 to 100"
        case .count where value < 0 || value != value.rounded():
            return "\(Self.format(value)) is not a whole number of 0 or more"
        case .ratePer10000 where value < 0, .ratePer100000 where value < 0, .days where value < 0:
            return "\(Self.format(value)) cannot be below 0"
        default:
            return nil
        }
    }

    static func format(_ value: Double) -> String {
        value.wholeNumberText ?? String(value)
    }
}

/// In results-based accountability: a population indicator describes all children in the borough (whole-population
/// wellbeing that no single service controls); a performance measure describes a service's own work and its effect.
public enum IndicatorKind: String, CaseIterable, Codable, Sendable {
    case population
    case performance

    public var displayName: String {
        switch self {
        case .population: "Population indicator"
        case .performance: "Performance measure"
        }
    }
}

/// Whether a published figure may still change.
public enum ValueStatus: String, CaseIterable, Codable, Sendable {
    case provisional
    case final
    /// Made up by the demo (`DemoIndicatorHistory`): shown as such wherever it appears.
    case demonstration
}

extension IndicatorUnit {
    /// A value as the measures pages and Performance Matters write it: whole numbers without a decimal point, others
    /// to one place, percentages with their sign.
    public func text(_ value: Double) -> String {
        let text = value.wholeNumberText ?? String(format: "%.1f", value)
        return self == .percentage ? "\(text)%" : text
    }
}
