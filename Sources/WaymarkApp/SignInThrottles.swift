import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkStore
import WaymarkWeb

/// The sign-in throttle's counts (`SignInThrottle`), kept in the database so every server of one Waymark shares them.
/// An attempt touches two: its client address with the username typed, and the address alone. Each is read once an
/// attempt, and written back only when it fails or succeeds.
struct SignInThrottles {
    private let pairKey: String, addressKey: String
    private var pair: SignInFailure?, address: SignInFailure?

    /// The counts for an attempt, read. Only hashes are kept: no address, and no username (which may be a password
    /// typed into the wrong box).
    static func read(address: String, username: String, on db: any Database) async throws -> SignInThrottles {
        func hashed(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hex }
        var throttles = SignInThrottles(pairKey: hashed("sign-in\u{1F}\(address)\u{1F}\(username)"), addressKey: hashed("address\u{1F}\(address)"))
        let rows = try await AccountRecords.signInFailures(keys: [throttles.pairKey, throttles.addressKey], on: db)
        throttles.pair = rows.first { $0.key == throttles.pairKey }
        throttles.address = rows.first { $0.key == throttles.addressKey }
        return throttles
    }

    /// Until when the attempt must wait (the later of its two counts' waits), or nil when it may go ahead.
    func waitUntil(at now: Date) -> Date? {
        [SignInThrottle.addressAndUsername.waitUntil(pair?.counted, at: now), SignInThrottle.address.waitUntil(address?.counted, at: now)]
            .compactMap { $0 }.max()
    }

    /// Both counts with one more failure, to be saved.
    func failing(at now: Date) -> [SignInFailure] {
        [(pairKey, pair, SignInThrottle.addressAndUsername), (addressKey, address, .address)].map { key, stored, throttle in
            let next = throttle.failing(stored?.counted, at: now)
            let row = stored ?? SignInFailure()
            row.key = key
            row.failures = next.count
            row.lastFailureAt = next.lastFailure
            row.waitUntil = next.waitUntil
            return row
        }
    }

    /// The count a success clears: its address and username's (not the address's: it may be guessing elsewhere).
    var clearedBySuccess: SignInFailure? { pair }
}

private extension SignInFailure {
    var counted: SignInThrottle.Failures { .init(count: failures, lastFailure: lastFailureAt, waitUntil: waitUntil) }
}
