/// Child in need plans: their dates, and a child in need plan alongside a child protection plan (a child on a
/// protection plan is not also on a child in need plan).
extension CINRules {
    static let plans: [CINRule] = [
        CINRule("4010", [.cinPlanDates: [.cinPlanStart]]) { data in
            let starts = data[.cinPlanDates].days(.cinPlanStart)
            return data.rows(.cinPlanDates) { !Days.isDay(starts[$0]) || starts[$0] > data.period.end }
        },
        CINRule("4011", [.cinPlanDates: [.cinPlanStart, .cinPlanEnd]]) { data in
            let starts = data[.cinPlanDates].days(.cinPlanStart), ends = data[.cinPlanDates].days(.cinPlanEnd)
            return data.rows(.cinPlanDates) { Days.isDay(starts[$0]) && Days.isDay(ends[$0]) && ends[$0] < starts[$0] }
        },
        CINRule("4012Q", [.cinPlanDates: [.cinPlanStart, .cinPlanEnd]]) { data in
            let starts = data[.cinPlanDates].days(.cinPlanStart), ends = data[.cinPlanDates].days(.cinPlanEnd)
            return data.rows(.cinPlanDates) { Days.isDay(starts[$0]) && ends[$0] == starts[$0] }
        },
        CINRule("4013", [.cinPlanDates: [.cinPlanEnd]]) { $0.outsidePeriod(.cinPlanDates, .cinPlanEnd) },
        CINRule("4014", [.cinPlanDates: [.cinPlanStart, .cinPlanEnd]]) { $0.overlapping(.cinPlanDates, start: .cinPlanStart, end: .cinPlanEnd) },
        CINRule("4004", [.cinPlanDates: [.cinPlanEnd]]) { $0.moreThanOneOpen(.cinPlanDates, end: .cinPlanEnd) },
        CINRule("4008", [.cinPlanDates: [.cinPlanStart], .childIdentifiers: [.deathDate]]) { $0.afterDeath(.cinPlanDates, .cinPlanStart) },
        CINRule("4009Q", [.cinPlanDates: [.cinPlanEnd], .childIdentifiers: [.deathDate]]) { $0.afterDeath(.cinPlanDates, .cinPlanEnd) },
        CINRule("4015", [.cinPlanDates: [.cinPlanStart], .cinDetails: [.referralDate]]) { $0.beforeReferral(.cinPlanDates, .cinPlanStart) },
        // Three rules on the two kinds of plan at once, told apart here by which began during which: a child in need
        // plan begun during a protection plan (4016); a protection plan begun during a child in need plan that did not
        // end the day it began, as a step up is recorded (4017; plans begun the same day break both); both still open in one episode (4001: plans of
        // different episodes both left open are reported by 4004 and 8935).
        CINRule("4016", [.cinPlanDates: [.cinPlanStart], .childProtectionPlans: [.cppStart, .cppEnd]]) { data in
            data.planPairs { cin, protection in cin.start >= protection.start && cin.start < protection.runsTo }
        },
        CINRule("4017", [.cinPlanDates: [.cinPlanStart, .cinPlanEnd], .childProtectionPlans: [.cppStart]]) { data in
            data.planPairs { cin, protection in protection.start >= cin.start && protection.start < cin.runsTo }
        },
        CINRule("4001", [.cinPlanDates: [.cinPlanEnd], .childProtectionPlans: [.cppEnd]]) { data in
            data.planPairs(inOneEpisode: true) { cin, protection in cin.runsTo == .max && protection.runsTo == .max }
        },
        CINRule("4003", [.reviews: [.reviewDate], .cinPlanDates: [.cinPlanStart, .cinPlanEnd], .childProtectionPlans: [.cppStart]]) { data in
            // A review of a protection plan while a child in need plan of the same episode was open: with the plan
            // reviewed and the child in need plan.
            let reviews = data[.reviews].days(.reviewDate)
            let starts = data[.cinPlanDates].days(.cinPlanStart), ends = data[.cinPlanDates].days(.cinPlanEnd)
            var cinPlans = Set<Int>()
            let found = data.rows(.reviews) { row in
                guard Days.isDay(reviews[row]) else { return false }
                let open = data.rows(.cinPlanDates, ofEpisode: data.episode(.reviews, row)).filter { plan in
                    data.span(plan, starts: starts, ends: ends).map { $0.start <= reviews[row] && reviews[row] < $0.runsTo } ?? false
                }
                cinPlans.formUnion(open)
                return !open.isEmpty
            }
            return found + data.hits(.cinPlanDates, cinPlans) + data.hits(.childProtectionPlans, found.map { data.planOfReview[$0.row] })
        },
    ]
}

extension CINCensusData {
    /// Pairs of a child in need plan and a protection plan of the same child (or, `inOneEpisode`, of the same episode)
    /// for which `test` holds, as rows of both.
    func planPairs(inOneEpisode: Bool = false, _ test: (_ cin: Span, _ protection: Span) -> Bool) -> [RowHit] {
        let cinStarts = self[.cinPlanDates].days(.cinPlanStart), cinEnds = self[.cinPlanDates].days(.cinPlanEnd)
        let cppStarts = self[.childProtectionPlans].days(.cppStart), cppEnds = self[.childProtectionPlans].days(.cppEnd)
        var cin = Set<Int>(), protection = Set<Int>()
        let owners = inOneEpisode ? rowsOfEpisode : rowsOfChild
        for (cinPlans, protectionPlans) in zip(owners[.cinPlanDates] ?? [], owners[.childProtectionPlans] ?? []) {
            for plan in cinPlans {
                guard let a = span(plan, starts: cinStarts, ends: cinEnds) else { continue }
                for other in protectionPlans {
                    guard let b = span(other, starts: cppStarts, ends: cppEnds), test(a, b) else { continue }
                    cin.insert(plan)
                    protection.insert(other)
                }
            }
        }
        return hits(.cinPlanDates, cin) + hits(.childProtectionPlans, protection)
    }
}
