import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkValidation
import WaymarkWeb

/// A child's open validation issues, for their page: for each return, the child's records of the latest collection
/// year that held any of them, checked with that year's DfE rules as the return would send them (`ChildRecordsCheck`).
/// So the page shows what the return holds now, not what a file checked once held.
enum HeldRecordsValidation {
    static func checks(child: String, records: [ChildRecords.Held], app: Application, on db: any Database) async throws -> [ChildPage.ReturnCheck] {
        var checks: [ChildPage.ReturnCheck] = []
        for (kind, name, prefix) in [(RuleListing.Return.ssda903, "SSDA903", "ssda903."), (.cin, "CIN census", "cin.")] {
            let held = records.filter { $0.record.kind.rawValue.hasPrefix(prefix) }
            guard let latest = held.flatMap(\.years).max() else { continue }
            let inReturn = held.filter { $0.years.contains(latest) }.map(\.record)
                .sorted { ($0.sourceFile, $0.sourceLine) < ($1.sourceFile, $1.sourceLine) }
            let result: ChildRecordsCheck.Result?
            switch (kind, RuleListing.year(kind, endingIn: latest)) {
            case (_, nil): result = nil
            case let (.ssda903, year?):
                let tables = try await ChildRecords.ssda903Tables(of: latest, on: db)
                result = try await app.calculate { ChildRecordsCheck.ssda903(inReturn, child: child, year: year, tables: tables) }
            case let (.cin, year?): result = try await app.calculate { ChildRecordsCheck.cin(inReturn, child: child, year: year) }
            }
            checks.append(
                ChildPage.ReturnCheck(
                    title: "\(name) \(CollectionYear(endYear: latest))",
                    findings: result?.findings.map { finding in
                        ChildPage.ReturnCheck.Finding(
                            rule: finding.rule, severity: finding.severity.displayName, record: finding.record,
                            fields: finding.fields.joined(separator: ", "), message: finding.message)
                    }))
        }
        return checks
    }
}
