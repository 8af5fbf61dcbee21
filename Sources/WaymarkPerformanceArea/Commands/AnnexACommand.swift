import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// `waymark annex-a --on 2026-03-31 [--headers sex|gender] [--output annex-a.xlsx]`: Ofsted's Annex A for the whole
/// borough, its checks, and the workbook, with the seconds spent reading, working out and writing (the benchmark's
/// figures).
struct AnnexACommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "on", help: "The day the lists are drawn up for (yyyy-mm-dd); default: today.")
        var on: String?
        @Option(name: "headers", help: "sex (the 2026 lists) or gender (before 2026); default: the version in force on the day.")
        var headers: String?
        @Option(name: "output", help: "Where to write the workbook; default: annex-a-<day>.xlsx in the current folder.")
        var output: String?
        init() {}
    }

    var help: String { "Draw up Ofsted's Annex A lists for a day, check them, and write the workbook." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let day = signature.on.map({ ISODay($0) }) ?? ISODay.today else {
            throw CommandFailure("--on \(signature.on ?? ""): write the day as yyyy-mm-dd, for example 2026-03-31.")
        }
        let version: AnnexA.Version
        if let headers = signature.headers {
            guard let chosen = AnnexA.Version(rawValue: headers) else { throw CommandFailure("--headers \(headers): write sex or gender.") }
            version = chosen
        } else {
            version = .inForce(on: day)
        }
        let db = try await context.database()
        let started = Date()
        CommandProgress.note("Reading every child's records…")
        let children = try await JourneyReading.annexAChildren(on: day, scope: .all, on: db).children
        CommandProgress.note("Drawing up and checking the lists for \(children.count) children…")
        let read = Date()
        let annex = AnnexA(children: children, on: day, version: version)
        let worked = Date()
        let data = try annex.workbook().data()
        let output = signature.output ?? "annex-a-\(day).xlsx"
        try data.write(to: URL(fileURLWithPath: output))
        let written = Date()
        context.console.print(
            "Ofsted Annex A as at \(day.inWords): \(annex.window.lowerBound.written) to \(annex.window.upperBound.written), "
                + "headers with \"\(version == .sex ? "Sex" : "Gender")\""
        )
        for list in annex.lists { context.console.print("  List \(list.number), \(list.title): \(Counted.phrase(list.rows.count, "row"))") }
        context.console.print("Checks: \(annex.problems.count) problems")
        for problem in annex.problems.prefix(20) { context.console.print("  \(problem)") }
        if annex.problems.count > 20 { context.console.print("  … and \(annex.problems.count - 20) more (the Annex A page lists them all)") }
        context.console.print("Wrote \(output) (\(data.count) bytes).")
        // The last line is the benchmark's: the seconds spent on each part.
        context.console.print(
            String(
                format: "Read %d children in %.2f s; worked out and checked the lists in %.2f s; wrote the workbook in %.2f s.",
                children.count, read.timeIntervalSince(started), worked.timeIntervalSince(read), written.timeIntervalSince(worked)))
    }
}
