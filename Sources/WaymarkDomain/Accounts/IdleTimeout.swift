import Foundation

/// A signed-in session ends after a period without activity, so an unattended screen does not stay open
/// on a child's record.
public struct IdleTimeout: Sendable {
    public var limit: TimeInterval
    /// However busy, a session ends this long after it began (OWASP session management: an absolute time-out), so a
    /// stolen session cannot be kept alive for ever.
    public var lifetime: TimeInterval

    public init(limit: TimeInterval, lifetime: TimeInterval = 12 * 60 * 60) {
        self.limit = limit
        self.lifetime = lifetime
    }

    public func hasExpired(lastActivity: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastActivity) > limit
    }

    /// Idle for longer than the limit, or begun longer ago than the lifetime.
    public func hasExpired(began: Date, lastActivity: Date, now: Date) -> Bool {
        hasExpired(lastActivity: lastActivity, now: now) || now.timeIntervalSince(began) > lifetime
    }
}
