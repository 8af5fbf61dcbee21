/// What an audit trail line records.
public enum AuditAction: String, CaseIterable, Codable, Sendable {
    case signIn = "sign-in"
    case signInFailed = "sign-in-failed"
    case signOut = "sign-out"
    case create
    case update
    case delete
    /// A read of a child-level record.
    case view
    /// A search that may list children: its kind and how many it listed, never what was typed (it may be a name).
    case search
    case export
    /// A data file loaded (`waymark plan import`).
    case importFile = "import"
    /// A statutory return checked with the DfE's validation rules; nothing imported or kept.
    case validate
    case passwordChanged = "password-changed"
    case passwordReset = "password-reset"
}
