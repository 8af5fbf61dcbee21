import WaymarkDomain
import WaymarkReturns

/// What is asked of which children: the child's details by whether and when they were looked after, care leaver
/// information (OC3) only of care leavers, previous permanence of children who started to be looked after from
/// 1 April 2016.
extension SSDA903Rules {
    static let cohorts: [SSDA903Rule] = [
        SSDA903Rule("351", [.header: [.dob]]) { data in
            let born = data[.header]!.days(.dob)
            return data.rows(.header) { Days.isDay(born[$0]) && Days.birthday(25, born: born[$0]) < data.year.start }
        },
        // A child is of compulsory school age from the prescribed day (31 August, 31 December, 31 March) after their
        // fifth birthday (Education Act 1996, s8): on 31 March, every child of 5 or over. UN1 is "not yet of school age".
        SSDA903Rule("209", [.header: [.upn, .dob]]) { data in
            let upn = data[.header]![.upn], born = data[.header]!.days(.dob)
            return data.rows(.header) { upn[$0] == "UN1" && Days.isDay(born[$0]) && Days.age(born: born[$0], on: data.year.end) >= 5 }
        },
        // UN4 is "newly looked after, UPN not yet obtained": not for a child looked after since before 24 March.
        SSDA903Rule("210", [.header: [.upn], .episodes: [.decom, .dec]]) { data in
            let upn = data[.header]![.upn], children = data[.header]![.child], e = data.episodeColumns!
            return data.rows(.header) { row in
                guard upn[row] == "UN4", data.lookedAfterAtYearEnd(children[row]), let period = data.periods(of: children[row]).last,
                    Days.isDay(e.starts[period[0]])
                else { return false }
                return e.starts[period[0]] < data.year.end - 7
            }
        },
        // A girl or young woman (11 or over, the age rule 620 sets for motherhood) looked after, other than on short
        // breaks (rule 399), says whether she is a mother: on 31 March, or on the day she ceased to be looked after.
        SSDA903Rule("393", [.header: [.sex, .dob, .mother], .episodes: [.ls, .dec]]) { data in
            motherMissing(data) { child in data.lookedAfterAtYearEnd(child) ? data.year.end : nil }
        },
        SSDA903Rule("607", [.header: [.sex, .dob, .mother], .episodes: [.ls, .dec, .rec]]) { data in
            motherMissing(data) { child in data.ceasedToBeLookedAfter(child).flatMap { $0 >= data.year.start && $0 <= data.year.end ? $0 : nil } }
        },
        SSDA903Rule("625", [.header: [.motherChildDOB], .episodes: [.dec, .rec]]) { data in
            let children = data[.header]![.child], born = data[.header]!.days(.motherChildDOB)
            return data.rows(.header) { row in
                let latest = data.ceasedToBeLookedAfter(children[row]).map { min($0, data.year.end) } ?? data.year.end
                return Days.isDay(born[row]) && born[row] > latest
            }
        },
        SSDA903Rule("628", [.header: [.mother], .oc3: [.child], .episodes: [.decom, .dec]]) { data in
            let children = data[.header]![.child], mother = data[.header]![.mother], leavers = Set(data[.oc3]![.child])
            return data.rows(.header) { !mother[$0].isEmpty && leavers.contains(children[$0]) && !data.lookedAfterInYear(children[$0]) }
        },
        SSDA903Rule("1014", [.uasc: [.duc], .oc3: [.child], .episodes: [.decom, .dec]]) { data in
            let children = data[.uasc]![.child], leavers = data.rowsByChild(.oc3)
            return data.rows(.uasc) { leavers[children[$0]] != nil && !data.lookedAfterInYear(children[$0]) }
                .flatMap { [$0] + data.hits(.oc3, leavers[children[$0.row]]!) }
        },
        // Died (E2) or care taken over by another local authority (E3): no care leaver information.
        leaverWhoEnded("1000", reasons: ["E2"], lastOnly: false),
        leaverWhoEnded("1011", reasons: ["E3"], lastOnly: true),
        // Care leaver information is asked of those who had ceased to be looked after by their 17th or 18th birthday in
        // the year; not of one looked after on the day, whether still looked after (1007) or leaving later (1016).
        SSDA903Rule("1007", [.oc3: [.dob], .episodes: [.decom, .dec]]) { data in
            let children = data[.oc3]![.child], born = data[.oc3]!.days(.dob)
            return data.rows(.oc3) { row in
                data.lookedAfterAtYearEnd(children[row]) && lookedAfterOnBirthday(data, children[row], born[row])
            }
        },
        SSDA903Rule("1016", [.oc3: [.dob], .episodes: [.decom, .dec, .rec]]) { data in
            let children = data[.oc3]![.child], born = data[.oc3]!.days(.dob)
            return (0..<children.count).flatMap { row -> [RowHit] in
                guard let ceased = data.ceasedToBeLookedAfter(children[row]), ceased <= data.year.end,
                    lookedAfterOnBirthday(data, children[row], born[row])
                else { return [] }
                return [RowHit(.oc3, row)] + data.hits(.episodes, data.episodes[children[row]]!.suffix(1))
            }
        },
        SSDA903Rule("187", [.ad1: [.child], .oc3: [.child], .episodes: [.decom, .dec, .ls]], needs: [.episodes]) { data in
            [SSDA903Table.ad1, .oc3].flatMap { table -> [RowHit] in
                guard let children = data[table]?[.child] else { return [] }
                return data.rows(table) { data.continuouslyLookedAfter.contains(children[$0]) }
            }
        },
        SSDA903Rule("215", [.oc2: [.sdqScore, .sdqReason] + outcomeItems, .oc3: [.child]]) { data in
            let children = data[.oc2]![.child], items = ([.sdqScore, .sdqReason] + outcomeItems).map { data[.oc2]![$0] }
            let leavers = data.rowsByChild(.oc3)
            return data.rows(.oc2) { row in leavers[children[row]] != nil && items.contains { !$0[row].isEmpty } }
                .flatMap { [$0] + data.hits(.oc3, leavers[children[$0.row]]!) }
        },
        // Care leavers not looked after in the year have only their header and OC3 (UASC is rule 1014's).
        SSDA903Rule("1012", Dictionary(uniqueKeysWithValues: onlyForTheLookedAfter.map { ($0, [SSDA903Column.child]) }), needs: [.oc3, .episodes]) {
            data in
            let leavers = Set(data[.oc3]![.child])
            return onlyForTheLookedAfter.flatMap { table -> [RowHit] in
                guard let children = data[table]?[.child] else { return [] }
                return data.rows(table) { leavers.contains(children[$0]) && !data.lookedAfterInYear(children[$0]) }
            }
        },
        SSDA903Rule("EPI", [.header: [.child]], needs: [.header, .episodes]) { data in
            let children = data[.header]![.child], leavers = Set(data[.oc3]?[.child] ?? [])
            return data.rows(.header) { data.episodes[children[$0]] == nil && !leavers.contains(children[$0]) }
        },
        // Short breaks only (V3, V4): no motherhood, reviews or participation. The short breaks are pointed at too.
        SSDA903Rule("399", [.header: [.mother], .reviews: [.review, .reviewCode], .episodes: [.ls]], needs: [.header, .episodes]) { data in
            let e = data.episodeColumns!
            let shortBreaksOnly = Set(data.childrenWithEpisodes.filter { data.episodes[$0]!.allSatisfy { e.ls[$0] == "V3" || e.ls[$0] == "V4" } })
            guard !shortBreaksOnly.isEmpty else { return [] }
            let children = data[.header]![.child], mother = data[.header]![.mother]
            var found = data.rows(.header) { !mother[$0].isEmpty && shortBreaksOnly.contains(children[$0]) }
            var shortBreaks = Set(found.map { children[$0.row] })
            if let reviews = data[.reviews] {
                let reviewed = reviews[.child], day = reviews[.review], code = reviews[.reviewCode]
                let hits = data.rows(.reviews) { row in (!day[row].isEmpty || !code[row].isEmpty) && shortBreaksOnly.contains(reviewed[row]) }
                found += hits
                shortBreaks.formUnion(hits.map { reviewed[$0.row] })
            }
            return found + data.hits(.episodes, shortBreaks.flatMap { data.episodes[$0]! })
        },
        SSDA903Rule("630", [.episodes: [.rne, .decom], .previousPermanence: [.previousPermanence]]) { data in
            let e = data.episodeColumns!, children = data[.episodes]![.child], permanence = data[.previousPermanence]!
            let started = data.rows(.episodes) { e.rne[$0] == "S" && e.starts[$0] >= data.year.start && e.starts[$0] <= data.year.end }
            guard !started.isEmpty else { return [] }
            let given = permanence[.previousPermanence], who = permanence[.child]
            let answered = Set(who.indices.filter { !given[$0].isEmpty }.map { who[$0] })
            return started.filter { !answered.contains(children[$0.row]) }
        },
        SSDA903Rule("634", [.previousPermanence: [.previousPermanence, .previousPermanenceLA, .datePermanence], .episodes: [.rne, .decom]]) { data in
            let table = data[.previousPermanence]!, children = table[.child], e = data.episodeColumns!
            let items = [table[.previousPermanence], table[.previousPermanenceLA], table[.datePermanence]]
            let from = Days.number(year: 2016, month: 4, day: 1)
            return data.rows(.previousPermanence) { row in
                guard items.contains(where: { !$0[row].isEmpty }),
                    let started = data.startedToBeLookedAfter(children[row]) ?? data.episodes[children[row]]?.first
                else { return false }
                return Days.isDay(e.starts[started]) && e.starts[started] < from
            }
        },
        // U1 and U2: with former foster carers, which is staying put, for those 18 or over.
        SSDA903Rule("3001", [.oc3: [.dob, .accommodation]]) { data in
            let born = data[.oc3]!.days(.dob), accommodation = data[.oc3]![.accommodation]
            return data.rows(.oc3) { row in
                guard accommodation[row].hasPrefix("U"), Days.isDay(born[row]) else { return false }
                let birthday = Days.birthday(17, born: born[row])
                return birthday >= data.year.start && birthday <= data.year.end
            }
        },
    ]

    /// Tables with rows only for children looked after in the year.
    static let onlyForTheLookedAfter: [SSDA903Table] = [
        .reviews, .oc2, .ad1, .placedForAdoption, .previousPermanence, .missing,
        .socialWorkerEpisodes, .dolo,
    ]

    static func motherMissing(_ data: SSDA903Data, on: (String) -> Int32?) -> [RowHit] {
        let table = data[.header]!, children = table[.child], sex = table[.sex], born = table.days(.dob), mother = table[.mother]
        let e = data.episodeColumns!
        return data.rows(.header) { row in
            guard mother[row].isEmpty, sex[row] == "F" || sex[row] == "2", Days.isDay(born[row]), let day = on(children[row]),
                let last = data.episodes[children[row]]?.last, e.ls[last] != "V3", e.ls[last] != "V4"
            else { return false }
            return Days.age(born: born[row], on: day) >= 11
        }
    }

    /// Looked after on their 17th or 18th birthday, where it fell in the year.
    static func lookedAfterOnBirthday(_ data: SSDA903Data, _ child: String, _ born: Int32) -> Bool {
        guard Days.isDay(born) else { return false }
        return [17, 18].contains { years in
            let birthday = Days.birthday(years, born: born)
            return birthday >= data.year.start && birthday <= data.year.end && data.lookedAfter(child, on: birthday)
        }
    }

    /// OC3 rows of children whose episodes (or only the last) ended for one of `reasons`; that episode is pointed at too.
    static func leaverWhoEnded(_ code: String, reasons: Set<String>, lastOnly: Bool) -> SSDA903Rule {
        SSDA903Rule(code, [.oc3: [.child], .episodes: [.rec]]) { data in
            let children = data[.oc3]![.child], e = data.episodeColumns!
            return (0..<children.count).flatMap { row -> [RowHit] in
                let rows = data.episodes[children[row]] ?? []
                guard let ended = (lastOnly ? rows.suffix(1) : rows[...]).last(where: { reasons.contains(e.rec[$0]) }) else { return [] }
                return [RowHit(.oc3, row), RowHit(.episodes, ended)]
            }
        }
    }
}
