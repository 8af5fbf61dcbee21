import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Importing a statutory return, or the case system's extract, through the browser: the same readers and the same loading as `waymark import`.
enum ReturnUploadController {
    /// A CIN census of 30,000 children is 22 MB.
    static let largestUpload: ByteCount = "50mb"

    struct UploadForm: Content {
        var kind: String?
        var year: String?
        var files: [File]?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        page(req, .init(kind: "903", year: "", errors: FormErrors(), outcome: .none))
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let form = try req.content.decode(UploadForm.self)
        let files = (form.files ?? []).filter { $0.data.readableBytes > 0 }.map { (name: $0.filename, data: Data(buffer: $0.data)) }
        let kind = form.kind ?? "903", yearText = (form.year ?? "").trimmingCharacters(in: .whitespaces)
        var errors = FormErrors()
        if files.isEmpty { errors.add("files", "Choose the return's files") }
        let year = Int(yearText)
        if kind == "903", year.map({ !(2000...2100).contains($0) }) ?? true { errors.add("year", "Enter the collection year, like 2026") }
        if kind == "cin", files.count > 1 { errors.add("files", "Choose one CIN census file") }
        guard errors.isEmpty else {
            return page(req, .init(kind: kind, year: yearText, errors: errors, outcome: .none), status: .unprocessableEntity)
        }

        let limits = req.application.settings.readLimits
        let read = try await req.application.calculate {
            switch kind {
            case "cin": ReadReturn.cin(files[0], limits: limits)
            case "ssd": ReadReturn.caseSystem(files, limits: limits)
            default: ReadReturn.ssda903(files, year: year, limits: limits)
            }
        }
        do {
            let summary = try await ReturnLoading.load(read, keepingClocksWith: req.application.timescaleEngine, by: req.auditActor, on: req.db)
            return page(
                req,
                .init(
                    kind: kind, year: yearText, errors: FormErrors(),
                    outcome: .imported(summary: summary.description, problems: read.problems.map(\.description))))
        } catch let refused as ReturnLoading.Refused {
            return page(
                req, .init(kind: kind, year: yearText, errors: FormErrors(), outcome: .refused(problems: refused.problems.map(\.description))),
                status: .unprocessableEntity)
        }
    }

    private static func page(_ req: Request, _ model: ReturnUploadPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        .html(ReturnUploadPage.render(model, context: req.pageContext("Import a statutory return", area: .children)), status: status)
    }
}
