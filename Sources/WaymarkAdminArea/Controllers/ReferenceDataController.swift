import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Organisations, service areas and teams: lists and an "add one" form on the same page.
enum ReferenceDataController {
    struct AddForm: Content {
        var name: String?
        var kind: String?
        var serviceAreaID: String?

        var trimmedName: String { (name ?? "").trimmingCharacters(in: .whitespaces) }
    }

    // MARK: Organisations

    @Sendable static func organisations(req: Request) async throws -> Response {
        try await organisationsPage(req, form: AddForm(), errors: FormErrors())
    }

    @Sendable static func addOrganisation(req: Request) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        var errors = nameErrors(form.trimmedName, taken: try await ReferenceDataStore.organisation(named: form.trimmedName, on: req.db) != nil)
        let kind = Organisation.Kind(rawValue: form.kind ?? "")
        if kind == nil { errors.add("kind", "Choose what kind of organisation it is.") }
        guard errors.isEmpty, let kind else {
            return try await organisationsPage(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let organisation = Organisation(name: form.trimmedName, kind: kind)
        try await ReferenceDataStore.add(organisation, by: req.auditActor, on: req.db)
        return req.redirect(to: .admin(.organisations), notice: .organisationAdded)
    }

    private static func organisationsPage(
        _ req: Request, form: AddForm, errors: FormErrors, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let organisations = try await ReferenceDataStore.organisations(on: req.db)
        let model = ReferenceListPage.Model(
            url: .admin(.organisations), title: "Organisations",
            introduction: "The members of the partnership. Partner users belong to one of these and see only its work.",
            headers: ["Name", "Kind"], rows: organisations.map { [$0.name, $0.kind.displayName] },
            addTitle: "Add an organisation", name: form.trimmedName,
            parent: ("Kind", "kind", Organisation.Kind.allCases.map { .init(value: $0.rawValue, label: $0.displayName) }, form.kind ?? ""),
            errors: errors)
        return .html(
            ReferenceListPage.render(model, context: req.pageContext("Organisations", area: .admin, notice: Notice.from(req)?.message)),
            status: status)
    }

    // MARK: Service areas

    @Sendable static func serviceAreas(req: Request) async throws -> Response {
        try await serviceAreasPage(req, form: AddForm(), errors: FormErrors())
    }

    @Sendable static func addServiceArea(req: Request) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        let errors = nameErrors(form.trimmedName, taken: try await ReferenceDataStore.serviceAreaExists(named: form.trimmedName, on: req.db))
        guard errors.isEmpty else {
            return try await serviceAreasPage(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let serviceArea = ServiceArea(name: form.trimmedName)
        try await ReferenceDataStore.add(serviceArea, by: req.auditActor, on: req.db)
        return req.redirect(to: .admin(.serviceAreas), notice: .serviceAreaAdded)
    }

    private static func serviceAreasPage(_ req: Request, form: AddForm, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let serviceAreas = try await ReferenceDataStore.serviceAreas(on: req.db)
        let model = ReferenceListPage.Model(
            url: .admin(.serviceAreas), title: "Service areas",
            introduction: "The parts of children's services, each led by a head of service. Teams sit within them.",
            headers: ["Name", "Teams"],
            rows: serviceAreas.map { [$0.name, $0.teams.map(\.name).sorted().joined(separator: ", ")] },
            addTitle: "Add a service area", name: form.trimmedName, errors: errors)
        return .html(
            ReferenceListPage.render(model, context: req.pageContext("Service areas", area: .admin, notice: Notice.from(req)?.message)),
            status: status)
    }

    // MARK: Teams

    @Sendable static func teams(req: Request) async throws -> Response {
        try await teamsPage(req, form: AddForm(), errors: FormErrors())
    }

    @Sendable static func addTeam(req: Request) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        var errors = nameErrors(form.trimmedName, taken: try await ReferenceDataStore.team(named: form.trimmedName, on: req.db) != nil)
        var serviceArea: ServiceArea?
        if let raw = form.serviceAreaID, let id = UUID(uuidString: raw) { serviceArea = try await ReferenceDataStore.serviceArea(id: id, on: req.db) }
        if serviceArea == nil { errors.add("serviceAreaID", "Choose the service area the team belongs to.") }
        guard errors.isEmpty, let serviceAreaID = serviceArea?.id else {
            return try await teamsPage(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let team = Team(name: form.trimmedName, serviceAreaID: serviceAreaID)
        try await ReferenceDataStore.add(team, by: req.auditActor, on: req.db)
        return req.redirect(to: .admin(.teams), notice: .teamAdded)
    }

    private static func teamsPage(_ req: Request, form: AddForm, errors: FormErrors, status: HTTPResponseStatus = .ok) async throws -> Response {
        let teams = try await ReferenceDataStore.teams(on: req.db)
        let serviceAreas = try await ReferenceDataStore.serviceAreas(on: req.db)
        let model = ReferenceListPage.Model(
            url: .admin(.teams), title: "Teams",
            introduction: "Teams hold caseloads; the daily tracker is by team.",
            headers: ["Name", "Service area"], rows: teams.map { [$0.name, $0.serviceArea.name] },
            addTitle: "Add a team", name: form.trimmedName,
            parent: ("Service area", "serviceAreaID", serviceAreas.map { .init(value: $0.id!.uuidString, label: $0.name) }, form.serviceAreaID ?? ""),
            errors: errors)
        return .html(
            ReferenceListPage.render(model, context: req.pageContext("Teams", area: .admin, notice: Notice.from(req)?.message)),
            status: status)
    }

    private static func nameErrors(_ name: String, taken: Bool) -> FormErrors {
        var errors = FormErrors()
        if name.isEmpty {
            errors.add("name", "Enter a name.")
        } else if name.count > 120 {
            errors.add("name", "Use at most 120 characters.")
        } else if taken {
            errors.add("name", "\"\(name)\" already exists.")
        }
        return errors
    }
}
