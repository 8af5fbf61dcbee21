import WaymarkDomain

/// Who a child was allocated to over a stretch of time, as the case system says: a team and a worker, by name.
public struct CaseAllocation: Sendable, Equatable {
    public var childLocalID: String
    public var team: String?
    public var worker: String?
    /// The worker's identifier in the case system (`prof_staff_id`), when the extract gives one.
    public var workerStaffID: String?
    public var starts: ISODay
    public var ends: ISODay?

    public init(childLocalID: String, team: String?, worker: String?, workerStaffID: String? = nil, starts: ISODay, ends: ISODay?) {
        self.childLocalID = childLocalID
        self.team = team
        self.worker = worker
        self.workerStaffID = workerStaffID
        self.starts = starts
        self.ends = ends
    }
}

extension SSDExtract {
    /// Each child's allocations (`ssd_involvements`), the worker named and identified from `ssd_professionals`, in
    /// date order.
    public var allocations: [CaseAllocation] {
        var names: [String: String] = [:], staffIDs: [String: String] = [:]
        for row in rows[.professionals] ?? [] {
            if !row["prof_professional_name"].isEmpty { names[row["prof_professional_id"]] = row["prof_professional_name"] }
            if !row["prof_staff_id"].isEmpty { staffIDs[row["prof_professional_id"]] = row["prof_staff_id"] }
        }
        return (rows[.involvements] ?? []).compactMap { row in
            guard let starts = row.day("invo_involvement_start_date") else { return nil }
            let team = row["invo_professional_team"]
            return CaseAllocation(
                childLocalID: row["invo_person_id"], team: team.isEmpty ? nil : team, worker: names[row["invo_professional_id"]],
                workerStaffID: staffIDs[row["invo_professional_id"]], starts: starts, ends: row.day("invo_involvement_end_date"))
        }.sorted { ($0.childLocalID, $0.starts) < ($1.childLocalID, $1.starts) }
    }
}

extension ReturnJourneys {
    /// A case-system extract: each child's identity from `ssd_person` (names and NHS number included), and one record
    /// for every row of the other tables about a child, kept whole, its natural key the row's own identifier.
    public init(_ extract: SSDExtract) {
        var children: [String: ChildIdentity] = [:]
        var order: [String] = []
        func note(_ id: String) {
            if children[id] == nil { order.append(id); children[id] = ChildIdentity(localID: id) }
        }
        func given(_ value: String) -> String? { value.isEmpty ? nil : value }
        for row in extract.rows[.person] ?? [] {
            let id = row["pers_person_id"]
            note(id)
            children[id] = ChildIdentity(
                localID: id, upn: given(row["pers_upn"]), dateOfBirth: row.day("pers_dob"),
                sex: given(row["pers_sex"]).map { ChildIdentity.sex(fromReturnCode: $0.uppercased()) ?? $0 }, ethnicity: given(row["pers_ethnicity"]),
                nhsNumber: given(row["pers_single_unique_id"]), givenName: given(row["pers_forename"]), familyName: given(row["pers_surname"]))
        }
        var records: [JourneyRecord] = []
        for table in SSDTable.allCases where table != .person && table != .professionals {
            for row in extract.rows[table] ?? [] {
                let child = row[table.personColumn!]
                note(child)
                records.append(
                    JourneyRecord(
                        childLocalID: child, kind: .caseSystem(table), naturalKey: row[table.idColumn],
                        starts: table.starts.flatMap { row.day($0.column) }, ends: table.ends.flatMap { row.day($0) },
                        fields: row.values, sourceFile: row.file, sourceLine: row.line))
            }
        }
        self.init(children: order.map { children[$0]! }, records: records)
    }
}
