import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// The partnership's summary of case audits, for partners and board members, on the page and as a PDF: the monthly QA
/// report's service-level figures, small numbers hidden; no team, name or child.
enum QualitySummaryController {
    @Sendable static func show(req: Request) async throws -> Response {
        let model = try await model(req)
        return .html(QualitySummaryPage.render(model, context: req.pageContext(model.title, area: .quality)))
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let model = try await model(req)
        let pdf = try await PDFPrinter.print(
            html: QualitySummaryPage.renderForPrint(model, stylesheet: Stylesheet.css), chromium: req.application.settings.chromium)
        try await req.audit(.export, recordType: .qualityReport, recordID: model.report.month.description, detail: "partnership summary PDF")
        return .attachment(pdf, named: "quality-of-practice-\(model.report.month).pdf", type: "application/pdf")
    }

    static func model(_ req: Request) async throws -> QualitySummaryPage.Model {
        let month = try QualityReportController.month(req)
        let read = try await QualityReportController.report(req, month: month)
        let current = ReportMonth(ISODay.today)
        return QualitySummaryPage.Model(
            report: read.report, scale: read.instrument.scale.grades, items: read.items,
            months: QualityReportController.months.map { ($0.description, $0 == current ? "\($0.inWords) (so far)" : $0.inWords) },
            generatedOn: DateFormats.dateTime(Date()))
    }
}
