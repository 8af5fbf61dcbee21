/// The SSDA903 return (children looked after): its tables, each recognised by its set of column names (never by its
/// file name), with what each column holds. Column names, order and code lists follow the DfE's SSDA903 guidance.
public enum SSDA903Table: String, CaseIterable, Sendable, Comparable {
    case header, episodes, reviews, uasc, oc2, oc3, ad1
    case placedForAdoption = "placed_for_adoption"
    case previousPermanence = "previous_permanence"
    case missing
    case socialWorkerEpisodes = "sw_episodes"
    case dolo = "DoLo"

    /// The columns, in the DfE's order.
    public var columns: [SSDA903Column] {
        switch self {
        case .header: [.child, .sex, .dob, .ethnic, .upn, .mother, .motherChildDOB]
        case .episodes: [.child, .decom, .rne, .ls, .cin, .place, .placeProvider, .dec, .rec, .reasonPlaceChange, .homePost, .plPost, .urn]
        case .reviews: [.child, .dob, .review, .reviewCode]
        case .uasc: [.child, .sex, .dob, .duc]
        case .oc2:
            [
                .child, .dob, .sdqScore, .sdqReason, .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment,
                .substanceMisuse, .interventionReceived, .interventionOffered,
            ]
        case .oc3: [.child, .dob, .inTouch, .activity, .accommodation]
        case .ad1: [.child, .dob, .dateInterest, .dateMatch, .fosterCare, .numberOfAdopters, .sexOfAdopters, .legalStatusOfAdopters]
        case .placedForAdoption: [.child, .dob, .datePlaced, .datePlacedCeased, .reasonPlacedCeased]
        case .previousPermanence: [.child, .dob, .previousPermanence, .previousPermanenceLA, .datePermanence]
        case .missing: [.child, .dob, .missing, .missingStart, .missingEnd]
        case .socialWorkerEpisodes: [.child, .dob, .socialWorkerID, .socialWorkerStart, .socialWorkerEnd, .socialWorkerReason]
        case .dolo: [.child, .dob, .doloStart, .doloEnd]
        }
    }

    /// Columns a table may also have. The XML form's header carries the child's UASC status, which the CSV form's
    /// header does not (there a child is UASC by a row in the UASC table); the rules that read it run when it is there.
    public var optionalColumns: [SSDA903Column] {
        self == .header ? [.uascStatus] : []
    }

    /// The columns a file of this table holds, in the DfE's order: every required one, and the optional ones present.
    public func columns(present: (SSDA903Column) -> Bool) -> [SSDA903Column] {
        columns + optionalColumns.filter(present)
    }

    /// The columns a file with these column names holds (in any order and case).
    public func columns(given names: some Sequence<String>) -> [SSDA903Column] {
        let given = Set(names.map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        return columns { given.contains($0.rawValue) }
    }

    /// The file name the DfE's tools and most case systems use, for export.
    public var fileName: String { "\(rawValue).csv" }

    /// The table whose columns these are, in any order and case: every one of its columns, and perhaps some of its
    /// optional ones; nil when no table has exactly these columns.
    public static func recognise(_ names: [String]) -> SSDA903Table? {
        let given = Set(names.map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        return allCases.first { Set($0.columns(given: given).map(\.rawValue)) == given }
    }

    /// The columns that make a row the same row again in a later return: the child and the day the row starts.
    /// Header, UASC, OC2, OC3, AD1 and previous permanence have one row per child.
    public var key: [SSDA903Column] {
        switch self {
        case .episodes: [.child, .decom]
        case .reviews: [.child, .review]
        case .placedForAdoption: [.child, .datePlaced]
        case .missing: [.child, .missingStart]
        case .socialWorkerEpisodes: [.child, .socialWorkerStart]
        case .dolo: [.child, .doloStart]
        case .header, .uasc, .oc2, .oc3, .ad1, .previousPermanence: [.child]
        }
    }

    public static func < (lhs: SSDA903Table, rhs: SSDA903Table) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One column of an SSDA903 table and what it may hold.
public enum SSDA903Column: String, CaseIterable, Sendable {
    case child = "CHILD", sex = "SEX", dob = "DOB", ethnic = "ETHNIC", upn = "UPN", mother = "MOTHER", motherChildDOB = "MC_DOB"
    case decom = "DECOM", rne = "RNE", ls = "LS", cin = "CIN", place = "PLACE", placeProvider = "PLACE_PROVIDER", dec = "DEC", rec = "REC"
    case reasonPlaceChange = "REASON_PLACE_CHANGE", homePost = "HOME_POST", plPost = "PL_POST", urn = "URN"
    case review = "REVIEW", reviewCode = "REVIEW_CODE", uascStatus = "UASC", duc = "DUC"
    case sdqScore = "SDQ_SCORE", sdqReason = "SDQ_REASON", convicted = "CONVICTED", healthCheck = "HEALTH_CHECK"
    case immunisations = "IMMUNISATIONS", teethCheck = "TEETH_CHECK", healthAssessment = "HEALTH_ASSESSMENT"
    case substanceMisuse = "SUBSTANCE_MISUSE", interventionReceived = "INTERVENTION_RECEIVED", interventionOffered = "INTERVENTION_OFFERED"
    case inTouch = "IN_TOUCH", activity = "ACTIV", accommodation = "ACCOM"
    case dateInterest = "DATE_INT", dateMatch = "DATE_MATCH", fosterCare = "FOSTER_CARE", numberOfAdopters = "NB_ADOPTR"
    case sexOfAdopters = "SEX_ADOPTR", legalStatusOfAdopters = "LS_ADOPTR"
    case datePlaced = "DATE_PLACED", datePlacedCeased = "DATE_PLACED_CEASED", reasonPlacedCeased = "REASON_PLACED_CEASED"
    case previousPermanence = "PREV_PERM", previousPermanenceLA = "LA_PERM", datePermanence = "DATE_PERM"
    case missing = "MISSING", missingStart = "MIS_START", missingEnd = "MIS_END"
    case socialWorkerID = "SW_ID", socialWorkerStart = "SW_DECOM", socialWorkerEnd = "SW_DEC", socialWorkerReason = "SW_REASON"
    case doloStart = "DOLO_START", doloEnd = "DOLO_END"

    public enum Kind: Sendable, Equatable {
        /// The council's own identifier for the child: required.
        case childID
        /// A day written dd/mm/yyyy; `required` when the row means nothing without it.
        case date(required: Bool)
        /// One of a DfE code list (named in messages).
        case code(list: String, codes: Set<String>)
        case wholeNumber
        /// Free text, or a code whose list changes from year to year (placement types, reasons): the validation checks it.
        case text
    }

    public var kind: Kind {
        switch self {
        case .child: .childID
        case .dob, .decom, .review, .datePlaced, .missingStart, .socialWorkerStart, .doloStart: .date(required: true)
        case .motherChildDOB, .dec, .duc, .dateInterest, .dateMatch, .datePlacedCeased, .missingEnd, .socialWorkerEnd, .doloEnd:
            .date(required: false)
        case .sex: .code(list: "sex (1 or 2 up to 2023/24; M, F or U from 2024/25)", codes: ["1", "2", "M", "F", "U"])
        case .ethnic:
            .code(
                list: "ethnicity",
                codes: [
                    "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                    "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
                ])
        case .mother: .code(list: "mother (1 yes, 0 no)", codes: ["0", "1"])
        case .uascStatus: .code(list: "UASC status (1 yes, 0 no)", codes: ["0", "1"])
        case .rne: .code(list: "reason for new episode", codes: ["P", "L", "T", "U", "B", "S"])
        case .ls: .code(list: "legal status", codes: ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"])
        case .cin: .code(list: "category of need", codes: ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"])
        case .placeProvider: .code(list: "placement provider", codes: ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"])
        case .reviewCode: .code(list: "review participation", codes: ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])
        case .missing: .code(list: "missing or away (M or A)", codes: ["M", "A"])
        case .inTouch: .code(list: "care leaver in touch", codes: ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"])
        case .activity: .code(list: "care leaver activity", codes: ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"])
        case .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment, .substanceMisuse, .interventionReceived,
            .interventionOffered, .fosterCare:
            .code(list: "yes or no (1 or 0)", codes: ["0", "1"])
        case .numberOfAdopters: .code(list: "number of adopters (1 or 2)", codes: ["1", "2"])
        case .sexOfAdopters: .code(list: "sex of adopters", codes: ["M1", "F1", "MM", "FF", "MF"])
        case .legalStatusOfAdopters: .code(list: "legal status of adopters", codes: ["L0", "L11", "L12", "L2", "L3", "L4"])
        case .previousPermanence: .code(list: "previous permanence", codes: ["P1", "P2", "P3", "P4", "Z1"])
        case .sdqScore: .wholeNumber
        case .upn, .place, .rec, .reasonPlaceChange, .homePost, .plPost, .urn, .sdqReason, .accommodation, .reasonPlacedCeased,
            .previousPermanenceLA, .datePermanence, .socialWorkerID, .socialWorkerReason:
            .text
        }
    }
}
