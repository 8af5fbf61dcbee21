import WaymarkDomain

/// A CIN census return as read: its header and its children, each with every element's text exactly as written
/// (so that an export can give it back), and typed readings of what the journey needs.
public struct CINCensus: Sendable {
    public struct Header: Sendable, Equatable, Codable {
        public var collection = "", year = "", referenceDate = "", sourceLevel = "", lea = "", softwareCode = "", release = ""
        public var serialNumber = "", dateTime = ""

        public init() {}

        public init(
            collection: String, year: String, referenceDate: String, sourceLevel: String, lea: String, softwareCode: String,
            release: String, serialNumber: String, dateTime: String
        ) {
            (self.collection, self.year, self.referenceDate, self.sourceLevel, self.lea) = (collection, year, referenceDate, sourceLevel, lea)
            (self.softwareCode, self.release, self.serialNumber, self.dateTime) = (softwareCode, release, serialNumber, dateTime)
        }
    }

    public var header = Header()
    public var children: [CINChild] = []
    public var problems: [ReturnProblem] = []

    public init() {}

    /// What an export needs besides the records to write the file back as it came: the header and the indentation.
    public struct Layout: Sendable, Equatable, Codable {
        public var header: Header
        public var indent: String
        public init(header: Header, indent: String) {
            self.header = header
            self.indent = indent
        }
    }
}

/// One child of the census: identifiers, characteristics and each CIN episode (`CINdetails`).
public struct CINChild: Sendable, Equatable {
    public var line: Int
    public var laChildID: String
    public var upn: String?, formerUPN: String?, upnUnknown: String?
    public var birthDate: String?, expectedBirthDate: String?, deathDate: String?
    /// The child's sex as written, and the element it was in: `GenderCurrent` up to 2024/25, `Sex` from 2025/26.
    public var sex: String?, sexElement: String
    public var ethnicity: String?
    public var disabilities: [String]
    public var episodes: [CINEpisode]
}

/// One episode of need: from referral to closure, with its assessments, plans, enquiries and conferences.
public struct CINEpisode: Sendable, Equatable {
    public var line: Int
    public var referralDate: String
    public var referralSource: String?, primaryNeed: String?, closureDate: String?, reasonForClosure: String?
    public var dateOfInitialCPC: String?
    /// As written: true, false, 1 or 0.
    public var referralNFA: String?
    public var assessments: [Assessment]
    public var plans: [Plan]
    public var section47s: [Section47]
    public var protectionPlans: [ProtectionPlan]
    /// The 2026/27 pre-proceedings and family group decision-making block, element by element as written.
    public var preProceedings: [[(name: String, value: String)]]

    public struct Assessment: Sendable, Equatable {
        public var line: Int
        public var start: String, authorised: String?, internalReview: String?
        public var factors: [String]
    }

    public struct Plan: Sendable, Equatable {
        public var line: Int
        public var start: String, end: String?
    }

    public struct Section47: Sendable, Equatable {
        public var line: Int
        public var start: String, initialConferenceTarget: String?, dateOfInitialCPC: String?, conferenceNotRequired: String?
    }

    public struct ProtectionPlan: Sendable, Equatable {
        public var line: Int
        public var start: String, end: String?, initialCategory: String?, latestCategory: String?, previousPlans: String?
        public var reviews: [String]
    }

    public static func == (lhs: CINEpisode, rhs: CINEpisode) -> Bool {
        lhs.line == rhs.line && lhs.referralDate == rhs.referralDate && lhs.referralSource == rhs.referralSource
            && lhs.primaryNeed == rhs.primaryNeed && lhs.closureDate == rhs.closureDate && lhs.reasonForClosure == rhs.reasonForClosure
            && lhs.dateOfInitialCPC == rhs.dateOfInitialCPC && lhs.referralNFA == rhs.referralNFA && lhs.assessments == rhs.assessments
            && lhs.plans == rhs.plans && lhs.section47s == rhs.section47s && lhs.protectionPlans == rhs.protectionPlans
            && lhs.preProceedings.map { $0.map { "\($0.name)=\($0.value)" } } == rhs.preProceedings.map { $0.map { "\($0.name)=\($0.value)" } }
    }
}
