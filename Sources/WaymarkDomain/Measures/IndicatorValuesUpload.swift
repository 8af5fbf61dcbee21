/// Checking the records of an upload (a file, or a partner system's JSON) against the indicators and areas that
/// exist and what is already stored, and working out what would change. All or nothing: any mistake and nothing is
/// changed, so the whole list of mistakes goes back to be put right at once.
public struct IndicatorValuesUpload: Sendable {
    /// What an indicator's rules need: the unit for possible values, the period type, and polarity for red.
    public struct Definition: Sendable {
        public var unit: IndicatorUnit
        public var periodType: PeriodType
        public var polarity: Polarity

        public init(unit: IndicatorUnit, periodType: PeriodType, polarity: Polarity) {
            self.unit = unit
            self.periodType = periodType
            self.polarity = polarity
        }
    }

    public struct ValueKey: Hashable, Sendable {
        public var indicator: String, area: String, period: String
        public init(indicator: String, area: String, period: String) {
            self.indicator = indicator
            self.area = area
            self.period = period
        }
    }

    public struct PeriodKey: Hashable, Sendable {
        public var indicator: String, period: String
        public init(indicator: String, period: String) {
            self.indicator = indicator
            self.period = period
        }
    }

    public struct Value: Sendable, Equatable {
        public var value: Double
        public var count: Double?, denominator: Double?, lower: Double?, upper: Double?
        public var status: ValueStatus
        public var source: String?

        public init(
            value: Double, count: Double? = nil, denominator: Double? = nil, lower: Double? = nil, upper: Double? = nil,
            status: ValueStatus = .provisional, source: String? = nil
        ) {
            self.value = value
            self.count = count
            self.denominator = denominator
            self.lower = lower
            self.upper = upper
            self.status = status
            self.source = source
        }
    }

    public struct Target: Sendable, Equatable {
        public var value: Double
        public var origin: PlanFile.Target.Origin
        public init(value: Double, origin: PlanFile.Target.Origin) {
            self.value = value
            self.origin = origin
        }
    }

    public struct Commentary: Sendable, Equatable {
        public var story: String, partners: String, whatWorks: String, actionPlan: String
        public init(story: String, partners: String = "", whatWorks: String = "", actionPlan: String) {
            self.story = story
            self.partners = partners
            self.whatWorks = whatWorks
            self.actionPlan = actionPlan
        }
    }

    /// What is stored now for the indicators concerned.
    public struct Stored: Sendable {
        public var values: [ValueKey: Value]
        public var targets: [PeriodKey: Target]
        public var commentaries: [PeriodKey: Commentary]

        public init(values: [ValueKey: Value] = [:], targets: [PeriodKey: Target] = [:], commentaries: [PeriodKey: Commentary] = [:]) {
            self.values = values
            self.targets = targets
            self.commentaries = commentaries
        }
    }

    /// What to write: only what differs from what is stored.
    public struct Changes: Sendable, Equatable {
        public var values: [ValueKey: Value] = [:]
        public var targets: [PeriodKey: Target] = [:]
        public var commentaries: [PeriodKey: Commentary] = [:]
        public var added = 0, changed = 0, unchanged = 0

        public init() {}

        public var isEmpty: Bool { values.isEmpty && targets.isEmpty && commentaries.isEmpty }

        /// For the person who uploaded: "3 values added, 1 changed, 40 unchanged; 1 target and 1 commentary saved".
        public var summary: String {
            var text = "\(added) \(added == 1 ? "value" : "values") added, \(changed) changed, \(unchanged) unchanged"
            if !targets.isEmpty || !commentaries.isEmpty {
                text +=
                    "; \(targets.count) \(targets.count == 1 ? "target" : "targets") and \(commentaries.count) "
                    + "\(commentaries.count == 1 ? "commentary" : "commentaries") saved"
            }
            return text
        }
    }

    public var definitions: [String: Definition]
    /// Every area by name, with its kind (targets and commentary belong to the borough's rows only).
    public var areas: [String: PlanFile.Area.Kind]
    public var stored: Stored
    /// The source recorded on a new or changed value whose row gives none ("Uploaded by Tess Manager").
    public var defaultSource: String

    public init(definitions: [String: Definition], areas: [String: PlanFile.Area.Kind], stored: Stored, defaultSource: String) {
        self.definitions = definitions
        self.areas = areas
        self.stored = stored
        self.defaultSource = defaultSource
    }

    public enum Outcome: Sendable {
        case changes(Changes)
        case mistakes([IndicatorValuesSheet.Mistake])
    }

    /// The changes the records make, or every mistake in them.
    public func check(_ records: [IndicatorValuesSheet.Record]) -> Outcome {
        var mistakes: [IndicatorValuesSheet.Mistake] = []
        var changes = Changes()
        var seen: [ValueKey: IndicatorValuesSheet.Location] = [:]
        var seenTargets: [PeriodKey: IndicatorValuesSheet.Location] = [:]
        for record in records {
            var row = RowCheck(record: record)
            guard let checked = row.check(definitions: definitions, areas: areas) else {
                mistakes += row.mistakes
                continue
            }
            let periodKey = PeriodKey(indicator: checked.indicator, period: checked.period)
            if let value = checked.value {
                let key = ValueKey(indicator: checked.indicator, area: checked.area, period: checked.period)
                if let first = seen[key] {
                    row.mistake(nil, "\(checked.area)'s \(checked.period) value of \(checked.indicator) is also on \(Self.name(first))")
                }
                seen[key] = record.location
                let existing = stored.values[key]
                var new = value
                new.status = checked.status ?? existing?.status ?? .provisional
                let sameFigures =
                    existing.map { old in
                        old.value == new.value && old.count == new.count && old.denominator == new.denominator && old.lower == new.lower
                            && old.upper == new.upper && old.status == new.status && (new.source == nil || new.source == old.source)
                    } ?? false
                if sameFigures {
                    changes.unchanged += 1
                } else {
                    new.source = new.source ?? defaultSource
                    changes.values[key] = new
                    if existing == nil { changes.added += 1 } else { changes.changed += 1 }
                    // Turn-the-curve commentary is required for a new or changed value that is red against its target.
                    let target = checked.target?.value ?? stored.targets[periodKey]?.value
                    let polarity = definitions[checked.indicator]!.polarity
                    if areas[checked.area] == .borough, TargetJudgement.judge(new.value, target: target, polarity: polarity) == .rated(.red),
                        checked.commentary == nil, stored.commentaries[periodKey] == nil
                    {
                        row.mistake(
                            .story,
                            "\(IndicatorUnit.format(new.value)) is red against the target of \(IndicatorUnit.format(target!)); "
                                + "write the story behind the curve and the action plan for \(checked.period)")
                    }
                }
            }
            if let target = checked.target {
                if let first = seenTargets[periodKey] {
                    row.mistake(.target, "the \(checked.period) target of \(checked.indicator) is also on \(Self.name(first))")
                }
                seenTargets[periodKey] = record.location
                if stored.targets[periodKey] != target { changes.targets[periodKey] = target }
            }
            if let commentary = checked.commentary, stored.commentaries[periodKey] != commentary {
                changes.commentaries[periodKey] = commentary
            }
            mistakes += row.mistakes
        }
        return mistakes.isEmpty ? .changes(changes) : .mistakes(mistakes)
    }

    private static func name(_ location: IndicatorValuesSheet.Location) -> String {
        switch location {
        case .row(let row): "row \(row)"
        case .item(let item): "values[\(item)]"
        }
    }
}

/// One record's fields checked one by one, collecting every mistake rather than stopping at the first.
private struct RowCheck {
    typealias Column = IndicatorValuesSheet.Column

    struct Checked {
        var indicator: String, area: String, period: String
        var value: IndicatorValuesUpload.Value?
        var status: ValueStatus?
        var target: IndicatorValuesUpload.Target?
        var commentary: IndicatorValuesUpload.Commentary?
    }

    let record: IndicatorValuesSheet.Record
    var mistakes: [IndicatorValuesSheet.Mistake] = []

    init(record: IndicatorValuesSheet.Record) { self.record = record }

    mutating func mistake(_ column: Column?, _ message: String) {
        mistakes.append(.init(record.location, column: column?.rawValue, message))
    }

    func text(_ column: Column) -> String { record.fields[column] ?? "" }

    mutating func number(_ column: Column) -> Double? {
        let text = text(column)
        if text.isEmpty { return nil }
        guard let number = Double(text), number.isFinite else {
            mistake(column, "\"\(text)\" is not a number" + (text.contains(",") ? "; write decimals with a point, like 12.5" : ""))
            return nil
        }
        return number
    }

    mutating func check(definitions: [String: IndicatorValuesUpload.Definition], areas: [String: PlanFile.Area.Kind]) -> Checked? {
        let code = text(.indicator), areaName = text(.area), periodText = text(.period)
        let definition = definitions[code]
        if code.isEmpty {
            mistake(.indicator, "is empty; give the indicator's code")
        } else if definition == nil {
            mistake(.indicator, "there is no indicator \"\(code)\"; the codes are on each indicator's page")
        }
        let areaKind = areas[areaName]
        if areaName.isEmpty {
            mistake(.area, "is empty; name the area")
        } else if areaKind == nil {
            mistake(.area, "there is no area \"\(areaName)\"; the areas are \(areas.keys.sorted().joined(separator: ", "))")
        }
        if periodText.isEmpty {
            mistake(.period, "is empty; give the period")
        } else if let definition, ReportingPeriod(periodText, type: definition.periodType) == nil {
            mistake(
                .period,
                "\"\(periodText)\" is not a \(definition.periodType.displayName.lowercased()) that exists (write it like \(definition.periodType.pattern))"
            )
        }

        let value = number(.value), count = number(.count), denominator = number(.denominator)
        let lower = number(.lower), upper = number(.upper), target = number(.target)
        if let unit = definition?.unit {
            if let value, let problem = unit.problem(with: value) { mistake(.value, problem) }
            if let target, let problem = unit.problem(with: target) { mistake(.target, problem) }
        }
        if let count, count < 0 || count != count.rounded() { mistake(.count, "\(IndicatorUnit.format(count)) is not a whole number of 0 or more") }
        if let denominator, denominator <= 0 { mistake(.denominator, "\(IndicatorUnit.format(denominator)) must be above 0") }
        if let count, let denominator, count > denominator {
            mistake(.count, "\(IndicatorUnit.format(count)) out of \(IndicatorUnit.format(denominator)) is not possible")
        }
        if (lower == nil) != (upper == nil), !text(.lower).isEmpty || !text(.upper).isEmpty {
            mistake(lower == nil ? .lower : .upper, "give both ends of the confidence interval, or neither")
        }
        if let lower, let upper, let value, !(lower <= value && value <= upper) {
            mistake(
                .lower,
                "the interval \(IndicatorUnit.format(lower)) to \(IndicatorUnit.format(upper)) must contain the value \(IndicatorUnit.format(value))")
        }
        let statusText = text(.status).lowercased()
        // Demonstration figures are the demo's own, never uploaded.
        let status = statusText.isEmpty ? nil : ValueStatus(rawValue: statusText).flatMap { $0 == .demonstration ? nil : $0 }
        if !statusText.isEmpty, status == nil { mistake(.status, "\"\(text(.status))\" is not a status; write provisional or final") }
        let originText = text(.targetOrigin).lowercased()
        let origin = PlanFile.Target.Origin(rawValue: originText)
        if target != nil, origin == nil {
            mistake(
                .targetOrigin,
                originText.isEmpty
                    ? "say where the target comes from: plan, national or local"
                    : "\"\(text(.targetOrigin))\" is not plan, national or local")
        }
        if target == nil, !originText.isEmpty, text(.target).isEmpty { mistake(.targetOrigin, "is given without a target") }

        let commentaryColumns: [Column] = [.story, .partners, .whatWorks, .actionPlan]
        let hasCommentary = commentaryColumns.contains { !text($0).isEmpty }
        if hasCommentary {
            if text(.story).isEmpty { mistake(.story, "is empty; commentary needs the story behind the curve") }
            if text(.actionPlan).isEmpty { mistake(.actionPlan, "is empty; commentary needs the action plan") }
        }
        let isBorough = areaKind == .borough
        if areaKind != nil, !isBorough {
            if !text(.target).isEmpty { mistake(.target, "targets belong on the borough's rows, not \(areaName)'s") }
            if hasCommentary { mistake(.story, "commentary belongs on the borough's rows, not \(areaName)'s") }
        }
        if text(.value).isEmpty, !(isBorough && !text(.target).isEmpty) {
            mistake(.value, "is empty; every row needs a value (a borough row may instead give only a target)")
        }
        guard mistakes.isEmpty, definition != nil else { return nil }
        let source = text(.source)
        return Checked(
            indicator: code, area: areaName, period: periodText,
            value: value.map {
                .init(
                    value: $0, count: count, denominator: denominator, lower: lower, upper: upper,
                    source: source.isEmpty ? nil : source)
            },
            status: status,
            target: target.map { .init(value: $0, origin: origin!) },
            commentary: hasCommentary
                ? .init(story: text(.story), partners: text(.partners), whatWorks: text(.whatWorks), actionPlan: text(.actionPlan)) : nil)
    }
}
