import Fluent
import Vapor
import WaymarkStore

extension Application {
    private struct DatabaseOpened: StorageKey { typealias Value = Bool }

    /// Opens the database for the server or a command that needs it, once: SQLite's folder and write-ahead log, the
    /// migrations where configured (`WAYMARK_AUTO_MIGRATE`). Nothing else touches the database, so a command that needs
    /// none (`validate`, `demo generate`, `version`, `routes`, `--help`) creates nothing. A database that cannot be
    /// opened or migrated is named in one line, with why.
    public func openDatabase() async throws {
        guard storage[DatabaseOpened.self] != true else { return }
        do {
            if case .sqlite(let path) = settings.database {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // Write-ahead logging: readers never wait for a writer, and `waymark backup` can run beside the server.
                try await StoreOperations.useWriteAheadLog(db)
            } else {
                // Reached at all: a server that is down is told apart from a database with no tables. Asked with a
                // logger that keeps quiet, so the connection pool's own error line does not repeat the one below.
                var quiet = logger
                quiet.logLevel = .critical
                try await StoreOperations.ping(databases.database(logger: quiet, on: eventLoopGroup.any()) ?? db)
            }
            if settings.autoMigrate {
                try await autoMigrate()
            }
        } catch {
            throw CommandFailure("Waymark cannot open or migrate \(settings.database.inWords): \(Self.oneLine(error)).")
        }
        guard await isMigrated else {
            throw CommandFailure("\(settings.database.inWords) has no tables yet: run `waymark migrate` first.")
        }
        storage[DatabaseOpened.self] = true
    }

    private var isMigrated: Bool {
        get async {
            (try? await AccountRecords.count(on: db)) != nil
        }
    }

    private static func oneLine(_ error: any Error) -> String {
        String(reflecting: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension CommandContext {
    /// The database, opened for this command (`Application.openDatabase`); where it has no administrator, the
    /// command says (on standard error) how to make one.
    package func database(noteMissingAdministrator: Bool = true) async throws -> any Database {
        let app = application
        try await app.openDatabase()
        if noteMissingAdministrator { try await FirstAdministrator.noteIfMissing(app: app) }
        return app.db
    }
}

extension Settings.Database {
    /// Which database, for messages: the SQLite file, or PostgreSQL's host and database without the credentials.
    package var inWords: String {
        switch self {
        case .sqlite(let path):
            return "the SQLite database \(path)"
        case .postgres(let url):
            let parts = URLComponents(string: url)
            return "the PostgreSQL database \(parts?.path.dropFirst() ?? "") on \(parts?.host ?? "?"):\(parts?.port ?? 5432)"
        }
    }
}
