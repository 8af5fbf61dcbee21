import WaymarkDomain

/// Works out every timescale in one child's journey from their records: what fell due, by when, whether and when it
/// was done. Nothing is typed in; the same records always give the same clocks.
public struct TimescaleEngine: Sendable {
    public let calendar: WorkingDays
    public let settings: TimescaleSettings
    /// What the clocks depend on besides a child's records (see `fingerprint(calendar:settings:)`), worked out once.
    public let fingerprint: String

    public init(calendar: WorkingDays = .englandAndWales, settings: TimescaleSettings = TimescaleSettings()) {
        self.calendar = calendar
        self.settings = settings
        fingerprint = Self.fingerprint(calendar: calendar, settings: settings)
    }

    /// The only kinds of record the rules read, and of those the kinds whose fields they read: stores need read no more.
    public static let kinds: [JourneyKind] = [
        .caseSystem(.mashDecisions), .cinAssessment, .cinSection47, .caseSystem(.strategyDiscussions), .cinProtectionPlan, .cinProtectionReview,
        .caseSystem(.cpVisits), .cinPlan, .caseSystem(.cinVisits), .caseSystem(.cinPlanReviews), .ssda903(.episodes), .ssda903(.reviews),
        .caseSystem(.claVisits), .caseSystem(.claHealth), .caseSystem(.missing), .caseSystem(.educationPlans), .caseSystem(.careLeavers),
    ]
    public static let kindsWithFields: Set<JourneyKind> = [
        .cinAssessment, .cinSection47, .ssda903(.episodes), .caseSystem(.claHealth), .caseSystem(.missing), .caseSystem(.careLeavers),
    ]

    /// The clocks of one child, from all their records, as they stand on `today` (records after it are not read).
    /// The date of birth decides the health assessments' interval and whether a personal education plan is due.
    /// Whatever else makes the clocks depend on `today` must be added to `window(records:bornOn:on:)` too, or kept
    /// clocks would be handed out after they changed.
    public func timescales(child: String, records: [JourneyRecord], bornOn dateOfBirth: ISODay? = nil, today: ISODay) -> [Timescale] {
        timescales(child: child, byKind: Self.visible(records, on: today), bornOn: dateOfBirth, today: today)
    }

    /// The records that had started by `today` (or have no start), by kind.
    /// A child's records mostly come grouped by kind (the stores hand them over so), so each run of one kind is put
    /// with its kind at once rather than record by record.
    static func visible(_ records: [JourneyRecord], on today: ISODay) -> [JourneyKind: [JourneyRecord]] {
        var byKind: [JourneyKind: [JourneyRecord]] = [:]
        var run: [JourneyRecord] = []
        for record in records where (record.starts ?? today) <= today {
            if let kind = run.first?.kind, kind != record.kind {
                byKind[kind, default: []] += run
                run.removeAll(keepingCapacity: true)
            }
            run.append(record)
        }
        if let kind = run.first?.kind { byKind[kind, default: []] += run }
        return byKind
    }

    func timescales(child: String, byKind: [JourneyKind: [JourneyRecord]], bornOn dateOfBirth: ISODay? = nil, today: ISODay) -> [Timescale] {
        func of(_ kind: JourneyKind) -> [JourneyRecord] { byKind[kind] ?? [] }
        var clocks: [Timescale] = []
        clocks += mashDecisions(child, of(.caseSystem(.mashDecisions)))
        clocks += assessments(child, of(.cinAssessment))
        clocks += initialConferences(child, of(.cinSection47), strategyDiscussions: of(.caseSystem(.strategyDiscussions)))
        clocks += protectionPlans(child, of(.cinProtectionPlan), reviews: of(.cinProtectionReview), visits: of(.caseSystem(.cpVisits)), today: today)
        clocks += childInNeedPlans(
            child, of(.cinPlan), visits: of(.caseSystem(.cinVisits)), reviews: of(.caseSystem(.cinPlanReviews)), today: today)
        let periods = Self.periodsOfCare(of(.ssda903(.episodes)))
        clocks += lookedAfterReviews(child, periods, reviews: of(.ssda903(.reviews)), today: today)
        clocks += lookedAfterVisits(child, Placement.placements(of(.ssda903(.episodes))), visits: of(.caseSystem(.claVisits)), today: today)
        clocks += initialHealthAssessments(child, periods, checks: of(.caseSystem(.claHealth)))
        clocks += reviewHealthAssessments(child, periods, checks: of(.caseSystem(.claHealth)), bornOn: dateOfBirth)
        clocks += educationPlans(child, periods, plans: of(.caseSystem(.educationPlans)), bornOn: dateOfBirth)
        clocks += returnInterviews(child, of(.caseSystem(.missing)))
        clocks += careLeavers(child, of(.caseSystem(.careLeavers)), bornOn: dateOfBirth, today: today)
        return clocks
    }

    // MARK: One-off clocks

    /// From the contact to the MASH decision: 1 working day.
    func mashDecisions(_ child: String, _ decisions: [JourneyRecord]) -> [Timescale] {
        decisions.compactMap { record in
            guard let contact = record.starts else { return nil }
            return Timescale(
                rule: .mashDecision, childLocalID: child, record: record.naturalKey, from: contact, due: calendar.adding(1, to: contact),
                met: record.ends, because: .mashDecision(contact: contact, decision: record.ends))
        }
    }

    /// From the referral to the assessment's authorisation: 45 working days. The referral is the first part of the
    /// assessment's key (the CIN census nests assessments in their referral's episode).
    func assessments(_ child: String, _ assessments: [JourneyRecord]) -> [Timescale] {
        assessments.compactMap { record in
            guard let referral = record.naturalKey.split(separator: "|").first.flatMap({ ISODay($0) }) else { return nil }
            let authorised = record.fields["AssessmentAuthorisationDate"].flatMap { ISODay($0) }
            return Timescale(
                rule: .assessment, childLocalID: child, record: record.naturalKey, from: referral, due: calendar.adding(45, to: referral),
                met: authorised,
                because: .assessment(referral: referral, started: record.starts, authorised: authorised))
        }
    }

    /// From the strategy discussion that started the section 47 enquiry to the initial conference: 15 working days.
    /// The discussion is the latest one on or before the enquiry's start, within the setting's working days; where
    /// there is none on record, the clock starts with the enquiry, as the census's own target does.
    func initialConferences(_ child: String, _ enquiries: [JourneyRecord], strategyDiscussions: [JourneyRecord]) -> [Timescale] {
        let discussions = strategyDiscussions.compactMap(\.starts).sorted()
        return enquiries.compactMap { record in
            guard let start = record.starts, CINYesNo.read(record.fields["ICPCnotRequired"]) != true else { return nil }
            let earliest = calendar.adding(-settings.strategyDiscussionWorkingDays, to: start)
            let discussion = discussions.last { $0 <= start && $0 >= earliest }
            let from = discussion ?? start
            let conference = record.fields["DateOfInitialCPC"].flatMap { ISODay($0) }
            return Timescale(
                rule: .initialConference, childLocalID: child, record: record.naturalKey, from: from, due: calendar.adding(15, to: from),
                met: conference,
                because: .initialConference(discussion: discussion, enquiry: start, conference: conference))
        }
    }

    /// A return home interview within 72 hours of the child coming back.
    func returnInterviews(_ child: String, _ episodes: [JourneyRecord]) -> [Timescale] {
        episodes.compactMap { record in
            guard let back = record.ends else { return nil }
            let interview = record.fields["miss_missing_rhi_date"].flatMap { ISODay($0) }
            return Timescale(
                rule: .returnInterview, childLocalID: child, record: record.naturalKey, from: back, due: back.adding(days: 3),
                met: interview, because: .returnInterview(missing: record.starts, back: back, interview: interview))
        }
    }

    // MARK: Child protection plans

    func protectionPlans(_ child: String, _ plans: [JourneyRecord], reviews: [JourneyRecord], visits: [JourneyRecord], today: ISODay) -> [Timescale] {
        let visitDays = visits.compactMap(\.starts)
        return plans.flatMap { plan -> [Timescale] in
            guard let start = plan.starts else { return [] }
            // A plan's reviews carry its key (referral|plan start) before their own date.
            let reviewDays = reviews.filter { $0.naturalKey.hasPrefix(plan.naturalKey + "|") }.compactMap(\.starts)
            let reviewClocks = series(
                .protectionReview, child, record: plan.naturalKey, from: start, ends: plan.ends,
                first: { $0.adding(months: 3) }, next: { review, _ in review.adding(months: 6) }, done: reviewDays,
                what: "review conference", opened: "Conference \(start.written)")
            let interval = settings.protectionVisitWorkingDays
            let visitClocks = series(
                .protectionVisit, child, record: plan.naturalKey, from: start, ends: plan.ends,
                first: { calendar.adding(interval, to: $0) }, next: { visit, _ in calendar.adding(interval, to: visit) },
                done: visitDays.filter { $0 >= start && $0 <= (plan.ends ?? today) }, what: "visit",
                opened: "Plan from \(start.written)")
            return reviewClocks + visitClocks
        }
    }

    // MARK: Child in need plans

    /// While a child in need plan is open: visits at the council's interval from its start, and reviews within the
    /// council's months of the plan and then of each review. Working Together to Safeguard Children 2023 leaves both
    /// intervals to local protocols (`TimescaleSettings`). Visits and reviews count for the plan whose dates hold them.
    func childInNeedPlans(
        _ child: String, _ plans: [JourneyRecord], visits: [JourneyRecord], reviews: [JourneyRecord], today: ISODay
    )
        -> [Timescale]
    {
        let visitDays = visits.compactMap(\.starts), reviewDays = reviews.compactMap(\.starts)
        let months = settings.childInNeedReviewMonths, interval = settings.childInNeedVisitWorkingDays
        return plans.flatMap { plan -> [Timescale] in
            guard let start = plan.starts else { return [] }
            let held = { (day: ISODay) in day >= start && day <= (plan.ends ?? today) }
            let reviewClocks = series(
                .childInNeedReview, child, record: plan.naturalKey, from: start, ends: plan.ends,
                first: { $0.adding(months: months) }, next: { review, _ in review.adding(months: months) }, done: reviewDays.filter(held),
                what: "review", opened: "Child in need plan from \(start.written)")
            let visitClocks = series(
                .childInNeedVisit, child, record: plan.naturalKey, from: start, ends: plan.ends,
                first: { calendar.adding(interval, to: $0) }, next: { visit, _ in calendar.adding(interval, to: visit) },
                done: visitDays.filter(held), what: "visit", opened: "Child in need plan from \(start.written)")
            return reviewClocks + visitClocks
        }
    }

    // MARK: Children looked after

    /// A period of care: from the start of an episode that does not follow on from another, to the end of the last
    /// episode that follows on from it (nil while the child is looked after).
    struct PeriodOfCare: Equatable {
        var starts: ISODay
        var ends: ISODay?
    }

    static func periodsOfCare(_ episodes: [JourneyRecord]) -> [PeriodOfCare] {
        var periods: [PeriodOfCare] = []
        for episode in episodes.filter({ $0.starts != nil }).sorted(by: { $0.starts! < $1.starts! }) {
            if let last = periods.last, let lastEnd = last.ends, lastEnd == episode.starts! {
                periods[periods.count - 1].ends = episode.ends
            } else if let last = periods.last, last.ends == nil || last.ends! > episode.starts! {
                continue // overlapping episodes: the data-quality page lists them; the period is the one already open
            } else {
                periods.append(PeriodOfCare(starts: episode.starts!, ends: episode.ends))
            }
        }
        return periods
    }

    /// Reviews: the first within 20 working days of the period's start, the second within 3 months of the first,
    /// then at most 6 months apart (regulation 33).
    func lookedAfterReviews(_ child: String, _ periods: [PeriodOfCare], reviews: [JourneyRecord], today: ISODay) -> [Timescale] {
        let reviewDays = reviews.compactMap(\.starts)
        return periods.flatMap { period in
            series(
                .lookedAfterReview, child, record: period.starts.description, from: period.starts, ends: period.ends,
                first: { calendar.adding(20, to: $0) },
                next: { review, held in review.adding(months: held == 1 ? 3 : 6) },
                done: reviewDays.filter { $0 >= period.starts && $0 <= (period.ends ?? today) }, what: "review",
                opened: "Looked after from \(period.starts.written)")
        }
    }

    /// Visits: within a week of each placement starting, then at most 6 weeks apart in its first year; after that,
    /// at most 3 months apart in long-term fostering and still 6 weeks elsewhere (regulation 28).
    func lookedAfterVisits(_ child: String, _ placements: [Placement], visits: [JourneyRecord], today: ISODay) -> [Timescale] {
        let visitDays = visits.compactMap(\.starts)
        return placements.flatMap { placement in
            let firstYearEnds = placement.starts.adding(months: 12)
            return series(
                .lookedAfterVisit, child, record: placement.starts.description, from: placement.starts, ends: placement.ends,
                first: { $0.adding(days: 7) },
                next: { visit, _ in visit >= firstYearEnds && placement.isLongTermFostering ? visit.adding(months: 3) : visit.adding(days: 42) },
                done: visitDays.filter { $0 >= placement.starts && $0 <= (placement.ends ?? today) }, what: "visit",
                opened: "Placement from \(placement.starts.written)")
        }
    }

    /// The initial health assessment within 20 working days of coming into care. A period that ended before it fell
    /// due has none.
    func initialHealthAssessments(_ child: String, _ periods: [PeriodOfCare], checks: [JourneyRecord]) -> [Timescale] {
        let assessments = checks.filter { ($0.fields["clah_health_check_type"] ?? "").lowercased().contains("health assessment") }.compactMap(
            \.starts
        ).sorted()
        return periods.compactMap { period in
            let due = calendar.adding(20, to: period.starts)
            let done = assessments.first { $0 >= period.starts && $0 <= (period.ends ?? $0) }
            if done == nil, let ends = period.ends, ends < due { return nil }
            return Timescale(
                rule: .initialHealthAssessment, childLocalID: child, record: period.starts.description, from: period.starts, due: due,
                met: done, closed: done == nil && period.ends != nil,
                because: .initialHealthAssessment(lookedAfter: period.starts, done: done))
        }
    }

    /// After the initial health assessment, a review every 6 months while the child is under 5 and every 12 months
    /// from 5, counted from the last assessment, for as long as the period of care lasts. Where the date of birth is
    /// not known, 6 months (the shorter).
    func reviewHealthAssessments(_ child: String, _ periods: [PeriodOfCare], checks: [JourneyRecord], bornOn dateOfBirth: ISODay?) -> [Timescale] {
        let assessments = checks.filter { ($0.fields["clah_health_check_type"] ?? "").lowercased().contains("health assessment") }.compactMap(
            \.starts)
        func next(after day: ISODay) -> ISODay {
            let underFive = dateOfBirth.map { day < $0.adding(months: 60) } ?? true
            return day.adding(months: underFive ? 6 : 12)
        }
        return periods.flatMap { period -> [Timescale] in
            let within = assessments.filter { $0 >= period.starts && $0 <= (period.ends ?? $0) }
            guard let initial = within.min() else { return [] }
            return series(
                .reviewHealthAssessment, child, record: period.starts.description, from: initial, ends: period.ends,
                first: { next(after: $0) }, next: { met, _ in next(after: met) }, done: within.filter { $0 > initial },
                what: "health assessment", opened: "Initial health assessment \(initial.written)")
        }
    }

    /// A personal education plan within 20 working days of coming into care, then each term, taken as within 3 months
    /// of the last, for children of compulsory school age (5 to 15) when the period began. Where the date of birth is
    /// not known, the plan is expected.
    func educationPlans(_ child: String, _ periods: [PeriodOfCare], plans: [JourneyRecord], bornOn dateOfBirth: ISODay?) -> [Timescale] {
        let days = plans.compactMap(\.starts)
        return periods.flatMap { period -> [Timescale] in
            if let born = dateOfBirth, period.starts < born.adding(months: 60) || period.starts >= born.adding(months: 192) { return [] }
            return series(
                .personalEducationPlan, child, record: period.starts.description, from: period.starts, ends: period.ends,
                first: { calendar.adding(20, to: $0) }, next: { met, _ in met.adding(months: 3) },
                done: days.filter { $0 >= period.starts && $0 <= (period.ends ?? $0) }, what: "personal education plan",
                opened: "Looked after from \(period.starts.written)")
        }
    }

    /// Care leavers, from the case system's records of each (`ssd_care_leavers`): the pathway plan reviewed at least
    /// every 6 months, and contact within the council's interval, each from the first day on record, until the
    /// care leaver's 21st birthday (after it, support continues only on request).
    func careLeavers(_ child: String, _ records: [JourneyRecord], bornOn dateOfBirth: ISODay?, today: ISODay) -> [Timescale] {
        let reviews = records.compactMap { $0.fields["clea_pathway_plan_review_date"].flatMap { ISODay($0) } }
        let contacts = records.compactMap { $0.fields["clea_care_leaver_latest_contact"].flatMap { ISODay($0) } }
        // The 21st birthday ends the clocks once it has come; before then they run on.
        let ends = dateOfBirth.map { $0.adding(months: 21 * 12) }.flatMap { $0 <= today ? $0 : nil }
        // Each from the first day on record, then an interval after each later one.
        func every(_ rule: TimescaleRule, _ days: [ISODay], after interval: @escaping (ISODay) -> ISODay, what: String, opened: String) -> [Timescale]
        {
            guard let first = days.min() else { return [] }
            return series(
                rule, child, record: first.description, from: first, ends: ends, first: interval, next: { met, _ in interval(met) },
                done: days.filter { $0 > first }, what: what, opened: "\(opened) \(first.written)")
        }
        let weeks = settings.careLeaverContactWeeks
        return every(.pathwayPlanReview, reviews, after: { $0.adding(months: 6) }, what: "pathway plan review", opened: "Pathway plan reviewed")
            + every(.careLeaverContact, contacts, after: { $0.adding(days: 7 * weeks) }, what: "contact", opened: "In touch")
    }

    // MARK: Repeating clocks

    /// A clock that restarts each time it is met: the first falls due `first(from)`, each later one `next(the day
    /// the one before was met, how many have been met)`. Each is met by the first of `done` after the day its clock
    /// started (the first may be met on that very day). Once `done` runs out, one more clock is left open (due, or
    /// overdue) unless the record ended before it fell due; one the record's end left unmet is missed.
    func series(
        _ rule: TimescaleRule, _ child: String, record: String, from: ISODay, ends: ISODay?,
        first: (ISODay) -> ISODay, next: (_ met: ISODay, _ metSoFar: Int) -> ISODay, done: [ISODay], what: String,
        opened: String
    ) -> [Timescale] {
        var clocks: [Timescale] = []
        var clockStart = from
        var due = first(from)
        var remaining = Array(Set(done)).sorted().drop { $0 < from }
        while true {
            if let ends, due > ends, remaining.first.map({ $0 > ends }) ?? true { break }
            let met = remaining.first
            clocks.append(
                Timescale(
                    rule: rule, childLocalID: child, record: record, from: clockStart, due: due, met: met,
                    closed: met == nil && ends != nil,
                    because: .repeating(opened: opened, what: what, last: clockStart == from ? nil : clockStart, met: met)))
            guard let met else { break }
            remaining = remaining.dropFirst()
            clockStart = met
            due = next(met, clocks.count)
        }
        return clocks
    }
}
