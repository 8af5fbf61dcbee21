/// Setting up an audit programme, as typed: its theme, who is in the cohort (by status now), how many to draw, the
/// seed (or none, for a new one), how many months a child audited stays out of new samples, and when its audits are
/// due. `settings(today:)` checks it and says every mistake by field.
public struct AuditProgrammeForm: Sendable, Equatable {
    public var title = ""
    /// The statuses' names (`cohortStatuses`' keys).
    public var cohort: [String] = []
    /// `per-team` or `total`.
    public var quotaKind = "per-team"
    public var quota = ""
    public var seed = ""
    public var exclusionMonths = "6"
    /// Percentages: of submitted audits, those a second auditor grades again (besides every one graded at either end
    /// of the scale); of those, those graded blind.
    public var doubleLockPercent = "20"
    public var blindPercent = "50"
    /// Of submitted audits, those another council's moderator grades (`TripleLock`).
    public var tripleLockPercent = "10"
    /// yyyy-mm-dd, or as typed.
    public var due = ""
    /// The id of the published instrument version the audits use (checked against those published by the caller).
    public var instrument = ""

    public init() {}

    /// The statuses a cohort is drawn by, as the form and `waymark quality sample --status` name them, in the order
    /// the form lists them.
    public static let cohortStatuses: [(name: String, status: String)] = [
        ("looked-after", JourneyStatus.lookedAfter), ("protection-plan", JourneyStatus.protectionPlan), ("in-need", JourneyStatus.inNeed),
        ("early-help", JourneyStatus.earlyHelp), ("care-leaver", JourneyStatus.careLeaver),
    ]

    public struct Settings: Sendable, Equatable {
        public var title: String
        /// Names, in the form's order.
        public var cohort: [String]
        public var quota: AuditSample.Quota
        public var seed: UInt64?
        public var exclusionMonths: Int
        public var doubleLockPercent: Int, blindPercent: Int, tripleLockPercent: Int
        public var due: ISODay

        /// The cohort's statuses as `JourneyStatus` writes them.
        public var statuses: Set<String> {
            Set(cohort.compactMap { name in AuditProgrammeForm.cohortStatuses.first { $0.name == name }?.status })
        }

        /// "looked after, child in need", for people.
        public var cohortInWords: String {
            cohort.compactMap { name in AuditProgrammeForm.cohortStatuses.first { $0.name == name }?.status.lowercased() }.joined(separator: ", ")
        }
    }

    public func settings(today: ISODay) -> Result<Settings, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func mistake(_ field: String, _ message: String) { mistakes.append(FieldMistake(field: field, message: message)) }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty {
            mistake("title", "Enter the programme's theme")
        } else if title.count > 200 {
            mistake("title", "The theme must be 200 characters or fewer")
        }
        let known = Self.cohortStatuses.map(\.name)
        let cohort = known.filter(cohort.contains)
        if cohort.isEmpty || cohort.count != Set(self.cohort).count { mistake("cohort", "Choose who is in the cohort") }
        let count = Int(quota.trimmingCharacters(in: .whitespaces))
        var chosenQuota: AuditSample.Quota?
        switch (quotaKind, count) {
        case (_, nil), (_, .some(...0)): mistake("quota", "Enter how many children to draw, a whole number above 0")
        case (_, .some(1_001...)): mistake("quota", "Draw 1000 children or fewer in one programme")
        case ("per-team", let count?): chosenQuota = .perStratum(count)
        case ("total", let count?): chosenQuota = .total(count)
        default: mistake("quota", "Say whether the number is for each team or in all")
        }
        let months = Int(exclusionMonths.trimmingCharacters(in: .whitespaces))
        if months.map({ !(0...36).contains($0) }) ?? true {
            mistake("exclusion-months", "Enter how many months a child audited is left out, from 0 to 36")
        }
        let seedText = seed.trimmingCharacters(in: .whitespaces)
        let seed = UInt64(seedText)
        if !seedText.isEmpty && seed == nil { mistake("seed", "The seed must be a whole number, or left empty for a new one") }
        func percent(_ text: String, _ field: String, _ what: String) -> Int? {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (0...100).contains(value) else {
                mistake(field, "Enter \(what) as a percentage, from 0 to 100")
                return nil
            }
            return value
        }
        let doubleLock = percent(doubleLockPercent, "double-lock-percent", "the share a second auditor grades again")
        let blind = percent(blindPercent, "blind-percent", "the share graded blind")
        let triple = percent(tripleLockPercent, "triple-lock-percent", "the share an external moderator grades")
        let due = ISODay(self.due)
        if self.due.isEmpty {
            mistake("due", "Enter the day the audits are due")
        } else if let due, due < today {
            mistake("due", "The day the audits are due must be today or later")
        } else if due == nil {
            mistake("due", "The day the audits are due must be a real date, for example 31 1 2027")
        }
        guard mistakes.isEmpty, let chosenQuota, let months, let doubleLock, let blind, let triple, let due else {
            return .failure(FieldMistakes(all: mistakes))
        }
        return .success(
            Settings(
                title: title, cohort: cohort, quota: chosenQuota, seed: seed, exclusionMonths: months, doubleLockPercent: doubleLock,
                blindPercent: blind, tripleLockPercent: triple, due: due))
    }
}
