import WaymarkDomain
import WaymarkReturns

/// The episode of need (`CINdetails`): referral, source, need, closure, and what may and may not be recorded against
/// a referral with no further action or a case closed after assessment.
extension CINRules {
    static let episodes: [CINRule] = [
        CINRule("8600", [.cinDetails: [.referralDate]]) { data in
            let referrals = data[.cinDetails].days(.referralDate)
            return data.rows(.cinDetails) { !Days.isDay(referrals[$0]) || referrals[$0] > data.period.end }
        },
        CINRule("8606", [.cinDetails: [.referralDate], .childIdentifiers: [.birthDate, .expectedBirthDate]]) { data in
            // 40 weeks before birth (or expected birth): no referral can come earlier.
            let referrals = data[.cinDetails].days(.referralDate)
            let born = data[.childIdentifiers].days(.birthDate), expected = data[.childIdentifiers].days(.expectedBirthDate)
            return data.withTheirChildren(
                data.rows(.cinDetails) { row in
                    let child = data.child(.cinDetails, row)
                    let birth = Days.isDay(born[child]) ? born[child] : expected[child]
                    return Days.isDay(referrals[row]) && Days.isDay(birth) && referrals[row] < birth - 280
                })
        },
        CINRule("8866", [.cinDetails: [.referralSource]]) { $0.notIn(.cinDetails, .referralSource, CINCodes.referralSource, blankAllowed: false) },
        CINRule("8568", [.cinDetails: [.referralNFA]]) { data in
            let nfa = data[.cinDetails][.referralNFA]
            return data.rows(.cinDetails) { CINYesNo.read(nfa[$0]) == nil }
        },
        CINRule("8610", [.cinDetails: [.primaryNeed, .referralNFA]]) { data in
            let need = data[.cinDetails][.primaryNeed], nfa = data[.cinDetails][.referralNFA]
            return data.rows(.cinDetails) { need[$0].isEmpty && CINYesNo.read(nfa[$0]) == false }
        },
        CINRule("8650", [.cinDetails: [.primaryNeed]]) { $0.notIn(.cinDetails, .primaryNeed, CINCodes.primaryNeed, blankAllowed: true) },
        CINRule("8620", [.cinDetails: [.closureDate]]) { $0.outsidePeriod(.cinDetails, .closureDate) },
        CINRule("8630", [.cinDetails: [.referralDate, .closureDate]]) { data in
            let referrals = data[.cinDetails].days(.referralDate), closures = data[.cinDetails].days(.closureDate)
            return data.rows(.cinDetails) { Days.isDay(referrals[$0]) && Days.isDay(closures[$0]) && closures[$0] < referrals[$0] }
        },
        CINRule("8640", [.cinDetails: [.reasonForClosure]]) {
            $0.notIn(.cinDetails, .reasonForClosure, CINCodes.reasonForClosure, blankAllowed: true)
        },
        CINRule("8805", [.cinDetails: [.closureDate, .reasonForClosure]]) { data in
            let closures = data[.cinDetails][.closureDate], reasons = data[.cinDetails][.reasonForClosure]
            return data.rows(.cinDetails) { !closures[$0].isEmpty && reasons[$0].isEmpty }
        },
        CINRule("8810", [.cinDetails: [.closureDate, .reasonForClosure]]) { data in
            let closures = data[.cinDetails][.closureDate], reasons = data[.cinDetails][.reasonForClosure]
            return data.rows(.cinDetails) { closures[$0].isEmpty && !reasons[$0].isEmpty }
        },
        CINRule("8815", [.cinDetails: [.closureDate, .referralNFA]]) { data in
            let closures = data[.cinDetails][.closureDate], nfa = data[.cinDetails][.referralNFA]
            return (data.rowsOfChild[.cinDetails] ?? []).flatMap { rows in
                let open = rows.filter { closures[$0].isEmpty && CINYesNo.read(nfa[$0]) != true }
                return open.count > 1 ? data.hits(.cinDetails, open) : []
            }
        },
        CINRule("8816", [.cinDetails: [.referralDate, .closureDate, .referralNFA]]) { data in
            // An open episode that is not a no-further-action referral must be the child's latest.
            let t = data[.cinDetails], referrals = t.days(.referralDate), closures = t[.closureDate], nfa = t[.referralNFA]
            return data.rows(.cinDetails) { row in
                guard closures[row].isEmpty, CINYesNo.read(nfa[row]) != true, Days.isDay(referrals[row]) else { return false }
                return data.rows(.cinDetails, ofChild: data.child(.cinDetails, row)).contains { referrals[$0] > referrals[row] }
            }
        },
        CINRule("8820", [.cinDetails: [.referralDate, .closureDate]]) { data in
            data.overlapping(.cinDetails, start: .referralDate, end: .closureDate)
        },
        CINRule("8825Q", [.cinDetails: [.reasonForClosure]]) { data in
            let reasons = data[.cinDetails][.reasonForClosure]
            return data.rows(.cinDetails) { CINCodes.closedAfterAssessment.contains(reasons[$0]) && data.rows(.assessments, ofEpisode: $0).isEmpty }
        },
        CINRule(
            "8831",
            [
                .cinDetails: [.referralNFA, .initialConference], .assessments: [.assessmentStart], .cinPlanDates: [.cinPlanStart],
                .section47: [.s47Start], .childProtectionPlans: [.cppStart],
            ]
        ) { data in
            let nfa = data[.cinDetails][.referralNFA]
            return data.withActivity(
                data.rows(.cinDetails) { CINYesNo.read(nfa[$0]) == true }, in: [.assessments, .cinPlanDates, .section47, .childProtectionPlans])
        },
        CINRule("8832", [.cinDetails: [.referralNFA], .section47: [.s47Start], .childProtectionPlans: [.cppStart]]) { data in
            let nfa = data[.cinDetails][.referralNFA]
            return data.withActivity(
                data.rows(.cinDetails) { CINYesNo.read(nfa[$0]) == true }, in: [.section47, .childProtectionPlans],
                conference: false)
        },
        CINRule("4000", [.cinDetails: [.referralNFA], .cinPlanDates: [.cinPlanStart]]) { data in
            let nfa = data[.cinDetails][.referralNFA]
            return data.withActivity(data.rows(.cinDetails) { CINYesNo.read(nfa[$0]) == true }, in: [.cinPlanDates], conference: false)
        },
        CINRule(
            "2990",
            [
                .cinDetails: [.reasonForClosure, .initialConference], .cinPlanDates: [.cinPlanStart], .section47: [.s47Start],
                .childProtectionPlans: [.cppStart],
            ]
        ) { data in
            // Closed after assessment: the assessment itself is expected, nothing after it.
            let reasons = data[.cinDetails][.reasonForClosure]
            return data.withActivity(
                data.rows(.cinDetails) { CINCodes.closedAfterAssessment.contains(reasons[$0]) },
                in: [.cinPlanDates, .section47, .childProtectionPlans])
        },
        CINRule(
            "8565",
            [
                .cinDetails: [.closureDate], .assessments: [.assessmentStart, .assessmentAuthorised],
                .cinPlanDates: [.cinPlanStart, .cinPlanEnd], .section47: [.s47Start, .initialConference],
                .childProtectionPlans: [.cppStart, .cppEnd], .reviews: [.reviewDate],
            ]
        ) { data in
            // A date in a part of the episode, or its own conference, after the episode closed.
            let closures = data[.cinDetails].days(.closureDate), conferences = data[.cinDetails].days(.initialConference)
            let parts: [(CINTable, [CINColumn])] = [
                (.assessments, [.assessmentStart, .assessmentAuthorised]),
                (.cinPlanDates, [.cinPlanStart, .cinPlanEnd]), (.section47, [.s47Start, .initialConference]),
                (.childProtectionPlans, [.cppStart, .cppEnd]), (.reviews, [.reviewDate]),
            ]
            let late = parts.flatMap { table, columns in
                let dates = columns.map { data[table].days($0) }
                return data.rows(table) { row in
                    let closed = closures[data.episode(table, row)]
                    return Days.isDay(closed) && dates.contains { $0[row] > closed }
                }
            }
            return data.withTheirEpisodes(late) + data.rows(.cinDetails) { Days.isDay(closures[$0]) && conferences[$0] > closures[$0] }
        },
        CINRule("8569Q", [.cinDetails: [.referralDate, .referralNFA]]) { data in
            // A referral from before the year ended long before it: it cannot still be awaiting its decision.
            let referrals = data[.cinDetails].days(.referralDate), nfa = data[.cinDetails][.referralNFA]
            let cutOff = Days.adding(workingDays: -1, to: data.period.start)
            return data.rows(.cinDetails) { Days.isDay(referrals[$0]) && referrals[$0] < cutOff && CINYesNo.read(nfa[$0]) == true }
        },
        CINRule("8555Q", [.cinDetails: [.referralDate], .childIdentifiers: [.deathDate]]) { $0.afterDeath(.cinDetails, .referralDate) },
        CINRule("8585Q", [.cinDetails: [.reasonForClosure], .childIdentifiers: [.deathDate]]) { data in
            let reasons = data[.cinDetails][.reasonForClosure], deaths = data[.childIdentifiers][.deathDate]
            return data.withTheirChildren(data.rows(.cinDetails) { reasons[$0] == CINCodes.died && deaths[data.child(.cinDetails, $0)].isEmpty })
        },
    ]
}

extension CINCensusData {
    /// Of these episodes, those with something recorded in them that should not be (rows in `tables`, or an initial
    /// conference on the episode itself), with the rows that hold it.
    func withActivity(_ episodes: [RowHit], in tables: [CINTable], conference: Bool = true) -> [RowHit] {
        let conferences = self[.cinDetails][.initialConference]
        var found: [RowHit] = [], activity: [RowHit] = []
        for episode in episodes.map(\.row) {
            let rows = tables.flatMap { hits($0, self.rows($0, ofEpisode: episode)) }
            guard !rows.isEmpty || (conference && !conferences[episode].isEmpty) else { continue }
            found.append(RowHit(CINTable.cinDetails.rawValue, episode))
            activity += rows
        }
        return found + activity
    }
}
