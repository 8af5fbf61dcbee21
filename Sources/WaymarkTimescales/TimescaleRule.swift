import WaymarkDomain

/// The statutory and local timescales Waymark computes, each with where it comes from
/// (see the primer's section 3 and the guidance named with each).
public enum TimescaleRule: String, CaseIterable, Sendable, Hashable {
    case mashDecision = "mash-decision"
    case assessment = "assessment-45"
    case initialConference = "icpc-15"
    case protectionReview = "cp-review"
    case protectionVisit = "cp-visit"
    case childInNeedVisit = "cin-visit"
    case childInNeedReview = "cin-review"
    case lookedAfterReview = "cla-review"
    case lookedAfterVisit = "cla-visit"
    case initialHealthAssessment = "initial-health-assessment"
    case reviewHealthAssessment = "review-health-assessment"
    case personalEducationPlan = "personal-education-plan"
    case returnInterview = "return-interview"
    case pathwayPlanReview = "pathway-plan-review"
    case careLeaverContact = "care-leaver-contact"

    public enum Unit: Sendable { case workingDays, days }

    public var unit: Unit {
        switch self {
        case .mashDecision, .assessment, .initialConference, .protectionVisit, .childInNeedVisit, .initialHealthAssessment: .workingDays
        case .protectionReview, .childInNeedReview, .lookedAfterReview, .lookedAfterVisit, .returnInterview, .reviewHealthAssessment,
            .personalEducationPlan,
            .pathwayPlanReview, .careLeaverContact:
            .days
        }
    }

    /// What is due, in a few words: "Assessment", "Looked-after visit".
    public var name: String {
        switch self {
        case .mashDecision: "MASH decision"
        case .assessment: "Assessment"
        case .initialConference: "Initial child protection conference"
        case .protectionReview: "Child protection review"
        case .protectionVisit: "Child protection visit"
        case .childInNeedVisit: "Child in need visit"
        case .childInNeedReview: "Child in need plan review"
        case .lookedAfterReview: "Looked-after review"
        case .lookedAfterVisit: "Looked-after visit"
        case .initialHealthAssessment: "Initial health assessment"
        case .reviewHealthAssessment: "Review health assessment"
        case .personalEducationPlan: "Personal education plan"
        case .returnInterview: "Return home interview"
        case .pathwayPlanReview: "Pathway plan review"
        case .careLeaverContact: "Care leaver contact"
        }
    }

    public var title: String {
        switch self {
        case .mashDecision: "MASH decision within 1 working day of the contact"
        case .assessment: "Assessment authorised within 45 working days of the referral"
        case .initialConference: "Initial child protection conference within 15 working days of the strategy discussion"
        case .protectionReview: "Child protection review: the first within 3 months of the conference, then every 6 months"
        case .protectionVisit: "Child protection visit within the council's interval (10 working days unless set otherwise)"
        case .childInNeedVisit: "Child in need visit within the council's interval (20 working days unless set otherwise)"
        case .childInNeedReview:
            "Child in need plan review: within the council's interval of the plan, then of the last review (3 months unless set otherwise)"
        case .lookedAfterReview: "Looked-after review: within 20 working days, then 3 months, then every 6 months"
        case .lookedAfterVisit: "Looked-after visit: within a week of a placement, then every 6 weeks (3 months after a year in long-term fostering)"
        case .initialHealthAssessment: "Initial health assessment within 20 working days of coming into care"
        case .reviewHealthAssessment: "Review health assessment: every 6 months under 5, every 12 months from 5"
        case .personalEducationPlan: "Personal education plan within 20 working days of coming into care, then each term (within 3 months)"
        case .returnInterview: "Return home interview within 72 hours of a missing episode ending"
        case .pathwayPlanReview: "Pathway plan reviewed at least every 6 months"
        case .careLeaverContact: "Care leaver contact within the council's interval (8 weeks unless set otherwise)"
        }
    }

    /// Where the rule comes from.
    public var basis: String {
        switch self {
        case .mashDecision: "Working Together to Safeguard Children 2023: a decision within one working day"
        case .assessment: "Working Together to Safeguard Children 2023: assessments within 45 working days of referral"
        case .initialConference: "Working Together to Safeguard Children 2023: the conference within 15 working days of the strategy discussion"
        case .protectionReview: "Working Together to Safeguard Children 2023: first review within 3 months, then at most every 6 months"
        case .protectionVisit: "Local practice (a setting): the council's interval for child protection visits"
        case .childInNeedVisit:
            "Local practice (a setting): Working Together to Safeguard Children 2023 leaves how often children in need are seen to local protocols"
        case .childInNeedReview:
            "Local practice (a setting): Working Together to Safeguard Children 2023 asks that the plan be reviewed regularly, at an interval set locally"
        case .lookedAfterReview: "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33"
        case .lookedAfterVisit: "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28"
        case .initialHealthAssessment: "Promoting the health and well-being of looked-after children (2015): before the first review"
        case .reviewHealthAssessment: "Promoting the health and well-being of looked-after children (2015): twice a year under 5, then once a year"
        case .personalEducationPlan:
            "Promoting the education of looked-after children (2018): a PEP for every child of compulsory school age, reviewed each term"
        case .returnInterview: "Children who run away or go missing from home or care (2014): within 72 hours of return"
        case .pathwayPlanReview: "Care Leavers (England) Regulations 2010, regulation 7: the pathway plan reviewed at least every six months"
        case .careLeaverContact: "Local practice (a setting): the interval within which a care leaver is contacted; regulation sets a floor"
        }
    }
}

/// The local choices in the timescales, with the defaults most councils use.
public struct TimescaleSettings: Sendable, Equatable {
    /// Working days between child protection visits (10 is common; some councils use 2 or 4 weeks).
    public var protectionVisitWorkingDays: Int
    /// Working days within which the strategy discussion must start the section 47 enquiry: a strategy discussion
    /// this long or less before the enquiry started is taken as the one that started it.
    public var strategyDiscussionWorkingDays: Int
    /// Weeks within which a care leaver's last contact keeps them "in touch" (8 is common; regulation sets a floor).
    public var careLeaverContactWeeks: Int
    /// Working days between child in need visits (20, about four weeks, is common).
    public var childInNeedVisitWorkingDays: Int
    /// Months within which a child in need plan is reviewed, from the plan and then from each review (3 is common).
    public var childInNeedReviewMonths: Int

    public init(
        protectionVisitWorkingDays: Int = 10, strategyDiscussionWorkingDays: Int = 5, careLeaverContactWeeks: Int = 8,
        childInNeedVisitWorkingDays: Int = 20, childInNeedReviewMonths: Int = 3
    ) {
        self.protectionVisitWorkingDays = protectionVisitWorkingDays
        self.strategyDiscussionWorkingDays = strategyDiscussionWorkingDays
        self.careLeaverContactWeeks = careLeaverContactWeeks
        self.childInNeedVisitWorkingDays = childInNeedVisitWorkingDays
        self.childInNeedReviewMonths = childInNeedReviewMonths
    }
}

extension TimescaleRule {
    /// Which of the QA report's measures beside the grades the rule counts in (`AuditTimeliness`).
    public var timelinessKind: AuditTimeliness.Kind {
        switch self {
        case .protectionVisit, .childInNeedVisit, .lookedAfterVisit, .careLeaverContact: .visits
        case .protectionReview, .childInNeedReview, .lookedAfterReview, .pathwayPlanReview: .reviews
        case .mashDecision, .assessment, .initialConference, .initialHealthAssessment, .reviewHealthAssessment, .personalEducationPlan,
            .returnInterview:
            .other
        }
    }
}
