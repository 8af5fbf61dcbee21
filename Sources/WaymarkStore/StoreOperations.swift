import FluentKit
import SQLKit

/// What running the database takes besides reading and writing records: each a statement of its own.
package enum StoreOperations {
    /// Whether the database answers at all (the health check; telling a server that is down from one with no tables).
    package static func ping(_ db: any Database) async throws {
        _ = try await (db as! any SQLDatabase).raw("SELECT 1").all()
    }

    /// SQLite's write-ahead logging: readers never wait for a writer, and a backup can run beside the server.
    package static func useWriteAheadLog(_ db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
    }

    /// A consistent copy of a SQLite database, safe while the server runs (`VACUUM INTO` reads one snapshot).
    package static func copySQLite(_ db: any Database, to path: String) async throws {
        try await (db as! any SQLDatabase).raw("VACUUM INTO \(bind: path)").run()
    }
}
