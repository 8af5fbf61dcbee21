import WaymarkDomain

/// The children area's addresses.
public enum ChildrenURL: Hashable, Sendable {
    /// Finding a child.
    case home
    case show(id: String, ChronologyQuery = .init())
    case returns
    case validateReturn
    case caseloads
    case caseload(teamID: String)
    case tracker(teamID: String, DayQuery = .init())
    case weeklyTracker(serviceAreaID: String, DayQuery = .init())

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("children")]
        case .show(let id, _): [.fixed("children"), .parameter("childID", id)]
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
        case .show(_, let query): query.items
        default: []
        }
    }
}

/// `?on=2026-12-06`: the day a tracker or list is worked out on; absent or unreadable, today.
public struct DayQuery: URLQuery {
    public var on: ISODay?

    public init(on: ISODay? = nil) { self.on = on }

    public init(reading value: (String) -> String?) { on = ISODay(DateField.read("on", from: value)) }

    public var items: [QueryItem] { on.map { [QueryItem("on", $0.description)] } ?? [] }
}

/// A child's chronology narrowed: `?kind=cin.assessment&from=2025-04-01&to=2026-03-31` (a kind of record, and the days
/// it started between); absent or unreadable, the whole chronology.
public struct ChronologyQuery: URLQuery {
    public var kind: String?
    public var from: ISODay?
    public var to: ISODay?

    public init(kind: String? = nil, from: ISODay? = nil, to: ISODay? = nil) {
        self.kind = kind
        self.from = from
        self.to = to
    }

    public init(reading value: (String) -> String?) {
        kind = value("kind").flatMap { $0.isEmpty ? nil : $0 }
        from = ISODay(DateField.read("from", from: value))
        to = ISODay(DateField.read("to", from: value))
    }

    public var items: [QueryItem] {
        [kind.map { QueryItem("kind", $0) }, from.map { QueryItem("from", $0.description) }, to.map { QueryItem("to", $0.description) }]
            .compactMap { $0 }
    }

    /// Whether a record of this kind starting on this day is in the narrowed chronology.
    public func holds(kind recordKind: String, starting day: ISODay) -> Bool {
        (kind.map { $0 == recordKind } ?? true) && (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }
}
