import WaymarkDomain

/// One child as Annex A needs them: who they are, who holds them on the day the lists are drawn up, and their records.
public struct AnnexAChild: Sendable {
    public var identity: ChildIdentity
    public var team: String?
    public var worker: String?
    public var records: [JourneyRecord]

    public init(identity: ChildIdentity, team: String?, worker: String?, records: [JourneyRecord]) {
        self.identity = identity
        self.team = team
        self.worker = worker
        self.records = records
    }
}

/// Ofsted's Annex A: the eleven lists of children (and adopters) an inspection of local authority children's
/// services asks for, covering the six months up to a chosen day, each row worked out from the children's records.
/// The column headers are Ofsted's, word for word; from 2026 the lists say "Sex" where they said "Gender".
public struct AnnexA: Sendable {
    public enum Version: String, CaseIterable, Sendable {
        /// The 2026 lists: "Sex".
        case sex
        /// The lists before 2026: "Gender".
        case gender

        /// The lists' version on a day: Ofsted asks for "Sex" from 2026.
        public static func inForce(on day: ISODay) -> Version { day.year >= 2026 ? .sex : .gender }

        public var title: String {
            switch self {
            case .sex: "2026 and later (\"Sex\")"
            case .gender: "Before 2026 (\"Gender\")"
            }
        }
    }

    public enum Value: Sendable, Hashable {
        case text(String)
        case date(ISODay)
        case number(Double)
        case empty

        static func text(_ value: String?) -> Value { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        static func date(_ value: ISODay?) -> Value { value.map(Value.date) ?? .empty }
        static func count(_ value: Int) -> Value { .number(Double(value)) }
        static func yesNo(_ value: Bool?) -> Value { value.map { .text($0 ? "Yes" : "No") } ?? .empty }
        /// The lettered choices of Ofsted's template: "a) Yes", "b) No".
        static func letteredYesNo(_ value: Bool?) -> Value { value.map { .text($0 ? "a) Yes" : "b) No") } ?? .empty }

        /// The value as a person reads it: dates yyyy-mm-dd, whole numbers without a point.
        public var inWords: String {
            switch self {
            case .text(let text): text
            case .date(let day): day.description
            case .number(let number): number == number.rounded() ? String(Int(number)) : String(format: "%.2f", number)
            case .empty: ""
            }
        }
    }

    public struct List: Sendable {
        public var number: Int
        public var title: String
        public var headers: [String]
        public var rows: [[Value]]
        /// The child (or adopter) of each row, by local identifier.
        public var rowChildren: [String]
    }

    /// A row that does not agree with itself or with another list, found before the workbook is written.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var list: Int
        /// The row as the workbook numbers it (the header is row 1).
        public var row: Int
        public var child: String
        public var column: String
        public var value: String
        public var why: String

        public var description: String { "List \(list), row \(row), child \(child), \(column) \"\(value)\": \(why)" }
    }

    /// The day the lists are drawn up for, and the six months they cover (the day itself and the six months before it).
    public let day: ISODay
    public let window: ClosedRange<ISODay>
    public let version: Version
    public let lists: [List]
    public let problems: [Problem]

    public init(children: [AnnexAChild], on day: ISODay, version: Version) {
        self.day = day
        self.version = version
        window = day.adding(months: -6).adding(days: 1)...day
        var builder = AnnexABuilder(day: day, window: window)
        for child in children.sorted(by: { $0.identity.localID < $1.identity.localID }) { builder.add(child) }
        lists = builder.lists(version: version)
        problems = AnnexAChecks(lists: lists, day: day).problems
    }
}

extension AnnexA {
    /// The kinds of record the lists read, and those whose fields they read (a store need read no more).
    public static let kinds: [JourneyKind] = [
        .caseSystem(.contacts), .caseSystem(.earlyHelpEpisodes), .cinEpisode, .cinAssessment, .cinPlan, .cinSection47, .cinProtectionPlan,
        .cinProtectionReview, .caseSystem(.cinVisits), .caseSystem(.cpVisits), .caseSystem(.claVisits), .caseSystem(.claHealth),
        .caseSystem(.missing), .caseSystem(.careLeavers), .ssda903(.episodes), .ssda903(.reviews), .ssda903(.uasc),
        .ssda903(.placedForAdoption), .ssda903(.ad1),
    ]
    public static let kindsWithFields: Set<JourneyKind> = Set(kinds).subtracting([
        .cinAssessment, .cinPlan, .cinProtectionReview, .ssda903(.reviews),
        .ssda903(.uasc), .ssda903(.ad1),
    ])
}
