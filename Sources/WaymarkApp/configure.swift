import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor
import WaymarkAdminArea
import WaymarkChildrenArea
import WaymarkMeasuresArea
import WaymarkPerformanceArea
import WaymarkPlanArea
import WaymarkQualityArea
import WaymarkStore
import WaymarkSupervisionArea
import WaymarkTimescales
import WaymarkWeb

/// Builds the application: the same function for the server, the command line and the tests.
public func configure(_ app: Application, settings: Settings) async throws {
    // Every file Waymark makes (the database, its WAL, backups, exports, printed reports) is readable by its own user
    // only: each can hold children's records.
    umask(0o077)
    app.settings = settings
    app.logger.logLevel = settings.logLevel
    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    // Forms are small; only routes that take files (which say so) read more, and only from those who may use them.
    app.routes.defaultMaxBodySize = "64kb"
    app.timescaleEngine = try TimescaleEngine.configured(by: settings)
    await app.startThreadPools()

    switch settings.database {
    case .sqlite(let path):
        // Opened, with its folder made, only by what needs it (`openDatabase`): a command that needs none makes nothing.
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.coreConfiguration.options.additionalStartupParameters = PostgresSession.settings
        // Four connections per event loop: measured 1,442 → 1,537 signed-in pages a second over the default of one.
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
    }

    // Migrations are the detail of opening a database; a command's output is its result.
    app.fluent.migrationLogLevel = .debug
    app.migrations.add(StoreMigrations.all)

    // Outermost first: log every request (with its final status), add security headers (to error pages too), turn
    // errors into pages.
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())

    // The areas, each its own target: their routes (each with its access) and their commands.
    for area in areas {
        try area.routes(app)
        for (name, command) in area.commands { app.asyncCommands.use(command, as: name) }
    }
    try routes(app, besides: areas)

    app.asyncCommands.use(ServeWaymark(server: await app.servers.asyncCommand), as: "serve", isDefault: true)
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(VersionCommand(), as: "version")
}

/// Every area Waymark has, in the navigation's order: adding an area adds it here.
var areas: [any WaymarkArea.Type] {
    [PlanArea.self, MeasuresArea.self, ChildrenArea.self, PerformanceArea.self, QualityArea.self, SupervisionArea.self, AdminArea.self]
}
