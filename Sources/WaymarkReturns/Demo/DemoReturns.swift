import WaymarkDomain

/// Made-up children with realistic, internally consistent journeys, for the demo and every benchmark: referrals,
/// assessments, child in need plans, section 47 enquiries, conferences and child protection plans with reviews, and
/// children looked after with their episodes, reviews and health outcomes, and care leavers. Every date falls on a
/// working day and follows the one before it. They come out as the returns a council would produce (an SSDA903 set
/// and a CIN census) so that they enter the store the way real data does. The same seed gives the same children.
public struct DemoReturns: Sendable {
    public var ssda903: SSDA903Return
    public var census: CINCensus
    /// Made-up names for each child, by local identifier.
    public var names: [String: (given: String, family: String)]

    /// Shares of the children, roughly as a London borough's: a quarter of referrals end with no further action;
    /// one in eight goes to a section 47 enquiry; about one in twelve is looked after; one in thirty is a care leaver.
    static let noFurtherAction = 0.25, childInNeedPlan = 0.35, section47 = 0.12, conferenceAfterEnquiry = 0.55
    static let lookedAfter = 0.08, careLeaver = 0.03

    /// - Parameters: how many children, the seed, and the collection year (2026: the year to 31 March 2026).
    public init(children count: Int, seed: UInt64, year: Int) {
        var random = SeededRandom(seed: seed)
        let calendar = WorkingDays.englandAndWales
        let yearEnd = ISODay(year: year, month: 3, day: 31)
        let yearStart = ISODay(year: year - 1, month: 4, day: 1)
        var ssda903 = SSDA903Return()
        var census = CINCensus()
        census.header = .init(
            collection: "CIN", year: String(year), referenceDate: yearEnd.description, sourceLevel: "L", lea: "302",
            softwareCode: "Waymark demo", release: "1", serialNumber: String(seed % 1000), dateTime: "\(yearEnd)T18:00:00")
        var names: [String: (String, String)] = [:]
        func text(_ day: ISODay) -> String { String(format: "%02d/%02d/%04d", day.day, day.month, day.year) }
        func workingDay(_ day: ISODay) -> ISODay { calendar.adding(0, to: day) }

        for index in 1...max(count, 1) {
            let id = "WM\(String(format: "%06d", index))"
            let leaver = random.chance(Self.careLeaver)
            let ageDays = leaver ? random.int(17 * 365...20 * 365) : random.int(60...17 * 365)
            let birth = yearEnd.adding(days: -ageDays)
            let sex = random.chance(0.5) ? "1" : "2"
            let ethnicity = random.pick(Self.ethnicities)
            names[id] = (random.pick(sex == "1" ? Self.boysNames : Self.girlsNames), random.pick(Self.familyNames))
            let header = SSDA903Row(
                table: .header,
                values: [
                    .child: id, .sex: sex == "1" ? "M" : "F", .dob: text(birth), .ethnic: ethnicity,
                    .upn: "", .mother: "", .motherChildDOB: "",
                ], file: "header.csv", line: 0)
            if leaver {
                // Looked after until their 18th birthday; the return reports them as a care leaver.
                ssda903.rows[.header, default: []].append(header)
                ssda903.rows[.oc3, default: []].append(
                    SSDA903Row(
                        table: .oc3,
                        values: [
                            .child: id, .dob: text(birth), .inTouch: random.pick(["YES", "YES", "YES", "NO"]),
                            .activity: random.pick(["F1", "P1", "F2", "G4", "G6"]), .accommodation: random.pick(["B1", "C1", "D2", "S1", "T1"]),
                        ], file: "oc3.csv", line: 0))
                continue
            }

            // The referral, within the two years before the year's end, and never before the child was born.
            let referral = workingDay(max(birth.adding(days: 7), yearEnd.adding(days: -random.int(5...730))))
            var episode = CINEpisode(
                line: 0, referralDate: referral.description, referralSource: random.pick(["1A", "1B", "2A", "3A", "3B", "5A", "5D", "6", "10"]),
                primaryNeed: random.pick(["N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N8"]), closureDate: nil, reasonForClosure: nil,
                dateOfInitialCPC: nil, referralNFA: "false", assessments: [], plans: [], section47s: [], protectionPlans: [], preProceedings: [])
            var lastDay = referral
            if random.chance(Self.noFurtherAction) {
                episode.referralNFA = "true"
                episode.closureDate = referral.description
                episode.reasonForClosure = "RC8"
            } else {
                // Assessment: most authorised within 45 working days, some late.
                let start = calendar.adding(random.int(0...3), to: referral)
                let authorised = calendar.adding(random.chance(0.85) ? random.int(10...45) : random.int(46...70), to: start)
                episode.assessments.append(
                    .init(
                        line: 0, start: start.description, authorised: authorised <= yearEnd ? authorised.description : nil,
                        internalReview: nil, factors: Array(Set((0..<random.int(1...3)).map { _ in random.pick(Self.factors) })).sorted()))
                lastDay = min(authorised, yearEnd)
                if random.chance(Self.section47) {
                    let enquiry = calendar.adding(random.int(0...5), to: referral)
                    let target = calendar.adding(15, to: enquiry)
                    var section47 = CINEpisode.Section47(
                        line: 0, start: enquiry.description, initialConferenceTarget: target.description,
                        dateOfInitialCPC: nil, conferenceNotRequired: "false")
                    if random.chance(Self.conferenceAfterEnquiry) {
                        let conference = calendar.adding(random.chance(0.8) ? random.int(8...15) : random.int(16...25), to: enquiry)
                        if conference <= yearEnd {
                            section47.dateOfInitialCPC = conference.description
                            episode.dateOfInitialCPC = conference.description
                            var plan = CINEpisode.ProtectionPlan(
                                line: 0, start: conference.description, end: nil,
                                initialCategory: random.pick(["NEG", "NEG", "EMO", "PHY", "SAB", "MUL"]),
                                latestCategory: nil, previousPlans: String(random.chance(0.2) ? 1 : 0), reviews: [])
                            plan.latestCategory = plan.initialCategory
                            // Reviews: the first within 3 months, then every 6 months.
                            var review = workingDay(conference.adding(months: 3).adding(days: -random.int(0...10)))
                            while review <= yearEnd, plan.reviews.count < 6 {
                                plan.reviews.append(review.description)
                                review = workingDay(review.adding(months: 6).adding(days: -random.int(0...10)))
                            }
                            if random.chance(0.5), let last = plan.reviews.last.flatMap({ ISODay($0) }) {
                                plan.end = last.description
                            }
                            episode.protectionPlans.append(plan)
                            lastDay = max(lastDay, plan.end.flatMap { ISODay($0) } ?? conference)
                        }
                    } else {
                        section47.conferenceNotRequired = "true"
                    }
                    episode.section47s.append(section47)
                } else if random.chance(Self.childInNeedPlan), authorised < yearEnd {
                    let planStart = calendar.adding(random.int(1...10), to: authorised)
                    if planStart <= yearEnd {
                        let end = random.chance(0.5) ? calendar.adding(random.int(40...200), to: planStart) : nil
                        episode.plans.append(.init(line: 0, start: planStart.description, end: end.flatMap { $0 <= yearEnd ? $0.description : nil }))
                    }
                }
                if random.chance(0.5), episode.protectionPlans.allSatisfy({ $0.end != nil }), episode.plans.allSatisfy({ $0.end != nil }) {
                    let closure = calendar.adding(random.int(5...60), to: lastDay)
                    if closure <= yearEnd {
                        episode.closureDate = closure.description
                        episode.reasonForClosure = random.pick(["RC1", "RC2", "RC3", "RC4", "RC7"])
                    }
                }
                // Looked after: an episode starting after the referral, sometimes moving placement, with its reviews.
                if random.chance(Self.lookedAfter), referral < yearEnd.adding(days: -30) {
                    ssda903.rows[.header, default: []].append(header)
                    var start = calendar.adding(random.int(1...20), to: referral)
                    let firstStart = start
                    let legalStatus = random.pick(["C2", "C2", "J2", "V2", "E1", "L1"])
                    for move in 0..<random.int(1...3) where start < yearEnd {
                        let last = move == 2 || random.chance(0.6)
                        let end: ISODay? = last ? nil : workingDay(start.adding(days: random.int(30...200)))
                        let ended = end.map { $0 <= yearEnd } ?? false
                        ssda903.rows[.episodes, default: []].append(
                            SSDA903Row(
                                table: .episodes,
                                values: [
                                    .child: id, .decom: text(start), .rne: move == 0 ? "S" : "P", .ls: legalStatus,
                                    .cin: random.pick(["N1", "N1", "N2", "N4"]),
                                    .place: random.pick(["U1", "U1", "U4", "U5", "R1", "K2"]),
                                    .placeProvider: random.pick(["PR1", "PR1", "PR2", "PR4"]),
                                    .dec: ended ? text(end!) : "", .rec: ended ? "X1" : "",
                                    .reasonPlaceChange: ended ? random.pick(["CARPL", "CHILD", "LAREQ"]) : "",
                                    .homePost: "", .plPost: "", .urn: "",
                                ], file: "episodes.csv", line: 0))
                        guard ended, let next = end else { break }
                        start = next
                    }
                    // Reviews: within 20 working days, then 3 months after the first, then every 6 months.
                    var review = calendar.adding(random.int(10...22), to: firstStart)
                    var gap = 3
                    while review <= yearEnd {
                        ssda903.rows[.reviews, default: []].append(
                            SSDA903Row(
                                table: .reviews,
                                values: [
                                    .child: id, .dob: text(birth), .review: text(review),
                                    .reviewCode: random.pick(["PN1", "PN1", "PN2", "PN3", "PN4", "PN0"]),
                                ], file: "reviews.csv", line: 0))
                        review = workingDay(review.adding(months: gap).adding(days: -random.int(0...7)))
                        gap = 6
                    }
                    if firstStart.adding(months: 12) <= yearEnd {
                        ssda903.rows[.oc2, default: []].append(
                            SSDA903Row(
                                table: .oc2,
                                values: [
                                    .child: id, .dob: text(birth), .sdqScore: birth.adding(months: 48) <= yearEnd ? String(random.int(0...40)) : "",
                                    .sdqReason: birth.adding(months: 48) <= yearEnd ? "" : "SDQ1", .convicted: "0",
                                    .healthCheck: random.chance(0.9) ? "1" : "0",
                                    .immunisations: random.chance(0.85) ? "1" : "0", .teethCheck: random.chance(0.8) ? "1" : "0",
                                    .healthAssessment: random.chance(0.9) ? "1" : "0", .substanceMisuse: random.chance(0.05) ? "1" : "0",
                                    .interventionReceived: "0", .interventionOffered: "0",
                                ], file: "oc2.csv", line: 0))
                    }
                }
            }
            // The census holds children in need at any time in the year: open then, or referred in it.
            if (episode.closureDate.flatMap { ISODay($0) } ?? yearEnd) >= yearStart {
                census.children.append(
                    CINChild(
                        line: 0, laChildID: id, upn: nil, formerUPN: nil, upnUnknown: "UN1", birthDate: birth.description, expectedBirthDate: nil,
                        deathDate: nil, sex: sex, sexElement: "Sex", ethnicity: ethnicity,
                        disabilities: random.chance(0.08) ? [random.pick(["AUT", "LD", "COMM", "MOB", "BEH"])] : [], episodes: [episode]))
            }
        }
        // Line numbers as the files will be written: the header is line 1.
        for table in SSDA903Table.allCases {
            ssda903.rows[table] = ssda903.rows[table]?.enumerated().map { index, row in
                var numbered = row
                numbered.file = table.fileName
                numbered.line = index + 2
                return numbered
            }
        }
        self.ssda903 = ssda903
        self.census = census
        self.names = names
    }

    static let ethnicities = [
        "WBRI", "WBRI", "WBRI", "WOTH", "WOTH", "WIRI", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BAFR", "BOTH", "CHNE", "OOTH", "REFU",
    ]
    static let factors = ["1C", "2A", "2B", "3A", "3B", "4A", "4B", "5A", "5B", "6A", "6B", "8B", "9A", "10A", "11A", "17A", "18B", "21", "22A"]
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
