import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkSpreadsheet
import WaymarkStore
import WaymarkWeb

/// A programme's grades as a table with no names in it: each submitted audit by the order it was drawn, each domain
/// and overall, the first auditor's grade and the second auditor's where there is one. It is the table the agreement
/// page and `waymark quality agreement` read, so agreement can be checked again elsewhere, with any tool.
enum GradesExportController {
    static func download(xlsx: Bool) -> @Sendable (Request) async throws -> Response {
        { req in
            guard let id = UUID(uuidString: try req.parameters.require("programmeID")),
                let programme = try await CaseAuditStore.programme(id, on: req.db)
            else { throw Abort(.notFound) }
            let instrument = try ProgrammeFacts.instrument(of: programme)
            let titles = Dictionary(uniqueKeysWithValues: instrument.domains.map { ($0.id, $0.title) } + [(CompletedCaseAudit.overallKey, "Overall")])
            let order = Dictionary(
                uniqueKeysWithValues: (instrument.domains.map(\.id) + [CompletedCaseAudit.overallKey]).enumerated().map { ($1, $0) })
            let scale = instrument.scale.grades
            func grade(_ place: Int?) -> String { place.map { scale.indices.contains($0) ? scale[$0] : String($0 + 1) } ?? "" }
            let rows = try await CaseAuditStore.gradeTable(inProgramme: id, on: req.db)
                .sorted { ($0.number, order[$0.domain] ?? .max) < ($1.number, order[$1.domain] ?? .max) }
                .map { ["Audit \($0.number)", titles[$0.domain] ?? $0.domain, grade($0.first), grade($0.second)] }
            let table = [["Audit", "Domain", "First auditor", "Second auditor"]] + rows
            try await req.audit(
                .export, recordType: .auditProgramme, recordID: id.uuidString,
                detail: "grades as \(xlsx ? "Excel" : "CSV") (\(rows.count) rows, no names)")
            let name = "audit-grades-\(programme.drawnOn)"
            guard xlsx else { return .attachment(CSVFile.data(table), named: "\(name).csv", type: "text/csv; charset=utf-8") }
            let sheet = Workbook.Sheet(
                name: "Grades", rows: table.map { $0.map { $0.isEmpty ? .empty : .text($0) } }, columnWidths: [12, 36, 32, 32])
            return .attachment(
                try Workbook(sheets: [sheet]).data(), named: "\(name).xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        }
    }
}
