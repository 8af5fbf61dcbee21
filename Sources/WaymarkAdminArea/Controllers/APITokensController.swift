import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Issuing and revoking the API tokens partner organisations' systems use to send indicator values.
enum APITokensController {
    struct IssueForm: Content {
        var name: String?
        var organisationID: String?
        var indicators: [String]?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await page(req, form: .init())
    }

    @Sendable static func issue(req: Request) async throws -> Response {
        let form = try req.content.decode(IssueForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let codes = Set(form.indicators ?? [])
        var errors = FormErrors()
        if name.isEmpty { errors.add("name", "Enter what the system is") }
        var organisation: Organisation?
        if let id = UUID(uuidString: form.organisationID ?? "") { organisation = try await ReferenceDataStore.organisation(id: id, on: req.db) }
        if organisation == nil { errors.add("organisationID", "Choose the organisation the token is for") }
        let known = Set(try await MeasuresStore.indicatorsByCode(on: req.db).map(\.code))
        if codes.isEmpty || !codes.isSubset(of: known) { errors.add("indicators", "Choose at least one indicator it may send values for") }
        guard errors.isEmpty, let organisation else {
            return try await page(
                req, form: .init(name: name, organisationID: form.organisationID ?? "", indicatorCodes: codes, errors: errors),
                status: .unprocessableEntity)
        }
        let secret = SessionStore.randomToken()
        let token = APIToken()
        token.$organisation.id = try organisation.requireID()
        token.name = name
        token.tokenHash = SessionStore.hash(secret)
        token.indicatorCodes = codes
        token.issuedBy = try req.requireSignedIn().user.displayName
        token.issuedAt = Date()
        try await APITokenStore.issue(token, organisationName: organisation.name, by: req.auditActor, on: req.db)
        // Shown once, on this response; never stored, never in a URL.
        return try await page(req, form: .init(), issued: (name, secret, codes.sorted().first!))
    }

    @Sendable static func revoke(req: Request) async throws -> Response {
        guard let id = UUID(uuidString: try req.parameters.require("tokenID")), let token = try await APITokenStore.token(id: id, on: req.db) else {
            throw Abort(.notFound)
        }
        try await APITokenStore.revoke(token, by: req.auditActor, on: req.db)
        return req.redirect(to: .admin(.apiTokens), notice: .tokenRevoked)
    }

    private static func page(
        _ req: Request, form: APITokensPage.IssueForm, issued: (name: String, token: String, exampleCode: String)? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let tokens = try await APITokenStore.all(on: req.db)
        let organisations = try await ReferenceDataStore.organisations(on: req.db)
        let indicators = try await MeasuresStore.indicatorsByName(on: req.db)
        let model = APITokensPage.Model(
            tokens: tokens.map { token in
                .init(
                    id: token.id!.uuidString, name: token.name, organisation: token.organisation.name, indicators: token.indicatorCodes.sorted(),
                    issued: "\(DateFormats.dateTime(token.issuedAt)) by \(token.issuedBy)", lastUsed: token.lastUsedAt.map(DateFormats.dateTime),
                    revoked: token.revokedAt.map(DateFormats.dateTime))
            },
            organisations: organisations.map { .init(value: $0.id!.uuidString, label: $0.name) },
            indicators: indicators.map { ($0.code, $0.name) }, form: form, issued: issued)
        return .html(
            APITokensPage.render(model, context: req.pageContext("API tokens", area: .admin, notice: Notice.from(req)?.message)),
            status: status)
    }
}
