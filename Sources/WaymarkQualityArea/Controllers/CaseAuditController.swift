import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// A person's audits, and one child's audit: the evidence as at its day beside the form, and the audit submitted.
/// Reading the evidence reads the child's records, so it is in the audit trail as a read of the child's record.
enum CaseAuditController {
    @Sendable static func mine(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let rows = try await CaseAuditStore.audits(assignedTo: user.requireID(), on: req.db)
        let moderations = try await CaseAuditStore.moderations(assignedTo: user.requireID(), on: req.db)
        let toDecide = user.role.permissions.contains(.manageAuditProgrammes) ? try await CaseAuditStore.toAdjudicate(on: req.db) : nil
        let programmes = Dictionary(
            try await CaseAuditStore.programmes(on: req.db).map { ($0.programme.id!, $0.programme) }, uniquingKeysWith: { a, _ in a })
        let everyRow = rows + moderations.map(\.audit) + (toDecide ?? [])
        let names = try await CaseAuditAccess.names(of: everyRow.map(\.childID), for: user, on: req.db)
        if !everyRow.isEmpty {
            try await req.audit(
                .view, recordType: .caseAudit, detail: "own audits listed (\(Set(everyRow.map(\.childLocalID)).sorted().joined(separator: ", ")))")
        }
        func listed(_ row: CaseAuditStore.Row, state: String) -> MyAuditsPage.Audit {
            MyAuditsPage.Audit(
                id: row.id.uuidString, child: names[row.childID] ?? "Child \(row.childLocalID)", programme: programmes[row.programmeID]?.title ?? "–",
                due: programmes[row.programmeID].map { ISODay.written($0.due) } ?? "–", state: state)
        }
        return .html(
            MyAuditsPage.render(
                rows.map { listed($0, state: ProgrammeFacts.state($0)) },
                moderations: moderations.map {
                    listed($0.audit, state: $0.moderation.state == .assigned ? "To grade" + ($0.moderation.blind ? " (blind)" : "") : "Graded")
                },
                toDecide: toDecide.map { $0.map { listed($0, state: "To decide") } },
                context: req.pageContext(MyAuditsPage.title, area: .quality, notice: Notice.from(req)?.message)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, typed: nil)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await find(req, user: user)
        guard audit.auditorID == user.id, audit.state == .assigned else {
            throw Abort(
                .conflict,
                reason: audit.state == .submitted
                    ? "This audit was submitted already. Its grades can now be changed only in moderation."
                    : "This audit is not assigned to you, so it cannot be submitted by you.")
        }
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let response = typedResponse(req, instrument: instrument)
        switch response.completed(against: instrument) {
        case .failure(let mistakes):
            return try await page(req, typed: .audit(response, FormErrors(mistakes.all)))
        case .success(let completed):
            let moderation = try await ProgrammeDraw.moderation(
                for: audit, overall: completed.overall, in: programme, scaleSize: instrument.scale.grades.count, db: req.db)
            let external = try await ProgrammeDraw.external(
                for: audit, doubleLocked: moderation != nil, in: programme, targetPercent: req.application.settings.agreementTargetPercent, db: req.db
            )
            let timescales = try await AuditTimescales.kept(child: child, on: .today, app: req.application)
            try await refusedAsConflict {
                try await CaseAuditStore.submit(
                    audit.requireID(), completed, on: .today, moderation: moderation, external: external, timescales: timescales, by: user,
                    actor: req.auditActor, childLocalID: child.localID, on: req.db)
            }
            return req.redirect(to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .auditSubmitted)
        }
    }

    /// The form's fields read back as typed.
    static func typedResponse(_ req: Request, instrument: AuditInstrument) -> CaseAuditResponse {
        typealias Field = CaseAuditResponse.FieldName
        let text = req.typed
        var answers: [String: (answer: String, comment: String)] = [:]
        var grades: [String: (grade: String, rationale: String)] = [:]
        for domain in instrument.domains {
            for item in domain.items { answers[item.id] = (text(Field.item(item.id)), text(Field.comment(item.id))) }
            grades[domain.id] = (text(Field.grade(domain.id)), text(Field.rationale(domain.id)))
        }
        return CaseAuditResponse(
            workingWell: instrument.openingPrompts.indices.map { text(Field.prompt($0)) }, answers: answers, grades: grades,
            overall: text(Field.overall), overallRationale: text(Field.overallRationale))
    }

    /// The audit, its programme and its child, for those who may open it; "not found" for others.
    static func find(_ req: Request, user: User) async throws -> (CaseAudit, AuditProgramme, Child) {
        guard let id = UUID(uuidString: try req.parameters.require("auditID")), let audit = try await CaseAuditStore.audit(id, on: req.db),
            try await CaseAuditAccess.mayOpen(audit, user: user, on: req.db),
            let programme = try await CaseAuditStore.programme(audit.programmeID, on: req.db),
            let child = try await CaseloadStore.child(audit.childID, on: req.db)
        else { throw Abort(.notFound) }
        return (audit, programme, child)
    }

    /// What came back with mistakes, to show again.
    enum Typed {
        case audit(CaseAuditResponse, FormErrors)
        case moderation(ModerationResponse, FormErrors)
        case adjudication(Adjudication, FormErrors)
        case externalAdjudication(Adjudication, FormErrors)
        case reply(AuditResponseForm, FormErrors)
        case action(LearningActionForm, FormErrors)
        case concern(String, FormErrors)
        /// What was done about a concern (its id), with its mistake.
        case actOn(String, String, FormErrors)
    }

    static func page(_ req: Request, typed: Typed?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await find(req, user: user)
        let auditID = try audit.requireID()
        let instrument = try ProgrammeFacts.instrument(of: programme)
        try await req.audit(.view, recordType: .child, recordID: child.localID, detail: "case audit evidence (\(auditID.uuidString))")
        let allocation = try await ChildAccess.allocations(of: [audit.childID], on: req.db)[audit.childID]
        let mayOpenChild = try ChildAccess(for: user).includes(allocation)
        let name = ChildRecordScope.seesNames(user.role) ? child.displayName : nil
        let evidence = try await evidence(
            audit, child: child,
            shown: .named(allocation: allocation?.label, childPage: mayOpenChild ? SiteURL.children(.show(id: audit.childID.uuidString)).path : nil),
            req: req)

        let moderation = try await CaseAuditStore.moderation(ofAudit: auditID, on: req.db)
        let moderatesBlind = moderation.map { $0.state == .assigned && $0.blind && $0.moderatorID == user.id } ?? false
        let state: CaseAuditPage.Audit
        switch (audit.state, typed) {
        case (.assigned, .audit(let response, let errors)?): state = .form(response, errors)
        case (.assigned, _) where audit.auditorID == user.id && user.role.permissions.contains(.conductAudits):
            state = .form(CaseAuditResponse(workingWell: [], answers: [:], grades: [:], overall: "", overallRationale: ""), FormErrors())
        case (.assigned, _):
            var auditor: String?
            if let id = audit.auditorID { auditor = try await UserStore.user(id: id, on: req.db)?.displayName }
            state = .notYet(auditor: auditor)
        case (.submitted, _) where moderatesBlind:
            state = .hiddenUntilModerated
        case (.submitted, _):
            state = try await submitted(
                auditID, instrument: instrument, suggested: audit.suggestedOverall, workingWell: audit.workingWell, db: req.db)
        }
        let part = try await ModerationController.part(moderation, audit: audit, instrument: instrument, typed: typed, user: user, db: req.db)
        let external = try await ExternalModerationController.part(audit, instrument: instrument, typed: typed, user: user, db: req.db)
        let replies = try await CaseAuditStore.replies(to: auditID, on: req.db).map { reply in
            ReplySection.Reply(
                by: "\(reply.givenByName) (\(Role(rawValue: reply.givenByRole)?.displayName ?? reply.givenByRole))",
                at: ISODay(reply.givenAt).written,
                disagrees: reply.disagrees, text: reply.text, conversation: reply.conversationOn.map { ISODay.written($0) },
                notes: reply.conversationNotes)
        }
        var typedAction: (LearningActionForm, FormErrors)?
        if case .action(let action, let errors)? = typed { typedAction = (action, errors) }
        let actions = try await LearningActionController.section(
            audit, instrument: instrument, typed: typedAction?.0, errors: typedAction?.1 ?? FormErrors(), user: user, db: req.db)
        let concerns = try await ConcernController.section(
            audit, typed: typed, user: user, calendar: req.application.timescaleEngine.calendar, db: req.db)
        var replyForm: (AuditResponseForm, FormErrors)?
        if audit.state == .submitted, try await ReplyController.mayReply(to: audit, user: user, on: req.db) {
            if case .reply(let typed, let errors)? = typed { replyForm = (typed, errors) } else { replyForm = (AuditResponseForm(), FormErrors()) }
        }
        let context = req.pageContext("Case audit: child \(child.localID)", area: .quality, notice: Notice.from(req)?.message)
        let status: HTTPResponseStatus = typed == nil ? .ok : .unprocessableEntity
        return .html(
            try await req.application.calculate { [replyForm, actions, concerns] in
                let model = CaseAuditPage.Model(
                    heading: "Case audit: \(name ?? "child \(child.localID)")", programme: (programme.id!.uuidString, programme.title),
                    instrument: instrument, evidence: evidence, audit: state, moderation: part, replies: replies, replyForm: replyForm,
                    actions: actions.actions, addAction: actions.add, concerns: concerns.concerns, raiseConcern: concerns.raise,
                    actingOnConcern: concerns.acting, external: external)
                return CaseAuditPage.render(model, auditID: auditID.uuidString, context: context)
            }, status: status)
    }

    /// How the evidence names the child: for the council, as it is, with who holds the case and a link to the child's
    /// record where the person may open it; for an external moderator, by a reference alone.
    enum Shown {
        case named(allocation: String?, childPage: String?)
        case pseudonymised(reference: String)
    }

    /// What the records show as at the audit's day (today until it is submitted): the child's statuses, what was open,
    /// each kind of timescale in the 12 months before, and the case discussions in supervision. Pseudonymised, it gives
    /// the child's age but not their identifier or date of birth, and each case discussion's day but not what the
    /// supervisor and worker (named in it) said.
    static func evidence(_ audit: CaseAudit, child: Child, shown: Shown, req: Request) async throws -> CaseAuditPage.Evidence {
        let day = audit.auditDay.flatMap { ISODay($0) } ?? .today
        let held = try await ChildRecords.held(child: audit.childID, localID: child.localID, on: req.db)
        let yearBefore = day.adding(months: -12)
        let discussions = try await ChildRecords.oversight(child: audit.childID, localID: child.localID, on: req.db)
            .filter { ($0.starts.map { $0 <= day && $0 > yearBefore }) ?? false }.reversed()
        let oversight: [String] =
            switch shown {
            case .named: discussions.map { "\($0.starts!.written): \(RecordInWords.sentence($0))" }
            case .pseudonymised: discussions.map { "\($0.starts!.written): a case discussion in supervision" }
            }
        let engine = req.application.timescaleEngine
        let born = child.dateOfBirth.flatMap { ISODay($0) }
        return try await req.application.calculate {
            let records = held.map(\.record)
            let clocks = engine.timescales(child: child.localID, records: records, bornOn: born, today: day)
            let statuses = JourneyStatus.on(day, records.map { ($0.kind, $0.starts, $0.ends) }).joined(separator: ", ").nonEmpty ?? "None open"
            let facts: [(label: String, value: String)]
            var childPage: String?
            switch shown {
            case .named(let allocation, let page):
                facts = [
                    ("Local identifier", child.localID),
                    ("Date of birth", born.map { "\($0.written) (aged \($0.age(on: day)))" } ?? "–"),
                    ("Status", statuses), ("Allocated to now", allocation?.nonEmpty ?? "No one"),
                ]
                childPage = page
            case .pseudonymised(let reference):
                facts = [("Case", reference), ("Age on the day", born.map { String($0.age(on: day)) } ?? "–"), ("Status", statuses)]
            }
            return CaseAuditPage.Evidence(
                asAt: day.written, facts: facts, now: ChildNow.lines(records, on: day),
                timescales: TimescalesAtAudit(clocks: clocks, on: day, calendar: engine.calendar), childPage: childPage, oversight: oversight)
        }
    }

    static func submitted(
        _ auditID: UUID, instrument: AuditInstrument, suggested: Int?, workingWell: String?, db: any Database
    ) async throws -> CaseAuditPage.Audit {
        let grades = try await CaseAuditStore.grades(of: auditID, on: db)
        let answers = try await CaseAuditStore.answers(of: auditID, on: db)
        let scale = instrument.scale.grades
        func grade(_ place: Int) -> String { scale.indices.contains(place) ? scale[place] : "Grade \(place + 1)" }
        let titles = Dictionary(uniqueKeysWithValues: instrument.domains.map { ($0.id, $0.title) })
        let history = grades.map { given in
            CaseAuditPage.Given(
                domain: given.domain == CaseAuditGrade.overall ? "Overall" : titles[given.domain] ?? given.domain, grade: grade(given.grade),
                rationale: given.rationale, by: given.givenByName, at: ISODay(given.givenAt).written,
                reason: reason(given))
        }
        // The grade now: a domain's latest final grade, else the auditor's; a moderator's is a second opinion.
        var now: [String: CaseAuditPage.Given] = [:]
        for (given, shown) in zip(grades, history) where given.kind == .final || (given.kind == .auditor && now[given.domain] == nil) {
            now[given.domain] = shown
        }
        let working = workingWell.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        return .submitted(
            workingWell: working,
            answers: answers.compactMapValues { answer in ItemAnswer(rawValue: answer.answer).map { ($0, answer.comment) } },
            grades: now, suggested: suggested.map(grade) ?? "–", history: history)
    }

    static func reason(_ grade: CaseAuditGrade) -> String {
        switch grade.kind {
        case .auditor: "The auditor's grade"
        case .moderator: "The second auditor's grade"
        case .external:
            "The external moderator's grade"
                + (grade.reason.flatMap(GradeChangeReason.init(rawValue:)).map { ": \($0.title.lowercasedFirstLetter)" } ?? "")
        case .final: "Decided in moderation: " + (grade.reason.flatMap(GradeChangeReason.init(rawValue:))?.title.lowercasedFirstLetter ?? "unchanged")
        }
    }
}

extension String {
    fileprivate var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
