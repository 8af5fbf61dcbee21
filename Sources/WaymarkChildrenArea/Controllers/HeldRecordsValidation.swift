import Fluent
import Foundation
import SQLKit
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
    /// One of the child's records with the collection years whose return held it.
    struct HeldRecord {
        var record: JourneyRecord
        var years: [Int]
    }

    static func checks(child: String, records: [HeldRecord], on db: any Database) async throws -> [ChildPage.ReturnCheck] {
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
                result = ChildRecordsCheck.ssda903(inReturn, child: child, year: year, tables: try await ssda903Tables(of: latest, on: db))
            case let (.cin, year?): result = ChildRecordsCheck.cin(inReturn, child: child, year: year)
            }
            checks.append(ChildPage.ReturnCheck(title: "\(name) \(CollectionYear(endYear: latest))", findings: result?.findings.map { finding in
                ChildPage.ReturnCheck.Finding(rule: finding.rule, severity: finding.severity.displayName, record: finding.record,
                                              fields: finding.fields.joined(separator: ", "), message: finding.message)
            }))
        }
        return checks
    }

    /// The tables the year's latest SSDA903 import had (all of them when the import did not record its files).
    private static func ssda903Tables(of year: Int, on db: any Database) async throws -> Set<SSDA903Table> {
        // Only the layout: an import's row also holds its whole summary, which a child's page does not need.
        let layout = try await (db as! any SQLDatabase).select().column("layout").from(ReturnImport.schema)
            .where("kind", .equal, "ssda903").where("collection_year", .equal, year).where("layout", .isNot, SQLLiteral.null)
            .orderBy("imported_at", .descending).limit(1).first(decodingColumn: "layout", as: String.self)
        let names = layout.flatMap { try? JSONDecoder().decode([String: CSVLayout].self, from: Data($0.utf8)) }?.keys
        let tables = Set((names.map(Array.init) ?? []).compactMap(SSDA903Table.init(rawValue:)))
        return tables.isEmpty ? Set(SSDA903Table.allCases) : tables
    }
}
