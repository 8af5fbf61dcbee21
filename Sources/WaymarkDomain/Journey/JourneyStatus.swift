/// Where a child is now, from their journey records: looked after while an SSDA903 episode is open, on a child
/// protection plan while one is open, a child in need while a CIN episode is open, in early help while an early help
/// episode is open, a care leaver once the return or the case system reports them as one and they are not looked after.
public enum JourneyStatus {
    public static let lookedAfter = "Looked after", protectionPlan = "Child protection plan", inNeed = "Child in need"
    public static let earlyHelp = "Early help", careLeaver = "Care leaver"

    /// The only kinds of record the status depends on: lists read just these.
    public static let kinds: [JourneyKind] = [
        .ssda903(.episodes), .cinProtectionPlan, .cinEpisode, .caseSystem(.earlyHelpEpisodes),
        .ssda903(.oc3), .caseSystem(.careLeavers),
    ]

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

    /// Where a child was on a day: only the records begun by then count, and one that ended after the day was open.
    public static func on(_ day: ISODay, _ records: [(kind: JourneyKind, starts: ISODay?, ends: ISODay?)]) -> [String] {
        current(records.filter { ($0.starts ?? day) <= day }.map { ($0.kind, $0.ends.flatMap { $0 > day ? nil : $0 }) })
    }

    /// A record's fields in words for the chronology: each field with a value, the child's own identifiers and the
    /// case system's row keys and dates left out (they are on the page already). The case system's column names are
    /// shown without their table prefix (`cont_contact_source_desc` as "contact source desc").
    public static func detail(_ fields: [String: String]) -> String {
        fields.filter { !$0.value.isEmpty && !hidden.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\(label($0.key)) \($0.value)" }.joined(separator: " · ")
    }

    static let hidden: Set<String> = Set(["CHILD", "DOB", "SEX", "UPN", "PersonBirthDate"]).union(
        SSDTable.allCases.flatMap { table in
            [table.idColumn, table.personColumn, table.starts?.column, table.ends].compactMap { $0 }
        })

    static func label(_ key: String) -> String {
        guard let underscore = key.firstIndex(of: "_"), key.first?.isLowercase == true else { return key }
        return key[key.index(after: underscore)...].replacingOccurrences(of: "_", with: " ")
    }
}
