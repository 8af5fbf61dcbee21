import Foundation
import Testing
import WaymarkDomain

@Suite("Password policy, lock-out and idle time-out")
struct AccountRulesTests {
    let policy = PasswordPolicy(commonPasswords: ["password", "qwertyuiop", "letmeinplease"])

    @Test("A long, uncommon password passes")
    func goodPassword() {
        #expect(policy.problems(password: "violet kettle harbour tram", username: "sam").isEmpty)
    }

    @Test(
        "Each rule, with the message a person reads",
        arguments: [
            ("short", "Use at least 12 characters."),
            ("letmeinplease", "This password is too common. Try three or four random words together."),
            ("qwertyuiop2026", "This password is too common. Try three or four random words together."),
            ("sam.worker-is-here", "Do not include your username in your password."),
            ("aaaaaaaaaaaabbb", "Use more different characters."),
            (String(repeating: "xy1z", count: 33), "Use at most 128 characters."),
        ])
    func rule(password: String, message: String) {
        #expect(policy.problems(password: password, username: "sam.worker").contains(message))
    }

    @Test("The standard list catches the most common passwords")
    func standardList() {
        #expect(!PasswordPolicy.standard.problems(password: "password1234", username: "x").isEmpty)
        #expect(!PasswordPolicy.standard.problems(password: "Qwertyuiop123", username: "x").isEmpty)
    }

    @Test("Five failures from one address for one username, then waits of 1, 2, 4… minutes, at most an hour; forgotten after a day")
    func throttle() {
        let throttle = SignInThrottle.addressAndUsername
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var failures: SignInThrottle.Failures?
        for attempt in 1...4 {
            failures = throttle.failing(failures, at: start)
            #expect(failures?.count == attempt)
            #expect(throttle.waitUntil(failures, at: start) == nil)
        }
        failures = throttle.failing(failures, at: start)
        #expect(throttle.waitUntil(failures, at: start) == start.addingTimeInterval(60))
        #expect(throttle.waitUntil(failures, at: start.addingTimeInterval(59)) != nil)
        #expect(throttle.waitUntil(failures, at: start.addingTimeInterval(60)) == nil)
        // The sixth failure, after the first wait: two minutes; the seventh, four.
        failures = throttle.failing(failures, at: start.addingTimeInterval(60))
        #expect(failures?.waitUntil == start.addingTimeInterval(60 + 120))
        failures = throttle.failing(failures, at: start.addingTimeInterval(180))
        #expect(failures?.waitUntil == start.addingTimeInterval(180 + 240))
        // 5 + 7 failures: 2^7 minutes is past the longest wait, an hour.
        for _ in 1...5 { failures = throttle.failing(failures, at: start.addingTimeInterval(500)) }
        #expect(failures?.count == 12 && failures?.waitUntil == start.addingTimeInterval(500 + 3_600))
        // A day without a failure: the count starts again.
        let dayLater = start.addingTimeInterval(500 + 24 * 3_600)
        #expect(throttle.failing(failures, at: dayLater) == .init(count: 1, lastFailure: dayLater, waitUntil: nil))
        #expect(SignInThrottle.address.failuresBeforeWaiting == 50)
    }

    @Test("Idle time-out: exactly the limit is still active; a second more has expired")
    func idle() {
        let timeout = IdleTimeout(limit: 30 * 60)
        let seen = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!timeout.hasExpired(lastActivity: seen, now: seen.addingTimeInterval(30 * 60)))
        #expect(timeout.hasExpired(lastActivity: seen, now: seen.addingTimeInterval(30 * 60 + 1)))
    }
}
