import Fluent
import Vapor

extension Application {
    /// `db` and a handle on the same database from each other event loop: each loop has its own connections, so a
    /// large read split into parts runs side by side, one part a core (`JourneyReading.journeys`). Only for reads:
    /// the handles share no transaction.
    package func sideBySide(_ db: any Database) -> [any Database] {
        [db] + eventLoopGroup.makeIterator().filter { $0 !== db.eventLoop }.compactMap { databases.database(logger: logger, on: $0) }
    }
}
