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
        /// Each collection year loaded, oldest first, with what its SSDA903 return and CIN census did.
        package var returns: [(year: String, ssda903: ReturnLoading.Summary, cin: ReturnLoading.Summary)]
        package var caseSystem: ReturnLoading.Summary
    }

    /// The borough's teams (`DemoReferenceData`) the demo allocates to.
    package static let teams = DemoCaseSystem.Teams(
        assessment: ["Duty & Assessment Team 1", "Duty & Assessment Team 2"],
        intervention: ["Intervention and Planning Team 1", "Intervention and Planning Team 2"],
        inCare: "Children in Care Team", leavingCare: "Leaving Care Team",
        earlyHelp: ["Early Help Hub – East Central", "Early Help Hub – South", "Early Help Hub – West"])

    /// Makes and loads that many demo children, made on `madeOn` (their records run to the day before), then keeps
    /// their clocks as at today (`KeptClocks`), as every import does.
    /// - Parameter years: how many collection years to load, the last being the latest complete one: each earlier
    ///   year's children are made afresh under the same identifiers (WM000001…), to that year's end, so that the store
    ///   holds years of records of each, as a council's does (the benchmark's load). Their details are the last's.
    package static func generate(
        children: Int, seed: UInt64, madeOn: ISODay, years: Int = 1, engine: TimescaleEngine,
        by actor: AuditTrail.Actor, on db: any Database
    ) async throws -> Result {
        let latest = DemoReturns.latestCompleteYear(on: madeOn.adding(days: -1))
        for earlier in (latest - years + 1)..<latest {
            let files = Files(
                children: children, seed: seed &+ UInt64(latest - earlier), through: ISODay(year: earlier, month: 3, day: 31),
                rowIDYear: earlier)
            _ = try await load(files, by: actor, on: db)
        }
        let result = try await load(Files(children: children, seed: seed, madeOn: madeOn, rowIDYear: years > 1 ? latest : nil), by: actor, on: db)
        try await KeptClocks.keep(on: .today, engine: engine, db: db)
        return result
    }

    /// The returns and extract as the files a council would have on the day the demo is made: the SSDA903 return and
    /// CIN census for the latest complete collection year and for the year so far, and the case system's extract.
    package struct Files {
        package struct Collection {
            package var year: Int
            /// A year not yet over: the return so far.
            package var soFar: Bool
            /// "2025/26", or "2026/27 so far".
            package var name: String { "\(year - 1)/\(year % 100)" + (soFar ? " so far" : "") }
            package var ssda903: [(name: String, data: Data)] = []
            package var census: (name: String, data: Data)
        }
        /// Oldest first: the latest complete year's, then the year so far's (none when made on 1 April).
        package var returns: [Collection]
        package var extract: [(name: String, data: Data)]

        /// The demo as made on `madeOn`: everything up to the day before.
        package init(children: Int, seed: UInt64, madeOn: ISODay, rowIDYear: Int? = nil) {
            self.init(children: children, seed: seed, through: madeOn.adding(days: -1), rowIDYear: rowIDYear)
        }

        package init(children: Int, seed: UInt64, through lastDay: ISODay, rowIDYear: Int? = nil) {
            let demo = DemoReturns(children: children, seed: seed, through: lastDay)
            let latest = DemoReturns.latestCompleteYear(on: lastDay), current = DemoReturns.collectionYear(holding: lastDay)
            returns = Set([latest, current]).sorted().map { year in
                let (ssda903, census) = demo.collection(year)
                return Collection(
                    year: year, soFar: year > latest,
                    ssda903: SSDA903Table.allCases.compactMap { table in
                        guard let rows = ssda903.rows[table], !rows.isEmpty else { return nil }
                        let columns = table.columns
                        return (
                            table.fileName, CSVFile.data([columns.map(\.rawValue)] + rows.map { row in columns.map { row[$0] } }, lineEnding: "\n")
                        )
                    },
                    census: (name: "cin-census-\(year).xml", data: CINCensusWriter.data(census)))
            }
            extract = DemoCaseSystem(demo, teams: DemoLoading.teams, seed: seed, rowIDYear: rowIDYear).files
        }

        /// Writes the latest complete year's SSDA903 return into `output` (so the folder is the return, as `validate 903`
        /// and `import 903` read it) and its CIN census into `output/cin`; the year so far's into `output/year-so-far`
        /// and its `cin`; the extract into `output/ssd`. Returns the names written.
        package func write(into output: String) throws -> [String] {
            let folder = URL(fileURLWithPath: output)
            var written: [String] = []
            func write(_ data: Data, _ path: String) throws {
                let file = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: file)
                written.append(path)
            }
            for (index, collection) in returns.enumerated() {
                let under = index == 0 ? "" : "year-so-far/"
                for file in collection.ssda903 { try write(file.data, under + file.name) }
                try write(collection.census.data, under + "cin/" + collection.census.name)
            }
            for file in extract { try write(file.data, "ssd/" + file.name) }
            return written
        }
    }

    /// The files, loaded through the same readers as real ones: each year's returns, oldest first, then the extract.
    private static func load(_ files: Files, by actor: AuditTrail.Actor, on db: any Database) async throws -> Result {
        var returns: [(year: String, ssda903: ReturnLoading.Summary, cin: ReturnLoading.Summary)] = []
        for collection in files.returns {
            returns.append(
                (
                    collection.name, try await ReturnLoading.load(.ssda903(collection.ssda903, year: collection.year), by: actor, on: db),
                    try await ReturnLoading.load(.cin(collection.census), by: actor, on: db)
                ))
        }
        return Result(returns: returns, caseSystem: try await ReturnLoading.load(.caseSystem(files.extract), by: actor, on: db))
    }
}
