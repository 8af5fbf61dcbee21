import Vapor
import WaymarkWeb

/// `waymark serve`: Vapor's server, after opening the database. With the demo (`WAYMARK_DEMO_DATA`, on by default only
/// for the embedded SQLite database under ./data), an empty database gets the demo and the first administrator;
/// otherwise a database with no administrator is told how to make one.
struct ServeWaymark: AsyncCommand {
    typealias Signature = ServeCommand.Signature
    let server: ServeCommand

    var help: String { server.help }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        _ = try await context.database(noteMissingAdministrator: false)
        if app.settings.loadDemoData {
            // The administrator first: the demo brings accounts of its own (the QA team), and one is made only into a
            // database with none.
            if let admin = try await FirstAdministrator.createIfNone(app: app) { context.console.print(admin) }
            for line in try await DemoStart.load(children: app.settings.demoChildren, app: app) { app.logger.notice("\(line)") }
        }
        // Also where the demo found users but no administrator among them.
        try await FirstAdministrator.noteIfMissing(app: app)
        try await server.run(using: context, signature: signature)
    }
}
