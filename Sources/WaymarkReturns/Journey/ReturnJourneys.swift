import WaymarkDomain

/// A return turned into children and journey records for the store.
public struct ReturnJourneys: Sendable {
    public var children: [ChildIdentity]
    /// The records in the return's order. A record repeating another's key in the same return (two reviews of one
    /// child on one day) is kept as that key's second occurrence, so nothing the return holds is lost.
    public var records: [JourneyRecord]

    public init(children: [ChildIdentity], records: [JourneyRecord]) {
        var seen: [String: Int] = [:]
        self.children = children
        self.records = records.map { record in
            let key = "\(record.kind.rawValue)|\(record.childLocalID)|\(record.naturalKey)"
            let occurrence = seen[key, default: 0] + 1
            seen[key] = occurrence
            var numbered = record
            if occurrence > 1 { numbered.naturalKey += "#\(occurrence)" }
            return numbered
        }
    }

    /// The SSDA903 rows, one record per row: the child's identity from the header table (and UASC), every row kept
    /// whole with its table's key as its natural key.
    public init(_ ssda903: SSDA903Return) {
        var children: [String: ChildIdentity] = [:]
        var order: [String] = []
        func identity(_ id: String) -> ChildIdentity {
            if children[id] == nil { order.append(id) }
            return children[id] ?? ChildIdentity(localID: id)
        }
        var records: [JourneyRecord] = []
        for table in SSDA903Table.allCases {
            for row in ssda903.rows[table] ?? [] {
                var child = identity(row.childID)
                if table == .header {
                    child.upn = row[.upn].isEmpty ? nil : row[.upn]
                    child.dateOfBirth = row.date(.dob)
                    child.sex = row[.sex].isEmpty ? nil : ChildIdentity.sex(fromReturnCode: row[.sex])
                    child.ethnicity = row[.ethnic].isEmpty ? nil : row[.ethnic]
                }
                children[row.childID] = child
                let dates = Self.dates(table)
                records.append(
                    JourneyRecord(
                        childLocalID: row.childID, kind: .ssda903(table), naturalKey: row.key.dropFirst().joined(separator: "|"),
                        starts: dates.starts.flatMap { row.date($0) }, ends: dates.ends.flatMap { row.date($0) },
                        fields: Dictionary(uniqueKeysWithValues: row.values.map { ($0.key.rawValue, $0.value) }),
                        sourceFile: row.file, sourceLine: row.line))
            }
        }
        self.init(children: order.map { children[$0]! }, records: records)
    }

    /// The columns a table's record starts and ends on, where it has them.
    static func dates(_ table: SSDA903Table) -> (starts: SSDA903Column?, ends: SSDA903Column?) {
        switch table {
        case .episodes: (.decom, .dec)
        case .reviews: (.review, nil)
        case .missing: (.missingStart, .missingEnd)
        case .placedForAdoption: (.datePlaced, .datePlacedCeased)
        case .socialWorkerEpisodes: (.socialWorkerStart, .socialWorkerEnd)
        case .dolo: (.doloStart, .doloEnd)
        case .ad1: (.dateInterest, .dateMatch)
        case .uasc: (nil, .duc)
        case .header, .oc2, .oc3, .previousPermanence: (nil, nil)
        }
    }

    /// The CIN census: each child's identity, and a record for each episode and each assessment, plan, enquiry,
    /// protection plan, review and pre-proceedings entry inside it. Natural keys are the dates that start them,
    /// prefixed by the episode's referral date.
    public init(_ census: CINCensus, fileName: String) {
        var children: [ChildIdentity] = []
        var records: [JourneyRecord] = []
        for child in census.children {
            children.append(
                ChildIdentity(
                    localID: child.laChildID, upn: child.upn, dateOfBirth: child.birthDate.flatMap { ISODay($0) },
                    sex: ChildIdentity.sex(fromReturnCode: child.sex), ethnicity: child.ethnicity, disabilities: child.disabilities))
            func record(_ kind: JourneyKind, key: String, starts: String?, ends: String?, line: Int, _ fields: [String: String?]) {
                records.append(
                    JourneyRecord(
                        childLocalID: child.laChildID, kind: kind, naturalKey: key, starts: starts.flatMap { ISODay($0) },
                        ends: ends.flatMap { ISODay($0) },
                        fields: fields.compactMapValues { $0 }, sourceFile: fileName, sourceLine: line))
            }
            record(
                .cinChild, key: "", starts: nil, ends: nil, line: child.line,
                [
                    "UPN": child.upn, "FormerUPN": child.formerUPN, "UPNunknown": child.upnUnknown, "PersonBirthDate": child.birthDate,
                    "ExpectedPersonBirthDate": child.expectedBirthDate, "PersonDeathDate": child.deathDate, child.sexElement: child.sex,
                    "Ethnicity": child.ethnicity, "Disabilities": child.disabilities.isEmpty ? nil : child.disabilities.joined(separator: " "),
                ])
            for episode in child.episodes {
                let referral = episode.referralDate
                record(
                    .cinEpisode, key: referral, starts: referral, ends: episode.closureDate, line: episode.line,
                    [
                        "CINreferralDate": referral, "ReferralSource": episode.referralSource, "PrimaryNeedCode": episode.primaryNeed,
                        "CINclosureDate": episode.closureDate, "ReasonForClosure": episode.reasonForClosure,
                        "DateOfInitialCPC": episode.dateOfInitialCPC, "ReferralNFA": episode.referralNFA,
                    ])
                for assessment in episode.assessments {
                    record(
                        .cinAssessment, key: "\(referral)|\(assessment.start)", starts: assessment.start, ends: assessment.authorised,
                        line: assessment.line,
                        [
                            "AssessmentActualStartDate": assessment.start, "AssessmentInternalReviewDate": assessment.internalReview,
                            "AssessmentAuthorisationDate": assessment.authorised,
                            "AssessmentFactors": assessment.factors.isEmpty ? nil : assessment.factors.joined(separator: " "),
                        ])
                }
                for plan in episode.plans {
                    record(
                        .cinPlan, key: "\(referral)|\(plan.start)", starts: plan.start, ends: plan.end, line: plan.line,
                        ["CINPlanStartDate": plan.start, "CINPlanEndDate": plan.end])
                }
                for enquiry in episode.section47s {
                    record(
                        .cinSection47, key: "\(referral)|\(enquiry.start)", starts: enquiry.start, ends: enquiry.dateOfInitialCPC, line: enquiry.line,
                        [
                            "S47ActualStartDate": enquiry.start, "InitialCPCtarget": enquiry.initialConferenceTarget,
                            "DateOfInitialCPC": enquiry.dateOfInitialCPC, "ICPCnotRequired": enquiry.conferenceNotRequired,
                        ])
                }
                for plan in episode.protectionPlans {
                    record(
                        .cinProtectionPlan, key: "\(referral)|\(plan.start)", starts: plan.start, ends: plan.end, line: plan.line,
                        [
                            "CPPstartDate": plan.start, "CPPendDate": plan.end, "InitialCategoryOfAbuse": plan.initialCategory,
                            "LatestCategoryOfAbuse": plan.latestCategory, "NumberOfPreviousCPP": plan.previousPlans,
                        ])
                    for review in plan.reviews {
                        record(
                            .cinProtectionReview, key: "\(referral)|\(plan.start)|\(review)", starts: review, ends: nil, line: plan.line,
                            ["CPPreviewDate": review])
                    }
                }
                for (index, block) in episode.preProceedings.enumerated() {
                    var fields: [String: String?] = [:]
                    for (name, value) in block { fields[name] = value }
                    let starts = block.first { $0.name == "PPStartDate" }?.value
                    record(.cinPreProceedings, key: "\(referral)|\(starts ?? String(index))", starts: starts, ends: nil, line: episode.line, fields)
                }
            }
        }
        self.init(children: children, records: records)
    }
}
