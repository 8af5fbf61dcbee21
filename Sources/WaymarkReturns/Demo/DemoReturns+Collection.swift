import WaymarkDomain

extension DemoReturns {
    /// The returns a council would send for one collection year (by the year it ends, 2026 for April 2025 to March
    /// 2026): the children in need and looked after at any time in the year, with only the year's activity, as the DfE's
    /// rules ask (an assessment, conference or plan that ended before the year is not in it; nothing after it is). A
    /// year not yet over holds what happened to the last day: the return so far. A complete year's returns carry the
    /// demo's few deliberate mistakes (`DemoMistakes`).
    public func collection(_ year: Int) -> (ssda903: SSDA903Return, census: CINCensus) {
        let starts = ISODay(year: year - 1, month: 4, day: 1), ends = ISODay(year: year, month: 3, day: 31)
        let period = Period(starts: starts, ends: ends)
        var census = CINCensus()
        census.header = .init(
            collection: "CIN", year: String(year), referenceDate: ends.description, sourceLevel: "L", lea: "302",
            softwareCode: "Waymark demo", release: "1", serialNumber: String(seed % 1000),
            dateTime: "\(min(ends, lastDay))T18:00:00")
        census.children = self.census.children.compactMap { child in
            var child = child
            child.episodes = child.episodes.compactMap { period.episode($0) }
            return child.episodes.isEmpty ? nil : child
        }
        var ssda903 = ssda903(in: period)
        if ends <= lastDay {
            DemoMistakes.make(in: &ssda903)
            DemoMistakes.make(in: &census)
        }
        return (ssda903, census)
    }

    struct Period {
        var starts: ISODay, ends: ISODay

        func holds(_ day: ISODay) -> Bool { day >= starts && day <= ends }
        /// Something from `start` to `end` (open when nil) that was going on in the year.
        func overlaps(_ start: String, _ end: String?) -> Bool {
            guard let start = ISODay(start), start <= ends else { return false }
            return end.flatMap { ISODay($0) }.map { $0 >= starts } ?? true
        }
        /// A day after the year is not known to its return.
        func known(_ day: String?) -> String? { day.flatMap { ISODay($0) }.flatMap { $0 <= ends ? $0.description : nil } }

        func episode(_ whole: CINEpisode) -> CINEpisode? {
            guard overlaps(whole.referralDate, whole.closureDate) else { return nil }
            var episode = whole
            if known(episode.closureDate) == nil {
                episode.closureDate = nil
                episode.reasonForClosure = nil
            }
            episode.assessments = whole.assessments.compactMap { whole in
                guard overlaps(whole.start, whole.authorised) else { return nil }
                var assessment = whole
                assessment.authorised = known(whole.authorised)
                // Factors are given for a completed assessment only.
                if assessment.authorised == nil { assessment.factors = [] }
                return assessment
            }
            episode.plans = whole.plans.compactMap { whole in
                guard overlaps(whole.start, whole.end) else { return nil }
                return .init(line: whole.line, start: whole.start, end: known(whole.end))
            }
            episode.section47s = whole.section47s.compactMap { whole in
                let finished = whole.dateOfInitialCPC ?? (whole.conferenceNotRequired == "true" ? whole.start : nil)
                guard overlaps(whole.start, finished) else { return nil }
                var enquiry = whole
                enquiry.dateOfInitialCPC = known(whole.dateOfInitialCPC)
                return enquiry
            }
            episode.protectionPlans = whole.protectionPlans.compactMap { whole in
                guard overlaps(whole.start, whole.end) else { return nil }
                var plan = whole
                plan.end = known(whole.end)
                plan.reviews = whole.reviews.filter { ISODay($0).map(holds) ?? false }
                return plan
            }
            return episode
        }
    }

    /// The SSDA903 return for the year: the episodes open in it (an end after the year not yet known), its reviews,
    /// OC2 for the children looked after for 12 months at its end, OC3 for the care leavers 17 to 21 in it.
    func ssda903(in period: Period) -> SSDA903Return {
        var result = SSDA903Return()
        let episodes = (ssda903.rows[.episodes] ?? []).compactMap { whole -> SSDA903Row? in
            guard let start = whole.date(.decom), start <= period.ends, (whole.date(.dec) ?? period.ends) >= period.starts else { return nil }
            var row = whole
            if let end = whole.date(.dec), end > period.ends {
                row.values[.dec] = ""
                row.values[.rec] = ""
                row.values[.reasonPlaceChange] = ""
            }
            return row
        }
        let leavers = (ssda903.rows[.oc3] ?? []).filter { row in
            guard let born = row.date(.dob) else { return false }
            return born.age(on: period.ends) >= 17 && born.age(on: period.starts) <= 21
        }
        let inReturn = Set(episodes.map(\.childID) + leavers.map(\.childID))
        result.rows[.header] = (ssda903.rows[.header] ?? []).filter { inReturn.contains($0.childID) }
        result.rows[.episodes] = episodes
        result.rows[.reviews] = (ssda903.rows[.reviews] ?? []).filter { $0.date(.review).map(period.holds) ?? false }
        // A decision to place for adoption stays in each year's return while it stands (the demo's never cease).
        result.rows[.placedForAdoption] = (ssda903.rows[.placedForAdoption] ?? []).filter { row in
            inReturn.contains(row.childID) && (row.date(.datePlaced).map { $0 <= period.ends } ?? false)
        }
        result.rows[.oc2] = outcomes(Dictionary(grouping: episodes, by: \.childID), in: period)
        result.rows[.oc3] = leavers
        result.numberLines()
        return result
    }

    /// OC2: the children looked after continuously for 12 months at the year's end, with the items asked of their age
    /// (SDQ from 4 to 16, health promotion under 5, convictions from 10; substance misuse interventions only where
    /// there is misuse). Made afresh for each year from the child and the year, so the same year gives the same rows.
    func outcomes(_ episodes: [String: [SSDA903Row]], in period: Period) -> [SSDA903Row] {
        let born = Dictionary(
            (ssda903.rows[.header] ?? []).compactMap { row in row.date(.dob).map { (row.childID, $0) } }, uniquingKeysWith: { a, _ in a })
        return episodes.keys.sorted().compactMap { child -> SSDA903Row? in
            // The demo's children have one period of care each: in care at the year's end, and since 12 months before.
            guard let rows = episodes[child], let first = rows.compactMap({ $0.date(.decom) }).min(), let birth = born[child],
                first <= period.ends.adding(months: -12), rows.contains(where: { $0[.dec].isEmpty })
            else { return nil }
            var random = SeededRandom(seed: seed ^ (UInt64(child.dropFirst(2)) ?? 0) &* 31 ^ UInt64(period.ends.year))
            let age = birth.age(on: period.ends), ageAtStart = birth.age(on: period.starts)
            let sdq = age >= 4 && ageAtStart < 17
            let scored = random.chance(0.85)
            let misuse = age >= 11 && random.chance(0.06), received = random.chance(0.7)
            return SSDA903Row(
                table: .oc2,
                values: [
                    .child: child, .dob: Lives.text(birth),
                    .sdqScore: sdq && scored ? String(random.int(0...40)) : "",
                    .sdqReason: sdq && !scored ? random.pick(["SDQ2", "SDQ3", "SDQ4", "SDQ5"]) : "",
                    .convicted: age >= 10 ? (random.chance(0.04) ? "1" : "0") : "", .healthCheck: age < 5 ? (random.chance(0.9) ? "1" : "0") : "",
                    .immunisations: random.chance(0.85) ? "1" : "0", .teethCheck: random.chance(0.8) ? "1" : "0",
                    .healthAssessment: random.chance(0.9) ? "1" : "0", .substanceMisuse: misuse ? "1" : "0",
                    // Whether an intervention was offered is asked only where none was received (rule 158).
                    .interventionReceived: misuse ? (received ? "1" : "0") : "", .interventionOffered: misuse && !received ? "1" : "",
                ], file: "oc2.csv", line: 0)
        }
    }
}
