import Foundation
import Vapor

/// `waymark demo generate --children N --seed S [--year YYYY] [--years N] [--output FOLDER]`
struct DemoCommand: AsyncCommandGroup {
    var help: String { "Made-up data for demonstrations and benchmarks." }
    var commands: [String: any AnyAsyncCommand] { ["generate": GenerateDemo()] }
}

struct GenerateDemo: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "children", help: "How many children (default 2000).")
        var children: Int?
        @Option(name: "seed", help: "The same seed makes the same children (default 1).")
        var seed: Int?
        @Option(name: "year", help: "The collection year the returns are for (default 2026).")
        var year: Int?
        @Option(name: "years", help: "Load this many collection years, the last being --year, as the children's history (default 1).")
        var years: Int?
        @Option(name: "output", short: "o", help: "Also write the SSDA903 CSV files and the CIN census XML into this folder.")
        var output: String?
        init() {}
    }

    var help: String {
        "Make children with realistic journeys, write them as SSDA903 and CIN census returns and a case-system extract, and load those."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = signature.children ?? 2_000
        guard count > 0 else { throw CommandFailure("--children must be at least 1.") }
        let years = signature.years ?? 1
        guard (1...20).contains(years) else { throw CommandFailure("--years must be from 1 to 20.") }
        let started = Date()
        let result = try await DemoLoading.generate(children: count, seed: UInt64(max(0, signature.seed ?? 1)), year: signature.year ?? 2026, years: years,
                                                    output: signature.output, engine: context.application.timescaleEngine, by: .commandLine,
                                                    on: context.application.db)
        if let output = signature.output { context.console.print("Wrote \(result.files.joined(separator: ", ")) to \(output).") }
        if years > 1 { context.console.print("Loaded \(years) years; the last year's returns:") }
        context.console.print("SSDA903: \(result.ssda903).")
        context.console.print("CIN census: \(result.cin).")
        context.console.print("Case system extract: \(result.caseSystem). \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }
}
