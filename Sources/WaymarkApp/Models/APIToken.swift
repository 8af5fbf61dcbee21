import Fluent
import Foundation

/// A token a partner organisation's system sends (`Authorization: Bearer …`) to put indicator values in, limited
/// to the indicators it was issued for.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    /// What the system is, in the council's words ("Youth Service case system").
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The codes of the indicators it may send values for, separated by spaces (codes have none).
    @Field(key: "indicator_codes") var indicatorCodesText: String
    @Field(key: "issued_by") var issuedBy: String
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    var indicatorCodes: Set<String> {
        get { Set(indicatorCodesText.split(separator: " ").map(String.init)) }
        set { indicatorCodesText = newValue.sorted().joined(separator: " ") }
    }
}
