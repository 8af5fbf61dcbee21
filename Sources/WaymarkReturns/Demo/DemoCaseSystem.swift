import Foundation
import WaymarkDomain
import WaymarkSpreadsheet

/// The case system's extract (Standard Safeguarding Dataset tables) for the demo children: what the returns do not
/// carry, made to agree with them. Each referral comes from a contact with its MASH decision, and some children have
/// earlier contacts that went no further or to early help; plans and episodes have their visits; children looked
/// after have health checks, personal education plans and sometimes missing episodes with return interviews; care
/// leavers have their latest contact and pathway plan; a few children are privately fostered; every open case is
/// allocated to a worker in a team. Most things happen on time and some late, so the trackers have something to show.
public struct DemoCaseSystem: Sendable {
    /// The council's teams the demo allocates to, by the part of the service they are in.
    public struct Teams: Sendable {
        public var assessment: [String], intervention: [String], inCare: String, leavingCare: String, earlyHelp: [String]
        public init(assessment: [String], intervention: [String], inCare: String, leavingCare: String, earlyHelp: [String]) {
            self.assessment = assessment
            self.intervention = intervention
            self.inCare = inCare
            self.leavingCare = leavingCare
            self.earlyHelp = earlyHelp
        }
    }

    /// Each table's rows, values by column.
    public var rows: [SSDTable: [[String: String]]] = [:]

    /// The extract as the case system would write it on the day after the demo's last day.
    /// - Parameter rowIDYear: end each row's identifier with this year (CON1-2024), so that extracts made for several
    ///   years load side by side as the children's history; the workers stay the same from year to year.
    public init(_ demo: DemoReturns, teams: Teams, seed: UInt64, rowIDYear: Int? = nil) {
        var random = SeededRandom(seed: seed ^ 0x55D)
        let calendar = WorkingDays.englandAndWales
        let lastDay = demo.lastDay
        var rows: [SSDTable: [[String: String]]] = [:]
        var counters: [SSDTable: Int] = [:]
        /// Adds a row and gives its identifier: a person's is the child's own; other rows are numbered in their table.
        @discardableResult func add(_ table: SSDTable, _ values: [String: String]) -> String {
            let number = counters[table, default: 0] + 1
            counters[table] = number
            var row = values
            if table != .person {
                row[table.idColumn] = "\(table.idPrefix)\(number)" + (rowIDYear.map { table != .professionals ? "-\($0)" : "" } ?? "")
            }
            rows[table, default: []].append(row)
            return row[table.idColumn] ?? ""
        }
        func yesNo(_ probability: Double) -> String { random.chance(probability) ? "Y" : "N" }

        // Six made-up workers in every team; their names come from the same lists as the children's.
        var workforce: [String: [(id: String, name: String)]] = [:]
        for team in [teams.assessment, teams.intervention, [teams.inCare, teams.leavingCare], teams.earlyHelp].flatMap({ $0 }) {
            workforce[team] = (0..<6).map { _ in
                let number = counters[.professionals, default: 0] + 1
                let name = "\(random.pick(DemoReturns.boysNames + DemoReturns.girlsNames)) \(random.pick(DemoReturns.familyNames))"
                let id = add(
                    .professionals,
                    [
                        "prof_staff_id": "S\(number)", "prof_professional_name": name,
                        "prof_social_worker_registration_no": String(format: "SW%06d", 100_000 + number),
                        "prof_agency_worker_flag": random.chance(0.15) ? "Y" : "N",
                        "prof_professional_job_title": team.contains("Early Help") ? "Family Support Worker" : "Social Worker",
                        "prof_professional_caseload": "", "prof_professional_department": team, "prof_full_time_equivalency": "1",
                    ])
                return (id, name)
            }
        }
        var allocations: [String: [(team: String, worker: (id: String, name: String), starts: ISODay, ends: ISODay?)]] = [:]
        func allocate(_ child: String, team: String, from starts: ISODay, to ends: ISODay?) {
            allocations[child, default: []].append((team, random.pick(workforce[team]!), starts, ends))
        }
        /// Visits from a day, the first within `first` working days, then every `interval` (a few late), up to the end or
        /// the last day.
        func visits(
            _ table: SSDTable, child: String, from starts: ISODay, to ends: ISODay?, first: Int, every interval: Int,
            extra: [String: String] = [:]
        ) {
            var visit = calendar.adding(random.chance(0.9) ? random.int(1...first) : random.int(first + 1...first + 5), to: starts)
            while visit <= min(ends ?? lastDay, lastDay) {
                var values = extra
                values[table.personColumn!] = child
                values[table.starts!.column] = visit.description
                for column in table.columns where column.hasSuffix("_seen") { values[column] = yesNo(0.97) }
                for column in table.columns where column.hasSuffix("_seen_alone") { values[column] = yesNo(0.7) }
                for column in table.columns where column.hasSuffix("_bedroom") { values[column] = yesNo(0.6) }
                add(table, values)
                visit = calendar.adding(random.chance(0.9) ? random.int(interval - 3...interval) : random.int(interval + 1...interval + 8), to: visit)
            }
        }

        let headers = Dictionary((demo.ssda903.rows[.header] ?? []).map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
        let censusChildren = Dictionary(demo.census.children.map { ($0.laChildID, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, name) in demo.names.sorted(by: { $0.key < $1.key }) {
            let header = headers[id]
            let census = censusChildren[id]
            let dob = census?.birthDate ?? header?.date(.dob)?.description ?? ""
            add(
                .person,
                [
                    "pers_person_id": id, "pers_legacy_id": "", "pers_upn": "", "pers_forename": name.given, "pers_surname": name.family,
                    "pers_sex": census?.sex ?? header?[.sex] ?? "U", "pers_gender": "",
                    "pers_ethnicity": census?.ethnicity ?? header?[.ethnic] ?? "", "pers_dob": dob,
                    // The NHS number range 999 000 0000 to 999 999 9999 is kept for tests and never issued.
                    "pers_single_unique_id": "999\(String(format: "%07d", random.int(0...9_999_999)))", "pers_upn_unknown": "UN1",
                    "pers_send_flag": "", "pers_expected_dob": "", "pers_death_date": "", "pers_is_mother": "", "pers_nationality": "",
                ])
        }

        for child in demo.census.children {
            let id = child.laChildID
            for (number, episode) in child.episodes.enumerated() {
                guard let referral = ISODay(episode.referralDate) else { continue }
                // Contacts before the first referral that went no further, or to early help.
                for _ in 0..<(number == 0 && random.chance(0.4) ? random.int(1...2) : 0) {
                    let contact = calendar.adding(0, to: referral.adding(days: -random.int(60...500)))
                    let earlyHelp = random.chance(0.35)
                    contactAndDecision(id, on: contact, outcome: earlyHelp ? "EARLY_HELP_FLAG" : "NFA_FLAG")
                    if earlyHelp {
                        let starts = calendar.adding(random.int(2...10), to: contact)
                        // Early help closes when the child steps up to children's social care, if not before.
                        let ends = min(calendar.adding(random.int(40...180), to: starts), referral.adding(days: -1))
                        let team = random.pick(teams.earlyHelp)
                        add(
                            .earlyHelpEpisodes,
                            [
                                "earl_person_id": id, "earl_episode_start_date": starts.description,
                                "earl_episode_end_date": ends <= lastDay ? ends.description : "",
                                "earl_episode_reason": random.pick([
                                    "Parenting and Family Dynamics", "Mental Health (Parent or Child)",
                                    "Domestic Violence/ Abuse", "Socio-economic Challenges",
                                ]),
                                "earl_episode_end_reason": ends <= lastDay ? random.pick(["Outcomes met", "Step-up", "NFA"]) : "",
                                "earl_episode_organisation": "Barnet Council – Family Services", "earl_episode_worker_id": "",
                            ])
                        allocate(id, team: team, from: starts, to: ends <= lastDay ? ends : nil)
                    }
                }
                // The contact that became this referral, on the day or the working day before.
                contactAndDecision(id, on: random.chance(0.5) ? referral : calendar.adding(-1, to: referral), outcome: "NEW_REFERRAL_FLAG")

                let closed = episode.closureDate.flatMap { ISODay($0) }
                if episode.referralNFA != "true" {
                    let assessmentTeam = random.pick(teams.assessment)
                    let plan = episode.plans.first.flatMap { ISODay($0.start) } ?? episode.protectionPlans.first.flatMap { ISODay($0.start) }
                    // A child who comes into care moves on to the children in care team (below), so their case stays open here.
                    let lookedAfter = headers[id] != nil
                    if let plan, !lookedAfter {
                        allocate(id, team: assessmentTeam, from: referral, to: plan.adding(days: -1))
                        allocate(id, team: random.pick(teams.intervention), from: plan, to: closed)
                    } else {
                        allocate(id, team: assessmentTeam, from: referral, to: lookedAfter ? nil : closed)
                    }
                }
                // The strategy discussion that started each section 47 enquiry: the same day or the working day before.
                for enquiry in episode.section47s {
                    guard let starts = ISODay(enquiry.start) else { continue }
                    add(
                        .strategyDiscussions,
                        [
                            "stra_person_id": id, "stra_outcome": "Section 47 enquiry",
                            "stra_discussion_date": (random.chance(0.6) ? starts : calendar.adding(-1, to: starts)).description,
                        ])
                }
                for plan in episode.plans {
                    guard let starts = ISODay(plan.start) else { continue }
                    visits(.cinVisits, child: id, from: starts, to: plan.end.flatMap { ISODay($0) }, first: 10, every: 20)
                    // Plan reviews every 3 months, a few late.
                    var review = starts
                    while true {
                        let early = random.chance(0.88) ? random.int(0...12) : -random.int(1...25)
                        review = calendar.adding(0, to: review.adding(months: 3).adding(days: -early))
                        guard review <= min(plan.end.flatMap { ISODay($0) } ?? lastDay, lastDay) else { break }
                        add(.cinPlanReviews, ["cinr_person_id": id, "cinr_review_date": review.description])
                    }
                }
                for plan in episode.protectionPlans {
                    guard let starts = ISODay(plan.start) else { continue }
                    visits(
                        .cpVisits, child: id, from: starts, to: plan.end.flatMap { ISODay($0) }, first: 10, every: 10,
                        extra: ["cppv_cp_plan_id": "\(id)-CP-\(starts)"])
                }
            }
        }

        // Children looked after: allocations move to the children in care team; visits, health, education, missing.
        let episodes = Dictionary(grouping: demo.ssda903.rows[.episodes] ?? [], by: \.childID)
        for (id, childEpisodes) in episodes.sorted(by: { $0.key < $1.key }) {
            let sorted = childEpisodes.compactMap { row in row.date(.decom).map { (row, $0) } }.sorted { $0.1 < $1.1 }
            guard let first = sorted.first?.1 else { continue }
            let left = sorted.last.flatMap { $0.0.date(.dec) }
            allocate(id, team: teams.inCare, from: first, to: left)
            for (row, starts) in sorted {
                // Within a week of each placement, then at most 6 weeks apart (regulation 28): 5 and 28 working days.
                visits(.claVisits, child: id, from: starts, to: row.date(.dec), first: 5, every: 28, extra: ["clav_cla_id": "\(id)-\(starts)"])
            }
            // Initial health assessment due within 20 working days; then reviews (every 6 months under 5, every 12 from
            // 5) and a dental check with each; a few late.
            let born = headers[id]?.date(.dob)
            func late() -> Int { random.chance(0.9) ? -random.int(0...15) : random.int(1...25) }
            var check = calendar.adding(random.chance(0.8) ? random.int(8...20) : random.int(21...40), to: first)
            while check <= min(left ?? lastDay, lastDay) {
                add(
                    .claHealth,
                    [
                        "clah_person_id": id, "clah_health_check_type": "Health Assessment", "clah_health_check_date": check.description,
                        "clah_health_check_status": "Completed",
                    ])
                add(
                    .claHealth,
                    [
                        "clah_person_id": id, "clah_health_check_type": "Dental Check",
                        "clah_health_check_date": calendar.adding(random.int(5...40), to: check).description, "clah_health_check_status": "Completed",
                    ])
                let underFive = born.map { check < $0.adding(months: 60) } ?? false
                check = calendar.adding(0, to: check.adding(months: underFive ? 6 : 12).adding(days: late()))
            }
            var pep = calendar.adding(random.chance(0.85) ? random.int(10...20) : random.int(21...35), to: first)
            while pep <= min(left ?? lastDay, lastDay) {
                add(.educationPlans, ["pepl_person_id": id, "pepl_pep_date": pep.description, "pepl_pep_status": "Completed"])
                // Each term: within 3 months.
                pep = calendar.adding(0, to: pep.adding(months: 3).adding(days: late() - 5))
            }
            if random.chance(0.12) {
                for _ in 0..<random.int(1...3) {
                    let away = calendar.adding(random.int(5...150), to: first)
                    guard away <= lastDay else { continue }
                    let back = away.adding(days: random.int(0...3))
                    let interview = back.adding(days: random.chance(0.75) ? random.int(1...3) : random.int(4...10))
                    add(
                        .missing,
                        [
                            "miss_person_id": id, "miss_missing_episode_start_date": away.description,
                            "miss_missing_episode_type": random.chance(0.8) ? "M" : "A", "miss_missing_episode_end_date": back.description,
                            "miss_missing_rhi_offered": "Y", "miss_missing_rhi_accepted": yesNo(0.7),
                            "miss_missing_rhi_date": interview <= lastDay ? interview.description : "",
                        ])
                }
            }
        }

        // Care leavers: their personal adviser's latest contact (most within 8 weeks) and pathway plan review.
        for row in demo.ssda903.rows[.oc3] ?? [] {
            let inTouch = row[.inTouch] == "YES"
            let contact = inTouch ? calendar.adding(-random.int(random.chance(0.85) ? 1...38 : 41...90), to: lastDay) : nil
            let review = calendar.adding(-random.int(random.chance(0.8) ? 10...125 : 130...250), to: lastDay)
            let adviser = random.pick(workforce[teams.leavingCare]!)
            add(
                .careLeavers,
                [
                    "clea_person_id": row.childID, "clea_care_leaver_eligibility": "Former Relevant",
                    "clea_care_leaver_in_touch": row[.inTouch], "clea_care_leaver_latest_contact": contact?.description ?? "",
                    "clea_care_leaver_accommodation": row[.accommodation],
                    "clea_care_leaver_accom_suitable": row[.accommodation].hasSuffix("1") ? "1" : "2",
                    "clea_care_leaver_activity": row[.activity], "clea_pathway_plan_review_date": review.description,
                    "clea_care_leaver_personal_advisor": adviser.name, "clea_care_leaver_allocated_team": teams.leavingCare,
                    "clea_care_leaver_worker_id": adviser.id,
                ])
            allocate(row.childID, team: teams.leavingCare, from: calendar.adding(-random.int(60...600), to: lastDay), to: nil)
        }

        // A few children privately fostered, notified to the council and visited.
        for child in demo.census.children where random.chance(0.004) {
            let notified = calendar.adding(-random.int(20...300), to: lastDay)
            add(
                .privateFostering,
                [
                    "pfos_person_id": child.laChildID, "pfos_notification_date": notified.description,
                    "pfos_arrangement_start_date": notified.adding(days: -random.int(0...20)).description, "pfos_arrangement_end_date": "",
                    "pfos_first_visit_date": calendar.adding(random.int(3...10), to: notified).description,
                ])
        }
        // One allocation at a time: each ends the day before the next begins, as a transfer between teams does.
        for (child, list) in allocations.sorted(by: { $0.key < $1.key }) {
            let sorted = list.sorted { $0.starts < $1.starts }
            for (index, allocation) in sorted.enumerated() {
                var ends = allocation.ends
                if let next = sorted.dropFirst(index + 1).first, (ends ?? next.starts) >= next.starts { ends = next.starts.adding(days: -1) }
                guard ends.map({ $0 >= allocation.starts }) ?? true else { continue }
                add(
                    .involvements,
                    [
                        "invo_professional_id": allocation.worker.id, "invo_professional_role_id": "Allocated Worker",
                        "invo_professional_team": allocation.team, "invo_person_id": child,
                        "invo_involvement_start_date": allocation.starts.description,
                        "invo_involvement_end_date": ends?.description ?? "", "invo_worker_change_reason": "", "invo_referral_id": "",
                    ])
            }
        }
        self.rows = rows

        func contactAndDecision(_ child: String, on day: ISODay, outcome: String) {
            let source = random.pick([
                ("1B", "Police"), ("3A", "School"), ("2A", "Health visitor"), ("5A", "Family member"), ("6", "Anonymous"),
                ("1A", "Individual"),
            ])
            let contact = add(
                .contacts,
                [
                    "cont_person_id": child, "cont_contact_date": day.description, "cont_contact_source_code": source.0,
                    "cont_contact_source_desc": source.1, "cont_contact_outcome_json": #"{"\#(outcome)": "Y"}"#,
                ])
            let brag = random.pick(["Blue", "Green", "Amber", "Amber", "Red"])
            let decided = calendar.adding(random.chance(0.88) ? random.int(0...1) : random.int(2...4), to: day)
            add(
                .mashDecisions,
                [
                    "mash_person_id": child, "mash_contact_id": contact,
                    "mash_contact_date": day.description, "mash_decision_date": decided.description, "mash_brag_initial": brag,
                    "mash_brag_final": random.chance(0.8) ? brag : random.pick(["Green", "Amber", "Red"]),
                    "mash_outcome": outcome == "NEW_REFERRAL_FLAG"
                        ? "Referral to children's social care"
                        : outcome == "EARLY_HELP_FLAG" ? "Early help" : "No further action",
                ])
        }
    }
}

extension SSDTable {
    /// How the demo's row identifiers begin (CON1, MASH1…).
    var idPrefix: String {
        switch self {
        case .person: ""
        case .professionals: "P"
        case .contacts: "CON"
        case .mashDecisions: "MASH"
        case .strategyDiscussions: "STRAT"
        case .earlyHelpEpisodes: "EH"
        case .cinVisits: "CINV"
        case .cinPlanReviews: "CINR"
        case .cpVisits: "CPV"
        case .claVisits: "CLAV"
        case .claHealth: "HC"
        case .educationPlans: "PEP"
        case .missing: "MIS"
        case .careLeavers: "CL"
        case .privateFostering: "PF"
        case .involvements: "INV"
        }
    }
}

extension DemoCaseSystem {
    /// The extract as the CSV files a case system writes, one per table (`ssd_contacts.csv`…), columns in the SSD's order.
    public var files: [(name: String, data: Data)] {
        SSDTable.allCases.compactMap { table in
            guard let rows = rows[table], !rows.isEmpty else { return nil }
            return (
                "\(table.rawValue).csv", CSVFile.data([table.columns] + rows.map { row in table.columns.map { row[$0] ?? "" } }, lineEnding: "\n")
            )
        }
    }
}
