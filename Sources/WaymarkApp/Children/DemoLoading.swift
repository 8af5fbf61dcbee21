import Fluent
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns
import WaymarkSpreadsheet

/// Makes demo children (`DemoReturns`), writes them as the returns a council would produce, and loads those returns
/// the way real ones are loaded, with made-up names and each open case allocated to a children's social care team.
enum DemoLoading {
    struct Result {
        var ssda903: ReturnLoading.Summary
        var cin: ReturnLoading.Summary
        var allocated: Int
        var files: [String]
    }

    static func generate(children: Int, seed: UInt64, year: Int, output: String?, by actor: AuditTrail.Actor, on db: any Database) async throws -> Result {
        let demo = DemoReturns(children: children, seed: seed, year: year)
        var files: [String] = []
        var csv: [(name: String, data: Data)] = []
        for table in SSDA903Table.allCases {
            guard let rows = demo.ssda903.rows[table], !rows.isEmpty else { continue }
            let columns = table.columns
            csv.append((table.fileName, CSVFile.data([columns.map(\.rawValue)] + rows.map { row in columns.map { row[$0] } }, lineEnding: "\n")))
        }
        let censusData = CINCensusWriter.data(demo.census)
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for file in csv { try file.data.write(to: URL(fileURLWithPath: output).appendingPathComponent(file.name)) }
            try censusData.write(to: URL(fileURLWithPath: output).appendingPathComponent("cin-census-\(year).xml"))
            files = csv.map(\.name) + ["cin-census-\(year).xml"]
        }
        // Through the readers, as real returns go, with the made-up names added: what is stored is what the files say.
        func named(_ read: ReadReturn) -> ReadReturn {
            var named = read
            named.journeys.children = read.journeys.children.map { child in
                var child = child
                (child.givenName, child.familyName) = demo.names[child.localID].map { ($0.given, $0.family) } ?? (nil, nil)
                return child
            }
            return named
        }
        let ssda903 = try await ReturnLoading.load(named(.ssda903(csv, year: year)), by: actor, on: db)
        let cin = try await ReturnLoading.load(named(.cin(("cin-census-\(year).xml", censusData))), by: actor, on: db)
        let allocated = try await allocate(seed: seed, year: year, on: db)
        return Result(ssda903: ssda903, cin: cin, allocated: allocated, files: files)
    }

    /// Every child with an open episode and no current allocation goes to one of the children's social care teams
    /// (the same seed, the same teams), from the day the episode began.
    private static func allocate(seed: UInt64, year: Int, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        struct Open: Decodable { var child_id: UUID; var starts: String? }
        let open = try await sql.select().column("child_id").column(SQLFunction("MIN", args: SQLColumn("starts")), as: "starts")
            .from(JourneyEvent.schema).where("ends", .is, SQLLiteral.null).where("kind", .in, ["cin.episode", "ssda903.episodes"])
            .groupBy("child_id").all(decoding: Open.self)
        let allocated = Set(try await ChildAllocation.query(on: db).filter(\.$ends == nil).all().map(\.childID))
        let teams = try await Team.query(on: db).with(\.$serviceArea).sort(\.$name).all()
            .filter { !["Early Help", "Youth"].contains(where: $0.serviceArea.name.contains) }
        guard !teams.isEmpty else { return 0 }
        var random = SeededRandom(seed: seed ^ 0xA110C)
        var rows: [[SQLBind]] = []
        for child in open.sorted(by: { $0.child_id.uuidString < $1.child_id.uuidString }) where !allocated.contains(child.child_id) {
            let team = random.pick(teams)
            rows.append([SQLBind(UUID()), SQLBind(child.child_id), SQLBind(try team.requireID()), SQLBind(Optional<UUID>.none),
                         SQLBind(child.starts ?? "\(year - 1)-04-01"), SQLBind(Optional<String>.none)])
        }
        for chunk in rows.chunked(ReturnLoading.batchSize) {
            var insert = sql.insert(into: ChildAllocation.schema).columns("id", "child_id", "team_id", "worker_id", "starts", "ends")
            for row in chunk { insert = insert.values(row) }
            try await insert.run()
        }
        return rows.count
    }
}
