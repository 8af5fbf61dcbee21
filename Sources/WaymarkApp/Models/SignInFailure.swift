import Fluent
import Foundation

/// Failed sign-ins counted for one key: a client address with a username, or a client address alone. The key is kept
/// only as a hash, so the table holds no address and no username (which may be a password typed in the wrong box).
final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @OptionalField(key: "wait_until") var waitUntil: Date?

    init() {}
}
