import FluentKit
import Foundation
import WaymarkDomain
import WaymarkPlanFile

/// Checks a plan data file and imports it whole, recording the import in the audit trail in the same
/// transaction; any problem leaves the database exactly as it was.
package enum PlanLoading {
    package static func load(_ data: Data, fileName: String, by actor: AuditTrail.Actor, on db: any Database) async throws -> PlanImportSummary {
        let file: PlanFile
        switch PlanFileCoder.read(data) {
        case .success(let read): file = read
        case .failure(let problems): throw PlanImportRefused(fileName: fileName, problems: problems)
        }
        do {
            return try await db.transaction { db in
                let summary = try await PlanImporter.run(file, inTransaction: db)
                try await AuditTrail.record(
                    .importFile, recordType: .plan, recordID: file.plans.map(\.slug).joined(separator: ","),
                    detail: "\(fileName): \(summary)", by: actor, on: db)
                return summary
            }
        } catch let problems as DataFileProblems {
            throw PlanImportRefused(fileName: fileName, problems: problems)
        }
    }
}

/// A plan file that was not imported, with every reason, each prefixed by the file's name.
package struct PlanImportRefused: Error, CustomStringConvertible {
    package var fileName: String
    package var problems: DataFileProblems

    package var description: String {
        "\(fileName) was not imported; nothing was changed. \(problems.problems.count) problem\(problems.problems.count == 1 ? "" : "s"):\n"
            + problems.problems.map { "\(fileName): \($0)" }.joined(separator: "\n")
    }
}
