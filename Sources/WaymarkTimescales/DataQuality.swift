import WaymarkDomain

/// A record, or a pair of records, that cannot be as written: a plan ending before it starts, a conference before the
/// enquiry that called it, care that overlaps care. Each is listed with the child and why, and says how the measures
/// count it, so nothing is silently dropped from a figure or added to one.
public struct DataQualityIssue: Sendable, Equatable {
    public enum Check: String, CaseIterable, Sendable {
        case endsBeforeItStarts = "ends-before-it-starts"
        case conferenceBeforeEnquiry = "conference-before-enquiry"
        case reviewWithoutPlan = "review-without-plan"
        case overlappingCare = "overlapping-care"
        case careBeforeBirth = "care-before-birth"
        case noStartDay = "no-start-day"

        public var title: String {
            switch self {
            case .endsBeforeItStarts: "Ends before it starts"
            case .conferenceBeforeEnquiry: "Initial conference before its section 47 enquiry and strategy discussion"
            case .reviewWithoutPlan: "Child protection review with no plan open"
            case .overlappingCare: "Looked-after episodes that overlap"
            case .careBeforeBirth: "Looked after before being born"
            case .noStartDay: "No start day"
            }
        }

        /// How Performance Matters, the trackers and Annex A count such a record.
        public var inTheMeasures: String {
            switch self {
            case .endsBeforeItStarts:
                "Counted as recorded: a decision or assessment dated before it began counts as on time, "
                    + "and a plan that ends before it starts lasts no time."
            case .conferenceBeforeEnquiry: "Counted as recorded: the conference counts as within 15 working days of the strategy discussion."
            case .reviewWithoutPlan: "Not counted: reviews are matched to the plan open on their day, and none was."
            case .overlappingCare: "The earlier period of care stands; the overlapping episode starts no new period, so adds no review or visit due."
            case .careBeforeBirth: "Counted as recorded."
            case .noStartDay: "Not counted: a record with no start day has no day to be counted on."
            }
        }
    }

    public var check: Check
    public var childLocalID: String
    /// The day the record is about (its start, or its end when it has none), for sorting; nil when it has neither.
    public var day: ISODay?
    /// What is wrong, with the record and its days: "Child protection plan from 10 January 2026 ends on 5 January 2026".
    public var why: String
}

public enum DataQuality {
    /// Every issue in the children's journeys, child by child, each child's in order of day.
    public static func issues(in journeys: [ChildJourney]) -> [DataQualityIssue] {
        journeys.flatMap(issues(of:))
    }

    static func issues(of journey: ChildJourney) -> [DataQualityIssue] {
        let id = journey.localID
        var found: [DataQualityIssue] = []
        func add(_ check: DataQualityIssue.Check, _ day: ISODay?, _ why: String) {
            found.append(DataQualityIssue(check: check, childLocalID: id, day: day, why: why))
        }
        let byKind = Dictionary(grouping: journey.records, by: \.kind)
        for record in journey.records {
            let name = record.kind.displayName
            switch (record.starts, record.ends) {
            case (let starts?, let ends?) where ends < starts:
                add(.endsBeforeItStarts, starts, "\(name) from \(starts.written) ends on \(ends.written)")
            case (nil, let ends) where Self.startsMatter.contains(record.kind):
                add(.noStartDay, ends, "\(name) \(record.naturalKey) has no start day" + (ends.map { " (it ends on \($0.written))" } ?? ""))
            default: break
            }
        }
        for enquiry in byKind[.cinSection47] ?? [] {
            guard let started = enquiry.starts, let conference = ISODay(enquiry.fields["DateOfInitialCPC"] ?? ""), conference < started else {
                continue
            }
            add(
                .conferenceBeforeEnquiry, conference,
                "Initial conference on \(conference.written), before the section 47 enquiry it followed started on \(started.written)")
        }
        let plans = byKind[.cinProtectionPlan] ?? []
        for review in byKind[.cinProtectionReview] ?? [] {
            guard let day = review.starts else { continue }
            if !plans.contains(where: { ($0.starts ?? .distantFuture) <= day && day <= ($0.ends ?? .distantFuture) }) {
                add(.reviewWithoutPlan, day, "Review conference on \(day.written), when no child protection plan was open")
            }
        }
        let episodes = (byKind[.ssda903(.episodes)] ?? []).filter { $0.starts != nil }.sorted { $0.starts! < $1.starts! }
        for (earlier, later) in zip(episodes, episodes.dropFirst()) where (earlier.ends ?? .distantFuture) > later.starts! {
            add(
                .overlappingCare, later.starts,
                "Episode from \(later.starts!.written) starts before the episode from \(earlier.starts!.written) "
                    + (earlier.ends.map { "ends on \($0.written)" } ?? "has ended"))
        }
        if let born = journey.dateOfBirth, let first = episodes.first, first.starts! < born {
            add(.careBeforeBirth, first.starts, "Looked after from \(first.starts!.written), before the date of birth \(born.written)")
        }
        return found.sorted { ($0.day ?? .distantPast, $0.check.rawValue) < ($1.day ?? .distantPast, $1.check.rawValue) }
    }

    /// The records the measures place by their start: one without a start cannot be counted.
    static let startsMatter: Set<JourneyKind> = [
        .ssda903(.episodes), .cinEpisode, .cinAssessment, .cinSection47, .cinProtectionPlan,
        .caseSystem(.contacts), .caseSystem(.mashDecisions), .caseSystem(.missing), .ssda903(.missing),
    ]
}
