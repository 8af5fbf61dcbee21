import FluentKit
import Foundation

/// A token a partner organisation's system sends (`Authorization: Bearer …`) to put indicator values in, limited
/// to the indicators it was issued for.
package final class APIToken: Model, @unchecked Sendable {
    package static let schema = "api_tokens"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "organisation_id") package var organisation: Organisation
    /// What the system is, in the council's words ("Youth Service case system").
    @Field(key: "name") package var name: String
    @Field(key: "token_hash") package var tokenHash: String
    /// The codes of the indicators it may send values for, separated by spaces (codes have none).
    @Field(key: "indicator_codes") var indicatorCodesText: String
    @Field(key: "issued_by") package var issuedBy: String
    @Field(key: "issued_at") package var issuedAt: Date
    @OptionalField(key: "last_used_at") package var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") package var revokedAt: Date?

    package init() {}

    package var indicatorCodes: Set<String> {
        get { Set(indicatorCodesText.split(separator: " ").map(String.init)) }
        set { indicatorCodesText = newValue.sorted().joined(separator: " ") }
    }
}
