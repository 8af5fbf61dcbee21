import WaymarkDomain

/// Where a looked-after child lives: from the SSDA903 episode that began the placement to the end of the last episode
/// that kept it. A new episode for a change of legal status only (reason for new episode "L") keeps the placement;
/// every other reason (S, P, T, U, B) begins one (SSDA903 guidance, "reason for new episode").
public struct Placement: Sendable, Equatable {
    public var starts: ISODay
    public var ends: ISODay?
    /// The placement type (PLACE) of its last episode: "U1" is long-term fostering with a relative or friend.
    public var type: String
    /// The legal statuses (LS) of its episodes, in order.
    public var legalStatuses: [String]

    /// Long-term fostering (U1, U4): after its first year, visits may be every three months (regulation 28(3)(b)).
    public var isLongTermFostering: Bool { ["U1", "U4"].contains(type) }
    /// Placed for adoption (A3 to A6).
    public var isForAdoption: Bool { Self.adoptionTypes.contains(type) }
    public static let adoptionTypes: Set<String> = ["A3", "A4", "A5", "A6"]

    /// The placements in a child's episodes, in order. Episodes without a start are left out (the data-quality page
    /// lists them).
    public static func placements(_ episodes: [JourneyRecord]) -> [Placement] {
        var placements: [Placement] = []
        for episode in episodes.filter({ $0.starts != nil }).sorted(by: { $0.starts! < $1.starts! }) {
            let type = episode.fields["PLACE"] ?? "", status = episode.fields["LS"] ?? ""
            if episode.fields["RNE"] == "L", let last = placements.last, last.ends == episode.starts {
                placements[placements.count - 1].ends = episode.ends
                placements[placements.count - 1].type = type
                placements[placements.count - 1].legalStatuses.append(status)
            } else {
                placements.append(Placement(starts: episode.starts!, ends: episode.ends, type: type, legalStatuses: [status]))
            }
        }
        return placements
    }
}
