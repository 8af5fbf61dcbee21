import WaymarkDomain

/// Every page's address, in one place: routes are registered from `pathPattern` and every link is built
/// from `path`, so a link cannot point at a route that does not exist.
public enum SiteURL: Hashable, Sendable {
    case home
    case signIn
    case signOut
    case changePassword
    case area(Area)
    case adminUsers
    case adminUserNew
    case adminUser(id: String)
    case adminUserDisable(id: String)
    case adminOrganisations
    case adminTeams
    case adminServiceAreas
    case adminAPITokens
    case adminAPITokenRevoke(id: String)
    case auditTrail
    case stylesheet
    case healthCheck
    case liveness
    // The plan area.
    case plan(slug: String)
    case planActions(slug: String)
    case planAction(slug: String, ref: String)
    case planOutcome(slug: String, ref: String)
    case planReport(slug: String)
    case planReportPDF(slug: String)
    case planScrutiny(slug: String)
    case myActions
    case boards
    case board(id: String)
    case recommendations
    case strategyDocuments
    // The measures area.
    case indicator(code: String)
    case indicatorValues(code: String, format: TableFormat)
    case measuresUpload
    case measuresTemplate(format: TableFormat)
    // The children area.
    case child(id: String)
    case returnsUpload
    case returnsValidation
    case caseloads
    case teamCaseload(id: String)
    case tracker(teamID: String)
    case weeklyTracker(serviceAreaID: String)
    case performanceMattersPDF
    case performanceMeasure(measure: String)
    case performanceCommentary
    case annexA
    case dataQuality
    case annexAWorkbook
    // JSON API.
    case apiSession
    case apiOpenAPI
    case apiIndicatorValues(code: String)
    case apiPlans
    case apiPlan(slug: String)
    case apiPlanOutcomes(slug: String)
    case apiPlanObjectives(slug: String)
    case apiPlanActions(slug: String)
    case apiPlanAction(slug: String, ref: String)

    private enum Part {
        case fixed(String)
        /// A route parameter: its name in the pattern and its value in a link.
        case parameter(String, String)
    }

    /// The path with its parameters filled in, for links.
    public var path: String {
        "/"
            + parts.map { part in
                switch part {
                case .fixed(let text): text
                case .parameter(_, let value): value
                }
            }.joined(separator: "/")
    }

    /// The path with `:name` placeholders, for registering the route.
    public var pathPattern: [String] {
        parts.map { part in
            switch part {
            case .fixed(let text): text
            case .parameter(let name, _): ":\(name)"
            }
        }
    }

    private var parts: [Part] {
        switch self {
        case .home: []
        case .signIn: [.fixed("sign-in")]
        case .signOut: [.fixed("sign-out")]
        case .changePassword: [.fixed("account"), .fixed("password")]
        case .area(let area): [.fixed(area.rawValue)]
        case .adminUsers: [.fixed("admin"), .fixed("users")]
        case .adminUserNew: [.fixed("admin"), .fixed("users"), .fixed("new")]
        case .adminUser(let id): [.fixed("admin"), .fixed("users"), .parameter("userID", id)]
        case .adminUserDisable(let id): [.fixed("admin"), .fixed("users"), .parameter("userID", id), .fixed("disable")]
        case .adminOrganisations: [.fixed("admin"), .fixed("organisations")]
        case .adminTeams: [.fixed("admin"), .fixed("teams")]
        case .adminServiceAreas: [.fixed("admin"), .fixed("service-areas")]
        case .adminAPITokens: [.fixed("admin"), .fixed("api-tokens")]
        case .adminAPITokenRevoke(let id): [.fixed("admin"), .fixed("api-tokens"), .parameter("tokenID", id), .fixed("revoke")]
        case .auditTrail: [.fixed("admin"), .fixed("audit")]
        case .stylesheet: [.fixed("assets"), .fixed("waymark.css")]
        case .healthCheck: [.fixed("healthz")]
        case .liveness: [.fixed("livez")]
        case .plan(let slug): Self.plan(slug)
        case .planActions(let slug): Self.plan(slug) + [.fixed("actions")]
        case .planAction(let slug, let ref): Self.plan(slug) + [.fixed("actions"), .parameter("actionRef", ref)]
        case .planOutcome(let slug, let ref): Self.plan(slug) + [.fixed("outcomes"), .parameter("outcomeRef", ref)]
        case .planReport(let slug): Self.plan(slug) + [.fixed("report")]
        case .planReportPDF(let slug): Self.plan(slug) + [.fixed("report.pdf")]
        case .planScrutiny(let slug): Self.plan(slug) + [.fixed("scrutiny")]
        case .myActions: [.fixed("my-actions")]
        case .boards: [.fixed("boards")]
        case .board(let id): [.fixed("boards"), .parameter("boardID", id)]
        case .recommendations: [.fixed("recommendations")]
        case .strategyDocuments: [.fixed("documents")]
        case .indicator(let code): [.fixed("measures"), .parameter("indicatorCode", code)]
        case .indicatorValues(let code, let format): [.fixed("measures"), .parameter("indicatorCode", code), .fixed("values.\(format.rawValue)")]
        case .measuresUpload: [.fixed("measures"), .fixed("upload")]
        case .child(let id): [.fixed("children"), .parameter("childID", id)]
        case .returnsUpload: [.fixed("children"), .fixed("returns")]
        case .returnsValidation: [.fixed("children"), .fixed("returns"), .fixed("validate")]
        case .caseloads: [.fixed("children"), .fixed("caseloads")]
        case .teamCaseload(let id): [.fixed("children"), .fixed("caseloads"), .parameter("teamID", id)]
        case .tracker(let id): [.fixed("children"), .fixed("caseloads"), .parameter("teamID", id), .fixed("tracker")]
        case .weeklyTracker(let id): [.fixed("children"), .fixed("service-areas"), .parameter("serviceAreaID", id), .fixed("weekly-tracker")]
        case .performanceMattersPDF: [.fixed("performance"), .fixed("report.pdf")]
        case .performanceMeasure(let measure): [.fixed("performance"), .fixed("measures"), .parameter("measure", measure)]
        case .performanceCommentary: [.fixed("performance"), .fixed("commentary")]
        case .annexA: [.fixed("performance"), .fixed("annex-a")]
        case .dataQuality: [.fixed("performance"), .fixed("data-quality")]
        case .annexAWorkbook: [.fixed("performance"), .fixed("annex-a.xlsx")]
        case .measuresTemplate(let format): [.fixed("measures"), .fixed("template.\(format.rawValue)")]
        case .apiSession: Self.api + [.fixed("session")]
        case .apiOpenAPI: Self.api + [.fixed("openapi.json")]
        case .apiIndicatorValues(let code): Self.api + [.fixed("indicators"), .parameter("indicatorCode", code), .fixed("values")]
        case .apiPlans: Self.api + [.fixed("plans")]
        case .apiPlan(let slug): Self.api + Self.plan(slug)
        case .apiPlanOutcomes(let slug): Self.api + Self.plan(slug) + [.fixed("outcomes")]
        case .apiPlanObjectives(let slug): Self.api + Self.plan(slug) + [.fixed("objectives")]
        case .apiPlanActions(let slug): Self.api + Self.plan(slug) + [.fixed("actions")]
        case .apiPlanAction(let slug, let ref): Self.api + Self.plan(slug) + [.fixed("actions"), .parameter("actionRef", ref)]
        }
    }

    private static let api: [Part] = [.fixed("api"), .fixed("v1")]
    private static func plan(_ slug: String) -> [Part] { [.fixed("plans"), .parameter("planSlug", slug)] }
}

/// The file formats a table is downloaded and uploaded in.
public enum TableFormat: String, CaseIterable, Sendable {
    case csv, xlsx

    public var displayName: String {
        switch self {
        case .csv: "CSV"
        case .xlsx: "Excel"
        }
    }

    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

extension Area {
    /// Where the navigation link for an area goes for someone with this role.
    public func url(for role: Role) -> SiteURL {
        guard self == .admin else { return .area(self) }
        return role.permissions.contains(.manageUsers) ? .adminUsers : .auditTrail
    }
}
