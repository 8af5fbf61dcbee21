import WaymarkDomain

/// Where a child is now, from their journey records: looked after while an SSDA903 episode is open, on a child
/// protection plan while one is open, a child in need while a CIN episode is open, in early help while an early help
/// episode is open, a care leaver once the return or the case system reports them as one and they are not looked after.
public enum JourneyStatus {
    public static let lookedAfter = "Looked after", protectionPlan = "Child protection plan", inNeed = "Child in need"
    public static let earlyHelp = "Early help", careLeaver = "Care leaver"

    /// The only kinds of record the status depends on: lists read just these.
    public static let kinds: [JourneyKind] = [.ssda903(.episodes), .cinProtectionPlan, .cinEpisode, .caseSystem(.earlyHelpEpisodes),
                                              .ssda903(.oc3), .caseSystem(.careLeavers)]

    public static func current(_ records: [(kind: JourneyKind, ends: ISODay?)]) -> [String] {
        func open(_ kind: JourneyKind) -> Bool { records.contains { $0.kind == kind && $0.ends == nil } }
        var statuses: [String] = []
        let lookedAfter = open(.ssda903(.episodes))
        if lookedAfter { statuses.append(Self.lookedAfter) }
        if open(.cinProtectionPlan) { statuses.append(protectionPlan) }
        if open(.cinEpisode) { statuses.append(inNeed) }
        if open(.caseSystem(.earlyHelpEpisodes)) { statuses.append(earlyHelp) }
        if !lookedAfter, records.contains(where: { $0.kind == .ssda903(.oc3) || $0.kind == .caseSystem(.careLeavers) }) {
            statuses.append(careLeaver)
        }
        return statuses
    }

    /// A record's fields in words for the chronology: each field with a value, its dates and the child's own
    /// identifiers left out (they are on the page already).
    public static func detail(_ fields: [String: String]) -> String {
        let left: Set<String> = ["CHILD", "DOB", "SEX", "UPN", "PersonBirthDate"]
        return fields.filter { !$0.value.isEmpty && !left.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key) \($0.value)" }.joined(separator: " · ")
    }
}
