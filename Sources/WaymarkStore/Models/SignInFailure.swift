import FluentKit
import Foundation

/// Failed sign-ins counted for one key: a client address with a username, or a client address alone. The key is kept
/// only as a hash, so the table holds no address and no username (which may be a password typed in the wrong box).
package final class SignInFailure: Model, @unchecked Sendable {
    package static let schema = "sign_in_failures"

    @ID(key: .id) package var id: UUID?
    @Field(key: "key") package var key: String
    @Field(key: "failures") package var failures: Int
    @Field(key: "last_failure_at") package var lastFailureAt: Date
    @OptionalField(key: "wait_until") package var waitUntil: Date?

    package init() {}
}
