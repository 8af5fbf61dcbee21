import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// `waymark demo generate --output FOLDER …` and `waymark demo load …`
struct DemoCommand: AsyncCommandGroup {
    var help: String { "Made-up data for demonstrations and benchmarks." }
    var commands: [String: any AnyAsyncCommand] { ["generate": GenerateDemo(), "load": LoadDemo()] }
}

/// The options both share: which children, made on which day.
private func demoChildren(_ children: Int?, _ seed: Int?, madeOn: String?) throws -> (count: Int, seed: UInt64, madeOn: ISODay) {
    let count = children ?? 2_000
    guard count >= 0 else { throw CommandFailure("--children must be 0 or more.") }
    guard let day = madeOn.map({ ISODay($0) }) ?? .today else {
        throw CommandFailure("--made-on: give a day as 2026-12-07.")
    }
    return (count, UInt64(max(0, seed ?? 1)), day)
}

struct GenerateDemo: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "output", short: "o",
            help: "The folder to write the SSDA903 CSV files into (the CIN census XML into its cin/, the extract into its ssd/).")
        var output: String?
        @Option(name: "children", help: "How many children (default 2000).")
        var children: Int?
        @Option(name: "seed", help: "The same seed makes the same children (default 1).")
        var seed: Int?
        @Option(name: "made-on", help: "The day the demo is made, as 2026-12-07: its records run to the day before (default today).")
        var madeOn: String?
        init() {}
    }

    var help: String {
        "Make children with realistic journeys and write them as SSDA903 and CIN census returns and a case-system extract (no database is opened)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let output = signature.output else { throw CommandFailure("Give --output FOLDER: where to write the files.") }
        let (count, seed, madeOn) = try demoChildren(signature.children, signature.seed, madeOn: signature.madeOn)
        guard count > 0 else { throw CommandFailure("--children must be at least 1.") }
        let started = Date()
        CommandProgress.note("Making \(count) children…")
        let names = try DemoLoading.Files(children: count, seed: seed, madeOn: madeOn).write(into: output)
        context.console.print(
            "Wrote \(names.count) files to \(output): \(names.joined(separator: ", ")). "
                + String(format: "%.1f s.", Date().timeIntervalSince(started)))
    }
}

struct LoadDemo: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "children", help: "How many children (default 2000; 0 for none).")
        var children: Int?
        @Option(name: "seed", help: "The same seed makes the same children (default 1).")
        var seed: Int?
        @Option(name: "made-on", help: "The day the demo is made, as 2026-12-07: its records run to the day before (default today).")
        var madeOn: String?
        @Option(
            name: "years", help: "Load this many collection years, the last being the latest complete one, as the children's history (default 1).")
        var years: Int?
        init() {}
    }

    var help: String {
        "Load the demo into the database, each part only where it has none: the borough's organisations and teams, its plans, "
            + "made-up children (loaded through the same readers as real returns), and the first administrator."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (count, seed, madeOn) = try demoChildren(signature.children, signature.seed, madeOn: signature.madeOn)
        let years = signature.years ?? 1
        guard (1...20).contains(years) else { throw CommandFailure("--years must be from 1 to 20.") }
        let app = context.application
        let db = try await context.database(noteMissingAdministrator: false)
        let started = Date()
        // Children are made only into a database that has none: say so rather than load nothing without a word.
        let held = count > 0 ? try await CaseloadStore.childCount(on: db) : 0
        if count > 0, held == 0 { CommandProgress.note("Making and loading \(count) children\(years > 1 ? " for \(years) years" : "")…") }
        // The administrator first: the demo brings accounts of its own (the QA team), and one is made only into a
        // database with none.
        let admin = try await FirstAdministrator.createIfNone(app: app)
        let done = try await DemoStart.load(children: count, seed: seed, madeOn: madeOn, years: years, app: app)
        for line in done { context.console.print(line) }
        if held > 0 { context.console.print("The database already holds \(held) children: no demo children were made.") }
        if let admin { context.console.print(admin) }
        if done.isEmpty, held == 0 { context.console.print("The database already has the demo's teams and plans: nothing was loaded.") }
        context.console.print(String(format: "%.1f s.", Date().timeIntervalSince(started)))
    }
}
