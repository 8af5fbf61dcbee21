import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Calibration: QA leads issue vignettes and record the agreed grades; everyone who audits grades each vignette once
/// and sees, privately, how far they were from the agreed grades.
enum CalibrationController {
    static let largestBody: ByteCount = "256kb"

    @Sendable static func list(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let userID = try user.requireID()
        let manages = mayIssue(user)
        let exercises = try await CalibrationStore.exercises(on: req.db)
        let graded = try await CalibrationStore.graded(on: req.db, by: userID)
        let today = ISODay.today
        let listed = exercises.map { exercise in
            let id = exercise.id!
            let yours =
                exercise.agreedAt != nil
                ? (graded.mine.contains(id) ? "Agreed: see how far you were" : "Agreed")
                : graded.mine.contains(id) ? "Graded: waiting for the agreed grades" : today.description > exercise.closesOn ? "Closed" : "To grade"
            return CalibrationPages.Listed(
                id: id.uuidString, title: exercise.title, issued: ISODay(exercise.createdAt).written, closes: ISODay.written(exercise.closesOn),
                yours: yours, graded: manages ? graded.counts[id] ?? 0 : nil)
        }
        return .html(
            CalibrationPages.list(
                listed, mayIssue: manages, context: req.pageContext(CalibrationPages.listTitle, area: .quality, notice: Notice.from(req)?.message)))
    }

    @Sendable static func new(req: Request) async throws -> Response {
        try await form(req, CalibrationForm(), errors: FormErrors())
    }

    static func form(_ req: Request, _ form: CalibrationForm, errors: FormErrors) async throws -> Response {
        let choices = try await AuditInstrumentStore.published(on: req.db).map { version in
            Form.Choice(value: version.id!.uuidString, label: "\(version.name), version \(version.version)")
        }
        return .html(
            CalibrationPages.new(form, errors: errors, instruments: choices, context: req.pageContext(CalibrationPages.newTitle, area: .quality)),
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func issue(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        var typed = CalibrationForm()
        typed.title = req.typed("title")
        typed.vignette = String(((try? req.content.get(String.self, at: "vignette")) ?? "").prefix(CalibrationForm.longestVignette + 1))
        typed.closesOn = DateField.read("closes-on", from: req.typed)
        typed.instrument = req.typed("instrument")
        let chosen = try await AuditInstrumentStore.published(on: req.db).first { $0.id?.uuidString == typed.instrument }
        let noInstrument = FieldMistake(field: "instrument", message: "Choose a published instrument to grade it with")
        switch (typed.checked(today: .today), chosen) {
        case (.failure(let mistakes), _):
            return try await form(req, typed, errors: FormErrors(mistakes.all + (chosen == nil ? [noInstrument] : [])))
        case (.success, nil):
            return try await form(req, typed, errors: FormErrors([noInstrument]))
        case (.success(let checked), let chosen?):
            let id = try await CalibrationStore.issue(
                title: checked.title, vignette: checked.vignette, instrument: chosen.text, closesOn: checked.closesOn, by: user.displayName,
                actor: req.auditActor, on: req.db)
            return req.redirect(to: .quality(.calibrationExercise(id: id.uuidString)), notice: .vignetteIssued)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, try await requireExercise(req), typed: [:], errors: FormErrors(), agreedTyped: [:], agreedErrors: FormErrors())
    }

    /// An auditor's grades, kept once; a form with mistakes is shown again with each, nothing kept.
    @Sendable static func grade(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let exercise = try await requireExercise(req)
        let instrument = try AuditInstruments.kept(exercise.instrument)
        let (typed, result) = read(req, prefix: "", instrument: instrument)
        switch result {
        case .failure(let mistakes):
            return try await page(req, exercise, typed: typed, errors: FormErrors(mistakes.all), agreedTyped: [:], agreedErrors: FormErrors())
        case .success(let grades):
            try await refusedAsConflict {
                try await CalibrationStore.grade(
                    exercise.requireID(), grades: grades, by: user.requireID(), today: .today, actor: req.auditActor, on: req.db)
            }
            return req.redirect(to: .quality(.calibrationExercise(id: try exercise.requireID().uuidString)), notice: .vignetteGraded)
        }
    }

    @Sendable static func agree(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let exercise = try await requireExercise(req)
        let instrument = try AuditInstruments.kept(exercise.instrument)
        let (typed, result) = read(req, prefix: agreedPrefix, instrument: instrument)
        switch result {
        case .failure(let mistakes):
            return try await page(req, exercise, typed: [:], errors: FormErrors(), agreedTyped: typed, agreedErrors: FormErrors(mistakes.all))
        case .success(let grades):
            try await refusedAsConflict {
                try await CalibrationStore.agree(exercise.requireID(), grades: grades, by: user.displayName, actor: req.auditActor, on: req.db)
            }
            return req.redirect(to: .quality(.calibrationExercise(id: try exercise.requireID().uuidString)), notice: .vignetteAgreed)
        }
    }

    static let agreedPrefix = "agreed-"

    private static func read(
        _ req: Request, prefix: String, instrument: AuditInstrument
    ) -> (typed: [String: String], grades: Result<[String: Int], FieldMistakes>) {
        let domains = instrument.domains.map { (id: $0.id, title: $0.title) }
        let fields = (domains.map(\.id) + [CompletedCaseAudit.overallKey]).map { Calibration.field($0, prefix: prefix) }
        let typed = Dictionary(uniqueKeysWithValues: fields.map { ($0, req.typed($0)) })
        return (typed, Calibration.grades({ typed[$0] ?? "" }, prefix: prefix, domains: domains, scaleSize: instrument.scale.grades.count))
    }

    private static func requireExercise(_ req: Request) async throws -> CalibrationExercise {
        guard let id = UUID(uuidString: try req.parameters.require("exerciseID")), let exercise = try await CalibrationStore.exercise(id, on: req.db)
        else { throw Abort(.notFound) }
        return exercise
    }

    private static func mayIssue(_ user: User) -> Bool { user.role.permissions.contains(.manageAuditProgrammes) }

    private static func page(
        _ req: Request, _ exercise: CalibrationExercise, typed: [String: String], errors: FormErrors, agreedTyped: [String: String],
        agreedErrors: FormErrors
    ) async throws -> Response {
        let user = try req.requireSignedIn().user
        let id = try exercise.requireID()
        let instrument = try AuditInstruments.kept(exercise.instrument)
        let order = instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]
        let mine = try await CalibrationStore.grades(of: id, by: user.requireID(), on: req.db)
        let agreed = try await CalibrationStore.agreedGrades(of: id, on: req.db)
        let open = agreed == nil && ISODay.today.description <= exercise.closesOn
        let yours: CalibrationPages.Model.Yours =
            if !mine.isEmpty, let agreed {
                .compared(Calibration.Distance(given: mine, agreed: agreed, order: order))
            } else if !mine.isEmpty {
                .waiting(grades: mine)
            } else if open {
                .toGrade(typed: typed, errors: errors)
            } else {
                .missed
            }
        var spread: [Calibration.Spread]?, agreement: CalibrationPages.Model.Agreement?
        if mayIssue(user) {
            spread = Calibration.spread(
                try await CalibrationStore.everyonesGrades(of: id, on: req.db), agreed: agreed, order: order, scaleSize: instrument.scale.grades.count
            )
            agreement =
                if agreed != nil, let on = exercise.agreedAt {
                    .agreed(by: exercise.agreedBy ?? "–", on: ISODay(on).written)
                } else {
                    .form(typed: agreedTyped, errors: agreedErrors)
                }
        }
        let model = CalibrationPages.Model(
            id: id.uuidString, title: exercise.title, vignette: exercise.vignette,
            issued: "Issued by \(exercise.createdBy) on \(ISODay(exercise.createdAt).written)", closes: ISODay.written(exercise.closesOn),
            instrument: instrument, yours: yours, spread: spread, agreement: agreement)
        let invalid = !errors.isEmpty || !agreedErrors.isEmpty
        return .html(
            CalibrationPages.exercise(model, context: req.pageContext(exercise.title, area: .quality, notice: Notice.from(req)?.message)),
            status: invalid ? .unprocessableEntity : .ok)
    }
}
