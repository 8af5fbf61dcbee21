import Foundation

/// Slows down guessing at passwords without letting a stranger lock the real person out (OWASP's authentication
/// guidance: throttle, do not lock). Failures are counted for each client address and username together, and for
/// each client address alone (one address trying many usernames). Past a count, that address must wait before it
/// tries again, and the wait doubles with each further failure; a count with no failure for a day starts again. An
/// address that has not failed is never made to wait, so the right password from the person's own desk always works.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures allowed before a wait, and the first and longest waits.
    public var failuresBeforeWaiting: Int
    public var firstWait: TimeInterval
    public var longestWait: TimeInterval
    /// Failures forgotten after this long without another.
    public var forgetAfter: TimeInterval

    public init(
        failuresBeforeWaiting: Int, firstWait: TimeInterval = 60, longestWait: TimeInterval = 60 * 60,
        forgetAfter: TimeInterval = 24 * 60 * 60
    ) {
        self.failuresBeforeWaiting = failuresBeforeWaiting
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.forgetAfter = forgetAfter
    }

    /// One address with one username: five tries, then 1, 2, 4… minutes, at most an hour.
    public static let addressAndUsername = SignInThrottle(failuresBeforeWaiting: 5)
    /// One address with any username: fifty tries (a shared office address makes some mistakes), then the same.
    public static let address = SignInThrottle(failuresBeforeWaiting: 50)

    /// The failures counted for one key.
    public struct Failures: Sendable, Equatable {
        public var count: Int
        public var lastFailure: Date
        public var waitUntil: Date?

        public init(count: Int, lastFailure: Date, waitUntil: Date?) {
            self.count = count
            self.lastFailure = lastFailure
            self.waitUntil = waitUntil
        }
    }

    /// "Try again in 3 minutes": the wait, rounded up to whole minutes.
    public static func tryAgain(after until: Date, now: Date) -> String {
        let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
        return "Try again in \(minutes) minute\(minutes == 1 ? "" : "s")"
    }

    /// Until when the key must wait, or nil when it may try now.
    public func waitUntil(_ failures: Failures?, at now: Date) -> Date? {
        guard let until = failures?.waitUntil, now < until else { return nil }
        return until
    }

    /// The count after one more failure at `now`.
    public func failing(_ previous: Failures?, at now: Date) -> Failures {
        let kept = previous.flatMap { now.timeIntervalSince($0.lastFailure) < forgetAfter ? $0.count : nil } ?? 0
        let count = kept + 1
        guard count >= failuresBeforeWaiting else { return Failures(count: count, lastFailure: now, waitUntil: nil) }
        let doublings = min(count - failuresBeforeWaiting, 30)
        let wait = min(firstWait * pow(2, Double(doublings)), longestWait)
        return Failures(count: count, lastFailure: now, waitUntil: now.addingTimeInterval(wait))
    }
}
