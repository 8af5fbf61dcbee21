import Foundation
import NIOPosix
import Vapor

extension Application {
    private struct HashingPool: StorageKey { typealias Value = NIOThreadPool }

    /// Starts the threads that are not the ones answering requests, each set before anything uses them (`configure`
    /// calls this first):
    /// - Vapor's pool, one thread a core at nice 10: SQLite's queries and `calculate`'s work (the DfE's rules, Performance
    ///   Matters, a child's page) wait for a processor behind the threads that answer requests;
    /// - password hashing's pool at nice 0 (`hashPasswords`), so a sign-in's bcrypt is never queued behind a report and
    ///   every failed sign-in takes the same time.
    package func startThreadPools() async {
        threadPool = NIOThreadPool(numberOfThreads: System.coreCount)
        Self.lowerPriority(ofEveryThreadOf: threadPool, count: System.coreCount)
        let hashing = NIOThreadPool(numberOfThreads: System.coreCount)
        hashing.start()
        await storage.setWithAsyncShutdown(HashingPool.self, to: hashing) { try await $0.shutdownGracefully() }
    }

    /// Work that holds a processor for long (the DfE's rules on a return, Performance Matters' figures, a child's
    /// chronology, checks and page) runs on Vapor's pool, sized to the cores and below the threads that answer
    /// requests: a page that calculates never holds up one that does not (docs/performance.md, "Busy pages").
    package func calculate<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threadPool.runIfActive(work)
    }

    /// Bcrypt, slow on purpose, on threads of its own.
    func hashPasswords<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard let pool = storage[HashingPool.self] else { fatalError("configure starts the hashing pool") }
        return try await pool.runIfActive(work)
    }

    /// Linux keeps a nice value for each thread: each of the pool's takes 10 (the scheduler then gives a thread that
    /// answers requests, at 0, about nine times their share when both want a processor). One task a thread, each
    /// held until all have started, so every thread takes one. Elsewhere, nothing.
    private static func lowerPriority(ofEveryThreadOf pool: NIOThreadPool, count: Int) {
        #if os(Linux)
            let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            for _ in 0..<count {
                pool.submit { _ in
                    // Who 0 is the calling thread: its own nice value, not the process's.
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                    started.signal()
                    release.wait()
                }
            }
            for _ in 0..<count { started.wait() }
            for _ in 0..<count { release.signal() }
        #endif
    }
}
