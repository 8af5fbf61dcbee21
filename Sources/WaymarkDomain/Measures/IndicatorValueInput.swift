/// A value as typed into an indicator's form, and the rules it must meet: a real period of the indicator's type,
/// a number possible in its unit, and turn-the-curve commentary when the value is red against its target.
public struct IndicatorValueInput: Sendable, Equatable {
    public var period: String, value: String, count: String, denominator: String, target: String, targetOrigin: String
    public var story: String, partners: String, whatWorks: String, actionPlan: String

    public init(
        period: String, value: String, count: String = "", denominator: String = "", target: String = "", targetOrigin: String = "local",
        story: String = "", partners: String = "", whatWorks: String = "", actionPlan: String = ""
    ) {
        self.period = period
        self.value = value
        self.count = count
        self.denominator = denominator
        self.target = target
        self.targetOrigin = targetOrigin
        self.story = story
        self.partners = partners
        self.whatWorks = whatWorks
        self.actionPlan = actionPlan
    }

    public struct Checked: Sendable, Equatable {
        public var period: ReportingPeriod
        public var value: Double
        public var count: Double?
        public var denominator: Double?
        public var target: (value: Double, origin: PlanFile.Target.Origin)?
        /// Nil when no commentary was written (allowed unless the value is red).
        public var commentary: (story: String, partners: String, whatWorks: String, actionPlan: String)?

        public static func == (lhs: Checked, rhs: Checked) -> Bool {
            lhs.period == rhs.period && lhs.value == rhs.value && lhs.count == rhs.count && lhs.denominator == rhs.denominator
                && lhs.target?.value == rhs.target?.value && lhs.target?.origin == rhs.target?.origin
                && lhs.commentary?.story == rhs.commentary?.story && lhs.commentary?.actionPlan == rhs.commentary?.actionPlan
        }
    }

    public enum Outcome: Sendable {
        case accepted(Checked)
        case mistakes([FieldMistake])
        /// Everything else is right, but the value is red and the commentary is missing.
        case needsCommentary([FieldMistake])
    }

    /// - Parameter existingTarget: the period's stored target, used when the form gives none.
    public func check(
        unit: IndicatorUnit, periodType: PeriodType, polarity: Polarity,
        existingTarget: (String) -> Double?
    ) -> Outcome {
        var mistakes: [FieldMistake] = []
        func number(_ text: String, field: String, label: String, required: Bool) -> Double? {
            let trimmed = String(text.trimmingWhitespace)
            if trimmed.isEmpty {
                if required { mistakes.append(.init(field: field, message: "Enter the \(label)")) }
                return nil
            }
            guard let number = Double(trimmed), number.isFinite else {
                mistakes.append(.init(field: field, message: "\"\(trimmed)\" is not a number (write decimals with a point, like 12.5)"))
                return nil
            }
            return number
        }
        let periodText = String(period.trimmingWhitespace)
        let period = ReportingPeriod(periodText, type: periodType)
        if period == nil {
            mistakes.append(
                .init(
                    field: "period",
                    message: "\"\(periodText)\" is not a \(periodType.displayName.lowercased()) that exists (write it like \(periodType.pattern))"))
        }
        let value = number(self.value, field: "value", label: "value", required: true)
        if let value, let problem = unit.problem(with: value) { mistakes.append(.init(field: "value", message: "The value \(problem)")) }
        let count = number(self.count, field: "count", label: "count", required: false)
        let denominator = number(self.denominator, field: "denominator", label: "denominator", required: false)
        if let count, count < 0 || count != count.rounded() {
            mistakes.append(.init(field: "count", message: "The count must be a whole number of 0 or more"))
        }
        if let denominator, denominator <= 0 { mistakes.append(.init(field: "denominator", message: "The denominator must be above 0")) }
        if let count, let denominator, count > denominator {
            mistakes.append(.init(field: "count", message: "The count cannot be more than the denominator"))
        }
        let target = number(self.target, field: "target", label: "target", required: false)
        if let target, let problem = unit.problem(with: target) { mistakes.append(.init(field: "target", message: "The target \(problem)")) }
        let origin = PlanFile.Target.Origin(rawValue: targetOrigin)
        if target != nil, origin == nil { mistakes.append(.init(field: "targetOrigin", message: "Choose where the target comes from")) }
        guard mistakes.isEmpty, let period, let value else { return .mistakes(mistakes) }

        let story = String(self.story.trimmingWhitespace), actionPlan = String(self.actionPlan.trimmingWhitespace)
        let commentary =
            story.isEmpty && actionPlan.isEmpty
            ? nil
            : (story, String(partners.trimmingWhitespace), String(whatWorks.trimmingWhitespace), actionPlan)
        let judgement = TargetJudgement.judge(value, target: target ?? existingTarget(period.text), polarity: polarity)
        if judgement == .rated(.red) || commentary != nil {
            var missing: [FieldMistake] = []
            if story.isEmpty { missing.append(.init(field: "story", message: "Enter the story behind the curve")) }
            if actionPlan.isEmpty { missing.append(.init(field: "actionPlan", message: "Enter the action plan")) }
            if !missing.isEmpty { return judgement == .rated(.red) ? .needsCommentary(missing) : .mistakes(missing) }
        }
        return .accepted(
            Checked(
                period: period, value: value, count: count, denominator: denominator,
                target: target.map { ($0, origin ?? .local) }, commentary: commentary))
    }
}
