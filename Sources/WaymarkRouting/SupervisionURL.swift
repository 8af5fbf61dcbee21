/// The supervision area's addresses (under Quality in the navigation).
public enum SupervisionURL: Hashable, Sendable {
    /// One's own supervision, the people one supervises, and compliance for those who manage.
    case home
    case newAgreement
    case agreements
    /// An agreement: its cadence, its sessions and the next session's agenda.
    case agreement(id: String)
    case newSession(agreementID: String)
    case sessions(agreementID: String)
    case session(id: String)

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("supervision")]
        case .newAgreement: [.fixed("supervision"), .fixed("agreements"), .fixed("new")]
        case .agreements: [.fixed("supervision"), .fixed("agreements")]
        case .agreement(let id): [.fixed("supervision"), .fixed("agreements"), .parameter("agreementID", id)]
        case .newSession(let id): [.fixed("supervision"), .fixed("agreements"), .parameter("agreementID", id), .fixed("sessions"), .fixed("new")]
        case .sessions(let id): [.fixed("supervision"), .fixed("agreements"), .parameter("agreementID", id), .fixed("sessions")]
        case .session(let id): [.fixed("supervision"), .fixed("sessions"), .parameter("sessionID", id)]
        }
    }
}
