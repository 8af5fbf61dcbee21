import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The self-evaluation pack: the monthly QA report's figures arranged under Ofsted's three questions with the
/// narrative leaders write, on the page and as a PDF; the last whole month unless another is asked for.
enum SelfEvaluationController {
    @Sendable static func show(req: Request) async throws -> Response {
        let model = try await model(req, month: QualityReportController.month(req))
        return .html(SelfEvaluationPage.render(model, context: req.pageContext(model.title, area: .quality, notice: Notice.from(req)?.message)))
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let model = try await model(req, month: QualityReportController.month(req))
        let pdf = try await PDFPrinter.print(
            html: SelfEvaluationPage.renderForPrint(model, stylesheet: Stylesheet.css), chromium: req.application.settings.chromium)
        try await req.audit(.export, recordType: .selfEvaluation, recordID: model.month.description, detail: "self-evaluation PDF")
        return .attachment(pdf, named: "self-evaluation-\(model.month).pdf", type: "application/pdf")
    }

    /// Saves the narratives for the month in the form (one of the 24 offered); too long a narrative is refused, each
    /// by field, and nothing is saved.
    @Sendable static func save(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let month = try QualityReportController.month(req, asked: req.typed("month"))
        let typed = Dictionary(
            uniqueKeysWithValues: SelfEvaluation.questions.map { question in
                (question.field, String(((try? req.content.get(String.self, at: question.field)) ?? "").prefix(SelfEvaluation.longestNarrative + 1)))
            })
        switch SelfEvaluation.narratives({ typed[$0] ?? "" }) {
        case .failure(let mistakes):
            var model = try await model(req, month: month)
            (model.narratives, model.errors) = (typed, FormErrors(mistakes.all))
            return .html(SelfEvaluationPage.render(model, context: req.pageContext(model.title, area: .quality)), status: .unprocessableEntity)
        case .success(let narratives):
            try await SelfEvaluationStore.save(narratives, for: month, by: user.displayName, actor: req.auditActor, on: req.db)
            return req.redirect(to: .quality(.selfEvaluation(month: month.description)), notice: .selfEvaluationSaved)
        }
    }

    static func model(_ req: Request, month: ReportMonth) async throws -> SelfEvaluationPage.Model {
        let user = try req.requireSignedIn().user
        let report = try await QualityReportController.model(req, month: month)
        let counts = try await SelfEvaluationStore.counts(to: month, on: req.db)
        let today = ISODay.today
        let due = try await Reaudits.due(months: req.application.settings.reauditMonths, on: req.db)
        let narrative = try await SelfEvaluationStore.narrative(for: month, on: req.db)
        let narratives = narrative.map { ["what-we-know": $0.whatWeKnow, "how-we-know": $0.howWeKnow, "what-we-do": $0.whatWeDo] } ?? [:]
        return SelfEvaluationPage.Model(
            month: month, months: report.months, report: report.report, agreement: report.agreement, oversight: report.oversight.last,
            items: report.items, programmes: counts.programmes, calibrations: counts.calibrations, linkedToPlan: counts.linkedToPlan,
            reauditsDue: due.count, reauditsOverdue: due.filter { $0.due < today }.count, narratives: narratives,
            written: narrative.map { "\($0.writtenBy) on \(ISODay($0.writtenAt).written)" },
            mayWrite: user.role.permissions.contains(.writeSelfEvaluation), generatedOn: DateFormats.dateTime(Date()))
    }
}
