import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Setting up a supervision agreement, and an agreement's page: its cadence, where it stands, the next session's
/// agenda and its sessions.
enum AgreementController {
    @Sendable static func new(req: Request) async throws -> Response {
        try await form(req, typed: SupervisionAgreementForm(), errors: FormErrors())
    }

    private static func form(_ req: Request, typed: SupervisionAgreementForm, errors: FormErrors) async throws -> Response {
        let user = try req.requireSignedIn().user
        func choices(_ people: [User]) -> [Form.Choice] {
            people.sorted { $0.displayName < $1.displayName }.map {
                .init(value: $0.id!.uuidString, label: "\($0.displayName) (\($0.role.displayName))")
            }
        }
        let page = AgreementPages.renderNew(
            .init(
                typed: typed, errors: errors, supervisees: choices(try await SupervisionAccess.supervisees(for: user, on: req.db)),
                supervisors: choices(try await SupervisionAccess.supervisors(on: req.db))),
            context: req.pageContext(AgreementPages.newTitle, area: .quality))
        return .html(page, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        var typed = SupervisionAgreementForm()
        typed.supervisee = req.typed("supervisee")
        typed.supervisor = req.typed("supervisor")
        typed.cover = req.typed("cover")
        typed.starts = DateField.read("starts", from: req.typed)
        typed.newlyQualified = req.typed("newly-qualified") == "yes"
        typed.qualifiedSince = DateField.read("qualified-since", from: req.typed)
        let supervisees = try await SupervisionAccess.supervisees(for: user, on: req.db)
        let supervisors = try await SupervisionAccess.supervisors(on: req.db)
        switch typed.checked(
            today: .today, supervisees: Set(supervisees.compactMap { $0.id?.uuidString }),
            supervisors: Set(supervisors.compactMap { $0.id?.uuidString }))
        {
        case .failure(let mistakes):
            return try await form(req, typed: typed, errors: FormErrors(mistakes.all))
        case .success(let agreement):
            do {
                let id = try await SupervisionStore.createAgreement(agreement, by: user, actor: req.auditActor, on: req.db)
                return req.redirect(to: .supervision(.agreement(id: id.uuidString)), notice: .supervisionAgreementSetUp)
            } catch let refused as SupervisionStore.Refused {
                return try await form(req, typed: typed, errors: FormErrors([FieldMistake(field: "starts", message: refused.message)]))
            }
        }
    }

    /// The agreement named in the address, and its supervisee, if the person may read it; else not found.
    static func find(_ req: Request, user: User) async throws -> (SupervisionAgreement, User) {
        guard let id = UUID(uuidString: try req.parameters.require("agreementID")),
            let agreement = try await SupervisionStore.agreement(id, on: req.db),
            let supervisee = try await UserStore.user(id: agreement.superviseeID, on: req.db),
            try await SupervisionAccess.mayRead(agreement, supervisee: supervisee, user: user, on: req.db)
        else { throw Abort(.notFound) }
        return (agreement, supervisee)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (agreement, supervisee) = try await find(req, user: user)
        let today = ISODay.today
        let id = try agreement.requireID()
        let names = try await UserStore.byID(on: req.db).mapValues(\.displayName)
        let standing = try await OversightStore.workers([agreement], on: today, db: req.db).first!
        let agenda = try await Agenda.make(for: supervisee, viewer: user, intervals: req.application.settings.caseDiscussions, on: today, db: req.db)
        let sessions = try await SupervisionStore.sessions(of: id, on: req.db)
        let counts = try await SupervisionStore.discussionCounts(ofSessions: sessions.compactMap(\.id), on: req.db)
        var facts: [(String, String)] = [
            ("Supervisor", names[agreement.supervisorID] ?? "–"), ("Cover supervisor", agreement.coverID.flatMap { names[$0] } ?? "No one named"),
            ("From", ISODay(agreement.starts)?.written ?? agreement.starts), ("How often", standing.cadence.inWords(on: today)),
            ("Last session", standing.standing.lastHeld?.written ?? "None yet"),
        ]
        if let ends = agreement.ends { facts.insert(("Ended", ISODay(ends)?.written ?? ends), at: 3) }
        try await req.audit(
            .view, recordType: .supervision, recordID: id.uuidString,
            detail: agenda.listed.isEmpty ? nil : "agenda: children listed (\(agenda.listed.joined(separator: ", ")))")
        let model = AgreementPages.Model(
            id: id.uuidString, supervisee: supervisee.displayName, facts: facts,
            next: agreement.inForce(on: today) ? standing.standing.inWords(on: today) : "–",
            overdue: agreement.inForce(on: today) && !standing.standing.withinCadence, agenda: agenda.agenda,
            sessions: sessions.map { session in
                AgreementPages.Session(
                    id: session.id!.uuidString, heldOn: ISODay(session.heldOn)?.written ?? session.heldOn,
                    kind: SupervisionKind(rawValue: session.kind)?.title ?? session.kind, heldBy: session.heldByName,
                    outcome: session.cancelledBecause.map { "Cancelled: \($0)" } ?? "Held", childrenDiscussed: counts[session.id!] ?? 0)
            },
            mayRecord: SupervisionAccess.mayRecord(agreement, user: user))
        return .html(
            AgreementPages.render(
                model, context: req.pageContext("Supervision: \(supervisee.displayName)", area: .quality, notice: Notice.from(req)?.message)))
    }
}
