import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// `waymark performance [--period 2026-03]`: Performance Matters in the terminal, with how long it took to read the
/// records and work out every measure (the benchmark's figure).
struct PerformanceCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "period", help: "A month (2026-03) or any period (2025-04-01..2026-03-31); default: the latest month with records.")
        var period: String?
        init() {}
    }

    var help: String { "Work out every Performance Matters measure for a period, with its 12 months before, and print the period's figures." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let report: PerformanceReport
        do {
            report = try await .init(period: signature.period, app: app, on: app.sideBySide(try await context.database()))
        } catch let unknown as PerformanceReport.UnknownPeriod {
            throw CommandFailure(unknown.description)
        }
        context.console.print("Performance Matters: \(report.period.inWords), as at \(report.figures.today.written)")
        let oversight = try await ManagementOversight.measures(report, trendIndices: [], withheld: { _ in false }, app: app, on: app.db)
        for section in PerformanceSection.allCases {
            context.console.print("\n\(section.title)")
            for measure in section.measures {
                let figure = PerformanceMattersController.figure(report.figures.figure(measure, period: report.index), measure).inWords
                context.console.print("  \(measure.title): \(figure)")
            }
            for measure in section == .managementOversight ? oversight : [] {
                context.console.print("  \(measure.title): \(measure.figure.value) (\(measure.figure.ofCounted))")
            }
        }
        context.console.print(
            String(
                format: "\nRead %d records of %d children in %.2f s; worked out %d measures for %d periods in %.2f s.",
                report.records, report.ids.count, report.worked.readSeconds, PerformanceMeasure.allCases.count,
                report.figures.periods.count, report.worked.workSeconds))
    }
}
