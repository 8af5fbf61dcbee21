import WaymarkDomain

/// The children area's addresses.
public enum ChildrenURL: Hashable, Sendable {
    /// Finding a child.
    case home
    case show(id: String)
    case returns
    case validateReturn
    case caseloads
    case caseload(teamID: String)
    case tracker(teamID: String, DayQuery = .init())
    case weeklyTracker(serviceAreaID: String, DayQuery = .init())

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("children")]
        case .show(let id): [.fixed("children"), .parameter("childID", id)]
        case .returns: [.fixed("children"), .fixed("returns")]
        case .validateReturn: [.fixed("children"), .fixed("returns"), .fixed("validate")]
        case .caseloads: [.fixed("children"), .fixed("caseloads")]
        case .caseload(let id): [.fixed("children"), .fixed("caseloads"), .parameter("teamID", id)]
        case .tracker(let id, _): [.fixed("children"), .fixed("caseloads"), .parameter("teamID", id), .fixed("tracker")]
        case .weeklyTracker(let id, _): [.fixed("children"), .fixed("service-areas"), .parameter("serviceAreaID", id), .fixed("weekly-tracker")]
        }
    }

    var query: [QueryItem] {
        switch self {
        case .tracker(_, let query), .weeklyTracker(_, let query): query.items
        default: []
        }
    }
}

/// `?on=2026-12-06`: the day a tracker or list is worked out on; absent or unreadable, today.
public struct DayQuery: URLQuery {
    public var on: ISODay?

    public init(on: ISODay? = nil) { self.on = on }

    public init(reading value: (String) -> String?) { on = value("on").flatMap { ISODay($0) } }

    public var items: [QueryItem] { on.map { [QueryItem("on", $0.description)] } ?? [] }
}
