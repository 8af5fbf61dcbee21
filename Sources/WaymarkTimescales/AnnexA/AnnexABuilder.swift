import WaymarkDomain

/// Works out each child's rows of the eleven lists. What Waymark does not hold (whether the child was seen during the
/// assessment, the permanence plan, IRO contact, emergency protection, placement location, adopters) is left blank,
/// and docs/areas.md says so.
struct AnnexABuilder {
    typealias Value = AnnexA.Value
    let day: ISODay
    let window: ClosedRange<ISODay>
    /// The rows of lists 1 to 11, and the child each row is about.
    private var rows: [[[Value]]] = Array(repeating: [], count: 11)
    private var rowChildren: [[String]] = Array(repeating: [], count: 11)

    init(day: ISODay, window: ClosedRange<ISODay>) {
        self.day = day
        self.window = window
    }

    func lists(version: AnnexA.Version) -> [AnnexA.List] {
        AnnexAHeaders.all.enumerated().map { index, headers in
            AnnexA.List(
                number: index + 1, title: AnnexAHeaders.titles[index],
                headers: headers.map { version == .sex && $0 == "Gender" ? "Sex" : $0 },
                rows: rows[index], rowChildren: rowChildren[index])
        }
    }

    mutating func add(_ child: AnnexAChild) {
        let byKind = Dictionary(grouping: child.records.filter { ($0.starts ?? .distantPast) <= day }, by: \.kind)
        func of(_ kind: JourneyKind) -> [JourneyRecord] { (byKind[kind] ?? []).sorted { ($0.starts ?? .distantPast) < ($1.starts ?? .distantPast) } }
        let person = Person(child, on: day)
        let allocated: [Value] = [.text(child.team), .text(child.worker)]
        func append(_ list: Int, _ values: [Value]) {
            rows[list - 1].append(values)
            rowChildren[list - 1].append(child.identity.localID)
        }
        func inWindow(_ day: ISODay?) -> Bool { day.map(window.contains) ?? false }
        /// Open at some time in the window: started by its end, and not ended before its start.
        func open(_ record: JourneyRecord) -> Bool {
            guard let starts = record.starts, starts <= day else { return false }
            return (record.ends ?? .distantFuture) >= window.lowerBound
        }

        // 1 Contacts in the window.
        for contact in of(.caseSystem(.contacts)) where inWindow(contact.starts) {
            let source = [contact.fields["cont_contact_source_code"], contact.fields["cont_contact_source_desc"]].compactMap {
                $0?.isEmpty == false ? $0 : nil
            }
            append(1, person.basic + [.date(contact.starts), .text(source.joined(separator: ": "))])
        }
        // 2 Early help assessments open in the window.
        for episode in of(.caseSystem(.earlyHelpEpisodes)) where open(episode) {
            append(
                2,
                person.basic + [
                    .date(episode.starts), .date(episode.ends.flatMap { $0 <= day ? $0 : nil }),
                    .text(episode.fields["earl_episode_organisation"]),
                ])
        }
        // 3 Referrals in the window, each with how many referrals the child had in the 12 months before it.
        let referrals = of(.cinEpisode)
        for referral in referrals {
            guard let start = referral.starts, window.contains(start) else { continue }
            let earlier = referrals.filter { $0.starts.map { $0 < start && $0 >= start.adding(months: -12) } ?? false }.count
            append(
                3,
                person.basic + [
                    .date(start), .text(referral.fields["ReferralSource"]), .yesNo(CINYesNo.read(referral.fields["ReferralNFA"])),
                    .count(earlier),
                ] + allocated)
        }
        // 4 Assessments started in the window, or open in it.
        let plans = of(.cinPlan), protectionPlans = of(.cinProtectionPlan)
        for assessment in of(.cinAssessment) where open(assessment) {
            let authorised = assessment.ends.flatMap { $0 <= day ? $0 : nil }
            // Needing support: a child in need or child protection plan began on or after the assessment was authorised
            // (within 3 months); blank while the assessment is open.
            let support = authorised.map { done in
                (plans + protectionPlans).contains { $0.starts.map { $0 >= done && $0 <= done.adding(months: 3) } ?? false }
            }
            append(4, person.basic + [person.disabled, .date(assessment.starts), .empty, .date(authorised), .yesNo(support)] + allocated)
        }
        // 5 Section 47 enquiries started in the window.
        let enquiries = of(.cinSection47)
        for enquiry in enquiries {
            guard let start = enquiry.starts, window.contains(start) else { continue }
            let conference = ISODay(enquiry.fields["DateOfInitialCPC"] ?? "")
            let yearBefore = start.adding(months: -12)...start
            let planFollowed = conference.map { held in protectionPlans.contains { $0.starts == held } }
            let conferences = enquiries.compactMap { ISODay($0.fields["DateOfInitialCPC"] ?? "") }.filter(yearBefore.contains).count
            append(
                5,
                person.basic + [
                    person.disabled, .date(start), .yesNo(CINYesNo.read(enquiry.fields["ICPCnotRequired"])), .date(conference),
                    .yesNo(conference == nil ? nil : planFollowed), .count(enquiries.filter { $0.starts.map(yearBefore.contains) ?? false }.count),
                    .count(conferences),
                ] + allocated)
        }
        // 6 Children in need: each referral's episode open in the window, with the case's status on the day.
        let periods = TimescaleEngine.periodsOfCare(of(.ssda903(.episodes)))
        let visits = (of(.caseSystem(.cinVisits)) + of(.caseSystem(.cpVisits)) + of(.caseSystem(.claVisits))).filter { record in
            record.fields.first { $0.key.hasSuffix("_visit_seen") }?.value == "Y"
        }
        let lastSeen = visits.compactMap(\.starts).max()
        for episode in referrals where open(episode) {
            let closed = episode.ends.flatMap { $0 <= day ? $0 : nil }
            append(
                6,
                person.basic + [
                    person.disabled, .date(episode.starts), .text(AnnexACodes.primaryNeed(episode.fields["PrimaryNeedCode"])),
                    .date(lastSeen), .date(closed), .text(closed == nil ? nil : episode.fields["ReasonForClosure"]),
                    .text(
                        Self.caseStatus(
                            closed: closed != nil, periods: periods, protectionPlans: protectionPlans, plans: plans,
                            day: day)),
                ] + allocated)
        }
        // 7 Child protection plans open in the window.
        let reviews = of(.cinProtectionReview).compactMap(\.starts)
        let protectionVisits = of(.caseSystem(.cpVisits))
        for (index, plan) in protectionPlans.enumerated() where open(plan) {
            let ends = plan.ends.flatMap { $0 <= day ? $0 : nil }
            // A plan recorded as ending before it starts is listed as a problem, and read as lasting its first day.
            let starts = plan.starts ?? day, during = starts...max(starts, ends ?? day)
            let visit = protectionVisits.last { $0.starts.map(during.contains) ?? false }
            let previous = Int(plan.fields["NumberOfPreviousCPP"] ?? "") ?? index
            append(
                7,
                person.basic + [
                    person.disabled, .date(plan.starts), .text(AnnexACodes.abuse(plan.fields["InitialCategoryOfAbuse"])),
                    .text(AnnexACodes.abuse(plan.fields["LatestCategoryOfAbuse"])), .date(visit?.starts),
                    .letteredYesNo(visit.map { $0.fields["cppv_cp_visit_seen_alone"] == "Y" }),
                    .date(reviews.filter(during.contains).max()), .date(ends), .empty, .count(previous),
                ] + allocated)
        }
        // 8 Children looked after at some time in the window: one row for their latest period of care.
        if let period = periods.last(where: { $0.starts <= day && ($0.ends ?? .distantFuture) >= window.lowerBound }) {
            append(8, lookedAfterRow(person, period: period, periods: periods, of: of, allocated: allocated))
        }
        // 9 Care leavers: their latest record on or before the day, when it falls in the window.
        if let leaver = of(.caseSystem(.careLeavers)).last, inWindow(leaver.starts) {
            let fields = leaver.fields
            append(
                9,
                person.basic + [
                    person.uasc(of(.ssda903(.uasc))), person.disabled, .text(fields["clea_care_leaver_allocated_team"] ?? child.team),
                    .text(child.worker), .text(fields["clea_care_leaver_personal_advisor"]), .text(fields["clea_care_leaver_eligibility"]),
                    .date(ISODay(fields["clea_pathway_plan_review_date"] ?? "")),
                    .letteredYesNo(fields["clea_care_leaver_in_touch"].map { $0 == "YES" }),
                    .date(ISODay(fields["clea_care_leaver_latest_contact"] ?? "")), .text(fields["clea_care_leaver_accommodation"]),
                    .text(AnnexACodes.suitability(fields["clea_care_leaver_accom_suitable"])), .text(fields["clea_care_leaver_activity"]),
                ])
        }
        // 10 Children with an adoption decision, match or placement whose process was open in the window.
        if let row = adoptionRow(person, periods: periods, of: of) { append(10, row) }
    }

    private func lookedAfterRow(
        _ person: Person, period: TimescaleEngine.PeriodOfCare, periods: [TimescaleEngine.PeriodOfCare],
        of: (JourneyKind) -> [JourneyRecord], allocated: [Value]
    ) -> [Value] {
        let episodes = of(.ssda903(.episodes)).filter { episode in
            episode.starts.map { $0 >= period.starts && ($0 < (period.ends ?? .distantFuture) || $0 == period.starts) } ?? false
        }
        let first = episodes.first, last = episodes.last
        let yearBefore = day.adding(months: -12)
        // The legal status's start: the first episode of the latest run with the same status.
        let status = last?.fields["LS"]
        let statusStart = episodes.reversed().prefix { $0.fields["LS"] == status }.last?.starts
        let placements = Placement.placements(episodes)
        let health = of(.caseSystem(.claHealth))
        func lastCheck(_ type: String) -> ISODay? { health.filter { $0.fields["clah_health_check_type"] == type }.compactMap(\.starts).max() }
        let missing = of(.caseSystem(.missing)).filter { ($0.starts ?? .distantPast) >= yearBefore }
        let lastMissing = missing.filter { $0.fields["miss_missing_episode_type"] != "A" }.last
        let ended = period.ends.flatMap { $0 <= day ? $0 : nil }
        let earlierEnds = periods.compactMap(\.ends).filter { $0 < period.starts }
        return person.basic + [
            person.uasc(of(.ssda903(.uasc))), person.disabled, .date(period.starts), .text(AnnexACodes.categoryOfNeed(first?.fields["CIN"])),
            .yesNo(earlierEnds.contains { $0 >= period.starts.adding(months: -12) }), .date(statusStart), .text(AnnexACodes.legalStatus(status)),
            .date(of(.ssda903(.reviews)).compactMap(\.starts).filter { $0 >= period.starts }.max()),
            .date(of(.caseSystem(.claVisits)).compactMap(\.starts).filter { $0 >= period.starts }.max()), .empty, .empty,
            .date(lastCheck("Health Assessment")), .date(lastCheck("Dental Check")),
            .count(placements.filter { ($0.ends ?? .distantFuture) > yearBefore }.count), .date(ended),
            .text(ended == nil ? nil : last?.fields["REC"]),
            .date(placements.last?.starts), .text(AnnexACodes.placementType(last?.fields["PLACE"])), .text(last?.fields["PLACE_PROVIDER"]),
            .text(last?.fields["PL_POST"]), .text(last?.fields["URN"]), .empty, .empty,
            .count(missing.filter { $0.fields["miss_missing_episode_type"] != "A" }.count),
            .count(missing.filter { $0.fields["miss_missing_episode_type"] == "A" }.count),
            .yesNo(lastMissing.flatMap { $0.fields["miss_missing_rhi_offered"] }.map { $0 == "Y" }),
            .yesNo(lastMissing.flatMap { $0.fields["miss_missing_rhi_accepted"] }.map { $0 == "Y" }),
        ] + allocated
    }

    /// List 10's row: a child with an adoption decision, a match or a placement for adoption, whose process had not
    /// ended (by an adoption order, or the decision reversed) before the window began; nil for any other child.
    private func adoptionRow(_ person: Person, periods: [TimescaleEngine.PeriodOfCare], of: (JourneyKind) -> [JourneyRecord]) -> [Value]? {
        let decision = of(.ssda903(.placedForAdoption)).last, match = of(.ssda903(.ad1)).last
        let episodes = of(.ssda903(.episodes))
        let placed = episodes.first { Placement.adoptionTypes.contains($0.fields["PLACE"] ?? "") }
        guard decision != nil || match != nil || placed != nil else { return nil }
        let adopted = episodes.last { ["E11", "E12"].contains($0.fields["REC"] ?? "") }?.ends
        if let stopped = adopted ?? decision?.ends, stopped < window.lowerBound { return nil }
        let order = episodes.first { $0.fields["LS"] == "E1" }?.starts
        let fosteringForAdoption = episodes.first { ["A3", "A5"].contains($0.fields["PLACE"] ?? "") }?.starts
        let entered = (decision?.starts).flatMap { start in periods.last { $0.starts <= start }?.starts } ?? periods.last?.starts
        return [
            .text(person.id), .empty, person.sex, person.ethnicity, .date(person.dateOfBirth), person.wholeYears, person.disabled, .date(entered),
            .date(decision?.starts), .date(order), .date(match?.ends), .date(placed?.starts), .date(adopted),
            .date(decision?.ends), .text(decision?.fields["REASON_PLACED_CEASED"]), .date(fosteringForAdoption),
        ]
    }

    static func caseStatus(
        closed: Bool, periods: [TimescaleEngine.PeriodOfCare], protectionPlans: [JourneyRecord], plans: [JourneyRecord],
        day: ISODay
    ) -> String {
        func openOnDay(_ starts: ISODay?, _ ends: ISODay?) -> Bool { (starts ?? .distantFuture) <= day && (ends ?? .distantFuture) > day }
        if closed { return "e) Closed episode" }
        if periods.contains(where: { openOnDay($0.starts, $0.ends) }) { return "a) Looked after child" }
        if protectionPlans.contains(where: { openOnDay($0.starts, $0.ends) }) { return "b) Child Protection plan" }
        if plans.contains(where: { openOnDay($0.starts, $0.ends) }) { return "c) Child in need plan" }
        return "d) Open assessment or other support"
    }
}

/// The columns every list of children begins with, worked out once per child.
struct Person {
    let id: String
    let sex: AnnexA.Value, ethnicity: AnnexA.Value
    let dateOfBirth: ISODay?
    let age: AnnexA.Value, wholeYears: AnnexA.Value, disabled: AnnexA.Value

    init(_ child: AnnexAChild, on day: ISODay) {
        id = child.identity.localID
        sex = .text(AnnexACodes.sex(child.identity.sex))
        ethnicity = .text(AnnexACodes.ethnicity(child.identity.ethnicity))
        dateOfBirth = child.identity.dateOfBirth
        // Age in years with its fraction on the day, as Ofsted's own lists give it (days over 365.25).
        age = dateOfBirth.map { .number(Double($0.days(until: day)) / 365.25) } ?? .empty
        wholeYears =
            dateOfBirth.map { born in
                .number(Double(day.year - born.year - ((day.month, day.day) < (born.month, born.day) ? 1 : 0)))
            } ?? .empty
        disabled = child.identity.disabilities.map { codes in .letteredYesNo(!codes.isEmpty && codes != ["NONE"]) } ?? .empty
    }

    var basic: [AnnexA.Value] { [.text(id), sex, ethnicity, .date(dateOfBirth), age] }

    /// Unaccompanied asylum-seeking: any SSDA903 UASC record.
    func uasc(_ records: [JourneyRecord]) -> AnnexA.Value { .letteredYesNo(!records.isEmpty) }
}
