import WaymarkDomain

/// The making of the demo children's histories (`DemoReturns`): each child in need's referrals and what followed them,
/// each child looked after's episodes and reviews, each care leaver's latest details. Made to pass the DfE's rules, so
/// that the demo's only validation errors are the few it makes on purpose (`DemoMistakes`).
struct Lives {
    struct Child {
        var id: String, birth: ISODay, sex: String, ethnicity: String

        /// A pupil number for a child of 4 or more, who has started school or is about to (DfE, Unique Pupil Numbers:
        /// a check letter, then the authority, the school, the year and a serial), else "UN1", not yet allocated.
        func upn(index: Int, on day: ISODay) -> (upn: String?, unknown: String?) {
            guard birth.adding(months: 48) <= day else { return (nil, "UN1") }
            let body = "302" + String(format: "%04d%02d%03d", 2000 + index / 1000, (birth.year + 5) % 100, index % 1000)
            let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
            let sum = body.enumerated().reduce(0) { total, item in total + Int(String(item.element))! * (item.offset + 2) }
            return (String(letters[sum % 23]) + body, nil)
        }
        var index: Int { Int(id.dropFirst(2)) ?? 0 }
    }

    let lastDay: ISODay
    let calendar = WorkingDays.englandAndWales
    var census = CINCensus()
    var ssda903 = SSDA903Return()

    init(lastDay: ISODay) { self.lastDay = lastDay }

    func workingDay(_ day: ISODay) -> ISODay { calendar.adding(0, to: day) }
    static func text(_ day: ISODay) -> String { String(format: "%02d/%02d/%04d", day.day, day.month, day.year) }

    /// A young person who left care at 18 and is now 18 to 21: the header and the OC3 row.
    mutating func careLeaver(_ child: Child, random: inout SeededRandom) {
        // Not looked after in the year: whether she is a mother is not asked (rule 628).
        var row = header(child)
        row.values[.mother] = ""
        ssda903.rows[.header, default: []].append(row)
        // Most are in touch, in education, training or work, and in suitable accommodation.
        let accommodation = random.pick(["B1", "C1", "C1", "D1", "E1", "S1", "G2"])
        ssda903.rows[.oc3, default: []].append(
            SSDA903Row(
                table: .oc3,
                values: [
                    .child: child.id, .dob: Self.text(child.birth), .inTouch: random.pick(["YES", "YES", "YES", "YES", "NO", "REFU"]),
                    .activity: random.pick(["F1", "P1", "F2", "P2", "G4", "G6", "F1"]), .accommodation: accommodation,
                ], file: "oc3.csv", line: 0))
    }

    func header(_ child: Child) -> SSDA903Row {
        SSDA903Row(
            table: .header,
            values: [
                .child: child.id, .sex: child.sex, .dob: Self.text(child.birth), .ethnic: child.ethnicity,
                .upn: child.upn(index: child.index, on: lastDay).upn ?? "UN1",
                // Whether a girl looked after is a mother is asked of every girl; none of the demo's is.
                .mother: child.sex == "F" ? "0" : "", .motherChildDOB: "",
            ], file: "header.csv", line: 0)
    }

    /// A child in need: a referral within the two years before the last day, what followed it, and sometimes a
    /// referral again after the case closed.
    mutating func childInNeed(_ child: Child, random: inout SeededRandom) {
        var referral = workingDay(max(child.birth.adding(days: 7), lastDay.adding(days: -random.int(5...730))))
        var episodes: [CINEpisode] = []
        // Plans before the records Waymark holds begin, as the census's count of previous plans says.
        var previousPlans = random.chance(0.22) ? 1 : 0
        var cameIntoCare = false
        while referral <= lastDay, episodes.count < 3 {
            let (episode, closed) = referralAndAfter(
                child, on: referral, previousPlans: previousPlans, mayComeIntoCare: !cameIntoCare, cameIntoCare: &cameIntoCare,
                random: &random)
            episodes.append(episode)
            previousPlans += episode.protectionPlans.count
            guard let closed, random.chance(Lives.referredAgain(after: episode)) else { break }
            referral = calendar.adding(random.int(10...200), to: closed)
        }
        let (upn, unknown) = child.upn(index: child.index, on: lastDay)
        census.children.append(
            CINChild(
                line: 0, laChildID: child.id, upn: upn, formerUPN: nil, upnUnknown: unknown, birthDate: child.birth.description,
                expectedBirthDate: nil, deathDate: nil, sex: child.sex, sexElement: "Sex", ethnicity: child.ethnicity,
                disabilities: random.chance(0.09) ? Array(Set((0..<random.int(1...2)).map { _ in random.pick(Self.disabilities) })).sorted() : [],
                episodes: episodes))
    }

    /// Closed cases come back: after no further action or an assessment alone more often than after a plan.
    static func referredAgain(after episode: CINEpisode) -> Double {
        episode.plans.isEmpty && episode.protectionPlans.isEmpty ? 0.42 : 0.2
    }

    static let disabilities = ["AUT", "AUT", "LD", "LD", "COMM", "MOB", "BEH", "BEH", "HAND", "PC", "HEAR", "VIS", "CON", "INC"]
    static let factors = ["1C", "2A", "2B", "3A", "3B", "4A", "4B", "5A", "5B", "6A", "6B", "8B", "9A", "10A", "11A", "17A", "18B", "22A"]

    /// One referral and what followed it; returns the episode and the day it closed, if it has.
    mutating func referralAndAfter(
        _ child: Child, on referral: ISODay, previousPlans: Int, mayComeIntoCare: Bool, cameIntoCare: inout Bool,
        random: inout SeededRandom
    ) -> (CINEpisode, ISODay?) {
        var episode = CINEpisode(
            line: 0, referralDate: referral.description, referralSource: random.pick(["1A", "1B", "2A", "3A", "3B", "5A", "5D", "6", "10"]),
            primaryNeed: random.pick(["N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6", "N8"]), closureDate: nil, reasonForClosure: nil,
            dateOfInitialCPC: nil, referralNFA: "false", assessments: [], plans: [], section47s: [], protectionPlans: [], preProceedings: [])
        if random.chance(DemoReturns.noFurtherAction) {
            episode.referralNFA = "true"
            episode.closureDate = referral.description
            episode.reasonForClosure = "RC7"
            return (episode, referral)
        }
        // The assessment: most authorised within 45 working days, some late, the latest still open.
        let start = calendar.adding(random.int(0...3), to: referral)
        guard start <= lastDay else { return (episode, nil) }
        let due = random.chance(0.87) ? random.int(8...45) : random.int(46...75)
        let authorised = calendar.adding(due, to: start)
        var assessment = CINEpisode.Assessment(line: 0, start: start.description, authorised: nil, internalReview: nil, factors: [])
        var lastActivity = start
        if authorised <= lastDay {
            assessment.authorised = authorised.description
            assessment.factors = Array(Set((0..<random.int(1...3)).map { _ in random.pick(Self.factors) })).sorted()
            lastActivity = authorised
        }
        var open = authorised > lastDay
        var closingReason = random.chance(0.8) ? "RC7" : random.pick(["RC3", "RC4", "RC5"])
        var closesAfterAssessment = false

        // A section 47 enquiry from a strategy discussion, and an initial conference for about half.
        let enquiry = calendar.adding(random.int(0...3), to: start)
        if random.chance(DemoReturns.section47), enquiry <= lastDay {
            let target = calendar.adding(15, to: enquiry)
            var section47 = CINEpisode.Section47(
                line: 0, start: enquiry.description, initialConferenceTarget: target.description, dateOfInitialCPC: nil,
                conferenceNotRequired: "false")
            lastActivity = max(lastActivity, enquiry)
            if random.chance(DemoReturns.conferenceAfterEnquiry) {
                let conference = calendar.adding(random.chance(0.8) ? random.int(5...14) : random.int(16...25), to: enquiry)
                if conference <= lastDay {
                    section47.dateOfInitialCPC = conference.description
                    // The assessment runs alongside the enquiry and is concluded by the conference at the latest.
                    if let done = assessment.authorised.flatMap({ ISODay($0) }), done < conference {
                        assessment.authorised = conference.description
                    }
                    let plan = protectionPlan(from: conference, previousPlans: previousPlans, random: &random)
                    episode.protectionPlans.append(plan)
                    lastActivity = max(lastActivity, plan.end.flatMap { ISODay($0) } ?? lastDay)
                    open = open || plan.end == nil
                } else {
                    open = true
                }
            } else {
                section47.conferenceNotRequired = "true"
            }
            episode.section47s.append(section47)
        }
        if episode.protectionPlans.isEmpty, !open, random.chance(DemoReturns.childInNeedPlan) {
            let planStart = calendar.adding(random.int(1...10), to: lastActivity)
            if planStart <= lastDay {
                let end = calendar.adding(random.int(40...260), to: planStart)
                episode.plans.append(.init(line: 0, start: planStart.description, end: end <= lastDay ? end.description : nil))
                lastActivity = min(end, lastDay)
                open = end > lastDay
            } else {
                open = true
            }
        } else if episode.protectionPlans.isEmpty, episode.section47s.isEmpty, !open, random.chance(0.45) {
            // Closed after the assessment: no further action, or to early help; some found no factors at all.
            if random.chance(0.4) { assessment.factors = ["21"] }
            closingReason = random.chance(0.6) ? "RC8" : "RC9"
            closesAfterAssessment = true
        }
        episode.assessments.append(assessment)

        // Looked after: an episode starting after the referral, with its moves and reviews; the case stays open
        // while the child is in care.
        let entersCare = calendar.adding(random.int(1...20), to: referral)
        if !closesAfterAssessment, mayComeIntoCare, child.birth.age(on: referral) < 16, random.chance(DemoReturns.lookedAfter / 0.75),
            entersCare <= lastDay
        {
            cameIntoCare = true
            let left = lookedAfter(child, from: entersCare, random: &random)
            lastActivity = max(lastActivity, left ?? lastDay)
            open = open || left == nil
            closingReason = "RC7"
        }
        guard !open, closesAfterAssessment || random.chance(0.85) else { return (episode, nil) }
        // A case closed after its assessment closes the day the assessment is authorised, so both are in one year's return.
        let closed = closesAfterAssessment ? lastActivity : calendar.adding(random.int(1...40), to: lastActivity)
        guard closed <= lastDay else { return (episode, nil) }
        episode.closureDate = closed.description
        episode.reasonForClosure = closingReason
        return (episode, closed)
    }

    /// A child protection plan from its initial conference: reviews within 3 months and then every 6 (Working Together
    /// 2023), ending at a review for most, some after two years or more.
    func protectionPlan(from conference: ISODay, previousPlans: Int, random: inout SeededRandom) -> CINEpisode.ProtectionPlan {
        let category = random.pick(["NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"])
        var plan = CINEpisode.ProtectionPlan(
            line: 0, start: conference.description, end: nil, initialCategory: category, latestCategory: category,
            previousPlans: String(previousPlans), reviews: [])
        let lasts = random.pick([1, 2, 2, 2, 3, 3, 5])
        var review = workingDay(conference.adding(months: 3).adding(days: -random.int(0...12)))
        while review <= lastDay, plan.reviews.count < lasts {
            plan.reviews.append(review.description)
            review = workingDay(review.adding(months: 6).adding(days: -random.int(0...12)))
        }
        if plan.reviews.count == lasts { plan.end = plan.reviews.last }
        return plan
    }
}
