import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkSpreadsheet
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Indicator values in and out as files: the templates, an indicator's values as CSV or Excel, and the upload page.
enum IndicatorTransferController {
    /// An upload may be larger than a form: ten thousand rows of values fit well within this.
    static let largestUpload: ByteCount = "10mb"

    @Sendable static func uploadPage(req: Request) async throws -> Response {
        try await page(req, outcome: .none)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let user = try req.requireSignedIn().user
        let (fileName, rows): (String, [SheetRow])
        switch req.uploadedTable() {
        case .refused(let name, let why): return try await page(req, outcome: .refused(fileName: name, mistakes: [why]), status: .unprocessableEntity)
        case .read(let name, let read): (fileName, rows) = (name, read)
        }
        let read = IndicatorValuesSheet.records(rows: rows.map { ($0.number, $0.cells) })
        guard read.mistakes.isEmpty else {
            return try await page(
                req, outcome: .refused(fileName: fileName, mistakes: read.mistakes.map(\.description)), status: .unprocessableEntity)
        }
        let outcome = try await IndicatorValuesStore.upload(
            read.records, source: "Uploaded by \(user.displayName) from \(fileName)", author: user.displayName, by: req.auditActor, on: req.db)
        switch outcome {
        case .mistakes(let mistakes):
            return try await page(req, outcome: .refused(fileName: fileName, mistakes: mistakes.map(\.description)), status: .unprocessableEntity)
        case .changes(let changes):
            return try await page(req, outcome: .uploaded(fileName: fileName, summary: changes.summary))
        }
    }

    static func template(_ format: TableFormat) -> @Sendable (Request) async throws -> Response {
        { req in
            let header = IndicatorValuesSheet.Column.allCases.map(\.rawValue)
            switch format {
            case .csv:
                return .attachment(CSVFile.data([header]), named: "indicator-values-template.csv", type: format.mediaType)
            case .xlsx:
                let indicators = try await MeasuresStore.indicatorsByCode(on: req.db)
                let areas = try await MeasuresStore.reportingAreas(on: req.db)
                let workbook = Workbook(sheets: [
                    .init(name: "Values", rows: [header.map(Workbook.Cell.text)], columnWidths: header.map { max(12, $0.count + 2) }),
                    .init(
                        name: "Guidance",
                        rows: [[.text("Column"), .text("What goes in it")]]
                            + IndicatorValuesSheet.Column.allCases.map { [.text($0.rawValue), .text($0.guidance)] }, columnWidths: [24, 120]),
                    .init(
                        name: "Indicators",
                        rows: [[.text("Code"), .text("Indicator"), .text("Unit"), .text("Period type"), .text("Period written like")]]
                            + indicators.map {
                                [
                                    .text($0.code), .text($0.name), .text($0.unit.displayName), .text($0.periodType.displayName),
                                    .text($0.periodType.pattern),
                                ]
                            },
                        columnWidths: [36, 60, 18, 18, 18]),
                    .init(
                        name: "Areas", rows: [[.text("Area"), .text("Kind")]] + areas.map { [.text($0.name), .text($0.kind.rawValue)] },
                        columnWidths: [30, 14]),
                ])
                return .attachment(try workbook.data(), named: "indicator-values-template.xlsx", type: format.mediaType)
            }
        }
    }

    /// Everything stored for one indicator, as the upload's table: uploading it back changes nothing.
    static func download(_ format: TableFormat) -> @Sendable (Request) async throws -> Response {
        { req in
            let code = try req.parameters.require("indicatorCode")
            let snapshot = try await IndicatorValuesStore.snapshot(codes: [code], on: req.db)
            guard snapshot.indicators[code] != nil else { throw Abort(.notFound) }
            let table = snapshot.table()
            try await req.audit(.export, recordType: .indicator, recordID: code, detail: "values as \(format.displayName) (\(table.count - 1) rows)")
            switch format {
            case .csv:
                return .attachment(CSVFile.data(table), named: "\(code)-values.csv", type: format.mediaType)
            case .xlsx:
                let numbers = IndicatorValuesSheet.numberColumns
                let rows: [[Workbook.Cell]] = table.enumerated().map { index, row in
                    zip(table[0], row).map { column, cell in
                        if cell.isEmpty { return .empty }
                        if index > 0, numbers.contains(column), let number = Double(cell) { return .number(number) }
                        return .text(cell)
                    }
                }
                let sheet = Workbook.Sheet(
                    name: "Values", rows: rows, columnWidths: table[0].map { $0 == "source" || $0.hasPrefix("story") ? 40 : 16 })
                return .attachment(try Workbook(sheets: [sheet]).data(), named: "\(code)-values.xlsx", type: format.mediaType)
            }
        }
    }

    private static func page(_ req: Request, outcome: IndicatorUploadPage.Outcome, status: HTTPResponseStatus = .ok) async throws -> Response {
        let indicators = try await MeasuresStore.indicatorsByCode(on: req.db)
        let areas = try await MeasuresStore.reportingAreas(on: req.db)
        let model = IndicatorUploadPage.Model(
            indicators: indicators.map { ($0.code, $0.name, $0.periodType) }, areas: areas.map(\.name), outcome: outcome)
        return .html(IndicatorUploadPage.render(model, context: req.pageContext("Upload indicator values", area: .measures)), status: status)
    }
}
