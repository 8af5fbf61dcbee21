import Fluent
import Vapor
import WaymarkStore
import WaymarkWeb

/// `waymark backup FILE`: a consistent copy of the SQLite database, safe while the server runs
/// (SQLite's `VACUUM INTO` reads one snapshot). For PostgreSQL it says which pg_dump command to use.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the copy; it must not exist yet.")
        var file: String
        init() {}
    }

    var help: String { "Write a consistent copy of the database to a file, while the server runs." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch app.settings.database {
        case .postgres:
            throw CommandFailure(
                """
                Waymark is on PostgreSQL: back it up with PostgreSQL's own tool, which takes a consistent snapshot while Waymark runs:
                  pg_dump --format=custom --file=\(signature.file) "$DATABASE_URL"
                and restore with: pg_restore --clean --dbname="$DATABASE_URL" \(signature.file)
                """)
        case .sqlite:
            let target = URL(fileURLWithPath: signature.file).standardizedFileURL.path
            guard !FileManager.default.fileExists(atPath: target) else {
                throw CommandFailure("\(target) already exists: choose a new file name.")
            }
            try await StoreOperations.copySQLite(try await context.database(), to: target)
            let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
            context.console.output("Backed up to \(target) (\(String(size / 1024)) KiB).")
        }
    }
}

/// `waymark version`
struct VersionCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    static let version = "0.1.0"
    var help: String { "Print Waymark's version." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.output("Waymark \(Self.version)")
    }
}
