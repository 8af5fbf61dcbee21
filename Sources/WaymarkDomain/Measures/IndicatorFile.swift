/// The measures part of the plan data file: the areas values are reported for, and each indicator with its
/// definition, values, targets and the plan outcomes and actions meant to move it.
extension PlanFile {
    /// An area a value belongs to: the borough itself, one of its wards or locality hubs, or a comparator.
    public struct Area: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, CaseIterable, Sendable {
            case borough, ward, hub, comparator
        }

        public var name: String
        public var kind: Kind

        public init(name: String, kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    public struct Indicator: Codable, Equatable, Sendable {
        /// Lower-case letters, digits and hyphens: the indicator's name in links and uploads.
        public var code: String
        public var name: String
        public var definition: String
        public var unit: IndicatorUnit
        public var polarity: Polarity
        public var periodType: PeriodType
        public var kind: IndicatorKind
        public var publisher: String?
        public var dataset: String?
        public var owner: String?
        public var numerator: String?
        public var denominator: String?
        /// Which of the plan summary's Family Friendly Index measures (1 to 9) it counts towards.
        public var familyFriendlyMeasure: Int?
        /// Outcomes (`plan-slug/outcome-ref`) and actions (`plan-slug/action-ref`) it shows progress on.
        public var outcomes: [String]?
        public var actions: [String]?
        public var values: [Value]?
        public var targets: [Target]?

        public init(
            code: String, name: String, definition: String, unit: IndicatorUnit, polarity: Polarity, periodType: PeriodType,
            kind: IndicatorKind, publisher: String? = nil, dataset: String? = nil, owner: String? = nil, numerator: String? = nil,
            denominator: String? = nil, familyFriendlyMeasure: Int? = nil, outcomes: [String]? = nil, actions: [String]? = nil,
            values: [Value]? = nil, targets: [Target]? = nil
        ) {
            self.code = code
            self.name = name
            self.definition = definition
            self.unit = unit
            self.polarity = polarity
            self.periodType = periodType
            self.kind = kind
            self.publisher = publisher
            self.dataset = dataset
            self.owner = owner
            self.numerator = numerator
            self.denominator = denominator
            self.familyFriendlyMeasure = familyFriendlyMeasure
            self.outcomes = outcomes
            self.actions = actions
            self.values = values
            self.targets = targets
        }

        enum CodingKeys: String, CodingKey {
            case code, name, definition, unit, polarity, kind, publisher, dataset, owner, numerator, denominator, outcomes, actions, values, targets
            case periodType = "period_type"
            case familyFriendlyMeasure = "family_friendly_measure"
        }
    }

    public struct Value: Codable, Equatable, Sendable {
        public var area: String
        public var period: String
        public var value: Double
        public var count: Double?
        public var denominator: Double?
        /// The 95% confidence interval, where published.
        public var lower: Double?
        public var upper: Double?
        public var status: ValueStatus?
        public var source: String?

        public init(
            area: String, period: String, value: Double, count: Double? = nil, denominator: Double? = nil,
            lower: Double? = nil, upper: Double? = nil, status: ValueStatus? = nil, source: String? = nil
        ) {
            self.area = area
            self.period = period
            self.value = value
            self.count = count
            self.denominator = denominator
            self.lower = lower
            self.upper = upper
            self.status = status
            self.source = source
        }
    }

    public struct Target: Codable, Equatable, Sendable {
        public enum Origin: String, Codable, CaseIterable, Sendable { case plan, national, local }

        public var period: String
        public var value: Double
        public var origin: Origin

        public init(period: String, value: Double, origin: Origin) {
            self.period = period
            self.value = value
            self.origin = origin
        }
    }

    /// Codes that would clash with the Measures area's own pages (/measures/upload).
    static let reservedIndicatorCodes: Set<String> = ["upload"]

    /// The problems in the file's areas and indicators (part of `problems()`).
    func indicatorProblems(outcomeKeys: Set<String>, actionKeys: Set<String>) -> [DataFileProblem] {
        var problems: [DataFileProblem] = []
        func problem(_ path: String, _ message: String) { problems.append(.init(path: path, message: message)) }
        var areaNames: Set<String> = []
        for (index, area) in (areas ?? []).enumerated() where !areaNames.insert(area.name).inserted {
            problem("areas[\(index)].name", "\"\(area.name)\" is listed twice")
        }
        var codes: Set<String> = []
        for (index, indicator) in (indicators ?? []).enumerated() {
            let path = "indicators[\(index)]"
            if !Self.isSlug(indicator.code) {
                problem("\(path).code", "\"\(indicator.code)\" must be lower-case letters, digits and hyphens")
            } else if Self.reservedIndicatorCodes.contains(indicator.code) {
                problem("\(path).code", "\"\(indicator.code)\" is the name of a Measures page; choose another code")
            } else if !codes.insert(indicator.code).inserted {
                problem("\(path).code", "\"\(indicator.code)\" is used by another indicator")
            }
            if indicator.name.allSatisfy(\.isWhitespace) { problem("\(path).name", "must not be blank") }
            if let measure = indicator.familyFriendlyMeasure, !(1...9).contains(measure) {
                problem("\(path).family_friendly_measure", "\(measure) must be one of the nine measures, 1 to 9")
            }
            for (keyIndex, key) in (indicator.outcomes ?? []).enumerated() where !outcomeKeys.contains(key) {
                problem("\(path).outcomes[\(keyIndex)]", "no outcome \"\(key)\"; write plan-slug/ref")
            }
            for (keyIndex, key) in (indicator.actions ?? []).enumerated() where !actionKeys.contains(key) {
                problem("\(path).actions[\(keyIndex)]", "no action \"\(key)\"; write plan-slug/ref")
            }
            var seen: Set<String> = []
            for (valueIndex, value) in (indicator.values ?? []).enumerated() {
                let valuePath = "\(path).values[\(valueIndex)]"
                if !areaNames.contains(value.area) { problem("\(valuePath).area", "unknown area \"\(value.area)\"") }
                if ReportingPeriod(value.period, type: indicator.periodType) == nil {
                    problem(
                        "\(valuePath).period",
                        "\"\(value.period)\" is not a \(indicator.periodType.displayName.lowercased()) (write it like \(indicator.periodType.pattern))"
                    )
                }
                if let message = indicator.unit.problem(with: value.value) { problem("\(valuePath).value", message) }
                if let lower = value.lower, let upper = value.upper, !(lower <= value.value && value.value <= upper) {
                    problem("\(valuePath).lower", "the interval \(lower) to \(upper) must contain the value \(value.value)")
                }
                if let count = value.count, let denominator = value.denominator, count > denominator || denominator <= 0 {
                    problem("\(valuePath).count", "\(count) out of \(denominator) is not possible")
                }
                if !seen.insert("\(value.area)|\(value.period)").inserted {
                    problem(valuePath, "\(value.area) has two values for \(value.period)")
                }
            }
            for (targetIndex, target) in (indicator.targets ?? []).enumerated() {
                let targetPath = "\(path).targets[\(targetIndex)]"
                if ReportingPeriod(target.period, type: indicator.periodType) == nil {
                    problem(
                        "\(targetPath).period",
                        "\"\(target.period)\" is not a \(indicator.periodType.displayName.lowercased()) (write it like \(indicator.periodType.pattern))"
                    )
                }
                if let message = indicator.unit.problem(with: target.value) { problem("\(targetPath).value", message) }
            }
        }
        return problems
    }
}
