import Foundation
import Vapor

extension Application {
    /// Work that holds a processor for long (the DfE's rules on a return, Performance Matters' figures, a child's
    /// checks and page) runs on the application's thread pool, sized to the cores, rather than on the threads that
    /// answer requests, and at a lower priority than they: a page that calculates never holds up one that does not
    /// (docs/performance.md, "Busy pages").
    package func calculate<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threadPool.runIfActive {
            Self.yieldToRequests()
            return try work()
        }
    }

    /// Linux keeps a nice value for each thread: the pool's threads take 10 (the scheduler then gives a thread that
    /// answers requests, at 0, about nine times their share when both want a processor). The pool is the one SQLite's
    /// queries and password hashing also run on: they too yield to the threads that answer requests. Elsewhere, nothing.
    private static func yieldToRequests() {
        #if os(Linux)
        // Who 0 is the calling thread: its own nice value, not the process's.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
