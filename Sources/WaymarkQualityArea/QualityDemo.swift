import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// The demo's year of case audits: a QA team of four (a lead and three auditors, accounts with no password anyone
/// knows: an administrator sets one to see Waymark as they do), and a programme a month for the 12 months to the day
/// the demo is made, each auditing children looked after, a third of them over the year (seed 003: "about 1 in 3
/// children in care audited"). Every audit but this month's unfinished ones is submitted, graded as the council's
/// self-assessment describes (`DemoCaseAudits`), and moderated as a programme is, second auditors differing less as the
/// year goes on; the last weeks' moderation is still waiting.
enum QualityDemo {
    static let team: [(username: String, name: String, role: Role)] = [
        ("priya.shah", "Priya Shah", .qaLead), ("tom.reid", "Tom Reid", .qaAuditor), ("grace.mensah", "Grace Mensah", .qaAuditor),
        ("daniel.park", "Daniel Park", .qaAuditor), ("anna.clarke", "Anna Clarke (Essex County Council)", .externalModerator),
    ]

    static func load(madeOn: ISODay, seed: UInt64, app: Application) async throws -> [String] {
        let db = app.db
        guard try await CaseAuditStore.programmes(on: db).isEmpty else { return [] }
        // As many as asked for (benchmarks), from every child looked after, on a plan or in need; else a third of the
        // children looked after.
        let asked = app.settings.demoAudits
        let statuses = asked == nil ? [JourneyStatus.lookedAfter] : [JourneyStatus.lookedAfter, JourneyStatus.protectionPlan, JourneyStatus.inNeed]
        let cohort = try await AuditCohort.members(withStatus: Set(statuses), on: db)
        guard !cohort.isEmpty else { return [] }
        var staff: [User] = []
        for member in team {
            if let existing = try await UserStore.user(named: member.username, on: db) {
                staff.append(existing)
                continue
            }
            let user = User(
                username: member.username, displayName: member.name, passwordHash: try Bcrypt.hash(UUID().uuidString + UUID().uuidString),
                role: member.role, mustChangePassword: true)
            // The partner council's moderator works with us for the quarter ahead.
            if member.role.requiresAccountEnd { user.lastDay = madeOn.adding(months: 3).description }
            try await UserStore.save(user, changes: ["demonstration account made"], by: .system, on: db)
            staff.append(user)
        }
        let lead = staff[0]
        let external = staff.first { $0.role == .externalModerator }
        staff.removeAll { $0.role == .externalModerator }
        let instrument = AuditInstruments.caseFileAudit
        let thisMonth = ISODay(year: madeOn.year, month: madeOn.month, day: 1)
        try await publishInstrument(by: lead, before: thisMonth.adding(months: -11), draftOn: madeOn.adding(days: -2), on: db)
        try await CalibrationDemo.load(lead: lead, auditors: Array(staff.dropFirst()), madeOn: madeOn, on: db)
        let perMonth = max(1, asked.map { ($0 + 11) / 12 } ?? (cohort.count + 35) / 36)
        var random = SeededRandom(seed: seed ^ 0x0A0D_17ED)
        var audited: Set<String> = []
        var (submitted, moderated, externallyModerated) = (0, 0, 0)
        for monthsAgo in (0...11).reversed() {
            let drawnOn = thisMonth.adding(months: -monthsAgo)
            let month = String(drawnOn.written.drop { $0 != " " }.dropFirst())
            let programmeSeed = UInt64(drawnOn.year * 100 + drawnOn.month)
            let sample = AuditSample.draw(
                cohort.map { .init(id: $0.childID, stratum: $0.team) }, quota: .total(perMonth), seed: programmeSeed, excluding: audited)
            audited.formUnion(sample.chosen.map(\.id))
            // The children whose last audit was graded inadequate are audited again in the next month's programme.
            var reaudits: [UUID: UUID] = [:]
            var drawn = sample.chosen.compactMap { candidate in UUID(uuidString: candidate.id).map { ($0, candidate.stratum) } }
            for due in try await Reaudits.due(months: app.settings.reauditMonths, on: db) where reaudits[due.audit.childID] == nil {
                reaudits[due.audit.childID] = due.audit.id
                if !drawn.contains(where: { $0.0 == due.audit.childID }) { drawn.append((due.audit.childID, due.audit.team)) }
            }
            let children = drawn.map(\.0)
            let close = try await ProgrammeDraw.tooClose(to: children, on: db)
            let assigned = AuditorAssignment.assign(
                children.map { .init(id: AuditCohort.canonical($0), tooClose: Set((close[$0] ?? []).map(AuditCohort.canonical))) },
                auditors: staff.compactMap(\.id).map(AuditCohort.canonical))
            let programmeID = try await CaseAuditStore.create(
                .init(
                    title: (asked == nil ? "Children looked after: " : "Children we work with: ") + month,
                    instrument: AuditInstruments.caseFileAuditText,
                    instrumentName: instrument.name, instrumentVersion: instrument.version,
                    cohort: asked == nil ? "looked-after" : "looked-after,protection-plan,in-need", quotaKind: "total", quota: perMonth,
                    seed: programmeSeed,
                    population: sample.population, exclusionMonths: 12, doubleLockPercent: 20, blindPercent: 50, drawnOn: drawnOn,
                    due: drawnOn.adding(months: 1).adding(days: -1), createdBy: lead.displayName),
                audits: drawn.map { child, team in
                    .init(
                        childID: child, team: team, auditor: assigned[AuditCohort.canonical(child)].flatMap(UUID.init(uuidString:)),
                        reauditOf: reaudits[child])
                },
                by: .system, on: db)
            guard let programme = try await CaseAuditStore.programme(programmeID, on: db) else { continue }
            let agreementMet = TripleLock.agreementMeets(
                target: app.settings.agreementTargetPercent,
                pairs: try await ExternalModerationStore.recentPairs(since: drawnOn.adding(months: -12).start, on: db))
            for audit in try await CaseAuditStore.audits(inProgramme: programmeID, on: db) {
                let day = drawnOn.adding(days: random.int(2...26))
                guard day < madeOn, let auditor = staff.first(where: { $0.id == audit.auditorID }),
                    case .success(let completed) = DemoCaseAudits.response(for: instrument, using: &random).completed(against: instrument)
                else { continue }
                let localID = audit.childLocalID
                let moderation = moderation(of: audit, completed, programme: programme, scale: instrument.scale.grades.count, staff: staff, &random)
                let externally = TripleLock.chosen(
                    audit: AuditCohort.canonical(audit.id), seed: programmeSeed, percent: programme.tripleLockPercent,
                    doubleLocked: moderation != nil,
                    agreementMeetsTarget: agreementMet
                ).map { CaseAuditStore.NewExternalModeration(because: $0, moderator: external?.id) }
                // The child's timescales as the audit's evidence showed them that day, kept with it as the form keeps them.
                var timescales: [CaseAuditStore.TimescaleKept] = []
                if let child = try await CaseloadStore.child(audit.childID, on: db) {
                    timescales = try await AuditTimescales.kept(child: child, on: day, app: app)
                }
                try await CaseAuditStore.submit(
                    audit.id, completed, on: day, moderation: moderation, external: externally, timescales: timescales, by: auditor, actor: .system,
                    childLocalID: localID, at: day.start.addingTimeInterval(15 * 3600), on: db)
                submitted += 1
                // Moderated a week later, if that has come; second auditors differ less as the year goes on.
                let moderatedOn = day.adding(days: 7)
                guard moderation != nil, moderatedOn < madeOn, let second = try await CaseAuditStore.moderation(ofAudit: audit.id, on: db),
                    let moderator = staff.first(where: { $0.id == second.moderatorID }),
                    case .success(let grades) = DemoCaseAudits.moderation(
                        of: completed, instrument: instrument, differing: 0.02 + 0.23 * Double(monthsAgo) / 11, using: &random
                    ).completed(against: instrument)
                else { continue }
                let state = try await CaseAuditStore.moderate(
                    second.requireID(), grades: grades, by: moderator, actor: .system, childLocalID: localID,
                    at: moderatedOn.start.addingTimeInterval(11 * 3600), on: db)
                moderated += 1
                let decidedOn = moderatedOn.adding(days: 5)
                guard state == .toAdjudicate, decidedOn < madeOn else { continue }
                let first = Dictionary(
                    uniqueKeysWithValues: completed.domains.map { ($0.domain, $0.grade) } + [(CompletedCaseAudit.overallKey, completed.overall)])
                let disputed = (instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]).compactMap {
                    id -> (domain: String, auditor: Int, moderator: Int)? in
                    guard let auditorGrade = first[id], let moderatorGrade = grades[id]?.grade, auditorGrade != moderatorGrade else { return nil }
                    return (id, auditorGrade, moderatorGrade)
                }
                guard
                    case .success(let finals) = DemoCaseAudits.adjudication(disputed, using: &random)
                        .settled(disputed: disputed.map { ($0.domain, $0.domain, $0.auditor) }, scaleSize: instrument.scale.grades.count)
                else { continue }
                try await CaseAuditStore.adjudicate(
                    second.requireID(), finals: finals, by: lead, actor: .system, childLocalID: localID,
                    at: decidedOn.start.addingTimeInterval(10 * 3600),
                    on: db)
            }
            if let external {
                externallyModerated += try await moderateExternally(
                    programmeID, by: external, lead: lead, instrument: instrument, monthsAgo: monthsAgo, madeOn: madeOn, &random, db: db)
            }
        }
        return [
            "Loaded a year of case audits: 12 programmes of children \(asked == nil ? "looked after" : "looked after, on a plan or in need"), \(Counted.phrase(submitted, "audit")) submitted, \(moderated) moderated, \(externallyModerated) by an external moderator, by a QA team of four and a partner council's moderator (\(team.map(\.username).joined(separator: ", ")); an administrator sets their passwords)."
        ]
    }

    /// The default instrument as the QA lead published it a fortnight before the first programme, and the next version
    /// she is drafting now: one more item on identity, life story work (seed 003 asks for it for every child in care).
    static func publishInstrument(by lead: User, before firstDrawn: ISODay, draftOn: ISODay, on db: any Database) async throws {
        let shipped = AuditInstruments.caseFileAudit
        let publishedAt = firstDrawn.adding(days: -14).start.addingTimeInterval(14 * 3600)
        let first = try await AuditInstrumentStore.startDraft(
            name: shipped.name, version: shipped.version, text: AuditInstruments.caseFileAuditText, by: lead.displayName, actor: .system,
            at: publishedAt, on: db)
        try await AuditInstrumentStore.publish(first, by: lead.displayName, actor: .system, at: publishedAt, on: db)
        let next = shipped.version + 1
        guard let numbered = AuditInstrument.text(AuditInstruments.caseFileAuditText, withVersion: next) else { return }
        _ = try await AuditInstrumentStore.startDraft(
            name: shipped.name, version: next,
            text: numbered
                + "      - id: identity-life-story\n        text: Life story work, or a plan for it, helps the child understand who they are and why they are looked after.\n",
            by: lead.displayName, actor: .system, at: draftOn.start.addingTimeInterval(16 * 3600), on: db)
    }

    /// The triple lock of a programme's audits: each graded by the partner council's moderator a fortnight after it was
    /// submitted, once the council's grades are settled, changing fewer grades as the year goes on (seed 003: "at first
    /// changed grades and later changed none"); where they differ, the QA lead decides five days later.
    static func moderateExternally(
        _ programmeID: UUID, by external: User, lead: User, instrument: AuditInstrument, monthsAgo: Int, madeOn: ISODay,
        _ random: inout SeededRandom, db: any Database
    ) async throws -> Int {
        var graded = 0
        for moderation in try await ExternalModerationStore.moderations(inProgramme: programmeID, on: db) {
            guard let audit = try await CaseAuditStore.audit(moderation.auditID, on: db), let submitted = audit.submittedAt else { continue }
            let gradedOn = ISODay(submitted).adding(days: 14)
            guard gradedOn < madeOn, try await ExternalModerationStore.councilHasSettled(moderation.auditID, on: db),
                let child = try await CaseloadStore.child(audit.childID, on: db)
            else { continue }
            let standing = try await CaseAuditStore.standingGrades(of: moderation.auditID, on: db)
            guard
                case .success(let grades) = DemoCaseAudits.external(
                    standing: standing, instrument: instrument, differing: 0.3 * Double(max(0, monthsAgo - 4)) / 7, using: &random
                ).completed(against: instrument, settled: standing)
            else { continue }
            let state = try await ExternalModerationStore.moderate(
                moderation.requireID(), grades: grades, by: external, actor: .system, childLocalID: child.localID,
                at: gradedOn.start.addingTimeInterval(14 * 3600), on: db)
            graded += 1
            let decidedOn = gradedOn.adding(days: 5)
            guard state == .toAdjudicate, decidedOn < madeOn else { continue }
            let disputed = grades.compactMap { given -> (domain: String, auditor: Int, moderator: Int)? in
                guard let was = standing[given.domain], was != given.grade else { return nil }
                return (given.domain, was, given.grade)
            }
            guard
                case .success(let finals) = DemoCaseAudits.adjudication(disputed, using: &random)
                    .settled(disputed: disputed.map { ($0.domain, $0.domain, $0.auditor) }, scaleSize: instrument.scale.grades.count)
            else { continue }
            try await ExternalModerationStore.adjudicate(
                moderation.requireID(), finals: finals, by: lead, actor: .system, childLocalID: child.localID,
                at: decidedOn.start.addingTimeInterval(10 * 3600), on: db)
        }
        return graded
    }

    /// The second auditor, when the programme's rule chooses the audit: one of the team, not its auditor, at random.
    static func moderation(
        of audit: CaseAuditStore.Row, _ completed: CompletedCaseAudit, programme: AuditProgramme, scale: Int, staff: [User],
        _ random: inout SeededRandom
    ) -> CaseAuditStore.NewModeration? {
        let id = AuditCohort.canonical(audit.id), seed = UInt64(programme.seed) ?? 0
        guard
            let because = ModerationSelection.chosen(
                audit: id, overall: completed.overall, scaleSize: scale, seed: seed, percent: programme.doubleLockPercent)
        else { return nil }
        let others = staff.filter { $0.id != audit.auditorID }
        return .init(
            moderator: others.isEmpty ? nil : random.pick(others).id, because: because.rawValue,
            blind: ModerationSelection.blind(audit: id, seed: seed, percent: programme.blindPercent))
    }
}
