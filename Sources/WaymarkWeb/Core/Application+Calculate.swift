import Vapor

extension Application {
    /// Work that holds a processor for long (the DfE's rules on a return, Performance Matters' figures, a child's
    /// checks and page) runs on the application's thread pool, sized to the cores, rather than on the threads that
    /// answer requests: a page that calculates never holds up one that does not (docs/performance.md, "Busy pages").
    package func calculate<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threadPool.runIfActive(work)
    }
}
