import Foundation

/// A signed-in session ends after a period without activity, so an unattended screen does not stay open
/// on a child's record.
public struct IdleTimeout: Sendable {
    public var limit: TimeInterval

    public init(limit: TimeInterval) { self.limit = limit }

    public func hasExpired(lastActivity: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastActivity) > limit
    }
}
