import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// The sign-in throttle's counts (`SignInThrottle`), kept in the database so every server of one Waymark shares them.
enum SignInThrottles {
    /// The two counts a sign-in attempt touches: its client address with the username typed, and the address alone.
    struct Keys {
        var pair: String, address: String

        init(address: String, username: String) {
            func hashed(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hex }
            pair = hashed("sign-in\u{1F}\(address)\u{1F}\(username)")
            self.address = hashed("address\u{1F}\(address)")
        }
    }

    /// Until when the attempt must wait (the later of its two counts' waits), or nil when it may go ahead.
    static func waitUntil(_ keys: Keys, at now: Date, on db: any Database) async throws -> Date? {
        let counts = try await SignInFailure.query(on: db).filter(\.$key ~~ [keys.pair, keys.address]).all()
        let waits = counts.compactMap { count in
            (count.key == keys.pair ? SignInThrottle.addressAndUsername : .address).waitUntil(count.counted, at: now)
        }
        return waits.max()
    }

    /// Counts one more failure against both keys.
    static func recordFailure(_ keys: Keys, at now: Date, on db: any Database) async throws {
        for (key, throttle) in [(keys.pair, SignInThrottle.addressAndUsername), (keys.address, .address)] {
            let stored = try await SignInFailure.query(on: db).filter(\.$key == key).first()
            let next = throttle.failing(stored?.counted, at: now)
            let row = stored ?? SignInFailure()
            row.key = key
            row.failures = next.count
            row.lastFailureAt = next.lastFailure
            row.waitUntil = next.waitUntil
            try await row.save(on: db)
        }
    }

    /// A sign-in that succeeded clears its address and username's count (not the address's: it may be guessing elsewhere).
    static func clear(_ keys: Keys, on db: any Database) async throws {
        try await SignInFailure.query(on: db).filter(\.$key == keys.pair).delete()
    }
}

private extension SignInFailure {
    var counted: SignInThrottle.Failures { .init(count: failures, lastFailure: lastFailureAt, waitUntil: waitUntil) }
}

extension Request {
    /// The address of the person's machine: the peer's, or, when the peer is a proxy the settings trust, the last
    /// address the proxies added to `X-Forwarded-For` that is not one of them.
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let trusted = application.settings.trustedProxies
        guard trusted.contains(peer) else { return peer }
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return forwarded.last { !trusted.contains($0) } ?? peer
    }
}
