import WaymarkDomain

/// Made-up children with realistic, internally consistent journeys to a given day, for the demo and every benchmark:
/// referrals (some children referred again), assessments, child in need plans, section 47 enquiries, conferences and
/// child protection plans with reviews, children looked after with their episodes, reviews and health, and care
/// leavers. Every date falls on a working day and follows the one before it; nothing happens after `lastDay`.
///
/// `census` and `ssda903` hold each child's whole history in the returns' own shapes; `collection(_:)` gives the
/// returns a council would send for one collection year (only that year's activity, as the DfE's rules ask), so
/// that the demo enters the store the way real data does. The same seed and the same last day give the same children.
public struct DemoReturns: Sendable {
    /// Every referral of every child in need, with all that followed it, to `lastDay`.
    public var census: CINCensus
    /// Every child looked after: header, episodes and reviews to `lastDay`; OC3 for the care leavers (their details as
    /// on `lastDay`). OC2 is made per collection year (`collection(_:)`), since who is in its cohort depends on the year.
    public var ssda903: SSDA903Return
    /// Made-up names for each child, by local identifier.
    public var names: [String: (given: String, family: String)]
    /// The last day anything happens: the day before the demo is made.
    public var lastDay: ISODay
    let seed: UInt64

    /// Shares of the children, roughly as England's published rates for a council judged to require improvement:
    /// a quarter of referrals end with no further action; about one in nine goes to a section 47 enquiry; about one in
    /// twelve is looked after; one in thirty is a care leaver; a fifth of the children are referred again.
    static let noFurtherAction = 0.25, childInNeedPlan = 0.45, section47 = 0.12, conferenceAfterEnquiry = 0.55
    static let lookedAfter = 0.08, careLeaver = 0.03, referredAgain = 0.3

    /// - Parameters: how many children, the seed, and the last day anything happens (the day before the demo is made).
    public init(children count: Int, seed: UInt64, through lastDay: ISODay) {
        var random = SeededRandom(seed: seed)
        var life = Lives(lastDay: lastDay)
        var names: [String: (String, String)] = [:]
        for index in 1...max(count, 1) {
            let id = "WM\(String(format: "%06d", index))"
            let leaver = random.chance(Self.careLeaver)
            let ageDays = leaver ? random.int(18 * 365 + 30...21 * 365) : random.int(60...17 * 365)
            let child = Lives.Child(
                id: id, birth: lastDay.adding(days: -ageDays), sex: random.chance(0.5) ? "M" : "F", ethnicity: random.pick(Self.ethnicities))
            names[id] = (random.pick(child.sex == "M" ? Self.boysNames : Self.girlsNames), random.pick(Self.familyNames))
            if leaver {
                life.careLeaver(child, random: &random)
            } else {
                life.childInNeed(child, random: &random)
            }
        }
        self.census = life.census
        self.ssda903 = life.ssda903
        self.names = names
        self.lastDay = lastDay
        self.seed = seed
        self.ssda903.numberLines()
    }

    /// The collection year that holds `day`, by the year it ends: 2027 for any day from 1 April 2026 to 31 March 2027.
    public static func collectionYear(holding day: ISODay) -> Int { day.month >= 4 ? day.year + 1 : day.year }

    /// The latest collection year complete by `day`: 2026 (to 31 March 2026) for any day from 31 March 2026 to
    /// 30 March 2027.
    public static func latestCompleteYear(on day: ISODay) -> Int {
        day >= ISODay(year: day.year, month: 3, day: 31) ? day.year : day.year - 1
    }

    static let ethnicities = [
        "WBRI", "WBRI", "WBRI", "WOTH", "WOTH", "WIRI", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BAFR", "BOTH", "CHNE", "OOTH", "REFU",
    ]
    static let boysNames = [
        "Oliver", "Noah", "Muhammad", "Leo", "Arthur", "Harry", "Oscar", "George", "Theo", "Isaac", "Adam", "Yusuf", "Daniel",
        "Kai", "Samuel", "Joshua", "Ethan", "Aarav", "Elijah", "Zain",
    ]
    static let girlsNames = [
        "Olivia", "Amelia", "Isla", "Ava", "Lily", "Freya", "Ivy", "Florence", "Mia", "Sophia", "Aisha", "Grace", "Zara",
        "Maya", "Evie", "Ella", "Hana", "Nia", "Chloe", "Poppy",
    ]
    static let familyNames = [
        "Smith", "Jones", "Patel", "Williams", "Brown", "Taylor", "Khan", "Ahmed", "Davies", "Evans", "Wilson", "Johnson",
        "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Ali",
        "Okafor", "Mensah", "Kowalski", "Nowak", "Cohen", "Levi", "Murphy", "Kelly", "Begum", "Hussain", "Shah", "Singh",
    ]
}

extension SSDA903Return {
    /// Line numbers as the files will be written: the header is line 1.
    mutating func numberLines() {
        for table in SSDA903Table.allCases {
            rows[table] = rows[table]?.enumerated().map { index, row in
                var numbered = row
                numbered.file = table.fileName
                numbered.line = index + 2
                return numbered
            }
        }
    }
}
