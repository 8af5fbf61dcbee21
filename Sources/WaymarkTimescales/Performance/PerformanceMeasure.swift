import WaymarkDomain

/// The parts of the service Performance Matters reports on, each with its own commentary: what is going well, what
/// needs to improve, and the actions in place (seed 003, "Data").
public enum PerformanceSection: String, CaseIterable, Sendable, Hashable {
    case frontDoor = "front-door"
    case assessment
    case childrenInNeed = "children-in-need"
    case childProtection = "child-protection"
    case childrenInCare = "children-in-care"
    case careLeavers = "care-leavers"
    case adoption
    /// Supervision and case discussions: worked out from what is recorded in Waymark, not from the journeys, so it has
    /// no `PerformanceMeasure` of its own.
    case managementOversight = "management-oversight"

    public var title: String {
        switch self {
        case .frontDoor: "Front door: contacts, MASH and referrals"
        case .assessment: "Assessment"
        case .childrenInNeed: "Children in need"
        case .childProtection: "Child protection"
        case .childrenInCare: "Children in care"
        case .careLeavers: "Care leavers"
        case .adoption: "Adoption"
        case .managementOversight: "Management oversight: supervision and case discussions"
        }
    }

    public var measures: [PerformanceMeasure] { PerformanceMeasure.allCases.filter { $0.section == self } }
}

/// One Performance Matters figure: what it counts, in plain words, and which way is better. Each is worked out from
/// the children's journeys (`PerformanceCalculator`), never typed in.
public enum PerformanceMeasure: String, CaseIterable, Sendable, Hashable {
    case contacts
    case referrals
    case mashDecisions = "mash-decisions"
    case reReferrals = "re-referrals"
    case assessments
    case childInNeedVisits = "cin-visits"
    case childInNeedReviews = "cin-reviews"
    case initialConferences = "initial-conferences"
    case protectionReviews = "cp-reviews"
    case protectionVisits = "cp-visits"
    case protectionPlansTwoYears = "cp-plans-2-years"
    case secondProtectionPlans = "second-cp-plans"
    case lookedAfterReviews = "cla-reviews"
    case lookedAfterVisits = "cla-visits"
    case initialHealthAssessments = "initial-health-assessments"
    case placementMoves = "three-placements"
    case longTermStability = "long-term-stability"
    case returnInterviews = "return-interviews"
    case careLeaversInTouch = "care-leavers-in-touch"
    case careLeaversAccommodation = "care-leavers-accommodation"
    case careLeaversEET = "care-leavers-eet"
    case pathwayPlans = "pathway-plans"
    case adoptionA1 = "adoption-a1"
    case adoptionA2 = "adoption-a2"

    /// A number of things (with a rate per 10,000 children), or the share of the things counted that meet the measure.
    public enum Shape: Sendable { case count, share }

    public var section: PerformanceSection {
        switch self {
        case .contacts, .referrals, .mashDecisions, .reReferrals: .frontDoor
        case .assessments: .assessment
        case .childInNeedVisits, .childInNeedReviews: .childrenInNeed
        case .initialConferences, .protectionReviews, .protectionVisits, .protectionPlansTwoYears, .secondProtectionPlans: .childProtection
        case .lookedAfterReviews, .lookedAfterVisits, .initialHealthAssessments, .placementMoves, .longTermStability, .returnInterviews:
            .childrenInCare
        case .careLeaversInTouch, .careLeaversAccommodation, .careLeaversEET, .pathwayPlans: .careLeavers
        case .adoptionA1, .adoptionA2: .adoption
        }
    }

    public var shape: Shape { [.contacts, .referrals].contains(self) ? .count : .share }

    /// Which way is better, in the Measures area's terms, so a figure is judged against comparators as an indicator is.
    public var polarity: Polarity {
        switch self {
        case .contacts, .referrals: .noJudgement
        case .reReferrals, .protectionPlansTwoYears, .secondProtectionPlans, .placementMoves: .lowIsGood
        default: .highIsGood
        }
    }

    /// The timescale whose clocks this measure counts, for those that count clocks.
    public var rule: TimescaleRule? {
        switch self {
        case .mashDecisions: .mashDecision
        case .assessments: .assessment
        case .childInNeedVisits: .childInNeedVisit
        case .childInNeedReviews: .childInNeedReview
        case .initialConferences: .initialConference
        case .protectionReviews: .protectionReview
        case .protectionVisits: .protectionVisit
        case .lookedAfterReviews: .lookedAfterReview
        case .lookedAfterVisits: .lookedAfterVisit
        case .initialHealthAssessments: .initialHealthAssessment
        case .returnInterviews: .returnInterview
        default: nil
        }
    }

    public init?(rule: TimescaleRule) {
        guard let measure = Self.allCases.first(where: { $0.rule == rule }) else { return nil }
        self = measure
    }

    public var title: String {
        switch self {
        case .contacts: "Contacts"
        case .referrals: "Referrals to children's social care"
        case .mashDecisions: "MASH decisions within 1 working day"
        case .reReferrals: "Re-referrals within 12 months"
        case .assessments: "Assessments within 45 working days"
        case .childInNeedVisits: "Child in need visits on time"
        case .childInNeedReviews: "Child in need plan reviews on time"
        case .initialConferences: "Initial child protection conferences within 15 working days"
        case .protectionReviews: "Child protection reviews on time"
        case .protectionVisits: "Child protection visits on time"
        case .protectionPlansTwoYears: "Child protection plans ending after 2 years or more"
        case .secondProtectionPlans: "Second or subsequent child protection plans"
        case .lookedAfterReviews: "Looked-after reviews on time"
        case .lookedAfterVisits: "Looked-after visits on time"
        case .initialHealthAssessments: "Initial health assessments within 20 working days"
        case .placementMoves: "Children in care with 3 or more placements in 12 months"
        case .longTermStability: "Long-term placement stability"
        case .returnInterviews: "Return home interviews within 72 hours"
        case .careLeaversInTouch: "Care leavers in touch"
        case .careLeaversAccommodation: "Care leavers in suitable accommodation"
        case .careLeaversEET: "Care leavers in education, employment or training"
        case .pathwayPlans: "Pathway plans up to date"
        case .adoptionA1: "Adoption A1: placed for adoption within 14 months of entering care"
        case .adoptionA2: "Adoption A2: matched within 4 months of the placement order"
        }
    }

    /// What is counted, and when: the rule a reader checks the figure against.
    public var definition: String {
        let clocks =
            "A timescale counts in the period in which it was met on time, or in which it fell due without being met; the figure is the share met on time."
        switch self {
        case .contacts: return "Contacts received in the period."
        case .referrals: return "Referrals to children's social care in the period."
        case .reReferrals: return "Of the referrals in the period, the share that came within 12 months of the child's previous referral."
        case .protectionPlansTwoYears: return "Of the child protection plans that ended in the period, the share that had lasted 2 years or more."
        case .secondProtectionPlans:
            return "Of the child protection plans that started in the period, the share for a child who had been on a plan before (at any time)."
        case .placementMoves:
            return "Of the children looked after on the period's last day, the share who had 3 or more placements in the 12 months to that day."
        case .longTermStability:
            return
                "Of the children under 16 looked after for 2½ years or more on the period's last day, the share in the same placement for 2 years or more."
        case .careLeaversInTouch:
            return
                "Of the care leavers aged 17 to 21 on the period's last day, the share whose latest contact was within the contact interval before it (8 weeks unless set otherwise)."
        case .careLeaversAccommodation:
            return "Of the care leavers aged 17 to 21 on the period's last day, the share whose latest recorded accommodation is suitable."
        case .careLeaversEET:
            return "Of the care leavers aged 17 to 21 on the period's last day, the share in education, employment or training (activity F or P)."
        case .pathwayPlans:
            return "Of the care leavers aged 17 to 21 on the period's last day, the share whose pathway plan was reviewed within 6 months before it."
        case .adoptionA1:
            return "Of the children placed for adoption in the period, the share placed within 14 months of the start of their period of care."
        case .adoptionA2:
            return "Of the children matched with adopters in the period, the share matched within 4 months of their placement order."
        default: return "\(rule!.title). \(clocks)"
        }
    }
}
