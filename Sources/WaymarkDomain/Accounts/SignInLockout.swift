import Foundation

/// Locks an account after repeated failed sign-ins, so a password cannot be guessed by trying many.
/// Five failures lock the account for fifteen minutes; a successful sign-in clears the count.
public struct SignInLockout: Sendable, Equatable {
    public static let maximumFailures = 5
    public static let lockDuration: TimeInterval = 15 * 60

    public var failedAttempts: Int
    public var lockedUntil: Date?

    public init(failedAttempts: Int = 0, lockedUntil: Date? = nil) {
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }

    public func isLocked(at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// The state after one more failed attempt at `now`.
    public func recordingFailure(at now: Date) -> SignInLockout {
        // A lock that has run out starts a fresh count.
        let previous = (lockedUntil.map { now >= $0 } ?? false) ? 0 : failedAttempts
        let failures = previous + 1
        return failures >= Self.maximumFailures
            ? SignInLockout(failedAttempts: failures, lockedUntil: now.addingTimeInterval(Self.lockDuration))
            : SignInLockout(failedAttempts: failures, lockedUntil: nil)
    }

    public static let cleared = SignInLockout()
}
