import FluentKit
import Foundation
import WaymarkDomain

/// Audit programmes and their case audits: setting one up with the children it drew and who audits each, the lists
/// QA leads and auditors work from, and an audit submitted (its answers, and its grades as the first of their history).
package enum CaseAuditStore {
    package struct NewProgramme: Sendable {
        package var title: String, instrument: String, instrumentName: String, instrumentVersion: Int
        package var cohort: String, quotaKind: String, quota: Int, seed: UInt64, population: Int, exclusionMonths: Int
        package var doubleLockPercent: Int, blindPercent: Int, tripleLockPercent: Int
        package var drawnOn: ISODay, due: ISODay, createdBy: String

        package init(
            title: String, instrument: String, instrumentName: String, instrumentVersion: Int, cohort: String, quotaKind: String, quota: Int,
            seed: UInt64, population: Int, exclusionMonths: Int, doubleLockPercent: Int, blindPercent: Int, tripleLockPercent: Int = 10,
            drawnOn: ISODay,
            due: ISODay, createdBy: String
        ) {
            (self.title, self.instrument, self.instrumentName, self.instrumentVersion) = (title, instrument, instrumentName, instrumentVersion)
            (self.cohort, self.quotaKind, self.quota, self.seed, self.population) = (cohort, quotaKind, quota, seed, population)
            (self.exclusionMonths, self.doubleLockPercent, self.blindPercent) = (exclusionMonths, doubleLockPercent, blindPercent)
            self.tripleLockPercent = tripleLockPercent
            (self.drawnOn, self.due, self.createdBy) = (drawnOn, due, createdBy)
        }
    }

    /// A child drawn, the team they were drawn from, and their auditor (nil: none may take them).
    package struct Drawn: Sendable {
        package var childID: UUID, team: String, auditor: UUID?
        /// The earlier audit, graded inadequate overall, that this one re-audits.
        package var reauditOf: UUID?
        package init(childID: UUID, team: String, auditor: UUID?, reauditOf: UUID? = nil) {
            (self.childID, self.team, self.auditor, self.reauditOf) = (childID, team, auditor, reauditOf)
        }
    }

    /// An audit as lists show it.
    package struct Row: Sendable {
        package var id: UUID, programmeID: UUID, childID: UUID, childLocalID: String, team: String, position: Int
        package var auditorID: UUID?, auditor: String?, state: CaseAuditState, submittedAt: Date?
        /// The overall grade's place on the scale, once given.
        package var overall: Int?
        /// When its grades were settled; the earlier audit it re-audits.
        package var lockedAt: Date?, reauditOf: UUID?
    }

    /// A child's timescales of one rule as at the audit's day, as its evidence showed them (`TimescalesAtAudit`), kept
    /// with the audit when it is submitted.
    package struct TimescaleKept: Sendable, Equatable {
        package var rule: String, due: Int, onTime: Int, late: Int, notDone: Int
        package init(rule: String, due: Int, onTime: Int, late: Int, notDone: Int) {
            (self.rule, self.due, self.onTime, self.late, self.notDone) = (rule, due, onTime, late, notDone)
        }
    }

    /// Why a change was refused, in words for the person who tried it; nothing was changed.
    package struct Refused: Error, Sendable {
        package var message: String
    }

    package static func create(_ new: NewProgramme, audits: [Drawn], by actor: AuditTrail.Actor, on db: any Database) async throws -> UUID {
        try await db.transaction { db in
            let programme = AuditProgramme()
            programme.title = new.title
            programme.instrument = new.instrument
            programme.instrumentName = new.instrumentName
            programme.instrumentVersion = new.instrumentVersion
            programme.cohort = new.cohort
            programme.quotaKind = new.quotaKind
            programme.quota = new.quota
            programme.seed = String(new.seed)
            programme.population = new.population
            programme.exclusionMonths = new.exclusionMonths
            programme.doubleLockPercent = new.doubleLockPercent
            programme.blindPercent = new.blindPercent
            programme.tripleLockPercent = new.tripleLockPercent
            programme.drawnOn = new.drawnOn.description
            programme.due = new.due.description
            programme.createdBy = new.createdBy
            try await programme.create(on: db)
            let id = try programme.requireID()
            for (position, drawn) in audits.enumerated() {
                let audit = CaseAudit()
                audit.programmeID = id
                audit.childID = drawn.childID
                audit.team = drawn.team
                audit.position = position
                audit.auditorID = drawn.auditor
                audit.reauditOf = drawn.reauditOf
                audit.state = .assigned
                try await audit.create(on: db)
            }
            try await AuditTrail.record(
                .create, recordType: .auditProgramme, recordID: id.uuidString,
                detail: "\(new.title): drew \(audits.count) of \(new.population), seed \(new.seed)", by: actor, on: db)
            return id
        }
    }

    /// Every programme, newest first, each with how many audits it has and how many are submitted.
    package static func programmes(on db: any Database) async throws -> [(programme: AuditProgramme, audits: Int, submitted: Int)] {
        let programmes = try await AuditProgramme.query(on: db).sort(\.$drawnOn, .descending).sort(\.$createdAt, .descending).all()
        let audits = try await CaseAudit.query(on: db).field(\.$programmeID).field(\.$state).all()
        let byProgramme = Dictionary(grouping: audits, by: \.programmeID)
        return programmes.map { programme in
            let mine = byProgramme[programme.id!] ?? []
            return (programme, mine.count, mine.filter { $0.state == .submitted }.count)
        }
    }

    /// How many audits were submitted on or after a day.
    package static func submittedCount(since day: ISODay, on db: any Database) async throws -> Int {
        try await CaseAudit.query(on: db).filter(\.$state == .submitted).filter(\.$auditDay >= day.description).count()
    }

    package static func programme(_ id: UUID, on db: any Database) async throws -> AuditProgramme? {
        try await AuditProgramme.find(id, on: db)
    }

    /// A programme's audits in the order drawn.
    package static func audits(inProgramme id: UUID, on db: any Database) async throws -> [Row] {
        try await rows(CaseAudit.query(on: db).filter(\.$programmeID == id).sort(\.$position).all(), on: db)
    }

    /// The audits assigned to someone, those still to do first, then by when their programme was drawn (newest first)
    /// and the order drawn.
    package static func audits(assignedTo userID: UUID, on db: any Database) async throws -> [Row] {
        let audits = try await CaseAudit.query(on: db).filter(\.$auditorID == userID).all()
        let programmes = Set(audits.map(\.programmeID))
        let drawn = Dictionary(
            uniqueKeysWithValues: try await AuditProgramme.query(on: db).filter(\.$id ~~ Array(programmes)).all().map { ($0.id!, $0.drawnOn) })
        return try await rows(audits, on: db).sorted { a, b in
            if (a.state == .submitted) != (b.state == .submitted) { return b.state == .submitted }
            let (drawnA, drawnB) = (drawn[a.programmeID] ?? "", drawn[b.programmeID] ?? "")
            if drawnA != drawnB { return drawnA > drawnB }
            return (a.programmeID.uuidString, a.position) < (b.programmeID.uuidString, b.position)
        }
    }

    package static func audit(_ id: UUID, on db: any Database) async throws -> CaseAudit? {
        try await CaseAudit.find(id, on: db)
    }

    package static func answers(of auditID: UUID, on db: any Database) async throws -> [String: CaseAuditAnswer] {
        Dictionary(
            try await CaseAuditAnswer.query(on: db).filter(\.$auditID == auditID).all().map { ($0.item, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every grade given to an audit, oldest first: the last for each domain is its grade.
    package static func grades(of auditID: UUID, on db: any Database) async throws -> [CaseAuditGrade] {
        try await CaseAuditGrade.query(on: db).filter(\.$auditID == auditID).sort(\.$givenAt).all()
    }

    /// Each domain's (and overall) grade as it stands: the latest final grade, else the auditor's.
    package static func standingGrades(of auditID: UUID, on db: any Database) async throws -> [String: Int] {
        var now: [String: Int] = [:]
        for grade in try await grades(of: auditID, on: db) where GradeKind.standing.contains(grade.kind) { now[grade.domain] = grade.grade }
        return now
    }

    /// One audit as lists show it.
    package static func row(_ audit: CaseAudit, on db: any Database) async throws -> Row? { try await rows([audit], on: db).first }

    /// The children audited in programmes drawn on or after a day: not to be drawn again so soon.
    package static func childrenAudited(since day: ISODay, on db: any Database) async throws -> Set<UUID> {
        let programmes = try await AuditProgramme.query(on: db).filter(\.$drawnOn >= day.description).all().compactMap(\.id)
        guard !programmes.isEmpty else { return [] }
        return Set(try await CaseAudit.query(on: db).filter(\.$programmeID ~~ programmes).field(\.$childID).all().map(\.childID))
    }

    /// A second auditor chosen for a submitted audit (`ModerationSelection`).
    package struct NewModeration: Sendable {
        package var moderator: UUID?, because: String, blind: Bool
        package init(moderator: UUID?, because: String, blind: Bool) { (self.moderator, self.because, self.blind) = (moderator, because, blind) }
    }

    /// An external moderator's look chosen for a submitted audit (`TripleLock`), and who (nil: no one yet).
    package struct NewExternalModeration: Sendable {
        package var because: TripleLock.Because, moderator: UUID?
        package init(because: TripleLock.Because, moderator: UUID?) { (self.because, self.moderator) = (because, moderator) }
    }

    /// Keeps a submitted audit: its answers, its grades (the first of their history) and the day its evidence was read
    /// as at; with its moderations when it was chosen for them, else its grades locked as they are. Refused, with
    /// nothing changed, unless it is assigned to this person and not yet submitted.
    package static func submit(
        _ auditID: UUID, _ completed: CompletedCaseAudit, on day: ISODay, moderation: NewModeration?, external: NewExternalModeration? = nil,
        timescales: [TimescaleKept] = [], by user: User, actor: AuditTrail.Actor, childLocalID: String, at now: Date = Date(),
        on db: any Database
    ) async throws {
        try await db.transaction { db in
            guard let audit = try await CaseAudit.find(auditID, on: db), audit.auditorID == user.id else {
                throw Refused(message: "This audit is not assigned to you, so it cannot be submitted by you.")
            }
            guard audit.state == .assigned else {
                throw Refused(message: "This audit was submitted already. Its grades can now be changed only in moderation.")
            }
            for kept in timescales {
                let row = CaseAuditTimescale()
                (row.auditID, row.rule, row.due, row.onTime, row.late, row.notDone) = (
                    auditID, kept.rule, kept.due, kept.onTime, kept.late, kept.notDone
                )
                try await row.create(on: db)
            }
            for item in completed.items {
                let answer = CaseAuditAnswer()
                answer.auditID = auditID
                answer.item = item.item
                answer.answer = item.answer.rawValue
                answer.comment = item.comment
                try await answer.create(on: db)
            }
            for domain in completed.domains {
                try await grade(auditID, domain.domain, domain.grade, .auditor, rationale: domain.rationale, by: user, at: now, on: db)
            }
            try await grade(
                auditID, CaseAuditGrade.overall, completed.overall, .auditor, rationale: completed.overallRationale, by: user, at: now, on: db)
            audit.state = .submitted
            audit.submittedAt = now
            audit.auditDay = day.description
            audit.workingWell = String(decoding: try JSONEncoder().encode(completed.workingWell), as: UTF8.self)
            audit.suggestedOverall = completed.suggestedOverall
            if let moderation { try await start(moderation, of: auditID, on: db) }
            if let external {
                try await ExternalModerationStore.start(auditID, because: external.because, moderator: external.moderator, at: now, on: db)
            }
            if moderation == nil && external == nil { audit.lockedAt = now }
            try await audit.save(on: db)
            let chosen = [
                moderation.map { "chosen for moderation, \($0.because)" }, external.map { "chosen for external moderation, \($0.because.rawValue)" },
            ]
            try await AuditTrail.record(
                .update, recordType: .caseAudit, recordID: childLocalID,
                detail: (["audit submitted (\(auditID.uuidString))"] + chosen.compactMap { $0 }).joined(separator: "; "), by: actor, on: db)
        }
    }

    static func grade(
        _ auditID: UUID, _ domain: String, _ place: Int, _ kind: GradeKind, moderation: UUID? = nil, reason: String? = nil, rationale: String,
        by user: User, at time: Date, on db: any Database
    ) async throws {
        let grade = CaseAuditGrade()
        grade.auditID = auditID
        grade.domain = domain
        grade.grade = place
        grade.kind = kind
        grade.moderationID = moderation
        grade.reason = reason
        grade.rationale = rationale
        grade.givenBy = try user.requireID()
        grade.givenByName = user.displayName
        grade.givenByRole = user.role.rawValue
        grade.givenAt = time
        try await grade.create(on: db)
    }

    static func start(_ moderation: NewModeration, of auditID: UUID, on db: any Database) async throws {
        let second = CaseAuditModeration()
        second.auditID = auditID
        second.moderatorID = moderation.moderator
        second.because = moderation.because
        second.blind = moderation.blind
        second.state = .assigned
        try await second.create(on: db)
    }

    /// Locks an audit whose second auditor's grades are settled, unless an external moderator has still to look.
    static func settle(_ auditID: UUID, at time: Date, on db: any Database) async throws {
        if try await !ExternalModerationStore.isOpen(auditID, on: db) { try await lock(auditID, at: time, on: db) }
    }

    static func lock(_ auditID: UUID, at time: Date, on db: any Database) async throws {
        guard let audit = try await CaseAudit.find(auditID, on: db) else { return }
        audit.lockedAt = time
        try await audit.save(on: db)
    }

    /// The audits whose grades are settled and that no later audit re-audits yet, with their overall grade: those
    /// graded inadequate overall are due a re-audit (the caller knows each programme's scale).
    package static func settledNotReaudited(on db: any Database) async throws -> [Row] {
        let reaudited = Set(try await CaseAudit.query(on: db).filter(\.$reauditOf != nil).all().compactMap(\.reauditOf))
        return try await rows(CaseAudit.query(on: db).filter(\.$lockedAt != nil).all().filter { !reaudited.contains($0.id!) }, on: db)
    }

    /// Those who may audit: every active account whose role conducts audits, by name. System administrators may do
    /// anything, but audit no one's practice.
    package static func auditors(on db: any Database) async throws -> [User] {
        let roles = Role.allCases.filter { $0 != .systemAdmin && $0.permissions.contains(.conductAudits) }
        return try await User.query(on: db).filter(\.$role ~~ roles).filter(\.$isDisabled == false).sort(\.$displayName).all()
    }

    /// The team managers of each of these teams: too close to its children to audit them.
    package static func managers(ofTeams teams: Set<UUID>, on db: any Database) async throws -> [UUID: Set<UUID>] {
        guard !teams.isEmpty else { return [:] }
        let managers = try await User.query(on: db).filter(\.$role == .teamManager).filter(\.$team.$id ~~ Array(teams)).all()
        var byTeam: [UUID: Set<UUID>] = [:]
        for manager in managers { if let team = manager.$team.id { byTeam[team, default: []].insert(manager.id!) } }
        return byTeam
    }

    static func rows(_ audits: [CaseAudit], on db: any Database) async throws -> [Row] {
        let children = try await CaseloadStore.children(audits.map(\.childID), on: db)
        let localIDs = Dictionary(children.map { ($0.id!, $0.localID) }, uniquingKeysWith: { a, _ in a })
        let auditorIDs = Array(Set(audits.compactMap(\.auditorID)))
        let auditors =
            auditorIDs.isEmpty
            ? [:] : Dictionary(uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ auditorIDs).all().map { ($0.id!, $0.displayName) })
        var overall: [UUID: Int] = [:]
        let submitted = audits.filter { $0.state == .submitted }.compactMap(\.id)
        for chunk in submitted.chunked(ReturnLoading.batchSize) {
            let grades = try await CaseAuditGrade.query(on: db).filter(\.$auditID ~~ Array(chunk)).filter(\.$domain == CaseAuditGrade.overall)
                .filter(\.$kind ~~ GradeKind.standing).sort(\.$givenAt).all()
            for grade in grades { overall[grade.auditID] = grade.grade }
        }
        return audits.map { audit in
            Row(
                id: audit.id!, programmeID: audit.programmeID, childID: audit.childID, childLocalID: localIDs[audit.childID] ?? "–", team: audit.team,
                position: audit.position,
                auditorID: audit.auditorID, auditor: audit.auditorID.flatMap { auditors[$0] }, state: audit.state, submittedAt: audit.submittedAt,
                overall: overall[audit.id!], lockedAt: audit.lockedAt, reauditOf: audit.reauditOf)
        }
    }
}
