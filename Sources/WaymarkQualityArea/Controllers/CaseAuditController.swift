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
        let programmes = Dictionary(
            try await CaseAuditStore.programmes(on: req.db).map { ($0.programme.id!, $0.programme) }, uniquingKeysWith: { a, _ in a })
        let names = try await CaseAuditAccess.names(of: rows.map(\.childID), for: user, on: req.db)
        if !rows.isEmpty {
            try await req.audit(
                .view, recordType: .caseAudit, detail: "own audits listed (\(rows.map(\.childLocalID).joined(separator: ", ")))")
        }
        let audits = rows.map { row in
            MyAuditsPage.Audit(
                id: row.id.uuidString, child: names[row.childID] ?? "Child \(row.childLocalID)", programme: programmes[row.programmeID]?.title ?? "–",
                due: programmes[row.programmeID].map { ISODay.written($0.due) } ?? "–", state: ProgrammeFacts.state(row))
        }
        return .html(MyAuditsPage.render(audits, context: req.pageContext(MyAuditsPage.title, area: .quality, notice: Notice.from(req)?.message)))
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
            return try await page(req, typed: (response, FormErrors(mistakes.all)))
        case .success(let completed):
            do {
                try await CaseAuditStore.submit(
                    audit.requireID(), completed, on: .today, by: user, actor: req.auditActor, childLocalID: child.localID, on: req.db)
            } catch let refused as CaseAuditStore.Refused {
                throw Abort(.conflict, reason: refused.message)
            }
            return req.redirect(to: .quality(.audit(id: try audit.requireID().uuidString)), notice: .auditSubmitted)
        }
    }

    /// The form's fields read back as typed.
    static func typedResponse(_ req: Request, instrument: AuditInstrument) -> CaseAuditResponse {
        typealias Field = CaseAuditResponse.FieldName
        func text(_ name: String) -> String {
            String(((try? req.content.get(String.self, at: name)) ?? "").prefix(CaseAuditResponse.longestText + 1))
        }
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

    static func page(_ req: Request, typed: (CaseAuditResponse, FormErrors)?) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (audit, programme, child) = try await find(req, user: user)
        let auditID = try audit.requireID()
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let day = audit.auditDay.flatMap { ISODay($0) } ?? .today
        let held = try await ChildRecords.held(child: audit.childID, localID: child.localID, on: req.db)
        try await req.audit(.view, recordType: .child, recordID: child.localID, detail: "case audit evidence (\(auditID.uuidString))")
        let allocation = try await ChildAccess.allocations(of: [audit.childID], on: req.db)[audit.childID]
        let mayOpenChild = try ChildAccess(for: user).includes(allocation)
        let name = ChildRecordScope.seesNames(user.role) ? child.displayName : nil

        let state: CaseAuditPage.Audit
        switch (audit.state, typed) {
        case (.assigned, let typed?): state = .form(typed.0, typed.1)
        case (.assigned, nil) where audit.auditorID == user.id && user.role.permissions.contains(.conductAudits):
            state = .form(CaseAuditResponse(workingWell: [], answers: [:], grades: [:], overall: "", overallRationale: ""), FormErrors())
        case (.assigned, nil):
            var auditor: String?
            if let id = audit.auditorID { auditor = try await UserStore.user(id: id, on: req.db)?.displayName }
            state = .notYet(auditor: auditor)
        case (.submitted, _):
            state = try await submitted(
                auditID, instrument: instrument, suggested: audit.suggestedOverall, workingWell: audit.workingWell, db: req.db)
        }
        let engine = req.application.timescaleEngine
        let born = child.dateOfBirth.flatMap { ISODay($0) }
        let context = req.pageContext("Case audit: child \(child.localID)", area: .quality, notice: Notice.from(req)?.message)
        let status: HTTPResponseStatus = typed == nil ? .ok : .unprocessableEntity
        return .html(
            try await req.application.calculate { [allocation = allocation?.label] in
                let records = held.map(\.record)
                let clocks = engine.timescales(child: child.localID, records: records, bornOn: born, today: day)
                // Statuses as at the day: a record that ended after it was open then.
                let asAt = records.filter { ($0.starts ?? day) <= day }.map { (kind: $0.kind, ends: $0.ends.flatMap { $0 > day ? nil : $0 }) }
                let facts: [(label: String, value: String)] = [
                    ("Local identifier", child.localID),
                    ("Date of birth", born.map { "\($0.written) (aged \($0.age(on: day)))" } ?? "–"),
                    ("Status", JourneyStatus.current(asAt).joined(separator: ", ").nonEmpty ?? "None open"),
                    ("Allocated to now", allocation?.nonEmpty ?? "No one"),
                ]
                let evidence = CaseAuditPage.Evidence(
                    asAt: day.written, facts: facts, now: ChildNow.lines(records, on: day),
                    timescales: TimescalesAtAudit(clocks: clocks, on: day, calendar: engine.calendar),
                    childPage: mayOpenChild ? SiteURL.children(.show(id: audit.childID.uuidString)).path : nil)
                let model = CaseAuditPage.Model(
                    heading: "Case audit: \(name ?? "child \(child.localID)")", programme: (programme.id!.uuidString, programme.title),
                    instrument: instrument, evidence: evidence, audit: state)
                return CaseAuditPage.render(model, auditID: auditID.uuidString, context: context)
            }, status: status)
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
                reason: given.reason == "auditor" ? "The auditor's grade" : given.reason)
        }
        var now: [String: CaseAuditPage.Given] = [:]
        for (given, shown) in zip(grades, history) { now[given.domain] = shown }
        let working = workingWell.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        return .submitted(
            workingWell: working,
            answers: answers.compactMapValues { answer in ItemAnswer(rawValue: answer.answer).map { ($0, answer.comment) } },
            grades: now, suggested: suggested.map(grade) ?? "–", history: history)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
