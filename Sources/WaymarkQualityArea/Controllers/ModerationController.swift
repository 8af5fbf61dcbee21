import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Moderation of a submitted audit: the second auditor's grades, and a QA lead's decision where the two differ.
enum ModerationController {
    @Sendable static func moderate(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await CaseAuditController.find(req, user: user)
        guard let moderation = try await CaseAuditStore.moderation(ofAudit: audit.requireID(), on: req.db), moderation.moderatorID == user.id,
            moderation.state == .assigned
        else { throw Abort(.conflict, reason: "This audit is not waiting for your grades as its second auditor.") }
        let instrument = try ProgrammeFacts.instrument(of: programme)
        typealias Field = ModerationResponse.FieldName
        let typed = ModerationResponse(
            grades: Dictionary(
                uniqueKeysWithValues: (instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]).map { id in
                    (id, ModerationResponse.Typed(grade: req.typed(Field.grade(id)), rationale: req.typed(Field.rationale(id))))
                }))
        switch typed.completed(against: instrument) {
        case .failure(let mistakes):
            return try await CaseAuditController.page(req, typed: .moderation(typed, FormErrors(mistakes.all)))
        case .success(let grades):
            let state = try await refusedAsConflict {
                try await CaseAuditStore.moderate(
                    moderation.requireID(), grades: grades, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            }
            return req.redirect(
                to: .quality(.audit(id: try audit.requireID().uuidString)), notice: state == .agreed ? .moderationAgreed : .moderationDiffers)
        }
    }

    @Sendable static func adjudicate(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await CaseAuditController.find(req, user: user)
        guard let moderation = try await CaseAuditStore.moderation(ofAudit: audit.requireID(), on: req.db), moderation.state == .toAdjudicate else {
            throw Abort(.conflict, reason: "This audit's grades are not waiting to be decided.")
        }
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let (typed, checked) = decision(req, try await differences(audit, by: .moderator, instrument: instrument, db: req.db), instrument: instrument)
        switch checked {
        case .failure(let mistakes):
            return try await CaseAuditController.page(req, typed: .adjudication(typed, FormErrors(mistakes.all)))
        case .success(let finals):
            try await refusedAsConflict {
                try await CaseAuditStore.adjudicate(
                    moderation.requireID(), finals: finals, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            }
            return req.redirect(to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .gradesDecided)
        }
    }

    /// The moderation part of the audit's page for this person, or nil before the audit is submitted.
    static func part(
        _ moderation: CaseAuditModeration?, audit: CaseAudit, instrument: AuditInstrument, typed: CaseAuditController.Typed?, user: User,
        db: any Database
    ) async throws -> ModerationSection.Part? {
        guard audit.state == .submitted else { return nil }
        guard let moderation else {
            return .status(["Not chosen for moderation: its grades stand as its auditor gave them, and are locked."])
        }
        if moderation.state == .assigned && moderation.moderatorID == user.id {
            if case .moderation(let response, let errors)? = typed { return .moderate(blind: moderation.blind, response, errors) }
            return .moderate(blind: moderation.blind, ModerationResponse(grades: [:]), FormErrors())
        }
        let scale = instrument.scale.grades
        if moderation.state == .toAdjudicate && user.role.permissions.contains(.manageAuditProgrammes) {
            let rows = try await differences(audit, by: .moderator, instrument: instrument, db: db).map { $0.shown(on: scale) }
            if case .adjudication(let typed, let errors)? = typed { return .adjudicate(rows, typed, errors) }
            return .adjudicate(rows, Adjudication(finals: [:]), FormErrors())
        }
        var moderator: String?
        if let id = moderation.moderatorID { moderator = try await UserStore.user(id: id, on: db)?.displayName }
        let because = ModerationSelection.Because(rawValue: moderation.because)?.inWords ?? moderation.because
        var lines = ["Chosen for moderation (\(because))" + (moderation.blind ? ", to be graded blind." : ".")]
        switch moderation.state {
        case .assigned:
            lines.append(
                moderator.map { "Waiting for its second auditor, \($0)." } ?? "No second auditor could be found who is not too close to the child.")
        case .agreed:
            lines.append("The second auditor, \(moderator ?? "–"), gave the same grades\(on(moderation.submittedAt)): they stand, and are locked.")
        case .toAdjudicate:
            lines.append("The second auditor, \(moderator ?? "–"), differed on some grades\(on(moderation.submittedAt)): a QA lead decides them.")
        case .adjudicated:
            lines.append(
                "The second auditor, \(moderator ?? "–"), differed on some grades; the final grades were decided\(on(moderation.settledAt)) and are locked."
            )
        }
        return .status(lines)
    }

    /// A grade a moderator (the second auditor, or the external moderator) gave other than the one standing when they
    /// graded, with their rationale: what a QA lead decides.
    struct Difference {
        var domain: String, title: String, standing: Int, theirs: Int, rationale: String

        func shown(on scale: [String]) -> ModerationSection.Disputed {
            .init(domain: domain, title: title, standing: scale[standing], theirs: scale[theirs], rationale: rationale)
        }
    }

    /// The grades a moderator of this kind differed on from those standing when they graded (the auditor's, or final
    /// grades decided before), in the instrument's order, overall last.
    static func differences(_ audit: CaseAudit, by kind: GradeKind, instrument: AuditInstrument, db: any Database) async throws -> [Difference] {
        var standing: [String: Int] = [:]
        var theirs: [String: CaseAuditGrade] = [:]
        for grade in try await CaseAuditStore.grades(of: audit.requireID(), on: db) {
            if grade.kind == kind {
                theirs[grade.domain] = grade
            } else if theirs.isEmpty && GradeKind.standing.contains(grade.kind) {
                standing[grade.domain] = grade.grade
            }
        }
        let asked = instrument.domains.map { ($0.id, $0.title) } + [(CompletedCaseAudit.overallKey, "Overall")]
        return asked.compactMap { id, title in
            guard let was = standing[id], let given = theirs[id], given.grade != was else { return nil }
            return Difference(domain: id, title: title, standing: was, theirs: given.grade, rationale: given.rationale)
        }
    }

    /// A QA lead's decision on the differences, as typed (to show again) and checked: the final grades, or each mistake.
    static func decision(
        _ req: Request, _ differences: [Difference], instrument: AuditInstrument
    ) -> (typed: Adjudication, checked: Result<[Adjudication.Final], FieldMistakes>) {
        typealias Field = Adjudication.FieldName
        let typed = Adjudication(
            finals: Dictionary(
                uniqueKeysWithValues: differences.map { row in
                    (
                        row.domain,
                        Adjudication.Typed(
                            grade: req.typed(Field.grade(row.domain)), reason: req.typed(Field.reason(row.domain)),
                            rationale: req.typed(Field.rationale(row.domain)))
                    )
                }))
        return (
            typed,
            typed.settled(disputed: differences.map { ($0.domain, $0.title.lowercased(), $0.standing) }, scaleSize: instrument.scale.grades.count)
        )
    }

    private static func on(_ date: Date?) -> String { date.map { " on \(ISODay($0).written)" } ?? "" }
}
