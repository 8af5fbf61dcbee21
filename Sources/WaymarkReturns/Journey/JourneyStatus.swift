import WaymarkDomain

/// Where a child is now, from their journey records: looked after while an SSDA903 episode is open, on a child
/// protection plan while one is open, a child in need while a CIN episode is open, a care leaver once the return
/// reports them as one and they are not looked after.
public enum JourneyStatus {
    public static func current(_ records: [(kind: JourneyKind, ends: ISODay?)]) -> [String] {
        func open(_ kind: JourneyKind) -> Bool { records.contains { $0.kind == kind && $0.ends == nil } }
        var statuses: [String] = []
        let lookedAfter = open(.ssda903(.episodes))
        if lookedAfter { statuses.append("Looked after") }
        if open(.cinProtectionPlan) { statuses.append("Child protection plan") }
        if open(.cinEpisode) { statuses.append("Child in need") }
        if !lookedAfter, records.contains(where: { $0.kind == .ssda903(.oc3) }) { statuses.append("Care leaver") }
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
