import Foundation
import NIOPosix
import Vapor

extension Application {
    private struct CalculationPool: StorageKey { typealias Value = NIOThreadPool }

    /// Starts the threads `calculate` runs on: one a core, of their own (SQLite's queries and password hashing keep
    /// Vapor's pool), shut down with the application. `configure` calls it once.
    package func startCalculationPool() async {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        await storage.setWithAsyncShutdown(CalculationPool.self, to: pool) { try await $0.shutdownGracefully() }
    }

    /// Work that holds a processor for long (the DfE's rules on a return, Performance Matters' figures, a child's
    /// chronology, checks and page) runs on threads of its own, sized to the cores, and at a lower priority than the
    /// threads that answer requests: a page that calculates never holds up one that does not (docs/performance.md,
    /// "Busy pages").
    package func calculate<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard let pool = storage[CalculationPool.self] else { fatalError("configure starts the calculation pool") }
        return try await pool.runIfActive {
            Self.yieldToRequests()
            return try work()
        }
    }

    /// Linux keeps a nice value for each thread: these take 10 (the scheduler then gives a thread that answers
    /// requests, at 0, about nine times their share when both want a processor). Elsewhere, nothing.
    private static func yieldToRequests() {
        #if os(Linux)
            // Who 0 is the calling thread: its own nice value, not the process's.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
