/// The JSON API's addresses, under `/api/v1`.
public enum APIURL: Hashable, Sendable {
    case session
    case openAPI
    case indicatorValues(code: String)
    case plans
    case plan(slug: String)
    case outcomes(slug: String)
    case objectives(slug: String)
    case actions(slug: String)
    case action(slug: String, ref: String)
    case audits
    case audit(id: String)
    case learningActions

    var parts: [PathPart] {
        switch self {
        case .session: [.fixed("session")]
        case .openAPI: [.fixed("openapi.json")]
        case .indicatorValues(let code): [.fixed("indicators"), .parameter("indicatorCode", code), .fixed("values")]
        case .plans: [.fixed("plans")]
        case .plan(let slug): PlanURL.plan(slug)
        case .outcomes(let slug): PlanURL.plan(slug) + [.fixed("outcomes")]
        case .objectives(let slug): PlanURL.plan(slug) + [.fixed("objectives")]
        case .actions(let slug): PlanURL.plan(slug) + [.fixed("actions")]
        case .action(let slug, let ref): PlanURL.plan(slug) + [.fixed("actions"), .parameter("actionRef", ref)]
        case .audits: [.fixed("audits")]
        case .audit(let id): [.fixed("audits"), .parameter("auditID", id)]
        case .learningActions: [.fixed("learning-actions")]
        }
    }
}
