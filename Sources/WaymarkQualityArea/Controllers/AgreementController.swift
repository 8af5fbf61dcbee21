import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkSpreadsheet
import WaymarkUI
import WaymarkWeb

/// The quality area's first page, and measuring agreement from an uploaded table of moderated
/// grades. The table is read, measured and shown; nothing of it is kept.
enum AgreementController {
    /// A QA team's moderation table is a few hundred rows; this is far more than enough.
    static let largestUpload: ByteCount = "2mb"

    @Sendable static func home(req: Request) async throws -> Response {
        .html(QualityHomePage.render(context: req.pageContext("Quality", area: .quality)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        .html(AgreementPage.render(.init(outcome: .none), context: req.pageContext(AgreementPage.title, area: .quality)))
    }

    @Sendable static func check(req: Request) async throws -> Response {
        func refused(_ fileName: String?, _ mistakes: [String]) -> Response {
            .html(
                AgreementPage.render(
                    .init(outcome: .refused(fileName: fileName, mistakes: mistakes)), context: req.pageContext(AgreementPage.title, area: .quality)),
                status: .unprocessableEntity)
        }
        let (fileName, rows): (String, [SheetRow])
        switch req.uploadedTable() {
        case .refused(let name, let why): return refused(name, [why])
        case .read(let name, let read): (fileName, rows) = (name, read)
        }
        switch ModerationGrades.read(rows.map { ($0.number, $0.cells) }, scale: .ofsted) {
        case .failure(let problems):
            return refused(fileName, problems.all.map(\.description))
        case .success(let table):
            // 2,000 resamples of each measure: off the threads that answer requests.
            let report = try await req.application.calculate { AgreementReport(table, scale: .ofsted) }
            return .html(
                AgreementPage.render(
                    .init(outcome: .measured(fileName: fileName, report)), context: req.pageContext(AgreementPage.title, area: .quality)))
        }
    }
}
