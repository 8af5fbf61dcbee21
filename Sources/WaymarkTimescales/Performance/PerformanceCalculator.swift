import Foundation
import WaymarkDomain

/// Works out every Performance Matters measure from the children's journeys: the timescales' clocks, and the counts
/// and shares the national indicators define (primer, section 3). Each child's part says why it counts.
public struct PerformanceCalculator: Sendable {
    public var engine: TimescaleEngine

    public init(engine: TimescaleEngine = TimescaleEngine()) { self.engine = engine }

    /// The kinds of record the measures read, and of those the kinds whose fields they read.
    public static let kinds: [JourneyKind] = Array(
        Set(
            TimescaleEngine.kinds + [
                .caseSystem(.contacts), .cinEpisode, .cinProtectionPlan, .ssda903(.ad1), .caseSystem(.careLeavers),
            ])
    ).sorted()
    public static let kindsWithFields: Set<JourneyKind> = TimescaleEngine.kindsWithFields.union([
        .cinProtectionPlan, .ssda903(.ad1), .caseSystem(.careLeavers),
    ])

    /// The earliest start a record of these kinds needs to count in any of the periods: those starting before it
    /// need not be read. Contacts are counted on their own day, and a MASH decision's clock on or before the day it
    /// falls due, a working day after the contact; a fortnight before the first period takes in any run of weekends
    /// and bank holidays. Together they are two in five of the records five years hold, and a report reads a year.
    public static func earliestStarts(for periods: [PerformancePeriod]) -> [JourneyKind: ISODay] {
        guard let first = periods.map(\.from).min() else { return [:] }
        let day = first.adding(days: -14)
        return [.caseSystem(.contacts): day, .caseSystem(.mashDecisions): day]
    }

    /// Every measure for every period, as the records stood on `today`: none after it is read, and a period still
    /// running is counted up to it.
    /// Each child's part depends on their records alone, so the children are worked out in parts side by side, one
    /// a core, and the parts put together.
    public func figures(_ children: [ChildJourney], periods: [PerformancePeriod], today: ISODay) -> PerformanceFigures {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, children.count))
        let worked = ConcurrentResults<PerformanceFigures>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var figures = PerformanceFigures(periods: periods, today: today)
            for index in stride(from: children.count * part / parts, to: children.count * (part + 1) / parts, by: 1) {
                add(children[index], to: &figures)
            }
            worked.set(part, figures)
        }
        var figures = PerformanceFigures(periods: periods, today: today)
        for part in worked.values { figures.append(part) }
        return figures
    }

    static let measureOfRule = Dictionary(
        uniqueKeysWithValues: TimescaleRule.allCases.compactMap { rule in PerformanceMeasure(rule: rule).map { (rule, $0) } })

    func add(_ child: ChildJourney, to figures: inout PerformanceFigures) {
        let today = figures.today, id = child.localID
        let byKind = TimescaleEngine.visible(child.records, on: today)
        func of(_ kind: JourneyKind) -> [JourneyRecord] { byKind[kind] ?? [] }

        // A clock counts when it was met on time, or else when it fell due.
        for clock in engine.timescales(child: id, byKind: byKind, bornOn: child.dateOfBirth, today: today) {
            guard let measure = Self.measureOfRule[clock.rule] else { continue }
            let onTime = clock.met.map { $0 <= clock.due } ?? false
            figures.add(measure, id, day: onTime ? clock.met! : clock.due, meets: onTime) {
                "\(clock.state(on: today, calendar: engine.calendar).inWords(unit: clock.rule.unit)): due \(clock.due.written). \(clock.evidence)"
            }
        }

        for contact in of(.caseSystem(.contacts)).compactMap(\.starts) {
            figures.add(.contacts, id, day: contact, meets: true) { "Contact \(contact.written)" }
        }
        let referrals = of(.cinEpisode).compactMap(\.starts).sorted()
        for (index, referral) in referrals.enumerated() {
            figures.add(.referrals, id, day: referral, meets: true) { "Referral \(referral.written)" }
            let previous = index > 0 ? referrals[index - 1] : nil
            let within = previous.map { $0 >= referral.adding(months: -12) } ?? false
            figures.add(.reReferrals, id, day: referral, meets: within) {
                "Referral \(referral.written); "
                    + (previous.map { "previous referral \($0.written), \(within ? "within" : "more than") 12 months before" }
                        ?? "no earlier referral on record")
            }
        }
        protectionPlans(id, of(.cinProtectionPlan), to: &figures)

        let episodes = of(.ssda903(.episodes))
        let placements = Placement.placements(episodes)
        let periodsOfCare = TimescaleEngine.periodsOfCare(episodes)
        // By latest contact, those with none first; records of one day by their key, so that which is latest never
        // depends on the order the store hands them over.
        let careLeaverRecords = of(.caseSystem(.careLeavers)).sorted {
            ($0.starts ?? .distantPast, $0.naturalKey) < ($1.starts ?? .distantPast, $1.naturalKey)
        }
        for (index, period) in figures.periods.enumerated() where period.from <= today {
            let day = min(period.through, today)
            if let care = periodsOfCare.last(where: { $0.starts <= day && ($0.ends ?? .distantFuture) > day }) {
                lookedAfter(id, on: day, period: index, care: care, placements: placements, born: child.dateOfBirth, to: &figures)
            }
            if let latest = careLeaverRecords.last(where: { ($0.starts ?? day) <= day }), Self.agedSeventeenToTwentyOne(child.dateOfBirth, on: day) {
                careLeaver(id, latest, on: day, period: index, to: &figures)
            }
        }
        adoption(id, placements: placements, periodsOfCare: periodsOfCare, episodes: episodes, matches: of(.ssda903(.ad1)), to: &figures)
    }

    /// Plans ending after two years or more, counted when they end; second or later plans, counted when they start.
    func protectionPlans(_ id: String, _ records: [JourneyRecord], to figures: inout PerformanceFigures) {
        let plans = records.filter { $0.starts != nil }.sorted { $0.starts! < $1.starts! }
        for (index, plan) in plans.enumerated() {
            let start = plan.starts!
            if let end = plan.ends {
                let twoYears = end >= start.adding(months: 24)
                figures.add(.protectionPlansTwoYears, id, day: end, meets: twoYears) {
                    "Plan from \(start.written) to \(end.written): \(start.days(until: end)) days, \(twoYears ? "2 years or more" : "less than 2 years")"
                }
            }
            let earlier = index > 0 ? plans[index - 1].starts : nil
            let previousInCensus = Int(plan.fields["NumberOfPreviousCPP"] ?? "") ?? 0
            figures.add(.secondProtectionPlans, id, day: start, meets: earlier != nil || previousInCensus > 0) {
                "Plan from \(start.written); "
                    + (earlier.map { "an earlier plan from \($0.written)" }
                        ?? (previousInCensus > 0
                            ? "the census records \(previousInCensus) previous plan\(previousInCensus == 1 ? "" : "s")" : "no earlier plan on record"))
            }
        }
    }

    /// A child looked after on a period's last day: placements in the 12 months to it; and, for a child under 16 looked
    /// after for 2½ years or more, whether their placement has lasted 2 years.
    func lookedAfter(
        _ id: String, on day: ISODay, period index: Int, care: TimescaleEngine.PeriodOfCare, placements: [Placement],
        born: ISODay?, to figures: inout PerformanceFigures
    ) {
        let yearBefore = day.adding(months: -12)
        let inYear = placements.filter { $0.starts <= day && ($0.ends ?? .distantFuture) > yearBefore }
        figures.add(
            .placementMoves, id, period: index, day: day, meets: inYear.count >= 3,
            why: "Looked after on \(day.written); \(inYear.count) placement\(inYear.count == 1 ? "" : "s") in the 12 months to it: "
                + inYear.map { "from \($0.starts.written)" }.joined(separator: ", "))
        guard let born, born.adding(months: 16 * 12) > day, care.starts <= day.adding(months: -30),
            let current = placements.last(where: { $0.starts <= day })
        else { return }
        let twoYears = current.starts <= day.adding(months: -24)
        figures.add(
            .longTermStability, id, period: index, day: day, meets: twoYears,
            why:
                "Looked after since \(care.starts.written); in this placement since \(current.starts.written)\(twoYears ? ", 2 years or more" : ", less than 2 years")"
        )
    }

    static func agedSeventeenToTwentyOne(_ born: ISODay?, on day: ISODay) -> Bool {
        guard let born else { return true } // no date of birth: counted, so that no care leaver drops out unseen
        return born.adding(months: 17 * 12) <= day && day < born.adding(months: 22 * 12)
    }

    /// A care leaver as their latest record stood on a period's last day.
    func careLeaver(_ id: String, _ record: JourneyRecord, on day: ISODay, period index: Int, to figures: inout PerformanceFigures) {
        let weeks = engine.settings.careLeaverContactWeeks
        let contact = record.starts
        let inTouch = contact.map { $0 >= day.adding(days: -7 * weeks) } ?? false
        figures.add(
            .careLeaversInTouch, id, period: index, day: day, meets: inTouch,
            why: contact.map { "Latest contact \($0.written), \($0.days(until: day)) days before \(day.written) (in touch within \(weeks) weeks)" }
                ?? "No contact on record")
        let accommodation = record.fields["clea_care_leaver_accommodation"] ?? "", suitable = record.fields["clea_care_leaver_accom_suitable"] == "1"
        figures.add(
            .careLeaversAccommodation, id, period: index, day: day, meets: suitable,
            why: "Accommodation \(CodeMeanings.accommodation(accommodation) ?? "not recorded"): \(suitable ? "suitable" : "not recorded as suitable")"
        )
        let activity = record.fields["clea_care_leaver_activity"] ?? ""
        let training = activity.first.map { $0 == "F" || $0 == "P" } ?? false
        figures.add(
            .careLeaversEET, id, period: index, day: day, meets: training,
            why: "Activity \(activity.isEmpty ? "not recorded" : CodeMeanings.words(CodeMeanings.activity, activity) ?? "code \(activity)"): "
                + (training ? "in education, employment or training" : "not in education, employment or training"))
        let review = record.fields["clea_pathway_plan_review_date"].flatMap(ReturnDate.caseSystem)
        let upToDate = review.map { $0 <= day && $0 > day.adding(months: -6) } ?? false
        figures.add(
            .pathwayPlans, id, period: index, day: day, meets: upToDate,
            why: review.map { "Pathway plan reviewed \($0.written)\(upToDate ? ", within 6 months" : ", more than 6 months before \(day.written)")" }
                ?? "No pathway plan review on record")
    }

    /// A1, counted on the day a child is placed for adoption; A2, on the day they are matched.
    func adoption(
        _ id: String, placements: [Placement], periodsOfCare: [TimescaleEngine.PeriodOfCare], episodes: [JourneyRecord],
        matches: [JourneyRecord], to figures: inout PerformanceFigures
    ) {
        for (index, placement) in placements.enumerated() where placement.isForAdoption && (index == 0 || !placements[index - 1].isForAdoption) {
            guard let care = periodsOfCare.last(where: { $0.starts <= placement.starts }) else { continue }
            let inTime = placement.starts <= care.starts.adding(months: 14)
            figures.add(.adoptionA1, id, day: placement.starts, meets: inTime) {
                "Entered care \(care.starts.written); placed for adoption \(placement.starts.written), \(inTime ? "within" : "more than") 14 months later"
            }
        }
        let orders = episodes.filter { $0.fields["LS"] == "E1" }.compactMap(\.starts).sorted()
        for match in matches.compactMap({ $0.fields["DATE_MATCH"].flatMap(ReturnDate.ssda903) }) {
            // The placement order: the first episode under one (legal status E1) in the period of care of the match.
            // With no order on record there is no A2 figure.
            guard let care = periodsOfCare.last(where: { $0.starts <= match }),
                let order = orders.first(where: { $0 >= care.starts && $0 <= match })
            else { continue }
            let inTime = match <= order.adding(months: 4)
            figures.add(.adoptionA2, id, day: match, meets: inTime) {
                "Placement order \(order.written); matched \(match.written), \(inTime ? "within" : "more than") 4 months later"
            }
        }
    }
}
