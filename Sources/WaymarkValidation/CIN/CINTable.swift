/// The CIN census as tables, one for each repeating part of the XML, named as the DfE's schema names the parts (and as
/// other validators name them, so results compare rule by rule). A row is one element of that part, numbered from 0
/// in document order across the whole file.
public enum CINTable: String, Sendable, CaseIterable {
    case header = "Header"
    case childIdentifiers = "ChildIdentifiers"
    case childCharacteristics = "ChildCharacteristics"
    case disabilities = "Disabilities"
    case cinDetails = "CINdetails"
    case assessments = "Assessments"
    case cinPlanDates = "CINplanDates"
    case section47 = "Section47"
    case childProtectionPlans = "ChildProtectionPlans"
    case reviews = "Reviews"

    /// The fields each row holds, each named by its element; every table but the header also holds the child's
    /// `LAchildID`.
    public var columns: [CINColumn] {
        switch self {
        case .header: [.collection, .year, .referenceDate, .sourceLevel, .lea, .softwareCode, .release, .serialNo, .dateTime]
        case .childIdentifiers: [.child, .upn, .formerUPN, .upnUnknown, .birthDate, .expectedBirthDate, .sex, .deathDate]
        case .childCharacteristics: [.child, .ethnicity]
        case .disabilities: [.child, .disability]
        case .cinDetails: [.child, .referralDate, .referralSource, .primaryNeed, .closureDate, .reasonForClosure, .initialConference, .referralNFA]
        case .assessments: [.child, .assessmentStart, .assessmentInternalReview, .assessmentAuthorised, .assessmentFactors]
        case .cinPlanDates: [.child, .cinPlanStart, .cinPlanEnd]
        case .section47: [.child, .s47Start, .initialConferenceTarget, .initialConference, .conferenceNotRequired]
        case .childProtectionPlans: [.child, .cppStart, .cppEnd, .initialCategory, .latestCategory, .previousPlans]
        case .reviews: [.child, .reviewDate]
        }
    }
}

/// A field of the CIN census, named by its element in the DfE's schema.
public enum CINColumn: String, Sendable {
    case collection = "Collection", year = "Year", referenceDate = "ReferenceDate", sourceLevel = "SourceLevel", lea = "LEA"
    case softwareCode = "SoftwareCode", release = "Release", serialNo = "SerialNo", dateTime = "DateTime"
    case child = "LAchildID", upn = "UPN", formerUPN = "FormerUPN", upnUnknown = "UPNunknown", birthDate = "PersonBirthDate"
    case expectedBirthDate = "ExpectedPersonBirthDate", deathDate = "PersonDeathDate"
    /// `Sex` from 2025/26; read from `GenderCurrent` in older files.
    case sex = "Sex"
    case ethnicity = "Ethnicity", disability = "Disability"
    case referralDate = "CINreferralDate", referralSource = "ReferralSource", primaryNeed = "PrimaryNeedCode"
    case closureDate = "CINclosureDate", reasonForClosure = "ReasonForClosure", initialConference = "DateOfInitialCPC"
    case referralNFA = "ReferralNFA"
    case assessmentStart = "AssessmentActualStartDate", assessmentInternalReview = "AssessmentInternalReviewDate"
    case assessmentAuthorised = "AssessmentAuthorisationDate"
    /// The factors identified at the assessment, separated by spaces.
    case assessmentFactors = "AssessmentFactors"
    case cinPlanStart = "CINPlanStartDate", cinPlanEnd = "CINPlanEndDate"
    case s47Start = "S47ActualStartDate", initialConferenceTarget = "InitialCPCtarget", conferenceNotRequired = "ICPCnotRequired"
    case cppStart = "CPPstartDate", cppEnd = "CPPendDate", initialCategory = "InitialCategoryOfAbuse"
    case latestCategory = "LatestCategoryOfAbuse", previousPlans = "NumberOfPreviousCPP"
    case reviewDate = "CPPreviewDate"

    var isDate: Bool {
        switch self {
        case .referenceDate, .birthDate, .expectedBirthDate, .deathDate, .referralDate, .closureDate, .initialConference,
            .assessmentStart, .assessmentInternalReview, .assessmentAuthorised, .cinPlanStart, .cinPlanEnd, .s47Start,
            .initialConferenceTarget, .cppStart, .cppEnd, .reviewDate:
            true
        default: false
        }
    }
}

/// A CIN table's columns read by their CIN field names.
struct CINColumns {
    let table: ValidationTable

    var count: Int { table.count }
    subscript(column: CINColumn) -> [String] { table.column(column.rawValue) }
    func days(_ column: CINColumn) -> [Int32] { table.days(column.rawValue) }
    func value(_ row: Int, _ column: CINColumn) -> String { table.value(row, column.rawValue) }
}
