import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkWeb

/// Performance Matters, data quality and Ofsted's Annex A, worked out from the children's records.
package enum PerformanceArea: WaymarkArea {
    package static let area = Area.performance

    package static func routes(_ app: Application) throws {
        let viewChildren = Access.permission(.viewChildren)
        // The children behind a figure are child records: they need the children permission too.
        app.on(.GET, .performance(.report()), access: .permission(.viewPerformance), use: PerformanceMattersController.report)
        app.on(.GET, .performance(.reportPDF()), access: .permission(.viewPerformance), use: PerformanceMattersController.pdf)
        app.on(.GET, .performance(.measure("")), access: viewChildren, use: PerformanceMattersController.children)
        // Commentary is written by those who enter measures and their commentary (leaders, heads of service, team managers).
        app.on(.POST, .performance(.commentary), access: .permission(.enterMeasures), use: PerformanceMattersController.saveCommentary)
        app.on(.GET, .performance(.dataQuality), access: viewChildren, use: DataQualityController.show)
        // Annex A lists children in detail: those who may work with the statutory returns.
        app.on(.GET, .performance(.annexA()), access: .permission(.importReturns), use: AnnexAController.show)
        app.on(.GET, .performance(.annexAWorkbook()), access: .permission(.importReturns), use: AnnexAController.workbook)
    }

    package static var commands: [String: any AnyAsyncCommand] { ["performance": PerformanceCommand(), "annex-a": AnnexACommand()] }
}
