import FluentKit
import Foundation

/// One version of an audit instrument kept in Waymark: a draft a QA lead edits, or a published version, which never
/// changes. Its name and number are the file's own (`name:`, `version:`), unique together.
package final class AuditInstrumentVersion: Model, @unchecked Sendable {
    package static let schema = "audit_instrument_versions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "version") package var version: Int
    /// The file (`waymark-audit-instrument/1`, YAML), as the QA lead wrote it.
    @Field(key: "text") package var text: String
    @Field(key: "state") package var state: AuditInstrumentState
    /// Who last saved it, and when: for a published version, the draft as published.
    @Field(key: "saved_by") package var savedBy: String
    @Field(key: "saved_at") package var savedAt: Date
    @OptionalField(key: "published_by") package var publishedBy: String?
    @OptionalField(key: "published_at") package var publishedAt: Date?

    package init() {}
}

package enum AuditInstrumentState: String, Codable, Sendable {
    case draft
    case published
}
