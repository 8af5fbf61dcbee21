import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Audit programmes: the list, setting one up (its sample drawn and its audits assigned at once), and one programme.
enum ProgrammesController {
    @Sendable static func index(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let listed = try await CaseAuditStore.programmes(on: req.db).map { programme, audits, submitted in
            ProgrammesPage.Listed(
                id: programme.id!.uuidString, title: programme.title, cohort: ProgrammeFacts.cohort(programme.cohort),
                drawnOn: ISODay.written(programme.drawnOn), due: ISODay.written(programme.due), audits: audits, submitted: submitted)
        }
        // Those who set programmes up see the children due a re-audit, which the next programme draws.
        let manages = user.role.permissions.contains(.manageAuditProgrammes)
        let due = manages ? try await Reaudits.due(months: req.application.settings.reauditMonths, on: req.db) : []
        let names = try await CaseAuditAccess.names(of: due.map(\.audit.childID), for: user, on: req.db)
        if !due.isEmpty {
            try await req.audit(
                .view, recordType: .caseAudit, detail: "re-audits due listed (\(due.map(\.audit.childLocalID).sorted().joined(separator: ", ")))")
        }
        let today = ISODay.today
        let reaudits = due.map { due in
            ProgrammesPage.Reaudit(
                auditID: due.audit.id.uuidString, child: names[due.audit.childID] ?? "Child \(due.audit.childLocalID)", team: due.audit.team,
                settled: due.audit.lockedAt.map { ISODay($0).written } ?? "–", due: due.due.written, overdue: due.due < today)
        }
        return .html(
            ProgrammesPage.render(
                listed, maySetUp: manages, reaudits: reaudits,
                context: req.pageContext(ProgrammesPage.title, area: .quality, notice: Notice.from(req)?.message)))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        form(req, AuditProgrammeForm(), errors: FormErrors(), instruments: try await AuditInstrumentStore.published(on: req.db))
    }

    static func form(_ req: Request, _ form: AuditProgrammeForm, errors: FormErrors, instruments: [AuditInstrumentVersion]) -> Response {
        let choices = instruments.map { version in
            Form.Choice(
                value: version.id!.uuidString,
                label: "\(version.name), version \(version.version)" + (version.publishedAt.map { " (published \(ISODay($0).written))" } ?? ""))
        }
        return .html(
            ProgrammeFormPage.render(form, errors: errors, instruments: choices, context: req.pageContext(ProgrammeFormPage.title, area: .quality)),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        var typed = AuditProgrammeForm()
        let text = req.typed
        typed.title = text("title")
        typed.cohort = (try? req.content.get([String].self, at: "cohort")) ?? []
        typed.quotaKind = text("quota-kind")
        typed.quota = text("quota")
        typed.seed = text("seed")
        typed.exclusionMonths = text("exclusion-months")
        typed.doubleLockPercent = text("double-lock-percent")
        typed.blindPercent = text("blind-percent")
        typed.tripleLockPercent = text("triple-lock-percent")
        typed.due = DateField.read("due", from: text)
        typed.instrument = text("instrument")
        let today = ISODay.today
        let published = try await AuditInstrumentStore.published(on: req.db)
        let chosen = published.first { $0.id?.uuidString == typed.instrument }
        let noInstrument = FieldMistake(field: "instrument", message: "Choose a published instrument for the audits to use")
        switch (typed.settings(today: today), chosen) {
        case (.failure(let mistakes), _):
            return form(req, typed, errors: FormErrors(mistakes.all + (chosen == nil ? [noInstrument] : [])), instruments: published)
        case (.success, nil):
            return form(req, typed, errors: FormErrors([noInstrument]), instruments: published)
        case (.success(let settings), let chosen?):
            let user = try req.requireSignedIn().user
            let drawn = try await ProgrammeDraw.draw(settings, on: today, reauditMonths: req.application.settings.reauditMonths, db: req.db)
            let (quotaKind, quota) =
                switch settings.quota {
                case .perStratum(let each): ("per-team", each)
                case .total(let total): ("total", total)
                }
            let id = try await CaseAuditStore.create(
                .init(
                    title: settings.title, instrument: chosen.text, instrumentName: chosen.name, instrumentVersion: chosen.version,
                    cohort: settings.cohort.joined(separator: ","),
                    quotaKind: quotaKind, quota: quota, seed: drawn.sample.seed,
                    population: drawn.sample.population, exclusionMonths: settings.exclusionMonths,
                    doubleLockPercent: settings.doubleLockPercent, blindPercent: settings.blindPercent,
                    tripleLockPercent: settings.tripleLockPercent, drawnOn: today, due: settings.due,
                    createdBy: user.displayName),
                audits: drawn.audits, by: req.auditActor, on: req.db)
            return req.redirect(to: .quality(.programme(id: id.uuidString)), notice: .programmeSetUp)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        guard let id = UUID(uuidString: try req.parameters.require("programmeID")), let programme = try await CaseAuditStore.programme(id, on: req.db)
        else { throw Abort(.notFound) }
        let instrument = try ProgrammeFacts.instrument(of: programme)
        let rows = try await CaseAuditStore.audits(inProgramme: id, on: req.db)
        // Each audit is listed for its auditor, QA leads, and those whose part of the children holds its child now.
        let visible = try await CaseAuditAccess.visible(rows, to: user, on: req.db)
        let names = try await CaseAuditAccess.names(of: visible.map(\.childID), for: user, on: req.db)
        try await req.audit(
            .view, recordType: .auditProgramme, recordID: id.uuidString,
            detail: "\(visible.count) audits listed" + (visible.isEmpty ? "" : " (\(visible.map(\.childLocalID).joined(separator: ", ")))"))
        let audits = visible.map { row in
            ProgrammePage.Audit(
                id: row.id.uuidString, child: names[row.childID] ?? "Child \(row.childLocalID)", team: row.team, auditor: row.auditor,
                state: ProgrammeFacts.state(row), overall: row.overall.map { instrument.scale.grades[$0] }, reaudit: row.reauditOf != nil)
        }
        let moderations = try await CaseAuditStore.moderations(inProgramme: id, on: req.db)
        let pairs = try await CaseAuditStore.moderatedGrades(inProgramme: id, on: req.db)
        let titles = Dictionary(uniqueKeysWithValues: instrument.domains.map { ($0.id, $0.title) } + [(CompletedCaseAudit.overallKey, "Overall")])
        let table = ModerationGrades.Table(
            audits: pairs.map { .init(reference: $0.audit.uuidString, domain: titles[$0.domain] ?? $0.domain, grades: [$0.auditor, $0.moderator]) },
            graders: ["First auditor", "Second auditor"], scaleSize: instrument.scale.grades.count)
        // 2,000 resamples of each measure: off the threads that answer requests.
        let agreement = pairs.isEmpty ? nil : try await req.application.calculate { AgreementReport(table, scale: instrument.gradeScale) }
        let model = ProgrammePage.Model(
            id: id.uuidString, title: programme.title, facts: ProgrammeFacts.facts(programme, instrument: instrument), audits: audits,
            notShown: rows.count - visible.count,
            moderation: ProgrammeFacts.moderation(
                moderations, submitted: rows.filter { $0.state == .submitted }.count, percent: programme.doubleLockPercent),
            agreement: agreement)
        return .html(ProgrammePage.render(model, context: req.pageContext(programme.title, area: .quality, notice: Notice.from(req)?.message)))
    }
}
