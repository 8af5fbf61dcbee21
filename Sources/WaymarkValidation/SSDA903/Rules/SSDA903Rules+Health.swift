import WaymarkDomain
import WaymarkReturns

/// Reviews, and the outcomes of children looked after continuously for 12 months (OC2): health, strengths and
/// difficulties, convictions, substance misuse.
extension SSDA903Rules {
    static let reviews: [SSDA903Rule] = [
        SSDA903Rule("166", [.reviews: [.review]]) { $0.notADay(.reviews, .review, required: true) },
        SSDA903Rule("167", [.reviews: [.reviewCode]]) { $0.notIn(.reviews, .reviewCode, SSDA903Codes.reviewParticipation, blankAllowed: false) },
        // PN0 is the code for a child under 4 at the review; PN1 to PN7 say how a child of 4 or over took part.
        SSDA903Rule("440", [.reviews: [.dob, .review, .reviewCode]]) { data in reviewAge(data) { code, age in code == "PN0" && age >= 4 } },
        SSDA903Rule("441", [.reviews: [.dob, .review, .reviewCode]]) { data in
            reviewAge(data) { code, age in code != "PN0" && !code.isEmpty && age < 4 }
        },
    ]

    static func reviewAge(_ data: SSDA903Data, _ breaks: @escaping (String, Int) -> Bool) -> [RowHit] {
        let table = data[.reviews]!
        let born = table.days(.dob), on = table.days(.review), code = table[.reviewCode]
        return data.rows(.reviews) { Days.isDay(born[$0]) && Days.isDay(on[$0]) && breaks(code[$0], Days.age(born: born[$0], on: on[$0])) }
    }

    /// The OC2 items asked only of children looked after continuously for 12 months.
    static let outcomeItems: [SSDA903Column] = [
        .convicted, .healthCheck, .immunisations, .teethCheck, .healthAssessment, .substanceMisuse,
        .interventionReceived, .interventionOffered,
    ]
    /// The four health items every child in the OC2 cohort must have.
    static let healthItems: [SSDA903Column] = [.immunisations, .teethCheck, .healthAssessment, .substanceMisuse]

    static let outcomes: [SSDA903Rule] = [
        SSDA903Rule("180", [.oc2: [.sdqScore]]) { data in
            let score = data[.oc2]![.sdqScore]
            return data.rows(.oc2) { !score[$0].isEmpty && !(Int(score[$0]).map { (0...40).contains($0) } ?? false) }
        },
        SSDA903Rule("181", [.oc2: outcomeItems]) { data in
            let columns = outcomeItems.map { data[.oc2]![$0] }
            return data.rows(.oc2) { row in columns.contains { !$0[row].isEmpty && !SSDA903Codes.yesNo.contains($0[row]) } }
        },
        SSDA903Rule("196", [.oc2: [.sdqReason]]) { $0.notIn(.oc2, .sdqReason, SSDA903Codes.sdqReason) },
        SSDA903Rule("197a", [.oc2: [.sdqScore, .sdqReason]]) { data in
            let score = data[.oc2]![.sdqScore], reason = data[.oc2]![.sdqReason]
            return data.rows(.oc2) { !score[$0].isEmpty && !reason[$0].isEmpty }
        },
        SSDA903Rule("158", [.oc2: [.interventionReceived, .interventionOffered]]) { data in
            let received = data[.oc2]![.interventionReceived], offered = data[.oc2]![.interventionOffered]
            return data.rows(.oc2) { received[$0] == "1" && !offered[$0].isEmpty }
        },
        SSDA903Rule("159", [.oc2: [.substanceMisuse, .interventionReceived, .interventionOffered]]) { data in
            let misuse = data[.oc2]![.substanceMisuse], received = data[.oc2]![.interventionReceived], offered = data[.oc2]![.interventionOffered]
            return data.rows(.oc2) { misuse[$0] == "1" && received[$0] == "0" && offered[$0].isEmpty }
        },
        SSDA903Rule("192", [.oc2: [.substanceMisuse, .interventionReceived]]) { data in
            let misuse = data[.oc2]![.substanceMisuse], received = data[.oc2]![.interventionReceived]
            return data.rows(.oc2) { misuse[$0] == "1" && received[$0].isEmpty }
        },
        SSDA903Rule("193", [.oc2: [.substanceMisuse, .interventionReceived, .interventionOffered]]) { data in
            let misuse = data[.oc2]![.substanceMisuse], received = data[.oc2]![.interventionReceived], offered = data[.oc2]![.interventionOffered]
            return data.rows(.oc2) { misuse[$0] != "1" && (!received[$0].isEmpty || !offered[$0].isEmpty) }
        },
        completed("182", when: outcomeItems),
        completed("544", when: [.convicted]),
        completed("547", when: [.healthCheck]),
        oc2Age("542", [.convicted], filled: true) { age, _ in age < 10 },
        oc2Age("188", [.sdqScore, .sdqReason], filled: true) { age, _ in age < 4 },
        oc2Age("189", [.sdqScore, .sdqReason], filled: true) { _, ageAtStart in ageAtStart >= 17 },
        cohort("190", outcomeItems, inCohort: false, filled: true),
        cohort("185", [.sdqScore], inCohort: false, filled: true),
        cohort("198", [.sdqReason], inCohort: false, filled: true),
        cohort("191", healthItems, inCohort: true, filled: false),
        cohort("543", [.convicted], inCohort: true, filled: false) { age, _ in age >= 10 },
        cohort("545", [.healthCheck], inCohort: true, filled: false) { age, _ in age < 5 },
        // Health promotion is asked of the OC2 cohort under 5; rows outside the cohort are rule 190's.
        cohort("546", [.healthCheck], inCohort: true, filled: true) { age, _ in age >= 5 },
        cohort("186", [.sdqScore, .sdqReason], inCohort: true, filled: false, all: true) { age, ageAtStart in ageAtStart >= 4 && age < 17 },
        // Those who turned 4 or 17 in the year, whom rule 186 leaves out.
        cohort("197B", [.sdqScore, .sdqReason], inCohort: true, filled: false, all: true) { age, ageAtStart in
            (ageAtStart < 4 && age >= 4) || (ageAtStart < 17 && age >= 17)
        },
        // SDQ1 is "no form returned: the child was under 4 or over 17 at the date of the latest assessment", which cannot
        // be so of a child 4 or over on 1 April and 16 or under on 31 March (the listing's "or" is read as "and"). Asked
        // of the 12-month cohort only: a reason given for a child outside it is rule 198's.
        SSDA903Rule("157", [.oc2: [.dob, .sdqReason], .episodes: []]) { data in
            let children = data[.oc2]![.child], born = data[.oc2]!.days(.dob), reason = data[.oc2]![.sdqReason]
            return data.rows(.oc2) { row in
                reason[row] == "SDQ1" && data.continuouslyLookedAfter.contains(children[row]) && Days.isDay(born[row])
                    && Days.age(born: born[row], on: data.year.start) >= 4 && Days.age(born: born[row], on: data.year.end) <= 16
            }
        },
    ]

    /// OC2 rows with any of `when` filled in but one of the four health items blank.
    static func completed(_ code: String, when: [SSDA903Column]) -> SSDA903Rule {
        SSDA903Rule(code, [.oc2: Array(Set(when + healthItems))]) { data in
            let given = when.map { data[.oc2]![$0] }, health = healthItems.map { data[.oc2]![$0] }
            return data.rows(.oc2) { row in given.contains { !$0[row].isEmpty } && health.contains { $0[row].isEmpty } }
        }
    }

    /// OC2 rows with any of `columns` filled in, for a child whose age at 31 March (and at 1 April) breaks the rule.
    static func oc2Age(_ code: String, _ columns: [SSDA903Column], filled: Bool, breaks: @escaping @Sendable (Int, Int) -> Bool) -> SSDA903Rule {
        SSDA903Rule(code, [.oc2: [.dob] + columns]) { data in
            let born = data[.oc2]!.days(.dob), given = columns.map { data[.oc2]![$0] }
            return data.rows(.oc2) { row in
                Days.isDay(born[row]) && given.contains { !$0[row].isEmpty }
                    && breaks(Days.age(born: born[row], on: data.year.end), Days.age(born: born[row], on: data.year.start))
            }
        }
    }

    /// OC2 rows of children in (or out of) the cohort looked after continuously for 12 months, with any of `columns`
    /// filled in (or blank; with `all`, every one blank), where their age at 31 March and 1 April applies.
    static func cohort(
        _ code: String, _ columns: [SSDA903Column], inCohort: Bool, filled: Bool, all: Bool = false,
        ages: (@Sendable (Int, Int) -> Bool)? = nil
    ) -> SSDA903Rule {
        SSDA903Rule(code, [.oc2: columns + (ages == nil ? [] : [.dob]), .episodes: []]) { data in
            let table = data[.oc2]!, children = table[.child], born = table.days(.dob), given = columns.map { table[$0] }
            return data.rows(.oc2) { row in
                let matches =
                    filled ? given.contains { !$0[row].isEmpty } : all ? given.allSatisfy { $0[row].isEmpty } : given.contains { $0[row].isEmpty }
                guard matches, data.continuouslyLookedAfter.contains(children[row]) == inCohort else { return false }
                guard let ages else { return true }
                return Days.isDay(born[row]) && ages(Days.age(born: born[row], on: data.year.end), Days.age(born: born[row], on: data.year.start))
            }
        }
    }
}
