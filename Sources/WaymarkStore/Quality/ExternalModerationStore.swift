import FluentKit
import Foundation
import WaymarkDomain

/// The "triple lock": another council's moderator grading a share of the audits. Chosen when an audit is submitted
/// (`TripleLock`), assigned to an external moderator, graded once the council's own moderation has settled the
/// grades, and, where the external moderator differs, decided by a QA lead. An audit chosen is locked only when this
/// is done too (`CaseAuditStore.settle`).
package enum ExternalModerationStore {
    /// Starts the external moderation of a submitted audit, assigned to `moderator` where there is one.
    static func start(_ auditID: UUID, because: TripleLock.Because, moderator: UUID?, at now: Date, on db: any Database) async throws {
        let external = ExternalModeration()
        external.auditID = auditID
        external.moderatorID = moderator
        external.because = because.rawValue
        external.state = .assigned
        external.assignedAt = moderator == nil ? nil : now
        try await external.create(on: db)
    }

    package static func moderation(_ id: UUID, on db: any Database) async throws -> ExternalModeration? {
        try await ExternalModeration.find(id, on: db)
    }

    package static func moderation(ofAudit auditID: UUID, on db: any Database) async throws -> ExternalModeration? {
        try await ExternalModeration.query(on: db).filter(\.$auditID == auditID).first()
    }

    /// Every external moderation of a programme's audits.
    package static func moderations(inProgramme id: UUID, on db: any Database) async throws -> [ExternalModeration] {
        let audits = try await CaseAudit.query(on: db).filter(\.$programmeID == id).field(\.$id).all().compactMap(\.id)
        var found: [ExternalModeration] = []
        for chunk in audits.chunked(ReturnLoading.batchSize) {
            found += try await ExternalModeration.query(on: db).filter(\.$auditID ~~ Array(chunk)).all()
        }
        return found
    }

    /// The moderations assigned to an external moderator, each with its audit: those to grade first, then by when.
    package static func moderations(assignedTo userID: UUID, on db: any Database) async throws -> [(moderation: ExternalModeration, audit: CaseAudit)]
    {
        let moderations = try await ExternalModeration.query(on: db).filter(\.$moderatorID == userID).all()
        let audits = try await CaseAudit.query(on: db).filter(\.$id ~~ moderations.map(\.auditID)).all()
        let byID = Dictionary(uniqueKeysWithValues: audits.map { ($0.id!, $0) })
        return moderations.compactMap { moderation in byID[moderation.auditID].map { (moderation, $0) } }
            .sorted { a, b in
                let (waitingA, waitingB) = (a.moderation.state == .assigned, b.moderation.state == .assigned)
                if waitingA != waitingB { return waitingA }
                return (a.moderation.assignedAt ?? .distantPast, a.audit.position) < (b.moderation.assignedAt ?? .distantPast, b.audit.position)
            }
    }

    /// Active external moderators whose accounts have not ended, by name: those a QA lead may assign.
    package static func moderators(today: ISODay, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$role == .externalModerator).filter(\.$isDisabled == false).sort(\.$displayName).all()
            .filter { !$0.hasEnded(by: today) }
    }

    /// The external moderator with fewest still to grade (a tie to the first by name), or nil when there is none.
    package static func leastLoaded(today: ISODay, on db: any Database) async throws -> UUID? {
        let moderators = try await moderators(today: today, on: db)
        guard !moderators.isEmpty else { return nil }
        var load: [UUID: Int] = [:]
        for open in try await ExternalModeration.query(on: db).filter(\.$state == .assigned).all() {
            if let id = open.moderatorID { load[id, default: 0] += 1 }
        }
        return moderators.min { (load[$0.id!] ?? 0) < (load[$1.id!] ?? 0) }?.id
    }

    /// A QA lead assigning (or reassigning) an external moderation not yet graded. Refused, nothing changed, once graded
    /// or when the person is not an active external moderator.
    package static func assign(
        _ id: UUID, to moderator: User, by actor: AuditTrail.Actor, childLocalID: String, today: ISODay, at now: Date = Date(), on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let external = try await ExternalModeration.find(id, on: db), external.state == .assigned else {
                throw CaseAuditStore.Refused(message: "This audit has been graded by its external moderator already.")
            }
            guard moderator.role == .externalModerator, !moderator.isDisabled,
                !moderator.hasEnded(by: today)
            else { throw CaseAuditStore.Refused(message: "Choose an external moderator whose account is active.") }
            external.moderatorID = moderator.id
            external.assignedAt = now
            try await external.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: "external moderation (\(external.auditID.uuidString)) assigned to \(moderator.username)", by: actor, on: db)
        }
    }

    /// Whether the council's own grades are settled, so an external moderator may grade: no second auditor, or their
    /// grades agreed or decided.
    package static func councilHasSettled(_ auditID: UUID, on db: any Database) async throws -> Bool {
        guard let audit = try await CaseAudit.find(auditID, on: db), audit.state == .submitted else { return false }
        guard let second = try await CaseAuditStore.moderation(ofAudit: auditID, on: db) else { return true }
        return second.state == .agreed || second.state == .adjudicated
    }

    /// Keeps an external moderator's grades. Where every one is the grade standing, they stand and the audit is locked;
    /// otherwise a QA lead decides. Refused, nothing changed, unless it is this person's, not yet graded, and the
    /// council's own grades are settled.
    package static func moderate(
        _ id: UUID, grades: [ExternalModerationResponse.Given], by user: User, actor: AuditTrail.Actor, childLocalID: String,
        at now: Date = Date(), on db: any Database
    ) async throws -> ModerationState {
        try await db.transaction { db in
            guard let external = try await ExternalModeration.find(id, on: db), external.moderatorID == user.id else {
                throw CaseAuditStore.Refused(message: "This audit is not assigned to you.")
            }
            guard external.state == .assigned else { throw CaseAuditStore.Refused(message: "You have graded this audit already.") }
            guard try await councilHasSettled(external.auditID, on: db) else {
                throw CaseAuditStore.Refused(message: "This audit's second auditor has not finished: it can be graded once they have.")
            }
            let standing = try await CaseAuditStore.standingGrades(of: external.auditID, on: db)
            for given in grades {
                try await CaseAuditStore.grade(
                    external.auditID, given.domain, given.grade, .external, reason: given.reason?.rawValue, rationale: given.rationale, by: user,
                    at: now, on: db)
            }
            let differs = grades.contains { standing[$0.domain] != $0.grade }
            external.state = differs ? .toAdjudicate : .agreed
            external.submittedAt = now
            if !differs {
                external.settledAt = now
                try await CaseAuditStore.lock(external.auditID, at: now, on: db)
            }
            try await external.save(on: db)
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: "externally moderated (\(external.auditID.uuidString)): " + (differs ? "grades differ, to decide" : "grades agree"),
                by: actor, on: db)
            return external.state
        }
    }

    /// Keeps the final grades a QA lead decided where the external moderator differed, and locks the audit.
    package static func adjudicate(
        _ id: UUID, finals: [Adjudication.Final], by user: User, actor: AuditTrail.Actor, childLocalID: String, at now: Date = Date(),
        on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let external = try await ExternalModeration.find(id, on: db), external.state == .toAdjudicate else {
                throw CaseAuditStore.Refused(message: "This audit's grades are not waiting to be decided after its external moderation.")
            }
            for final in finals {
                try await CaseAuditStore.grade(
                    external.auditID, final.domain, final.grade, .final, reason: final.reason?.rawValue, rationale: final.rationale, by: user,
                    at: now, on: db)
            }
            external.state = .adjudicated
            external.settledAt = now
            try await external.save(on: db)
            try await CaseAuditStore.lock(external.auditID, at: now, on: db)
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: "decided after external moderation (\(external.auditID.uuidString)): "
                    + finals.map { "\($0.domain) \($0.reason?.rawValue ?? "unchanged")" }.joined(separator: ", "),
                by: actor, on: db)
        }
    }

    /// Whether an audit waits for its external moderation before its grades can be locked.
    static func isOpen(_ auditID: UUID, on db: any Database) async throws -> Bool {
        guard let external = try await moderation(ofAudit: auditID, on: db) else { return false }
        return external.state == .assigned || external.state == .toAdjudicate
    }

    /// The audits whose external moderator differed, waiting for a QA lead.
    package static func toAdjudicate(on db: any Database) async throws -> [UUID] {
        try await ExternalModeration.query(on: db).filter(\.$state == .toAdjudicate).all().map(\.auditID)
    }

    /// First and second auditors' grades for the audits second-audited since a day, across programmes: whether the
    /// council's auditors agree often enough (`TripleLock.agreementMeets`).
    package static func recentPairs(since: Date, on db: any Database) async throws -> [(first: Int, second: Int)] {
        let moderated = try await CaseAuditModeration.query(on: db).filter(\.$submittedAt >= since).all().map(\.auditID)
        return try await CaseAuditStore.moderatedGrades(ofAudits: moderated, on: db).map { ($0.auditor, $0.moderator) }
    }
}
