import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkPlanFile
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// `waymark plan import FILE | export [--output FILE] | reminders [--days N]`
struct PlanCommand: AsyncCommandGroup {
    var help: String { "Load, save and chase the partnership's plans." }
    var commands: [String: any AnyAsyncCommand] {
        ["import": ImportPlan(), "export": ExportPlan(), "reminders": PlanReminders()]
    }
}

struct ImportPlan: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A plan data file (YAML or JSON), as `waymark plan export` writes.")
        var file: String
        init() {}
    }

    var help: String { "Check a plan data file and load it whole, or load nothing and list every problem." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("\(signature.file): cannot be read.")
        }
        let summary = try await PlanLoading.load(data, fileName: signature.file, by: .commandLine, on: try await context.database())
        context.console.print("Imported \(signature.file): \(summary).")
    }
}

struct ExportPlan: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "Write to this file instead of standard output.")
        var output: String?
        init() {}
    }

    var help: String { "Write every plan, with its current progress, as a plan data file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let db = try await context.database()
        let text = try PlanFileCoder.write(try await PlanExporter.run(on: db))
        try await AuditTrail.record(.export, recordType: .plan, detail: "plan data file", by: .commandLine, on: db)
        if let output = signature.output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            context.console.print("Wrote \(output).")
        } else {
            context.console.output(text.consoleText(), newLine: false)
        }
    }
}

struct PlanReminders: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "days", help: "Chase actions with no update for this many days (default \(ActionRecord.staleAfterDays)).")
        var days: Int?
        @Option(name: "today", help: "The day to count from, yyyy-mm-dd (default: today, UTC).")
        var today: String?
        @Option(name: "base-url", help: "Waymark's address for the links (default: http://HOST:PORT from the settings).")
        var baseURL: String?
        init() {}
    }

    var help: String { "Print, for each organisation, a message listing its actions that need an update, ready to mail." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let today = signature.today.map({ ISODay($0) }) ?? ISODay.today else {
            throw CommandFailure("--today: \"\(signature.today ?? "")\" is not a date written yyyy-mm-dd.")
        }
        let days = signature.days ?? ActionRecord.staleAfterDays
        guard days > 0 else { throw CommandFailure("--days: give a whole number of days above 0.") }
        let catalogue = try await PlanCatalogue.load(on: try await context.database())
        let digests = ReminderDigest.make(
            from: catalogue, today: today, staleAfter: days,
            baseURL: signature.baseURL ?? "http://\(app.settings.hostname):\(app.settings.port)")
        if digests.isEmpty {
            context.console.print("Every open action has an update from the last \(days) days.")
        }
        context.console.output(digests.joined(separator: "\n").consoleText(), newLine: false)
    }
}
