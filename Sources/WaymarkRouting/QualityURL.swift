/// The quality area's addresses.
public enum QualityURL: Hashable, Sendable {
    case home
    /// Measuring how far auditors agree, from a table of moderated grades.
    case agreement
    /// The case file audit: what it asks, domain by domain.
    case instrument
    /// Audit programmes: each with the children it drew and who audits them; setting one up.
    case programmes
    case newProgramme
    case programme(id: String)
    /// The audits assigned to the person signed in.
    case myAudits
    /// One child's audit: the form with the evidence beside it, or what was found once submitted.
    case audit(id: String)
    /// A second auditor's grades for an audit, and a QA lead's decision where the two differ.
    case moderation(auditID: String)
    case adjudication(auditID: String)

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("quality")]
        case .agreement: [.fixed("quality"), .fixed("agreement")]
        case .instrument: [.fixed("quality"), .fixed("instrument")]
        case .programmes: [.fixed("quality"), .fixed("programmes")]
        case .newProgramme: [.fixed("quality"), .fixed("programmes"), .fixed("new")]
        case .programme(let id): [.fixed("quality"), .fixed("programmes"), .parameter("programmeID", id)]
        case .myAudits: [.fixed("quality"), .fixed("audits")]
        case .audit(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id)]
        case .moderation(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("moderation")]
        case .adjudication(let id): [.fixed("quality"), .fixed("audits"), .parameter("auditID", id), .fixed("adjudication")]
        }
    }
}
