import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The triple lock: another council's moderator grading the audits assigned to them, pseudonymised; a QA lead
/// assigning them and deciding where they differ. An external moderator holds no other permission: they reach an
/// audit only by its external moderation's id, and only their own (others are "not found"). Every read of an audit's
/// evidence is in the audit trail as a read of the child's record.
enum ExternalModerationController {
    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let mine = try await ExternalModerationStore.moderations(assignedTo: user.requireID(), on: req.db)
        let titles = try await programmeTitles(of: mine.map(\.audit), db: req.db)
        // Those they can grade now first, then those waiting for the second auditor, then those graded.
        var listed: [(rank: Int, audit: ExternalModerationPage.Listed)] = []
        for (moderation, audit) in mine {
            let settled = try await ExternalModerationStore.councilHasSettled(audit.requireID(), on: req.db)
            listed.append(
                (
                    moderation.state != .assigned ? 2 : settled ? 0 : 1,
                    .init(
                        id: try moderation.requireID().uuidString, reference: reference(audit, titles: titles),
                        state: state(moderation, councilHasSettled: settled))
                ))
        }
        return .html(
            ExternalModerationPage.list(
                listed.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.audit),
                context: req.pageContext(ExternalModerationPage.title, area: nil, notice: Notice.from(req)?.message)))
    }

    @Sendable static func show(req: Request) async throws -> Response { try await page(req, typed: nil) }

    @Sendable static func grade(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (moderation, audit, programme, child) = try await find(req, user: user)
        let instrument = try ProgrammeFacts.instrument(of: programme)
        typealias Field = ExternalModerationResponse.FieldName
        let typed = ExternalModerationResponse(
            grades: Dictionary(
                uniqueKeysWithValues: (instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]).map { id in
                    (
                        id,
                        ExternalModerationResponse.Typed(
                            grade: req.typed(Field.grade(id)), reason: req.typed(Field.reason(id)), rationale: req.typed(Field.rationale(id)))
                    )
                }))
        let standing = try await CaseAuditStore.standingGrades(of: audit.requireID(), on: req.db)
        switch typed.completed(against: instrument, settled: standing) {
        case .failure(let mistakes):
            return try await page(req, typed: (typed, FormErrors(mistakes.all)))
        case .success(let given):
            let state = try await refusedAsConflict {
                try await ExternalModerationStore.moderate(
                    moderation.requireID(), grades: given, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            }
            return req.redirect(to: .quality(.externalModerations), notice: state == .agreed ? .externalAgreed : .externalDiffers)
        }
    }

    /// A QA lead choosing (or changing) the external moderator of an audit not yet graded by one.
    @Sendable static func assign(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, _, child) = try await CaseAuditController.find(req, user: user)
        guard let external = try await ExternalModerationStore.moderation(ofAudit: audit.requireID(), on: req.db) else {
            throw Abort(.conflict, reason: "This audit was not chosen for external moderation.")
        }
        guard let id = UUID(uuidString: req.typed("moderator")), let moderator = try await UserStore.user(id: id, on: req.db) else {
            throw Abort(.unprocessableEntity, reason: "Choose an external moderator from the list.")
        }
        try await refusedAsConflict {
            try await ExternalModerationStore.assign(
                external.requireID(), to: moderator, by: req.auditActor, childLocalID: child.localID, today: .today, on: req.db)
        }
        return req.redirect(to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .externalAssigned)
    }

    /// A QA lead deciding the grades an external moderator differed on.
    @Sendable static func adjudicate(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await CaseAuditController.find(req, user: user)
        guard let external = try await ExternalModerationStore.moderation(ofAudit: audit.requireID(), on: req.db), external.state == .toAdjudicate
        else { throw Abort(.conflict, reason: "This audit's grades are not waiting to be decided after its external moderation.") }
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let differences = try await ModerationController.differences(audit, by: .external, instrument: instrument, db: req.db)
        let (typed, checked) = ModerationController.decision(req, differences, instrument: instrument)
        switch checked {
        case .failure(let mistakes):
            return try await CaseAuditController.page(req, typed: .externalAdjudication(typed, FormErrors(mistakes.all)))
        case .success(let finals):
            try await refusedAsConflict {
                try await ExternalModerationStore.adjudicate(
                    external.requireID(), finals: finals, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            }
            return req.redirect(to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .gradesDecided)
        }
    }

    /// The triple lock's part of the audit's page for council staff: where it stands, and for QA leads the form to
    /// assign a moderator or decide the grades. Nil when the audit was not chosen.
    static func part(
        _ audit: CaseAudit, instrument: AuditInstrument, typed: CaseAuditController.Typed?, user: User, db: any Database
    ) async throws -> ExternalSection.Part? {
        guard let external = try await ExternalModerationStore.moderation(ofAudit: audit.requireID(), on: db) else { return nil }
        let scale = instrument.scale.grades
        let leads = user.role.permissions.contains(.manageAuditProgrammes)
        if external.state == .toAdjudicate && leads {
            let rows = try await ModerationController.differences(audit, by: .external, instrument: instrument, db: db).map { $0.shown(on: scale) }
            if case .externalAdjudication(let typed, let errors)? = typed { return .adjudicate(rows, typed, errors) }
            return .adjudicate(rows, Adjudication(finals: [:]), FormErrors())
        }
        let because = TripleLock.Because(rawValue: external.because)?.inWords ?? external.because
        var moderator: String?
        if let id = external.moderatorID { moderator = try await UserStore.user(id: id, on: db)?.displayName }
        var lines = ["Chosen for external moderation (\(because))."]
        switch external.state {
        case .assigned:
            lines.append(
                moderator.map { "Waiting for its external moderator, \($0); its grades are locked once they have graded it." }
                    ?? "No external moderator is assigned yet.")
        case .agreed: lines.append("The external moderator, \(moderator ?? "–"), gave the same grades: they stand, and are locked.")
        case .toAdjudicate: lines.append("The external moderator, \(moderator ?? "–"), differed on some grades: a QA lead decides them.")
        case .adjudicated:
            lines.append("The external moderator, \(moderator ?? "–"), differed on some grades; the final grades were decided and are locked.")
        }
        guard external.state == .assigned && leads else { return .status(lines) }
        let choices = try await ExternalModerationStore.moderators(today: .today, on: db).map {
            Form.Choice(
                value: $0.id!.uuidString, label: $0.displayName + ($0.lastWorkingDay.map { ", account until \($0.written)" } ?? ""))
        }
        return .assign(lines, choices: choices, chosen: external.moderatorID?.uuidString)
    }

    // MARK: - Helpers

    private typealias Found = (ExternalModeration, CaseAudit, AuditProgramme, Child)

    /// The external moderation named in the address, if it is this person's; "not found" otherwise.
    private static func find(_ req: Request, user: User) async throws -> Found {
        guard let id = UUID(uuidString: try req.parameters.require("externalID")),
            let moderation = try await ExternalModerationStore.moderation(id, on: req.db), moderation.moderatorID == user.id,
            let audit = try await CaseAuditStore.audit(moderation.auditID, on: req.db),
            let programme = try await CaseAuditStore.programme(audit.programmeID, on: req.db),
            let child = try await CaseloadStore.child(audit.childID, on: req.db)
        else { throw Abort(.notFound) }
        return (moderation, audit, programme, child)
    }

    private static func page(_ req: Request, typed: (ExternalModerationResponse, FormErrors)?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (moderation, audit, programme, child) = try await find(req, user: user)
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let reference = reference(audit, titles: [programme.id!: programme.title])
        try await req.audit(
            .view, recordType: .child, recordID: child.localID,
            detail: "pseudonymised case audit evidence for external moderation (\(try audit.requireID().uuidString))")
        let evidence = try await CaseAuditController.evidence(audit, child: child, shown: .pseudonymised(reference: reference), req: req)
        var shown = try await CaseAuditController.submitted(
            audit.requireID(), instrument: instrument, suggested: audit.suggestedOverall, workingWell: audit.workingWell, db: req.db)
        shown = byRole(shown)
        let part: ExternalModerationPage.Part
        let settled = try await ExternalModerationStore.councilHasSettled(audit.requireID(), on: req.db)
        if moderation.state == .assigned && settled {
            let scale = instrument.scale.grades
            let standing = try await CaseAuditStore.standingGrades(of: audit.requireID(), on: req.db).compactMapValues {
                scale.indices.contains($0) ? scale[$0] : nil
            }
            part = .grade(standing: standing, typed?.0 ?? ExternalModerationResponse(grades: [:]), typed?.1 ?? FormErrors())
        } else {
            part = .status(state(moderation, councilHasSettled: settled))
        }
        let model = ExternalModerationPage.Model(
            id: try moderation.requireID().uuidString, reference: reference, instrument: instrument, evidence: evidence, audit: shown, part: part)
        return .html(
            ExternalModerationPage.render(model, context: req.pageContext("External moderation: \(reference)", area: nil)),
            status: typed == nil ? .ok : .unprocessableEntity)
    }

    /// The grades given without the names of who gave them (the table's "Why" says in what role).
    private static func byRole(_ audit: CaseAuditPage.Audit) -> CaseAuditPage.Audit {
        guard case .submitted(let working, let answers, let grades, let suggested, let history) = audit else { return audit }
        func anonymous(_ given: CaseAuditPage.Given) -> CaseAuditPage.Given {
            var given = given
            given.by = "Not shown"
            return given
        }
        return .submitted(
            workingWell: working, answers: answers, grades: grades.mapValues(anonymous), suggested: suggested, history: history.map(anonymous))
    }

    /// "Case 7 of Children looked after, November 2026": the order drawn within its programme, never the child.
    private static func reference(_ audit: CaseAudit, titles: [UUID: String]) -> String {
        "Case \(audit.position + 1) of \(titles[audit.programmeID] ?? "a programme")"
    }

    /// The titles of the programmes these audits belong to.
    private static func programmeTitles(of audits: [CaseAudit], db: any Database) async throws -> [UUID: String] {
        var titles: [UUID: String] = [:]
        for id in Set(audits.map(\.programmeID)) { titles[id] = try await CaseAuditStore.programme(id, on: db)?.title }
        return titles
    }

    private static func state(_ moderation: ExternalModeration, councilHasSettled: Bool) -> String {
        switch moderation.state {
        case .assigned:
            councilHasSettled ? "To grade" : "Waiting for the council's second auditor: you can grade it once they have"
        case .agreed: "Graded: the same as the council's grades"
        case .toAdjudicate: "Graded: a QA lead is deciding where you differ"
        case .adjudicated: "Graded and decided"
        }
    }
}
