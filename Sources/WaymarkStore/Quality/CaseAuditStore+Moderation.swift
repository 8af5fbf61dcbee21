import FluentKit
import Foundation
import WaymarkDomain

/// Moderation: a second auditor's grades beside the first, a QA lead's decisions where they differ, and what it found.
extension CaseAuditStore {
    /// Keeps a moderator's grades beside the auditor's. Where every grade is the same, the auditor's stand and are
    /// locked (once any external moderation is done too); otherwise the moderation waits for a QA lead to decide. Refused, with nothing changed, unless the
    /// moderation is this person's and not yet done.
    package static func moderate(
        _ moderationID: UUID, grades: [String: (grade: Int, rationale: String)], by user: User, actor: AuditTrail.Actor, childLocalID: String,
        at now: Date = Date(), on db: any Database
    ) async throws -> ModerationState {
        try await db.transaction { db in
            guard let moderation = try await CaseAuditModeration.find(moderationID, on: db), moderation.moderatorID == user.id else {
                throw Refused(message: "This moderation is not assigned to you.")
            }
            guard moderation.state == .assigned else { throw Refused(message: "This audit has been moderated already.") }
            let auditor = try await CaseAuditGrade.query(on: db).filter(\.$auditID == moderation.auditID).filter(\.$kind == .auditor).all()
            let first = Dictionary(auditor.map { ($0.domain, $0.grade) }, uniquingKeysWith: { a, _ in a })
            for (domain, given) in grades.sorted(by: { $0.key < $1.key }) {
                try await grade(
                    moderation.auditID, domain, given.grade, .moderator, moderation: moderationID, rationale: given.rationale, by: user, at: now,
                    on: db)
            }
            let differs = grades.contains { first[$0.key] != $0.value.grade }
            moderation.state = differs ? .toAdjudicate : .agreed
            moderation.submittedAt = now
            if !differs {
                moderation.settledAt = now
                try await settle(moderation.auditID, at: now, on: db)
            }
            try await moderation.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: "moderated (\(moderation.auditID.uuidString)): " + (differs ? "grades differ, to adjudicate" : "grades agree"), by: actor,
                on: db)
            return moderation.state
        }
    }

    /// Keeps the final grades a QA lead decided for the grades a moderator differed on, and locks the audit (once any
    /// external moderation is done too).
    package static func adjudicate(
        _ moderationID: UUID, finals: [Adjudication.Final], by user: User, actor: AuditTrail.Actor, childLocalID: String, at now: Date = Date(),
        on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let moderation = try await CaseAuditModeration.find(moderationID, on: db), moderation.state == .toAdjudicate else {
                throw Refused(message: "This audit's grades are not waiting to be decided: they are locked, or its moderator has not graded it yet.")
            }
            for final in finals {
                try await grade(
                    moderation.auditID, final.domain, final.grade, .final, moderation: moderationID, reason: final.reason?.rawValue,
                    rationale: final.rationale, by: user, at: now, on: db)
            }
            moderation.state = .adjudicated
            moderation.settledAt = now
            try await moderation.save(on: db)
            try await settle(moderation.auditID, at: now, on: db)
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: "adjudicated (\(moderation.auditID.uuidString)): "
                    + finals.map { "\($0.domain) \($0.reason?.rawValue ?? "unchanged")" }.joined(separator: ", "),
                by: actor, on: db)
        }
    }

    package static func moderation(ofAudit auditID: UUID, on db: any Database) async throws -> CaseAuditModeration? {
        try await CaseAuditModeration.query(on: db).filter(\.$auditID == auditID).first()
    }

    /// Every moderation of a programme's audits.
    package static func moderations(inProgramme id: UUID, on db: any Database) async throws -> [CaseAuditModeration] {
        let audits = try await CaseAudit.query(on: db).filter(\.$programmeID == id).field(\.$id).all().compactMap(\.id)
        var found: [CaseAuditModeration] = []
        for chunk in audits.chunked(ReturnLoading.batchSize) {
            found += try await CaseAuditModeration.query(on: db).filter(\.$auditID ~~ Array(chunk)).all()
        }
        return found
    }

    /// The moderations assigned to someone, each with its audit, those to do first.
    package static func moderations(assignedTo userID: UUID, on db: any Database) async throws -> [(moderation: CaseAuditModeration, audit: Row)] {
        let moderations = try await CaseAuditModeration.query(on: db).filter(\.$moderatorID == userID).all()
        let audits = try await rows(CaseAudit.query(on: db).filter(\.$id ~~ moderations.map(\.auditID)).all(), on: db)
        let byID = Dictionary(uniqueKeysWithValues: audits.map { ($0.id, $0) })
        return moderations.compactMap { moderation in byID[moderation.auditID].map { (moderation, $0) } }
            .sorted {
                ($0.moderation.state == .assigned ? 0 : 1, $0.audit.childLocalID) < ($1.moderation.state == .assigned ? 0 : 1, $1.audit.childLocalID)
            }
    }

    /// The audits whose second auditor or external moderator differed, waiting for a QA lead to decide their grades.
    package static func toAdjudicate(on db: any Database) async throws -> [Row] {
        let waiting =
            try await CaseAuditModeration.query(on: db).filter(\.$state == .toAdjudicate).all().map(\.auditID)
            + ExternalModerationStore.toAdjudicate(on: db)
        guard !waiting.isEmpty else { return [] }
        return try await rows(CaseAudit.query(on: db).filter(\.$id ~~ waiting).all(), on: db).sorted { $0.childLocalID < $1.childLocalID }
    }

    /// How many moderations each person has still to do: new ones go to those with fewest.
    package static func openModerations(on db: any Database) async throws -> [UUID: Int] {
        var load: [UUID: Int] = [:]
        for moderation in try await CaseAuditModeration.query(on: db).filter(\.$state == .assigned).all() {
            if let moderator = moderation.moderatorID { load[moderator, default: 0] += 1 }
        }
        return load
    }

    /// For every moderated audit of a programme, each domain's (and overall) first grade and moderator's grade: what
    /// agreement is measured on.
    package static func moderatedGrades(
        inProgramme id: UUID, on db: any Database
    ) async throws -> [(audit: UUID, domain: String, auditor: Int, moderator: Int)] {
        let audits = try await CaseAudit.query(on: db).filter(\.$programmeID == id).filter(\.$state == .submitted).all().compactMap(\.id)
        return try await moderatedGrades(ofAudits: audits, on: db)
    }

    /// The same for any audits.
    package static func moderatedGrades(
        ofAudits audits: [UUID], on db: any Database
    ) async throws -> [(audit: UUID, domain: String, auditor: Int, moderator: Int)] {
        var pairs: [(audit: UUID, domain: String, auditor: Int, moderator: Int)] = []
        for chunk in audits.chunked(ReturnLoading.batchSize) {
            let grades = try await CaseAuditGrade.query(on: db).filter(\.$auditID ~~ Array(chunk)).filter(\.$kind ~~ [.auditor, .moderator]).all()
            var first: [String: Int] = [:], second: [String: Int] = [:]
            for grade in grades {
                let key = "\(grade.auditID.uuidString)|\(grade.domain)"
                if grade.kind == .auditor { first[key] = grade.grade } else { second[key] = grade.grade }
            }
            for grade in grades where grade.kind == .auditor {
                let key = "\(grade.auditID.uuidString)|\(grade.domain)"
                if let moderator = second[key] { pairs.append((grade.auditID, grade.domain, first[key]!, moderator)) }
            }
        }
        return pairs.sorted { ($0.audit.uuidString, $0.domain) < ($1.audit.uuidString, $1.domain) }
    }

    /// Every submitted audit's first grades, with the second auditor's beside them where there are any: the order
    /// drawn (1 for the first), each domain (and overall) by its id.
    package static func gradeTable(
        inProgramme id: UUID, on db: any Database
    ) async throws -> [(number: Int, domain: String, first: Int, second: Int?)] {
        let audits = try await CaseAudit.query(on: db).filter(\.$programmeID == id).filter(\.$state == .submitted).sort(\.$position).all()
        var rows: [(number: Int, domain: String, first: Int, second: Int?)] = []
        for chunk in audits.chunked(ReturnLoading.batchSize) {
            let grades = try await CaseAuditGrade.query(on: db).filter(\.$auditID ~~ chunk.compactMap(\.id)).filter(
                \.$kind ~~ [.auditor, .moderator]
            ).all()
            let byAudit = Dictionary(grouping: grades, by: \.auditID)
            for audit in chunk {
                let given = byAudit[audit.id!] ?? []
                let second = Dictionary(given.filter { $0.kind == .moderator }.map { ($0.domain, $0.grade) }, uniquingKeysWith: { a, _ in a })
                for first in given where first.kind == .auditor {
                    rows.append((audit.position + 1, first.domain, first.grade, second[first.domain]))
                }
            }
        }
        return rows
    }
}
