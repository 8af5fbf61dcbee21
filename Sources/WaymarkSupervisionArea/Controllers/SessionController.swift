import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Recording a supervision session (its supervisor or cover), and reading one: the wellbeing note only for the
/// supervisee and the person who held it.
enum SessionController {
    @Sendable static func new(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (agreement, supervisee) = try await recordable(req, user: user)
        return try await form(req, agreement: agreement, supervisee: supervisee, typed: SupervisionSessionForm(), errors: FormErrors())
    }

    /// The agreement named, if this person may record its sessions; else not found (or refused, if it has ended).
    private static func recordable(_ req: Request, user: User) async throws -> (SupervisionAgreement, User) {
        let (agreement, supervisee) = try await AgreementController.find(req, user: user)
        guard SupervisionAccess.mayRecord(agreement, user: user) else {
            throw Abort(.forbidden, reason: "Only the supervisor or cover supervisor of an agreement in force records its sessions.")
        }
        return (agreement, supervisee)
    }

    private static func form(
        _ req: Request, agreement: SupervisionAgreement, supervisee: User, typed: SupervisionSessionForm, errors: FormErrors
    ) async throws -> Response {
        let user = try req.requireSignedIn().user
        let made = try await Agenda.make(for: supervisee, viewer: user, intervals: req.application.settings.caseDiscussions, on: .today, db: req.db)
        try await req.audit(
            .view, recordType: .supervision, recordID: try agreement.requireID().uuidString,
            detail: "session form: children listed (\(made.children.map(\.localID).sorted().joined(separator: ", ")))")
        let page = SessionPages.renderNew(
            .init(
                agreementID: try agreement.requireID().uuidString, supervisee: supervisee.displayName, typed: typed, errors: errors,
                children: made.children.map { .init(value: AuditCohort.canonical($0.id), label: $0.label) }, agenda: made.agenda),
            context: req.pageContext("Record a supervision session", area: .quality))
        return .html(page, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (agreement, supervisee) = try await recordable(req, user: user)
        var typed = SupervisionSessionForm()
        typed.kind = req.typed("kind")
        typed.heldOn = DateField.read("held-on", from: req.typed)
        typed.cancelled = req.typed("took-place") == "no"
        typed.cancelledBecause = req.typed("cancelled-because")
        typed.attendees = req.typed("attendees")
        typed.experience = req.typed("experience")
        typed.reflection = req.typed("reflection")
        typed.analysis = req.typed("analysis")
        typed.nextSteps = req.typed("next-steps")
        typed.wellbeing = req.typed("wellbeing")
        typed.discussions = (0..<SessionPages.discussionRows).map { index in
            func part(_ name: String) -> String { req.typed("discussion-\(index)-\(name)") }
            return CaseDiscussionForm(
                child: part("child"), discussion: part("discussion"), decision: part("decision"), action: part("action"), actionOwner: part("owner"),
                actionDue: DateField.read("discussion-\(index)-due", from: req.typed))
        }
        let allocations = try await CaseloadStore.allocations(ofWorker: supervisee.requireID(), on: req.db)
        let children = try await CaseloadStore.children(allocations.map(\.childID), on: req.db)
        let held = Dictionary(
            children.compactMap { child in child.id.map { (AuditCohort.canonical($0), (id: $0, localID: child.localID)) } },
            uniquingKeysWith: { a, _ in a })
        guard let starts = ISODay(agreement.starts) else { throw Abort(.internalServerError) }
        switch typed.checked(today: .today, starts: starts, children: Set(held.keys)) {
        case .failure(let mistakes):
            return try await form(req, agreement: agreement, supervisee: supervisee, typed: typed, errors: FormErrors(mistakes.all))
        case .success(let session):
            do {
                let id = try await SupervisionStore.record(
                    session, under: agreement, superviseeName: supervisee.displayName, children: held, by: user, actor: req.auditActor, on: req.db)
                return req.redirect(to: .supervision(.session(id: id.uuidString)), notice: .supervisionSessionRecorded)
            } catch let refused as SupervisionStore.Refused {
                throw Abort(.conflict, reason: refused.message)
            }
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("sessionID")), let session = try await SupervisionStore.session(id, on: req.db),
            let agreement = try await SupervisionStore.agreement(session.agreementID, on: req.db),
            let supervisee = try await UserStore.user(id: agreement.superviseeID, on: req.db),
            try await SupervisionAccess.mayRead(agreement, supervisee: supervisee, user: user, on: req.db)
        else { throw Abort(.notFound) }
        let discussions = try await SupervisionStore.discussions(ofSession: id, on: req.db)
        let children = Dictionary(
            try await CaseloadStore.children(discussions.map(\.childID), on: req.db).compactMap { child in child.id.map { ($0, child) } },
            uniquingKeysWith: { a, _ in a })
        let names = ChildRecordScope.seesNames(user.role)
        let wellbeing =
            SupervisionAccess.seesWellbeing(session, of: agreement, user: user)
            ? try await SupervisionStore.wellbeing(ofSession: id, on: req.db) : nil
        let listed = discussions.compactMap { children[$0.childID]?.localID }.sorted()
        try await req.audit(
            .view, recordType: .supervision, recordID: agreement.id?.uuidString,
            detail: "session on \(session.heldOn)" + (listed.isEmpty ? "" : ": children listed (\(listed.joined(separator: ", ")))"))
        let heldOn = ISODay(session.heldOn)?.written ?? session.heldOn
        let kind = SupervisionKind(rawValue: session.kind)?.title ?? session.kind
        var facts: [(String, String)] = [("Held by", session.heldByName), ("Kind", kind)]
        if let because = session.cancelledBecause { facts.append(("Cancelled", because)) }
        if !session.attendees.isEmpty { facts.append(("Who attended", session.attendees)) }
        let reflection = [
            ("What happened", session.experience), ("How it felt", session.reflection), ("What it means", session.analysis),
            ("What happens next", session.nextSteps),
        ].filter { !$0.1.isEmpty }
        let model = SessionPages.Model(
            agreementID: agreement.id!.uuidString, supervisee: supervisee.displayName,
            heading: "\(kind) supervision with \(supervisee.displayName), \(heldOn)", facts: facts, reflection: reflection, wellbeing: wellbeing,
            discussions: discussions.map { discussion in
                let child = children[discussion.childID]
                let label = names ? child.map { "\($0.displayName ?? "Child \($0.localID)") (\($0.localID))" } : child.map { "Child \($0.localID)" }
                return SessionPages.Discussion(
                    childID: discussion.childID.uuidString, child: label ?? "–", discussion: discussion.discussion, decision: discussion.decision,
                    action: CaseDiscussionWords.action(discussion.action, owner: discussion.actionOwner, due: discussion.actionDue) ?? "None")
            })
        return .html(SessionPages.render(model, context: req.pageContext("Supervision session", area: .quality, notice: Notice.from(req)?.message)))
    }
}
