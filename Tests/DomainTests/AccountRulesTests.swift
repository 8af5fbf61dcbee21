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

    @Test("Each rule, with the message a person reads",
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

    @Test("Five failures lock for 15 minutes; the lock runs out; the next failure after it starts a new count")
    func lockout() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var state = SignInLockout.cleared
        for attempt in 1...4 {
            state = state.recordingFailure(at: start)
            #expect(state.failedAttempts == attempt)
            #expect(!state.isLocked(at: start))
        }
        state = state.recordingFailure(at: start)
        #expect(state.isLocked(at: start))
        #expect(state.isLocked(at: start.addingTimeInterval(14 * 60 + 59)))
        #expect(!state.isLocked(at: start.addingTimeInterval(15 * 60)))
        let later = state.recordingFailure(at: start.addingTimeInterval(16 * 60))
        #expect(later.failedAttempts == 1)
        #expect(!later.isLocked(at: start.addingTimeInterval(16 * 60)))
    }

    @Test("Idle time-out: exactly the limit is still active; a second more has expired")
    func idle() {
        let timeout = IdleTimeout(limit: 30 * 60)
        let seen = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(!timeout.hasExpired(lastActivity: seen, now: seen.addingTimeInterval(30 * 60)))
        #expect(timeout.hasExpired(lastActivity: seen, now: seen.addingTimeInterval(30 * 60 + 1)))
    }
}
