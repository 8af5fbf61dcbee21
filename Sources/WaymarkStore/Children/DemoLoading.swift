import FluentKit
import Foundation
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet
import WaymarkTimescales

/// Makes demo children (`DemoReturns`) and their case-system extract (`DemoCaseSystem`), writes them as the files a
/// council would produce, and loads those files the way real ones are loaded: the returns, then the extract, which
/// adds names, contacts, visits and the rest, and allocates every open case to a worker in one of the borough's teams.
package enum DemoLoading {
    package struct Result {
        package var ssda903: ReturnLoading.Summary
        package var cin: ReturnLoading.Summary
        package var caseSystem: ReturnLoading.Summary
    }

    /// The borough's teams (`DemoReferenceData`) the demo allocates to.
    package static let teams = DemoCaseSystem.Teams(
        assessment: ["Duty & Assessment Team 1", "Duty & Assessment Team 2"],
        intervention: ["Intervention and Planning Team 1", "Intervention and Planning Team 2"],
        inCare: "Children in Care Team", leavingCare: "Leaving Care Team",
        earlyHelp: ["Early Help Hub – East Central", "Early Help Hub – South", "Early Help Hub – West"])

    /// Makes and loads that many demo children, then keeps their clocks as at today (`KeptClocks`), as every import does.
    /// - Parameter years: how many collection years to load, the last being `year`: each year's children are made
    ///   afresh under the same identifiers (WM000001…), so that the store holds years of records of each, as a
    ///   council's does (the benchmark's load). Their details are the last year's.
    package static func generate(
        children: Int, seed: UInt64, year: Int, years: Int = 1, engine: TimescaleEngine,
        by actor: AuditTrail.Actor, on db: any Database
    ) async throws -> Result {
        for earlier in (year - years + 1)..<year {
            _ = try await load(Files(children: children, seed: seed &+ UInt64(year - earlier), year: earlier, history: true), by: actor, on: db)
        }
        let result = try await load(Files(children: children, seed: seed, year: year, history: years > 1), by: actor, on: db)
        try await KeptClocks.keep(on: .today, engine: engine, db: db)
        return result
    }

    /// One year's returns and extract as the files a council would produce.
    package struct Files {
        package var year: Int
        package var ssda903: [(name: String, data: Data)] = []
        package var census: (name: String, data: Data)
        package var extract: [(name: String, data: Data)]

        package init(children: Int, seed: UInt64, year: Int, history: Bool = false) {
            self.year = year
            let demo = DemoReturns(children: children, seed: seed, year: year)
            for table in SSDA903Table.allCases {
                guard let rows = demo.ssda903.rows[table], !rows.isEmpty else { continue }
                let columns = table.columns
                ssda903.append(
                    (table.fileName, CSVFile.data([columns.map(\.rawValue)] + rows.map { row in columns.map { row[$0] } }, lineEnding: "\n")))
            }
            census = (name: "cin-census-\(year).xml", data: CINCensusWriter.data(demo.census))
            extract = DemoCaseSystem(demo, teams: DemoLoading.teams, seed: seed, year: year, yearInRowIDs: history).files
        }

        /// Writes the SSDA903 return into `output` (so the folder is the return, as `validate 903` and `import 903` read
        /// it), the CIN census into `output/cin` and the extract into `output/ssd`; returns the names written.
        package func write(into output: String) throws -> [String] {
            let folder = URL(fileURLWithPath: output)
            for sub in ["cin", "ssd"] {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            }
            for file in ssda903 { try file.data.write(to: folder.appendingPathComponent(file.name)) }
            try census.data.write(to: folder.appendingPathComponent("cin").appendingPathComponent(census.name))
            for file in extract { try file.data.write(to: folder.appendingPathComponent("ssd").appendingPathComponent(file.name)) }
            return ssda903.map(\.name) + ["cin/\(census.name)"] + extract.map { "ssd/\($0.name)" }
        }
    }

    /// One year's files, loaded through the same readers as real ones.
    private static func load(_ files: Files, by actor: AuditTrail.Actor, on db: any Database) async throws -> Result {
        Result(
            ssda903: try await ReturnLoading.load(.ssda903(files.ssda903, year: files.year), by: actor, on: db),
            cin: try await ReturnLoading.load(.cin(files.census), by: actor, on: db),
            caseSystem: try await ReturnLoading.load(.caseSystem(files.extract), by: actor, on: db))
    }
}
