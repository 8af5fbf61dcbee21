/// Who a child is, as a return says: the council's local identifier and what the return holds about them.
public struct ChildIdentity: Sendable, Equatable {
    public var localID: String
    public var upn: String?
    public var dateOfBirth: ISODay?
    public var sex: String?
    public var ethnicity: String?
    public var disabilities: [String]?
    /// The NHS number, where the case system holds it (returns do not).
    public var nhsNumber: String?
    /// Returns carry no names; the case system's extracts (and the demo) do.
    public var givenName: String?
    public var familyName: String?

    public init(
        localID: String, upn: String? = nil, dateOfBirth: ISODay? = nil, sex: String? = nil, ethnicity: String? = nil,
        disabilities: [String]? = nil, nhsNumber: String? = nil, givenName: String? = nil, familyName: String? = nil
    ) {
        self.localID = localID
        self.upn = upn
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.ethnicity = ethnicity
        self.disabilities = disabilities
        self.nhsNumber = nhsNumber
        self.givenName = givenName
        self.familyName = familyName
    }

    /// Sex as the child's record keeps it, whichever return it came from: M, F or U. The SSDA903 wrote 1 and 2 until
    /// 2023/24 and M, F, U since; the CIN census writes 1 and 2 (0 not known, 9 not specified). The return's own code
    /// stays in its journey record, for export.
    public static func sex(fromReturnCode code: String?) -> String? {
        switch code {
        case "1", "M": "M"
        case "2", "F": "F"
        case "0", "9", "U": "U"
        default: code
        }
    }

    /// This return's facts laid over what is already known: a value the return leaves out keeps the stored one.
    public func merged(over stored: ChildIdentity?) -> ChildIdentity {
        guard let stored else { return self }
        return ChildIdentity(
            localID: localID, upn: upn ?? stored.upn, dateOfBirth: dateOfBirth ?? stored.dateOfBirth, sex: sex ?? stored.sex,
            ethnicity: ethnicity ?? stored.ethnicity, disabilities: disabilities ?? stored.disabilities,
            nhsNumber: nhsNumber ?? stored.nhsNumber, givenName: givenName ?? stored.givenName, familyName: familyName ?? stored.familyName)
    }
}

/// One thing in a child's journey, kept with every field as the source wrote it (so a return can be written back)
/// and where it came from. Its identity within the child's record is its kind and natural key: importing the same
/// return twice, or next year's return repeating an episode, updates the one record rather than adding another.
public struct JourneyRecord: Sendable, Equatable {
    public var childLocalID: String
    public var kind: JourneyKind
    public var naturalKey: String
    public var starts: ISODay?
    public var ends: ISODay?
    public var fields: [String: String]
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        childLocalID: String, kind: JourneyKind, naturalKey: String, starts: ISODay?, ends: ISODay?, fields: [String: String],
        sourceFile: String, sourceLine: Int
    ) {
        self.childLocalID = childLocalID
        self.kind = kind
        self.naturalKey = naturalKey
        self.starts = starts
        self.ends = ends
        self.fields = fields
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}

/// The kinds of record in a child's journey, named for where they come from: each SSDA903 table, and each part of
/// the CIN census. Later sources (forms, the case system's own extracts) add their own.
public struct JourneyKind: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// Made once: the measures ask for kinds by table for every child.
    public static func ssda903(_ table: SSDA903Table) -> JourneyKind { ssda903Kinds[table]! }
    private static let ssda903Kinds = Dictionary(
        uniqueKeysWithValues: SSDA903Table.allCases.map {
            ($0, JourneyKind(rawValue: "ssda903.\($0.rawValue)"))
        })
    public static let cinChild: JourneyKind = "cin.child"
    public static let cinEpisode: JourneyKind = "cin.episode"
    public static let cinAssessment: JourneyKind = "cin.assessment"
    public static let cinPlan: JourneyKind = "cin.plan"
    public static let cinSection47: JourneyKind = "cin.section47"
    public static let cinProtectionPlan: JourneyKind = "cin.protection-plan"
    public static let cinProtectionReview: JourneyKind = "cin.protection-review"
    public static let cinPreProceedings: JourneyKind = "cin.pre-proceedings"
    /// A case discussion in supervision, recorded in Waymark: management oversight on the child's chronology (never
    /// in a return).
    public static let caseDiscussion: JourneyKind = "waymark.case-discussion"
    public static func caseSystem(_ table: SSDTable) -> JourneyKind { caseSystemKinds[table]! }
    private static let caseSystemKinds = Dictionary(
        uniqueKeysWithValues: SSDTable.allCases.map { ($0, JourneyKind(rawValue: "case.\($0.rawValue)")) })

    public static func < (lhs: JourneyKind, rhs: JourneyKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What the record is, in plain words, for the chronology.
    public var displayName: String {
        switch rawValue {
        case "ssda903.episodes": "Looked-after episode"
        case "ssda903.reviews": "Looked-after review"
        case "ssda903.missing": "Missing or away from placement"
        case "ssda903.placed_for_adoption": "Placed for adoption"
        case "ssda903.sw_episodes": "Social worker allocated"
        case "ssda903.DoLo": "Deprivation of liberty order"
        case "ssda903.ad1": "Adoption decision"
        case "ssda903.uasc": "Unaccompanied asylum-seeking child"
        case "ssda903.oc2": "Outcomes for children looked after (OC2)"
        case "ssda903.oc3": "Care leaver (OC3)"
        case "ssda903.previous_permanence": "Previous permanence"
        case "ssda903.header": "Looked-after return header"
        case "cin.child": "Child in need census entry"
        case "cin.episode": "Referral to children's social care"
        case "cin.assessment": "Children and families assessment"
        case "cin.plan": "Child in need plan"
        case "cin.section47": "Section 47 enquiry"
        case "cin.protection-plan": "Child protection plan"
        case "cin.protection-review": "Child protection review conference"
        case "cin.pre-proceedings": "Pre-proceedings (public law outline)"
        case "case.ssd_contacts": "Contact"
        case "case.waymark_mash_decisions": "MASH decision"
        case "case.waymark_strategy_discussions": "Strategy discussion"
        case "case.ssd_early_help_episodes": "Early help episode"
        case "case.ssd_cin_visits": "Child in need visit"
        case "case.ssd_cp_visits": "Child protection visit"
        case "case.ssd_cla_visits": "Looked-after visit"
        case "case.ssd_cla_health": "Health or dental check"
        case "case.waymark_personal_education_plans": "Personal education plan"
        case "case.ssd_missing": "Missing or away (case record)"
        case "case.ssd_care_leavers": "Care leaver: contact and pathway plan"
        case "case.waymark_private_fostering": "Private fostering notification"
        case "case.ssd_involvements": "Allocated worker"
        case "waymark.case-discussion": "Management oversight: case discussion"
        default: rawValue
        }
    }
}
