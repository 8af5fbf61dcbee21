import Fluent
import Testing
import Vapor
import VaporTesting
import WaymarkDomain

@testable import WaymarkAdminArea
@testable import WaymarkApp
@testable import WaymarkChildrenArea
@testable import WaymarkMeasuresArea
@testable import WaymarkPerformanceArea
@testable import WaymarkPlanArea
@testable import WaymarkStore
@testable import WaymarkWeb

/// Deny by default, tested: every registered route must appear in this table with the access it needs, and
/// for every role (and nobody signed in) each route must allow or refuse exactly as `Role.permissions` says.
/// A new route fails here until it is added to the table below, which is where a reviewer sees its access.
@Suite("Route access for every role")
struct RouteAccessTests {
    static let declared: [String: Access] = [
        "GET /assets/waymark.css": .everyone,
        "GET /livez": .everyone,
        "GET /healthz": .everyone,
        "GET /sign-in": .everyone,
        "POST /sign-in": .everyone,
        "GET /": .signedIn,
        "POST /sign-out": .signedIn,
        "GET /account/password": .signedIn,
        "POST /account/password": .signedIn,
        "GET /api/v1/session": .signedIn,
        "GET /plan": .permission(.viewPlan),
        "GET /plans/:planSlug": .permission(.viewPlan),
        "GET /plans/:planSlug/outcomes/:outcomeRef": .permission(.viewPlan),
        "GET /plans/:planSlug/actions": .permission(.viewPlan),
        "GET /plans/:planSlug/actions/:actionRef": .permission(.viewPlan),
        "POST /plans/:planSlug/actions/:actionRef": .permission(.updatePlanActions),
        "GET /plans/:planSlug/report": .permission(.viewPlan),
        "GET /plans/:planSlug/report.pdf": .permission(.viewPlan),
        "GET /plans/:planSlug/scrutiny": .permission(.viewPlan),
        "POST /plans/:planSlug/scrutiny": .permission(.recordScrutiny),
        "GET /my-actions": .permission(.viewPlan),
        "GET /boards": .permission(.viewPlan),
        "GET /boards/:boardID": .permission(.viewPlan),
        "GET /recommendations": .permission(.viewPlan),
        "GET /documents": .permission(.viewPlan),
        "GET /api/v1/openapi.json": .everyone,
        "GET /api/v1/plans": .permission(.viewPlan),
        "GET /api/v1/plans/:planSlug": .permission(.viewPlan),
        "GET /api/v1/plans/:planSlug/outcomes": .permission(.viewPlan),
        "GET /api/v1/plans/:planSlug/objectives": .permission(.viewPlan),
        "GET /api/v1/plans/:planSlug/actions": .permission(.viewPlan),
        "GET /api/v1/plans/:planSlug/actions/:actionRef": .permission(.viewPlan),
        "GET /measures": .permission(.viewMeasures),
        "GET /measures/:indicatorCode": .permission(.viewMeasures),
        "POST /measures/:indicatorCode": .permission(.enterMeasures),
        "GET /measures/:indicatorCode/values.csv": .permission(.viewMeasures),
        "GET /measures/:indicatorCode/values.xlsx": .permission(.viewMeasures),
        "GET /measures/template.csv": .permission(.viewMeasures),
        "GET /measures/template.xlsx": .permission(.viewMeasures),
        "GET /measures/upload": .permission(.enterMeasures),
        "POST /measures/upload": .permission(.enterMeasures),
        "GET /children": .permission(.viewChildren),
        "POST /children": .permission(.viewChildren),
        "GET /children/:childID": .permission(.viewChildren),
        "GET /children/caseloads": .permission(.viewChildren),
        "GET /children/caseloads/:teamID": .permission(.viewChildren),
        "GET /children/caseloads/:teamID/tracker": .permission(.viewChildren),
        "GET /children/service-areas/:serviceAreaID/weekly-tracker": .permission(.viewChildren),
        "GET /children/returns": .permission(.importReturns),
        "POST /children/returns": .permission(.importReturns),
        "GET /children/returns/validate": .permission(.importReturns),
        "POST /children/returns/validate": .permission(.importReturns),
        "GET /performance": .permission(.viewPerformance),
        "GET /performance/report.pdf": .permission(.viewPerformance),
        "GET /performance/measures/:measure": .permission(.viewChildren),
        "POST /performance/commentary": .permission(.enterMeasures),
        "GET /performance/annex-a": .permission(.importReturns),
        "GET /performance/data-quality": .permission(.viewChildren),
        "GET /performance/annex-a.xlsx": .permission(.importReturns),
        "GET /quality": .permission(.viewQuality),
        "GET /quality/agreement": .permission(.viewQuality),
        "GET /quality/instruments": .permission(.viewQuality),
        "POST /quality/instruments": .permission(.manageAuditProgrammes),
        "GET /quality/instruments/:instrumentID": .permission(.viewQuality),
        "POST /quality/instruments/:instrumentID": .permission(.manageAuditProgrammes),
        "GET /quality/instruments/:instrumentID/instrument.yaml": .permission(.viewQuality),
        "POST /quality/instruments/:instrumentID/publish": .permission(.manageAuditProgrammes),
        "POST /quality/instruments/:instrumentID/discard": .permission(.manageAuditProgrammes),
        "POST /quality/agreement": .permission(.viewQuality),
        "GET /quality/calibration": .permission(.conductAudits),
        "GET /quality/calibration/new": .permission(.manageAuditProgrammes),
        "POST /quality/calibration": .permission(.manageAuditProgrammes),
        "GET /quality/calibration/:exerciseID": .permission(.conductAudits),
        "POST /quality/calibration/:exerciseID": .permission(.conductAudits),
        "POST /quality/calibration/:exerciseID/agreed": .permission(.manageAuditProgrammes),
        "GET /quality/summary": .permission(.viewQualitySummary),
        "GET /quality/summary.pdf": .permission(.viewQualitySummary),
        "GET /quality/self-evaluation": .permission(.viewQuality),
        "GET /quality/self-evaluation.pdf": .permission(.viewQuality),
        "POST /quality/self-evaluation": .permission(.writeSelfEvaluation),
        "GET /quality/report": .permission(.viewQuality),
        "GET /quality/report.pdf": .permission(.viewQuality),
        "GET /quality/programmes": .permission(.viewQuality),
        "GET /quality/programmes/new": .permission(.manageAuditProgrammes),
        "POST /quality/programmes": .permission(.manageAuditProgrammes),
        "GET /quality/programmes/:programmeID": .permission(.viewQuality),
        "GET /quality/programmes/:programmeID/grades.csv": .permission(.viewQuality),
        "GET /quality/programmes/:programmeID/grades.xlsx": .permission(.viewQuality),
        "GET /quality/audits": .permission(.conductAudits),
        "GET /quality/audits/:auditID": .permission(.viewQuality),
        "POST /quality/audits/:auditID": .permission(.conductAudits),
        "POST /quality/audits/:auditID/moderation": .permission(.conductAudits),
        "POST /quality/audits/:auditID/adjudication": .permission(.manageAuditProgrammes),
        "POST /quality/audits/:auditID/external-moderator": .permission(.manageAuditProgrammes),
        "POST /quality/audits/:auditID/external-adjudication": .permission(.manageAuditProgrammes),
        "GET /quality/external": .permission(.moderateExternally),
        "GET /quality/external/:externalID": .permission(.moderateExternally),
        "POST /quality/external/:externalID": .permission(.moderateExternally),
        "POST /quality/audits/:auditID/reply": .permission(.respondToAudits),
        "POST /quality/audits/:auditID/actions": .permission(.conductAudits),
        "POST /quality/audits/:auditID/concerns": .permission(.conductAudits),
        "POST /quality/concerns/:concernID": .permission(.viewQuality),
        "GET /quality/actions": .permission(.viewQuality),
        "GET /quality/actions/:actionID": .permission(.viewQuality),
        "POST /quality/actions/:actionID/close": .permission(.viewQuality),
        "POST /quality/actions/:actionID/verify": .permission(.viewQuality),
        "GET /api/v1/audits": .permission(.viewQuality),
        "GET /api/v1/audits/:auditID": .permission(.viewQuality),
        "GET /api/v1/learning-actions": .permission(.viewQuality),
        "GET /supervision": .permission(.viewQuality),
        "GET /supervision/agreements/new": .permission(.supervise),
        "POST /supervision/agreements": .permission(.supervise),
        "GET /supervision/agreements/:agreementID": .permission(.viewQuality),
        "GET /supervision/agreements/:agreementID/sessions/new": .permission(.supervise),
        "POST /supervision/agreements/:agreementID/sessions": .permission(.supervise),
        "GET /supervision/sessions/:sessionID": .permission(.viewQuality),
        "GET /voice": .permission(.viewVoice),
        "GET /directory": .permission(.viewDirectory),
        "GET /admin/users": .permission(.manageUsers),
        "GET /admin/users/new": .permission(.manageUsers),
        "POST /admin/users/new": .permission(.manageUsers),
        "GET /admin/users/:userID": .permission(.manageUsers),
        "POST /admin/users/:userID": .permission(.manageUsers),
        "POST /admin/users/:userID/disable": .permission(.manageUsers),
        "GET /admin/organisations": .permission(.manageUsers),
        "POST /admin/organisations": .permission(.manageUsers),
        "GET /admin/service-areas": .permission(.manageUsers),
        "POST /admin/service-areas": .permission(.manageUsers),
        "GET /admin/teams": .permission(.manageUsers),
        "POST /admin/teams": .permission(.manageUsers),
        "GET /admin/audit": .permission(.viewAuditTrail),
        "GET /admin/api-tokens": .permission(.manageUsers),
        "POST /admin/api-tokens": .permission(.manageUsers),
        "POST /admin/api-tokens/:tokenID/revoke": .permission(.manageUsers),
        "POST /api/v1/indicators/:indicatorCode/values": .partnerSystem,
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test("Every registered route declares the access in the table, and no more routes exist")
    func everyRouteIsDeclared() async throws {
        try await withApp(on: .sqlite) { app in
            let registered = Dictionary(uniqueKeysWithValues: app.routes.all.map { (Self.key($0), $0.access) })
            #expect(Set(registered.keys) == Set(Self.declared.keys))
            for (key, access) in registered {
                #expect(access != nil, "\(key) was registered without declaring its access")
                #expect(access == Self.declared[key], "\(key) declares \(access.map(String.init(describing:)) ?? "nothing")")
            }
        }
    }

    @Test("Each role is allowed or refused on every route exactly as declared", arguments: [Role?.none] + Role.allCases.map(Optional.some))
    func roleAgainstEveryRoute(role: Role?) async throws {
        try await withApp(on: .sqlite) { app in
            let target = try await app.signIn(as: .readOnly)
            for route in app.routes.all {
                let key = Self.key(route)
                let path = "/" + route.path.map { $0.description == ":userID" ? target.id.uuidString : $0.description }.joined(separator: "/")
                // A fresh session for each request: some routes (sign-out) end the session they are called with.
                let user = try await role.asyncMap { try await app.signIn(as: $0) }
                var headers = user?.headers ?? HTTPHeaders()
                var body: ByteBuffer?
                if route.method == .POST {
                    let csrf = user?.csrfToken ?? "anonymous-form-token"
                    if user == nil { headers.add(name: .cookie, value: "\(CSRF.plainCookieName)=\(csrf)") }
                    headers.contentType = .urlEncodedForm
                    body = formBody([("csrfToken", csrf)])
                }
                let allowed = Self.declared[key]!.allows(role)
                try await app.testing().test(route.method, path, headers: headers, body: body) { res in
                    let who = role?.rawValue ?? "nobody signed in"
                    // A partner system's route takes its token only: a person's session, whatever the role, is not enough.
                    if Self.declared[key] == .partnerSystem {
                        #expect(res.status == .unauthorized, "\(who) without a token should get 401 for \(key), got \(res.status.code)")
                        return
                    }
                    let sentToSignIn =
                        key.contains("/api/")
                        ? res.status == .unauthorized
                        : res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/sign-in") == true
                    switch (role, allowed) {
                    case (nil, true):
                        #expect(res.status != .forbidden && !sentToSignIn, "\(who) should be allowed \(key), got \(res.status.code)")
                    case (nil, false):
                        #expect(sentToSignIn, "\(who) should be sent to sign in for \(key), got \(res.status.code)")
                    case (_, true):
                        #expect(res.status != .forbidden && res.status != .unauthorized, "\(who) should be allowed \(key), got \(res.status.code)")
                    case (_, false):
                        #expect(res.status == .forbidden, "\(who) should be refused \(key), got \(res.status.code)")
                    }
                }
            }
        }
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
