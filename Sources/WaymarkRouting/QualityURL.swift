/// The quality area's addresses.
public enum QualityURL: Hashable, Sendable {
    case home
    /// Measuring how far auditors agree, from a table of moderated grades.
    case agreement
    /// The case file audit: what it asks, domain by domain.
    case instrument

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("quality")]
        case .agreement: [.fixed("quality"), .fixed("agreement")]
        case .instrument: [.fixed("quality"), .fixed("instrument")]
        }
    }
}
