import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// Read-only JSON for case audits and learning actions (`/api/v1/audits`, `/api/v1/learning-actions`), described by
/// `openapi.json`: narrowed as the pages are (`CaseAuditAccess`), children by local identifier only, and each list or
/// read in the audit trail as the pages' are.
enum QualityAPIController {
    struct AuditDTO: Content {
        var id: String, programmeId: String, programme: String, child: String, team: String, state: String
        var auditDay: String?, overall: String?, locked: Bool, reauditOf: String?
    }

    struct GradeDTO: Content {
        var domain: String, title: String, grade: String
    }

    struct AuditDetailDTO: Content {
        var audit: AuditDTO, grades: [GradeDTO], learningActions: [LearningActionDTO]
    }

    struct LearningActionDTO: Content {
        var id: String, auditId: String, description: String, domain: String?, level: String, owner: String, evidenceRequired: String
        var due: String, state: String, overdue: Bool
    }

    /// Every programme's audits the person may see, with each programme's instrument for its grades' words.
    private static func visible(
        _ req: Request, user: User
    ) async throws -> [(row: CaseAuditStore.Row, programme: AuditProgramme, instrument: AuditInstrument)] {
        var found: [(row: CaseAuditStore.Row, programme: AuditProgramme, instrument: AuditInstrument)] = []
        for listed in try await CaseAuditStore.programmes(on: req.db).sorted(by: { $0.programme.drawnOn < $1.programme.drawnOn }) {
            let programme = listed.programme
            let instrument = try ProgrammeFacts.instrument(of: programme)
            let rows = try await CaseAuditAccess.visible(CaseAuditStore.audits(inProgramme: programme.requireID(), on: req.db), to: user, on: req.db)
            found += rows.map { ($0, programme, instrument) }
        }
        return found
    }

    private static func dto(_ row: CaseAuditStore.Row, programme: AuditProgramme, instrument: AuditInstrument, auditDay: String?) -> AuditDTO {
        AuditDTO(
            id: row.id.uuidString, programmeId: row.programmeID.uuidString, programme: programme.title, child: row.childLocalID, team: row.team,
            state: row.state.rawValue, auditDay: auditDay, overall: row.overall.map { instrument.scale.grades[$0] }, locked: row.lockedAt != nil,
            reauditOf: row.reauditOf?.uuidString)
    }

    @Sendable static func audits(req: Request) async throws -> [AuditDTO] {
        let user = try req.requireSignedIn().user
        let found = try await visible(req, user: user)
        try await req.audit(
            .view, recordType: .caseAudit,
            detail: "API: \(found.count) audits listed" + (found.isEmpty ? "" : " (\(found.map(\.row.childLocalID).joined(separator: ", ")))"))
        return found.map { dto($0.row, programme: $0.programme, instrument: $0.instrument, auditDay: nil) }
    }

    @Sendable static func audit(req: Request) async throws -> AuditDetailDTO {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("auditID")), let audit = try await CaseAuditStore.audit(id, on: req.db),
            try await CaseAuditAccess.mayOpen(audit, user: user, on: req.db),
            let programme = try await CaseAuditStore.programme(audit.programmeID, on: req.db),
            let row = try await CaseAuditStore.row(audit, on: req.db)
        else { throw Abort(.notFound) }
        let instrument = try ProgrammeFacts.instrument(of: programme)
        // A second auditor grading blind does not see the first grades until they submit, here as on the page.
        let moderation = try await CaseAuditStore.moderation(ofAudit: id, on: req.db)
        let blind = moderation.map { $0.state == .assigned && $0.blind && $0.moderatorID == user.id } ?? false
        let now = try await CaseAuditStore.standingGrades(of: id, on: req.db)
        let titles = Dictionary(uniqueKeysWithValues: instrument.domains.map { ($0.id, $0.title) } + [(CompletedCaseAudit.overallKey, "Overall")])
        let order = instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]
        let grades =
            blind
            ? []
            : order.compactMap { domain in
                now[domain].map { GradeDTO(domain: domain, title: titles[domain] ?? domain, grade: instrument.scale.grades[$0]) }
            }
        try await req.audit(.view, recordType: .caseAudit, recordID: row.childLocalID, detail: "API: audit read (\(id.uuidString))")
        var detail = dto(row, programme: programme, instrument: instrument, auditDay: audit.auditDay)
        if blind { detail.overall = nil }
        return AuditDetailDTO(
            audit: detail, grades: grades,
            learningActions: try await actions(LearningActionStore.actions(ofAudit: id, on: req.db), instrument: instrument, db: req.db))
    }

    @Sendable static func learningActions(req: Request) async throws -> [LearningActionDTO] {
        let user = try req.requireSignedIn().user
        let open = Set(try await visible(req, user: user).map(\.row.id))
        let mine = try await LearningActionStore.all(on: req.db).filter { action in
            action.ownerID == user.id || action.createdBy == user.id || open.contains(action.auditID)
        }
        try await req.audit(.view, recordType: .learningAction, detail: "API: \(mine.count) learning actions listed")
        return try await actions(mine, instrument: AuditInstruments.caseFileAudit, db: req.db)
    }

    private static func actions(_ actions: [LearningAction], instrument: AuditInstrument, db: any Database) async throws -> [LearningActionDTO] {
        let today = ISODay.today
        var owners: [UUID: String] = [:]
        for id in Set(actions.map(\.ownerID)) { owners[id] = try await UserStore.user(id: id, on: db)?.displayName }
        return actions.map { action in
            LearningActionDTO(
                id: action.id!.uuidString, auditId: action.auditID.uuidString, description: action.description, domain: action.domain,
                level: action.level, owner: owners[action.ownerID] ?? "–", evidenceRequired: action.evidenceRequired, due: action.due,
                state: action.state.rawValue, overdue: action.state == .open && (ISODay(action.due).map { $0 < today } ?? false))
        }
    }
}
