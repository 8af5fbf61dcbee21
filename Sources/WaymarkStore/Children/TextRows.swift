import FluentKit
import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// Reads a query's columns as text, by position, straight from the database driver: for the pages and reports that
/// read every child's records (Performance Matters, Annex A, the trackers). Decoding each row into a `Decodable`
/// through SQLKit costs about 11 µs a row, most of the time those pages took; reading the driver's text costs a
/// fraction of it. Every column must come out as text (CAST … AS TEXT where it is not), and the SQL must hold no
/// value from outside Waymark: only constants and identifiers Waymark made (kinds, UUIDs it parsed).
package enum TextRows {
    package static func read(_ sql: String, on db: any Database) async throws -> [[String?]] {
        let rows = Collected()
        try await forEach(sql, on: db) { rows.values.append($0) }
        return rows.values
    }

    /// Hands each row to `body` as it is read, one after another, keeping none: for reads too large to hold twice.
    package static func forEach(_ sql: String, on db: any Database, _ body: @escaping @Sendable ([String?]) -> Void) async throws {
        if let sqlite = db as? any SQLiteDatabase {
            try await sqlite.withConnection { connection in
                // Reports read most of the file: let SQLite map it into memory and keep 64 MB of pages between requests,
                // rather than reading each page again through a system call (measured: most of a tracker's time).
                // Both settings belong to the connection, which the pool keeps; setting them again costs nothing.
                _ = try await connection.query("PRAGMA mmap_size = 1073741824")
                _ = try await connection.query("PRAGMA cache_size = -65536")
                // The driver calls back on the connection's thread, one row after another.
                try await connection.query(sql, []) { row in
                    body(
                        row.columns.map { column in
                            switch column.data {
                            case .null: nil
                            case .text(let text): text
                            case let other: other.description
                            }
                        })
                }
            }
        } else if let postgres = db as? any PostgresDatabase {
            try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    // The connection started with the reports' settings (`PostgresSession.settings`).
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: db.logger) {
                        body(row.map { cell in cell.bytes.map { String(buffer: $0) } })
                    }
                }
            }.get()
        } else {
            // Any other SQL database: through SQLKit, slower but the same.
            for row in try await (db as! any SQLDatabase).raw(SQLQueryString(sql)).all() {
                body(row.allColumns.map { try? row.decode(column: $0, as: String?.self) })
            }
        }
    }

    /// Rows gathered from the driver's callbacks, which come one after another on one thread.
    private final class Collected: @unchecked Sendable {
        var values: [[String?]] = []
    }

    /// Whether the database is SQLite, for SQL that must differ (see `JourneyReading.leanRecords`).
    package static func isSQLite(_ db: any Database) -> Bool { db is any SQLiteDatabase }

    /// Constants written into the SQL as quoted literals (they are Waymark's own: record kinds, UUIDs, days).
    /// Built byte by byte: a tracker writes hundreds of ids, and Foundation's search and replace on each cost more
    /// than the query they were for.
    package static func literals(_ values: some Sequence<String>) -> String {
        var sql: [UInt8] = []
        for value in values {
            if !sql.isEmpty { sql += ", ".utf8 }
            sql.append(UInt8(ascii: "'"))
            for byte in value.utf8 {
                sql.append(byte)
                if byte == UInt8(ascii: "'") { sql.append(byte) }
            }
            sql.append(UInt8(ascii: "'"))
        }
        return String(decoding: sql, as: UTF8.self)
    }
}
